using static Marsad.Analysis.Tests.Events.EventTestKit;

namespace Marsad.Analysis.Tests.Events;

/// <summary>Readings a careful coder would not produce: words that look like triggers but name no event of their own.</summary>
public class PrecisionTests
{
    [Fact]
    public void Tajma_with_an_object_brings_together_and_is_no_rally()
    {
        // "an economic forum that brings the two ministers together"; "the talks bring together the two countries"
        Assert.DoesNotContain(Run("افتتح في القاهرة منتدى اقتصادي تجمع جلساته الوزيرين لأول مرة.").Events, e => e.Type == "PROTEST");
        Assert.DoesNotContain(Run("وهي أول مباحثات تجمع بين البلدين منذ سنوات.").Events, e => e.Type == "PROTEST");
        Assert.DoesNotContain(Run("وقال شهود إن القوات احتشدت على الحدود الشمالية.").Events, e => e.Type == "PROTEST");
    }

    [Fact]
    public void Tajma_with_a_crowd_or_a_rally_setting_is_still_a_rally()
    {
        Assert.Equal("protest.gather", Single("وتجمع مئات الطلاب صباح اليوم في الجامعة.", "PROTEST").Rule);
        Assert.Equal("protest.gather", Single("تجمع المحتجون أمام مبنى البرلمان.", "PROTEST").Rule);
        Assert.Equal("protest.gather", Single("احتشد عدد من الشبان احتجاجا على القرار.", "PROTEST").Rule);
        Assert.Equal("protest.gather", Single("ثم تجمعوا قرب السفارة.", "PROTEST").Rule);
    }
}
