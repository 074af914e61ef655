using Marsad.Analysis.Language;
using Marsad.Tests.Common;

namespace Marsad.Analysis.Tests.Language;

public class LanguageIdentifierTests
{
    private static readonly LanguageIdentifier Id = new();

    // Sentences written by the team, one news-like sentence per language.
    [Theory]
    [InlineData("ar", "أعلن وزير الخارجية أن المحادثات بين البلدين ستستأنف في العاصمة الفرنسية الأسبوع المقبل.")]
    [InlineData("fa", "وزیر امور خارجه گفت که گفتگوها میان دو کشور هفته آینده در پاریس از سر گرفته خواهد شد.")]
    [InlineData("ur", "وزیر خارجہ نے کہا کہ دونوں ممالک کے درمیان بات چیت اگلے ہفتے پیرس میں دوبارہ شروع ہوگی۔")]
    [InlineData("en", "The foreign minister said that talks between the two countries would resume in Paris next week.")]
    [InlineData("fr", "Le ministre des affaires étrangères a déclaré que les pourparlers entre les deux pays reprendront à Paris la semaine prochaine.")]
    [InlineData("und", "Der Außenminister sagte, dass die Gespräche zwischen den beiden Ländern nächste Woche in Paris wieder aufgenommen werden.")]
    public void Identify_names_the_language_of_a_news_sentence(string expected, string text)
    {
        var g = Id.Identify(text);
        Assert.Equal(expected, g.Code);
        if (expected != "und") Assert.True(g.Confidence > 0.5, $"confidence {g.Confidence}");
    }

    [Fact]
    public void Persian_is_told_from_Arabic_by_its_own_letters()
    {
        // گ (GAF) and پ (PEH) and ی (FARSI YEH) do not occur in Arabic words.
        Assert.Equal("fa", Id.Identify("گزارش پایان یافت و این دیدار مهم بود").Code);
    }

    [Fact]
    public void Urdu_source_line_inside_an_Arabic_seed_does_not_reject_it()
    {
        // Seed 002 opens with "(پاکستان پوائنٹ نیوز / سبوتنيك …)": a short Urdu-script line in an Arabic article.
        var text = File.ReadAllText(SharedData.SeedFiles().Single(f => Path.GetFileName(f).StartsWith("002", StringComparison.Ordinal)));
        Assert.Contains("پاکستان", text, StringComparison.Ordinal);
        var g = Id.Identify(text);
        Assert.Equal("ar", g.Code);
        Assert.True(g.Confidence > 0.9, $"confidence {g.Confidence}");
    }

    [Fact]
    public void Every_seed_is_Arabic()
    {
        foreach (var f in SharedData.SeedFiles())
            Assert.Equal("ar", Id.Identify(File.ReadAllText(f)).Code);
    }

    [Fact]
    public void Empty_or_letterless_text_is_undetermined()
    {
        Assert.Equal("und", Id.Identify("").Code);
        Assert.Equal("und", Id.Identify("2021-06-16 12:30 — 42%").Code);
    }

    [Fact]
    public void Removed_spans_do_not_vote()
    {
        const string english = "This English footer line is furniture and says nothing about the article language at all.\n";
        const string arabic = "قال المتحدث إن الاجتماع عقد.";
        var text = english + arabic;
        Assert.Equal("en", Id.Identify(text).Code);
        Assert.Equal("ar", Id.Identify(text, [new Documents.RemovedSpan(0, english.Length, "furniture")]).Code);
    }
}

public class MixedLanguageTests
{
    [Fact]
    public void Arabic_article_with_a_long_English_list_stays_Arabic()
    {
        var arabic = string.Concat(Enumerable.Repeat("أعلنت وزارة الخارجية اليوم أن الوفد سيصل إلى العاصمة لبحث العلاقات الثنائية. ", 4));
        var english = string.Concat(Enumerable.Repeat("Coming Home by Hal Ashby, Days of Heaven by Terence Malick, The Driver by Walter Hill. ", 6));
        var g = new Marsad.Analysis.Language.LanguageIdentifier().Identify(arabic + english);
        Assert.Equal("ar", g.Code);
        Assert.True(g.Confidence < 0.6, "a mixed document gets a lower confidence");
    }

    [Fact]
    public void English_list_with_an_Arabic_heading_is_English()
    {
        var text = "سنوات السينما: أفضل عشرة\n" + string.Concat(Enumerable.Repeat("Coming Home by Hal Ashby, Days of Heaven by Terence Malick, The Driver by Walter Hill. ", 6));
        Assert.Equal("en", new Marsad.Analysis.Language.LanguageIdentifier().Identify(text).Code);
    }
}
