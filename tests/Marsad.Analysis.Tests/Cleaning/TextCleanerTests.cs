using Marsad.Analysis.Cleaning;
using Marsad.Tests.Common;

namespace Marsad.Analysis.Tests.Cleaning;

public class TextCleanerTests
{
    private static string Seed(string prefix) => File.ReadAllText(SharedData.SeedFiles().Single(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal)));

    [Fact]
    public void Seed_000_has_its_six_repeated_paragraphs_removed_and_the_first_copies_kept()
    {
        var text = Seed("000");
        var removed = new TextCleaner().Clean(text);
        var repeats = removed.Where(r => r.Reason.StartsWith("repeated paragraph", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, repeats.Count);
        foreach (var r in repeats)
        {
            var para = text[r.Start..r.End];
            int first = text.IndexOf(para, StringComparison.Ordinal);
            Assert.True(first < r.Start, "the first occurrence must stay");
        }
    }

    [Fact]
    public void Seed_001_comment_form_and_related_header_are_furniture()
    {
        var text = Seed("001");
        var removed = new TextCleaner().Clean(text);
        var surfaces = removed.Select(r => text[r.Start..r.End]).ToList();
        Assert.Contains("اترك تعليقاً", surfaces);
        Assert.Contains("زر الذهاب إلى الأعلى", surfaces);
        Assert.Contains(surfaces, s => s.StartsWith("لن يتم نشر عنوان بريدك", StringComparison.Ordinal));
    }

    [Fact]
    public void Seed_003_repeated_masthead_and_caption_lines_are_removed_once()
    {
        var text = Seed("003");
        var removed = new TextCleaner().Clean(text);
        var surfaces = removed.Select(r => text[r.Start..r.End]).ToList();
        Assert.Contains("محمد الباز", surfaces);
        Assert.Contains("بوتين و بايدن", surfaces);
        Assert.Single(surfaces, s => s == "محمد الباز");
    }

    [Fact]
    public void A_news_sentence_mentioning_comment_is_not_a_disclaimer()
    {
        Assert.False(Furniture.IsDisclaimer("ورفض المتحدث باسم الوزارة التعليق على التقارير."));
        Assert.True(Furniture.IsDisclaimer("الآراء الواردة أدناه لا تعبر عن رأي الموقع."));
    }

    [Fact]
    public void Lines_recurring_across_documents_of_one_source_become_furniture_for_that_source_only()
    {
        var t = new SourceFurnitureTracker();
        string Doc(int i) => $"فرانس24/ أ ف ب\nقال مسؤول رقم {i} إن المحادثات ستستمر في الأسبوع المقبل.";
        for (int i = 0; i < 3; i++) t.Observe("france24", Doc(i));
        var spans = t.Furniture("france24", Doc(9));
        var s = Assert.Single(spans);
        Assert.Equal("فرانس24/ أ ف ب", Doc(9)[s.Start..s.End]);
        Assert.Empty(t.Furniture("other", Doc(9)));
    }

    [Fact]
    public void An_exact_copy_does_not_vote_twice()
    {
        var t = new SourceFurnitureTracker();
        for (int i = 0; i < 5; i++) t.Observe("x", "سطر متكرر\nنص واحد");
        Assert.Empty(t.Furniture("x", "سطر متكرر\nنص آخر"));
    }
}

public class CodeLineTests
{
    [Fact]
    public void Scraped_script_line_is_removed_but_a_news_line_with_brackets_is_not()
    {
        const string code = "$(document).ready(function(){ var plot = jQuery.jqplot('chart', [data], { seriesDefaults:{ show:false } }); });";
        const string news = "وقال الوزير (في مؤتمر صحفي) إن الحكومة [الجديدة] ستعلن برنامجها {قريباً} خلال أيام.";
        var text = news + "\n" + code;
        var removed = new TextCleaner().Clean(text);
        var r = Assert.Single(removed);
        Assert.Equal(code, text[r.Start..r.End]);
        Assert.StartsWith("code:", r.Reason);
    }
}
