using Marsad.Analysis.Cleaning;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Pipeline;
using Marsad.Analysis.Text;

namespace Marsad.Analysis.Tests.Cleaning;

public class DatelineTests
{
    [Theory]
    [InlineData("دبي، الإمارات العربية المتحدة (CNN)-- انتقد الرئيس الإيراني حسن روحاني الرئيس الأمريكي.", "دبي، الإمارات العربية المتحدة (CNN)-- ")]
    [InlineData("لندن، المملكة المتحدة (CNN)— قال السفير إن الانسحاب خطأ.", "لندن، المملكة المتحدة (CNN)— ")]
    [InlineData("(CNN)-- تحدث الرئيس الفرنسي لفترة وجيزة.", "(CNN)-- ")]
    [InlineData("سان فرانسيسكو 20 يوليو تموز (رويترز) - ظل السؤال قائما.", "سان فرانسيسكو 20 يوليو تموز (رويترز) - ")]
    [InlineData("عبدالله البرقاوي- سبق- الرياض: تعاطف قائد الطائرة مع راكبة.", "عبدالله البرقاوي- سبق- الرياض: ")]
    [InlineData("سبق- أبها: أعاد 8 من الفنانين النشاط.", "سبق- أبها: ")]
    [InlineData("سان فرانسيسكو (رويترز) -\nظل السؤال قائما.", "سان فرانسيسكو (رويترز) -\n")]  // on a line of its own
    public void The_place_and_outlet_before_the_story_are_the_dateline(string text, string dateline)
        => Assert.Equal(dateline.Length, Dateline.StoryStart(text));

    [Theory]
    [InlineData("قال الرئيس الإيراني، حسن روحاني، الثلاثاء، إن بلاده ستبقى في الاتفاق.")]
    [InlineData("صار الرئيس الكوري الشمالي كيم جونغ - أون أول زعيم يعبر الحدود.")]         // a dash inside a name
    [InlineData("اكتسح إنتر ميلان مضيفه أودينيزي 4 - صفر خلال المباراة.")]                    // a score
    [InlineData("أكدت رائدة الأعمال #خلود_عطار (أول سعودية تحصل على ترخيص استيراد) أن السوق كبير.")] // a parenthesis, no dash
    [InlineData("تقلص نفوذ تنظيم داعش على الحدود السورية – التركية، إلى مساحات ضيقة: لا تتخطى الخمس.")]
    [InlineData("دبي، الإمارات العربية المتحدة (CNN)--")]                                   // no story after it
    public void An_ordinary_first_sentence_is_no_dateline(string text) => Assert.Equal(0, Dateline.StoryStart(text));

    [Fact]
    public void The_cleaner_removes_the_dateline_and_the_first_sentence_is_cut_where_the_story_starts()
    {
        const string text = "القدس (CNN)-- اعتذر الرئيس عن تصريحاته. وقال إنه يحترم الجميع.";
        var removed = new TextCleaner().Clean(text);
        var dateline = Assert.Single(removed);
        Assert.Equal(Dateline.Reason, dateline.Reason);
        Assert.Equal("القدس (CNN)-- ", text[dateline.Start..dateline.End]);
        var cut = Dateline.CutOff([new TextSpan(0, 39), new TextSpan(40, text.Length)], removed);
        Assert.Equal([new TextSpan(0, dateline.End), new TextSpan(dateline.End, 39), new TextSpan(40, text.Length)], cut);
        // the dateline's sentence lies inside the removed span, so the stages skip it
        Assert.Equal(2, TextCleaner.Outside(cut, removed).Count);
        var blanked = TextCleaner.Blanked(text, removed);
        Assert.Equal(text.Length, blanked.Length);
        Assert.Equal(text[dateline.End..], blanked[dateline.End..]);
        Assert.True(string.IsNullOrWhiteSpace(blanked[..dateline.End]));
    }

    [Fact]
    public void A_country_named_only_in_the_dateline_is_no_actor_of_the_story()
    {
        var pipeline = new AnalysisPipelineBuilder().Build();
        const string story = "انتقد الرئيس الإيراني، حسن روحاني، الأربعاء، الرئيس الأمريكي، دونالد ترامب.";
        var withDateline = pipeline.Analyze(new SourceDocument { Text = "دبي، الإمارات العربية المتحدة (CNN)-- " + story, Published = "2018-04-25" }, new AnalysisOptions());
        Assert.DoesNotContain(withDateline.Actors, a => a.Country == "ARE");
        Assert.Contains(withDateline.Actors, a => a.NameEn == "Hassan Rouhani");
        foreach (var e in withDateline.Events)
            Assert.DoesNotContain(e.Source.Concat(e.Target), a => a.Country == "ARE");
        // the same country written in the story is an actor
        var inStory = pipeline.Analyze(new SourceDocument { Text = story + " وقالت الإمارات العربية المتحدة إنها تتابع.", Published = "2018-04-25" }, new AnalysisOptions());
        Assert.Contains(inStory.Actors, a => a.Country == "ARE");
    }
}
