using Marsad.Analysis.Tokenization;

namespace Marsad.Analysis.Tests.Tokenization;

public class ArabicTokenizerTests
{
    private static readonly ArabicTokenizer Tokenizer = new();

    private static List<(string Text, TokenKind Kind)> Tok(string text) =>
        Tokenizer.Tokenize(text).Select(t => (text[t.Start..t.End], t.Kind)).ToList();

    [Fact]
    public void Tokenize_splits_arabic_words_and_punctuation()
    {
        Assert.Equal(
            [("قال", TokenKind.ArabicWord), ("الوزير", TokenKind.ArabicWord), ("،", TokenKind.Punctuation), ("ثم", TokenKind.ArabicWord), (".", TokenKind.Punctuation)],
            Tok("قال الوزير، ثم."));
    }

    [Fact]
    public void Tokenize_keeps_diacritics_tatweel_and_invisible_marks_inside_a_word()
    {
        Assert.Equal([("مُحَمَّدٌ", TokenKind.ArabicWord)], Tok("مُحَمَّدٌ"));
        Assert.Equal([("الرئيـــس", TokenKind.ArabicWord)], Tok("الرئيـــس"));
        Assert.Equal([("مص\u200Cر", TokenKind.ArabicWord)], Tok("مص\u200Cر"));
        Assert.Equal([("لبن\u00ADان", TokenKind.ArabicWord)], Tok("لبن\u00ADان"));
    }

    [Fact]
    public void Tokenize_reads_latin_words_with_digits_and_apostrophes()
    {
        Assert.Equal([("G20", TokenKind.LatinWord), ("O'Brien", TokenKind.LatinWord)], Tok("G20 O'Brien"));
    }

    [Theory]
    [InlineData("3.5")]
    [InlineData("1,000")]
    [InlineData("١٩")]
    [InlineData("٣٫٥")]
    [InlineData("۱۴۰۰")]
    [InlineData("2,500.75")]
    public void Tokenize_reads_a_number_as_one_token(string number)
    {
        Assert.Equal([(number, TokenKind.Number)], Tok(number));
    }

    [Fact]
    public void Tokenize_does_not_join_a_number_and_a_trailing_full_stop()
    {
        Assert.Equal([("عام", TokenKind.ArabicWord), ("2021", TokenKind.Number), (".", TokenKind.Punctuation)], Tok("عام 2021."));
    }

    [Fact]
    public void Tokenize_does_not_join_numbers_across_an_arabic_comma()
    {
        Assert.Equal([("1", TokenKind.Number), ("،", TokenKind.Punctuation), ("2", TokenKind.Number)], Tok("1،2"));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("“")]
    [InlineData("”")]
    [InlineData("«")]
    [InlineData("»")]
    [InlineData("‘")]
    [InlineData("’")]
    [InlineData("'")]
    [InlineData("„")]
    [InlineData("‹")]
    [InlineData("›")]
    public void Tokenize_reads_every_quote_kind_as_a_quote(string quote)
    {
        var tokens = Tok("قال " + quote + "نعم" + quote);
        Assert.Equal(TokenKind.Quote, tokens[1].Kind);
        Assert.Equal(quote, tokens[1].Text);
        Assert.Equal(("نعم", TokenKind.ArabicWord), tokens[2]);
        Assert.Equal(TokenKind.Quote, tokens[3].Kind);
    }

    [Fact]
    public void Tokenize_reads_urls_without_trailing_punctuation()
    {
        Assert.Equal(
            [("انظر", TokenKind.ArabicWord), ("https://www.example.org/news/2021?id=5&x=(a)", TokenKind.Url), (".", TokenKind.Punctuation)],
            Tok("انظر https://www.example.org/news/2021?id=5&x=(a)."));
        Assert.Equal([("(", TokenKind.Punctuation), ("www.bbc.co.uk/arabic", TokenKind.Url), (")", TokenKind.Punctuation)], Tok("(www.bbc.co.uk/arabic)"));
    }

    [Fact]
    public void Tokenize_reads_an_email_address()
    {
        Assert.Equal([("راسلونا", TokenKind.ArabicWord), ("news.desk@example.com", TokenKind.Email), ("،", TokenKind.Punctuation)],
            Tok("راسلونا news.desk@example.com،"));
    }

    [Fact]
    public void Tokenize_reads_arabic_and_latin_hashtags()
    {
        Assert.Equal([("#قمة_جنيف", TokenKind.Hashtag), ("#G7", TokenKind.Hashtag), ("#", TokenKind.Punctuation)], Tok("#قمة_جنيف #G7 #"));
    }

    [Fact]
    public void Tokenize_keeps_runs_of_dots_and_question_marks_together()
    {
        Assert.Equal([("لماذا", TokenKind.ArabicWord), ("؟!", TokenKind.Punctuation), ("ثم", TokenKind.ArabicWord), ("..", TokenKind.Punctuation)], Tok("لماذا؟! ثم.."));
    }

    [Fact]
    public void Tokenize_separates_arabic_from_latin_and_digits()
    {
        Assert.Equal([("عام", TokenKind.ArabicWord), ("2018", TokenKind.Number), ("م", TokenKind.ArabicWord), ("NATO", TokenKind.LatinWord), ("الناتو", TokenKind.ArabicWord)],
            Tok("عام 2018م NATOالناتو"));
    }

    [Fact]
    public void Tokenize_skips_bidi_marks_between_words()
    {
        Assert.Equal([("بيروت", TokenKind.ArabicWord), ("Beirut", TokenKind.LatinWord)], Tok("\u200Fبيروت\u200E \u2067Beirut\u2069"));
    }

    [Fact]
    public void Tokenize_keeps_a_surrogate_pair_together_and_a_lone_surrogate_alone()
    {
        Assert.Equal([("😀", TokenKind.Symbol), ("\uD800", TokenKind.Symbol), ("ب", TokenKind.ArabicWord)], Tok("😀\uD800ب"));
    }

    [Fact]
    public void Tokenize_reads_presentation_forms_as_an_arabic_word()
    {
        Assert.Equal([("\uFE91\uFEF4\uFEAE\uFEED\uFE95", TokenKind.ArabicWord)], Tok("\uFE91\uFEF4\uFEAE\uFEED\uFE95"));
    }

    [Fact]
    public void Kernel_and_list_agree()
    {
        const string text = "قال بلينكن: «سنعمل معاً» في 3.5% من الحالات... https://x.org #وسم";
        var fromKernel = new List<Token>();
        foreach (var t in ArabicTokenizer.Enumerate(text)) fromKernel.Add(t);
        Assert.Equal(Tokenizer.Tokenize(text), fromKernel);
        Assert.Equal(fromKernel.Count, ArabicTokenizer.Count(text));
    }
}
