using Marsad.Analysis.Tokenization;

namespace Marsad.Analysis.Tests.Tokenization;

public class CliticSegmenterTests
{
    private static readonly CliticSegmenter Segmenter = new();
    private static readonly ArabicTokenizer Tokenizer = new();

    /// <summary>Segments the single word <paramref name="word"/> and renders "text:role+text:role".</summary>
    private static string Seg(string word)
    {
        var tokens = Tokenizer.Tokenize(word);
        Assert.Single(tokens);
        var segments = Segmenter.Segment(word, tokens[0]);
        return string.Join("+", segments.Select(s => word[s.Start..s.End]));
    }

    [Theory]
    // The examples.
    [InlineData("وأضاف", "و+أضاف")]                 // conjunction + verb
    [InlineData("للصحفيين", "ل+ل+صحفيين")]           // preposition + article (written ل) + noun
    [InlineData("بالإضافة", "ب+ال+إضافة")]           // preposition + article + noun
    // More proclitics.
    [InlineData("وقال", "و+قال")]
    [InlineData("فقد", "ف+قد")]
    [InlineData("سيكون", "س+يكون")]                  // future marker before an imperfect verb
    [InlineData("وسيكون", "و+س+يكون")]
    [InlineData("الولايات", "ال+ولايات")]
    [InlineData("والولايات", "و+ال+ولايات")]
    [InlineData("بشكل", "ب+شكل")]
    [InlineData("للبنان", "ل+لبنان")]                // ل + a word that starts with lam, not ل+ال+بنان
    // Pronoun suffixes.
    [InlineData("نظيره", "نظير+ه")]
    [InlineData("منها", "من+ها")]
    [InlineData("بعدها", "بعد+ها")]
    [InlineData("ونظيره", "و+نظير+ه")]              // conjunction, stem and suffix
    [InlineData("بيانها", "بيان+ها")]               // not ب+يان+ها: يان is a rare stem
    [InlineData("واتهم", "و+اتهم")]                 // not وات+هم
    [InlineData("وفيه", "و+فيه")]                   // و + a function word, not وفي+ه
    [InlineData("كلاعب", "ك+لاعب")]                 // ك (as) before a frequent noun
    public void Segment_splits_clitics_where_the_rest_is_a_word(string word, string expected)
    {
        Assert.Equal(expected, Seg(word));
    }

    [Theory]
    [InlineData("بولتون")]     // a name: و+لتون is no word
    [InlineData("ولاية")]      // الولاية is frequent, so ولاية is a noun, not و+لاية
    [InlineData("بلينكين")]    // a name
    [InlineData("بايدن")]      // a name from the gazetteer, although ايدن occurs
    [InlineData("كانت")]       // a verb, not ك+انت
    [InlineData("بحث")]        // a noun (البحث), not ب+حث
    [InlineData("واشنطن")]
    [InlineData("الذي")]       // relative pronoun
    [InlineData("مدينة")]      // teh marbuta is not the pronoun suffix ه
    [InlineData("الله")]
    [InlineData("التقى")]
    [InlineData("كتبت")]       // a verb (wrote), not ك+تبت: ك needs a stem more frequent than the word
    [InlineData("كسر")]        // not ك+سر: two-letter stems only for function words
    [InlineData("ساهم")]       // not س+اهم: the future marker precedes ي ت ن only      // a verb (met), not ال+تقى
    public void Segment_keeps_names_and_whole_words_whole(string word)
    {
        Assert.Equal(word, Seg(word));
    }

    [Fact]
    public void Segments_carry_original_offsets_and_keep_diacritics_with_their_letter()
    {
        const string text = "ثم وَأَضَافَ";
        var token = Tokenizer.Tokenize(text)[1];
        var segments = Segmenter.Segment(text, token);
        Assert.Equal(2, segments.Count);
        Assert.Equal(new Segment(3, 5, SegmentRole.Proclitic), segments[0]); // و + fatha
        Assert.Equal(new Segment(5, 12, SegmentRole.Stem), segments[1]);
        Assert.Equal(token.End, segments[^1].End);
    }

    [Fact]
    public void Segment_roles_name_proclitic_article_stem_and_suffix()
    {
        const string text = "للصحفيين ونظيره";
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal([SegmentRole.Proclitic, SegmentRole.Article, SegmentRole.Stem], Segmenter.Segment(text, tokens[0]).Select(s => s.Role));
        Assert.Equal([SegmentRole.Proclitic, SegmentRole.Stem, SegmentRole.Suffix], Segmenter.Segment(text, tokens[1]).Select(s => s.Role));
    }

    [Fact]
    public void Segment_returns_the_whole_token_for_non_arabic_tokens()
    {
        const string text = "NATO 2021";
        foreach (var t in Tokenizer.Tokenize(text))
            Assert.Equal([new Segment(t.Start, t.End, SegmentRole.Stem)], Segmenter.Segment(text, t));
    }

    [Fact]
    public void Default_lexicon_is_loaded_with_names()
    {
        var lexicon = WordLexicon.Default;
        Assert.True(lexicon.Count > 50_000, $"lexicon has {lexicon.Count} words");
        Assert.True(lexicon.Frequency("قال") > lexicon.Frequency("صحفيين"));
        Assert.True(lexicon.IsName("بولتون"));
        Assert.False(lexicon.IsName("قال"));
    }

    [Fact]
    public void Lexicon_builder_round_trips_counts_and_names()
    {
        var builder = new WordLexiconBuilder();
        builder.AddText("قال الوزير وقال السفير، قال.");
        builder.AddName("بولتون");
        using var writer = new StringWriter();
        builder.WriteTo(writer, 2, ["test"]);
        var lexicon = WordLexicon.Read(new StringReader(writer.ToString()));
        Assert.Equal(2, lexicon.Frequency("قال"));
        Assert.Equal(0, lexicon.Frequency("الوزير")); // below the minimum count
        Assert.True(lexicon.IsName("بولتون"));
    }

    [Fact]
    public void Lexicon_builder_skips_words_that_would_overflow_its_buffer()
    {
        var builder = new WordLexiconBuilder();
        builder.AddText(new string('\uFDFA', 60) + " قال"); // 60 ligatures of 18 letters each, then a plain word
        Assert.Equal(1, builder.Tokens);
    }
}
