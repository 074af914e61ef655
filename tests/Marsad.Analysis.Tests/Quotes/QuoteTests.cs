using Marsad.Analysis.Tests.Events;

namespace Marsad.Analysis.Tests.Quotes;

public class QuoteTests
{
    [Fact]
    public void Direct_quote_after_qala_is_attributed_to_the_following_speaker()
    {
        const string text = "وقال بيسكوف للصحفيين: \"هناك تفاهم بشأن آفاق استمرار الحوار على أعلى مستوى\".";
        var q = Assert.Single(EventTestKit.Run(text).Quotes);
        Assert.True(q.Direct);
        Assert.Equal("dmitry-peskov", q.Speaker?.Id);
        Assert.Equal("هناك تفاهم بشأن آفاق استمرار الحوار على أعلى مستوى", q.Text);
        Assert.Equal(q.Text, text[q.Start..q.End]);
    }

    [Fact]
    public void Reported_speech_starts_at_inna_and_credits_the_svo_speaker()
    {
        var q = Assert.Single(EventTestKit.Run("قال جون بولتون أنه لم يتمكن من إصدار بيان مشترك مع الروس.").Quotes);
        Assert.False(q.Direct);
        Assert.Equal("john-bolton", q.Speaker?.Id);
        Assert.StartsWith("أنه لم يتمكن", q.Text);
    }

    [Fact]
    public void Relayed_statement_credits_the_speaker_and_keeps_the_agency_as_via()
    {
        var q = Assert.Single(EventTestKit.Run("ونقلت وكالة تاس عن سيرغي لافروف قوله إن موسكو سترد على العقوبات الأمريكية.").Quotes);
        Assert.Equal("sergey-lavrov", q.Speaker?.Id);
        Assert.Equal("tass", q.Via?.Id);
        Assert.False(q.Direct);
    }

    [Fact]
    public void Guillemets_quote_with_a_trailing_speech_verb()
    {
        var q = Assert.Single(EventTestKit.Run("«سنواصل الحوار مع واشنطن في المستقبل القريب»، قال لافروف.").Quotes);
        Assert.True(q.Direct);
        Assert.Equal("sergey-lavrov", q.Speaker?.Id);
    }

    [Fact]
    public void Two_quoted_words_without_a_speech_verb_are_not_a_quote()
    {
        Assert.Empty(EventTestKit.Run("وصف المسؤول الموقف بأنه \"غير بناء\" تماما.").Quotes);
    }
}
