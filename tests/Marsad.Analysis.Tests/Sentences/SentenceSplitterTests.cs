using Marsad.Analysis.Sentences;
using Marsad.Analysis.Tokenization;

namespace Marsad.Analysis.Tests.Sentences;

public class SentenceSplitterTests
{
    private static List<string> Split(string text)
    {
        var tokens = new ArabicTokenizer().Tokenize(text);
        return new SentenceSplitter().Split(text, tokens).Select(s => text[s.Start..s.End]).ToList();
    }

    [Fact]
    public void Split_ends_sentences_at_full_stop_question_and_exclamation_marks()
    {
        Assert.Equal(["وصل الوزير.", "هل يلتقي نظيره؟", "نعم!", "انتهى"], Split("وصل الوزير. هل يلتقي نظيره؟ نعم! انتهى"));
    }

    [Fact]
    public void Split_ends_a_sentence_at_a_line_break()
    {
        Assert.Equal(["عنوان الخبر", "نص الخبر."], Split("عنوان الخبر\nنص الخبر."));
    }

    [Fact]
    public void Split_does_not_break_inside_a_number()
    {
        Assert.Equal(["بلغ النمو 3.5 في المئة.", "ثم تراجع."], Split("بلغ النمو 3.5 في المئة. ثم تراجع."));
    }

    [Fact]
    public void Split_does_not_break_after_an_arabic_one_letter_abbreviation()
    {
        // د. = doctor
        Assert.Equal(["قال د. محمد إن الوضع صعب."], Split("قال د. محمد إن الوضع صعب."));
    }

    [Fact]
    public void Split_does_not_break_after_latin_abbreviations()
    {
        Assert.Equal(["التقى Mr. Smith مع U.S. officials أمس.", "ثم غادر."], Split("التقى Mr. Smith مع U.S. officials أمس. ثم غادر."));
    }

    [Fact]
    public void Split_does_break_after_a_year_suffix_glued_to_a_number()
    {
        Assert.Equal(["وقع ذلك عام 2018م.", "ثم تغير الوضع."], Split("وقع ذلك عام 2018م. ثم تغير الوضع."));
    }

    [Fact]
    public void Split_does_not_break_inside_guillemets()
    {
        Assert.Equal(["قال: «وصلنا. بدأنا العمل» ثم غادر.", "انتهى."], Split("قال: «وصلنا. بدأنا العمل» ثم غادر. انتهى."));
    }

    [Fact]
    public void Split_keeps_a_closing_quote_with_the_sentence_it_ends()
    {
        Assert.Equal(["قال: «انتهى الأمر.»", "ثم غادر."], Split("قال: «انتهى الأمر.» ثم غادر."));
        Assert.Equal(["وقال إن المحادثات كانت \"بناءة.\"", "ثم غادر."], Split("وقال إن المحادثات كانت \"بناءة.\" ثم غادر."));
    }

    [Fact]
    public void Split_does_not_break_inside_straight_quotes()
    {
        Assert.Equal(["قال \"نعم. لا\" وغادر."], Split("قال \"نعم. لا\" وغادر."));
    }

    [Fact]
    public void Split_treats_arabic_double_dots_and_ellipsis_as_a_full_stop()
    {
        Assert.Equal(["انتهى الاجتماع..", "وبدأ آخر…", "ثم"], Split("انتهى الاجتماع.. وبدأ آخر… ثم"));
    }

    [Fact]
    public void Split_keeps_dots_before_a_comma_in_the_sentence()
    {
        Assert.Equal(["الخ.. ، ثم انتهى."], Split("الخ.. ، ثم انتهى."));
    }

    [Fact]
    public void Split_resets_an_unclosed_quote_at_a_line_break()
    {
        Assert.Equal(["قال «نعم.", "فقرة ثانية.", "وثالثة."], Split("قال «نعم.\nفقرة ثانية. وثالثة."));
    }

    [Fact]
    public void Split_breaks_inside_a_quoted_paragraph_longer_than_the_limit()
    {
        var longQuote = string.Join(" ", Enumerable.Repeat("كلمة", SentenceSplitter.MaxQuotedTokens + 5));
        var text = "قال: «" + longQuote + ". ثم جملة ثانية.» انتهى.";
        var sentences = Split(text);
        Assert.Equal(3, sentences.Count);
        Assert.EndsWith("كلمة.", sentences[0]);
        Assert.Equal("ثم جملة ثانية.»", sentences[1]);
    }

    [Fact]
    public void Split_of_no_tokens_is_empty()
    {
        Assert.Empty(Split("  \n "));
    }
}
