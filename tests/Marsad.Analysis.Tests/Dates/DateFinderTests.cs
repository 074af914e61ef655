using Marsad.Analysis.Events;
using Marsad.Analysis.Tokenization;
using Marsad.Analysis.Tests.Events;

namespace Marsad.Analysis.Tests.Dates;

public class DateFinderTests
{
    private static string? Resolve(string text, string published)
    {
        var tokens = new ArabicTokenizer().Tokenize(text);
        var words = EventTestKit.Stage.Words(text, tokens);
        var found = EventTestKit.Stage.Dates.Find(text, words, 0, words.Length, DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(found.Count == 1, $"expected one date expression in «{text}», got {found.Count}");
        return found[0].Value;
    }

    // Publication dates: 2021-04-19 was a Monday; 2018-08-24 a Friday; 2021-04-25 a Sunday.
    [Theory]
    [InlineData("التقيا اليوم في موسكو", "2021-04-19", "2021-04-19")]
    [InlineData("اتصل أمس بنظيره", "2021-04-19", "2021-04-18")]
    [InlineData("اجتمعا يوم أمس في جنيف", "2018-08-24", "2018-08-23")]
    [InlineData("وصل أول أمس", "2021-04-19", "2021-04-17")]
    [InlineData("خلال لقاء يوم الخميس", "2018-08-24", "2018-08-23")]
    [InlineData("أعلن اليوم الاثنين", "2021-04-19", "2021-04-19")]
    [InlineData("بحث اليوم الإثنين", "2021-04-25", "2021-04-19")] // copied text: the Monday before a Sunday paper
    [InlineData("قال يوم أمس الأربعاء", "2021-10-14", "2021-10-13")]
    [InlineData("خلال الشهر المقبل", "2021-04-19", "2021-05")]
    [InlineData("في العام الماضي", "2021-04-19", "2020")]
    [InlineData("محادثات في تموز الماضي", "2018-08-24", "2018-07")]
    [InlineData("في 19 نيسان / أبريل", "2021-04-25", "2021-04-19")]
    [InlineData("في 15 أبريل", "2021-04-19", "2021-04-15")]
    [InlineData("قمة يونيو المقبل", "2021-04-25", "2021-06")]
    [InlineData("في يونيو", "2021-04-25", "2020-06")] // no year: the latest June on or before publication (a plan takes the next, below)
    [InlineData("في كانون الثاني الماضي", "2021-04-19", "2021-01")]
    [InlineData("في 3 جانفي 2020", "2021-04-19", "2020-01-03")]
    [InlineData("في 14 اكتوبر 2021", "2000-01-01", "2021-10-14")]
    [InlineData("في الأسبوع الماضي", "2021-04-25", "2021-04")]
    [InlineData("يوم 1 رمضان 1442", "2021-04-19", "2021-04-13")]
    [InlineData("زارها في 6 كانون ثاني الماضي", "2021-04-19", "2021-01-06")]
    [InlineData("وقعت في تشرين أول 2019", "2021-04-19", "2019-10")]
    [InlineData("في ربيع أول الماضي", "2021-04-19", "2020-11")] // 15 Rabi I 1442 = 2020-11-01
    [InlineData("خلال شهر رمضان", "2021-04-19", "2021-04")]      // a Hijri month alone needs a date word before it
    [InlineData("اجتمعا في العاشر من أبريل", "2021-04-19", "2021-04-10")]
    [InlineData("في الحادي والعشرين من آذار الماضي", "2021-04-19", "2021-03-21")]
    [InlineData("حتى الثاني عشر من يونيو المقبل", "2021-04-19", "2021-06-12")]
    [InlineData("اجتمعا في 14 من أبريل", "2021-04-19", "2021-04-14")]
    [InlineData("اجتمعا في الـ14 من أبريل", "2021-04-19", "2021-04-14")]
    [InlineData("في الخامس من الشهر الجاري", "2021-04-19", "2021-04-05")]
    [InlineData("في 28 من الشهر الماضي", "2021-01-10", "2020-12-28")]
    [InlineData("اجتمعا في أبريل الجاري", "2021-04-19", "2021-04")]
    [InlineData("اتصل به قبل يومين", "2021-04-19", "2021-04-17")]
    [InlineData("وصل منذ ثلاثة أيام", "2021-04-19", "2021-04-16")]
    [InlineData("التقى بوتين بايدن، الخميس، في جنيف", "2021-04-19", "2021-04-15")]
    [InlineData("وقال المتحدث السبت إن الاجتماع ناجح", "2021-04-19", "2021-04-17")]
    public void Resolves_against_the_publication_date(string text, string published, string expected)
        => Assert.Equal(expected, Resolve(text, published));

    [Theory]
    [InlineData("بعد صلاة الجمعة في المسجد")]
    [InlineData("ألقى خطبة الجمعة")]
    [InlineData("الاجتماع الثاني من نوعه")]
    [InlineData("توصل الاثنين إلى اتفاق")]
    [InlineData("قبل أيام من القمة")]
    [InlineData("قال الرئيس التركي رجب طيب أردوغان")]           // a Hijri month is a first name too
    [InlineData("قتل العشرات في ذات اليوم")]                   // the day named before, not today
    [InlineData("وقعت الاشتباكات في اليوم نفسه")]
    public void Words_that_only_look_like_dates_are_not_dates(string text)
    {
        var tokens = new ArabicTokenizer().Tokenize(text);
        var words = EventTestKit.Stage.Words(text, tokens);
        Assert.Empty(EventTestKit.Stage.Dates.Find(text, words, 0, words.Length, new DateOnly(2021, 4, 19)));
    }

    [Fact]
    public void Russia_al_yawm_is_an_outlet_not_today()
    {
        var text = "في تصريح نقله موقع روسيا اليوم";
        var tokens = new ArabicTokenizer().Tokenize(text);
        var words = EventTestKit.Stage.Words(text, tokens);
        Assert.Empty(EventTestKit.Stage.Dates.Find(text, words, 0, words.Length, new DateOnly(2021, 4, 19)));
    }

    [Fact]
    public void Without_a_publication_date_relative_expressions_stay_unresolved_with_their_text()
    {
        var result = EventTestKit.Run("التقى بوتين مع بايدن يوم أمس في جنيف.", published: null);
        var e = Assert.Single(result.Events);
        Assert.Null(e.Date);
        Assert.Equal("يوم أمس", e.DateText);
    }

    [Fact]
    public void A_dateline_gives_the_publication_date_when_metadata_has_none()
    {
        var result = EventTestKit.Run("(پاکستان پوائنٹ نیوز / سبوتنيك - 14 اكتوبر 2021ء) أعلن بيسكوف اليوم الخميس أن بوتين التقى بايدن.", published: null);
        Assert.Equal("2021-10-14", result.DatelineDate);
        Assert.Contains(result.Events, e => e.Type == PloverType.Consult && e.Date == "2021-10-14");
    }
}

public class EventDateInheritanceTests
{
    private static Marsad.Analysis.Documents.EventRecord Only(string text, string type)
        => EventTestKit.Run(text, "2022-03-10").Events.Single(e => e.Type.Name() == type);

    [Fact]
    public void A_sentence_going_on_with_a_dated_account_dates_its_verbal_events_by_it()
    {
        const string text = "في 7 آذار، أجرى فلاديمير بوتين محادثة هاتفية مع إيمانويل ماكرون. "
            + "وأضاف أن الجانب الفرنسي انتقد السياسة الروسية.";
        var e = Only(text, "ACCUSE");
        Assert.Equal("2022-03-07", e.Date);
        Assert.Equal("7 آذار", e.DateText);
    }

    [Fact]
    public void A_new_sentence_that_does_not_go_on_with_the_account_does_not_inherit()
    {
        const string text = "في 7 آذار، أجرى فلاديمير بوتين محادثة هاتفية مع إيمانويل ماكرون. "
            + "وانتقد الجانب الفرنسي السياسة الروسية.";
        Assert.Null(Only(text, "ACCUSE").Date);
    }

    [Fact]
    public void Material_acts_and_background_clauses_in_the_continuation_keep_no_date()
    {
        const string text = "في 7 آذار، أجرى فلاديمير بوتين محادثة هاتفية مع إيمانويل ماكرون. "
            + "وأوضح أن الاتهامات التي على أساسها فرضت فرنسا عقوبات على روسيا باطلة.";
        Assert.Null(Only(text, "SANCTION").Date);
    }

    [Fact]
    public void A_chain_of_continuations_keeps_the_occasion_and_a_date_of_its_own_wins()
    {
        const string text = "في 7 آذار، أجرى فلاديمير بوتين محادثة هاتفية مع إيمانويل ماكرون. "
            + "وأضاف البيان أن الرئيس الروسي أكد ذلك. "
            + "وتابع أن الجانب الفرنسي انتقد السياسة الروسية. "
            + "وأشار إلى أن بوتين التقى ماكرون في 3 شباط.";
        var events = EventTestKit.Run(text, "2022-03-10").Events;
        Assert.Equal("2022-03-07", events.Single(e => e.Type == PloverType.Accuse).Date);
        Assert.Contains(events, e => e.Type == PloverType.Consult && e.Date == "2022-02-03");
    }
}

/// <summary>The date rules of docs/dates.md, one test each (publication dates: 2018-05-04 a Friday, 2018-05-15 a Tuesday).</summary>
public class DateRuleTests
{
    private static Marsad.Analysis.Dates.DateExpression One(string text, string published)
    {
        var tokens = new ArabicTokenizer().Tokenize(text);
        var words = EventTestKit.Stage.Words(text, tokens);
        var found = EventTestKit.Stage.Dates.Find(text, words, 0, words.Length, DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(found.Count == 1, $"expected one date expression in «{text}», got {found.Count}");
        return found[0];
    }

    [Fact]
    public void A_weekday_with_the_article_dates_what_is_told_around_it()
    {
        var d = One("أدان الوزير الهجوم الخميس في بيان رسمي", "2018-05-04");
        Assert.Equal(("2018-05-03", "الخميس", Marsad.Analysis.Dates.DateKind.Weekday), (d.Value, d.Text, d.Kind));
    }

    [Fact]
    public void A_weekday_after_dawn_or_night_words_is_one_expression()
        => Assert.Equal(("2018-05-13", "فجر الأحد"), (One("قصفت الطائرات مواقع المسلحين فجر الأحد", "2018-05-15").Value, One("قصفت الطائرات مواقع المسلحين فجر الأحد", "2018-05-15").Text));

    [Theory]
    [InlineData("قتل الجنود ثلاثة مدنيين الاثنين، في قرية قريبة")]
    [InlineData("أدان الوزير التفجير الذي وقع في البلدة الإثنين وأسفر عن قتلى")]
    public void Monday_is_a_date_unless_it_reads_as_the_two(string text)
        => Assert.Equal("2018-05-14", One(text, "2018-05-15").Value);

    [Fact]
    public void Words_that_point_past_publication_never_date_what_happened()
    {
        var d = One("وقع الطرفان الاتفاق الذي يدخل حيز التنفيذ الأسبوع المقبل", "2018-05-07");
        Assert.True(d.Forward);
        Assert.Equal("2018-05", d.Value); // the week lies in the publication month, yet it is ahead
        Assert.Null(d.For(Marsad.Analysis.Events.EventModality.Asserted, new DateOnly(2018, 5, 7)));
        Assert.Equal("2018-05", d.For(Marsad.Analysis.Events.EventModality.Planned, new DateOnly(2018, 5, 7)));
    }

    [Fact]
    public void An_open_weekday_reads_back_for_what_happened_and_ahead_for_what_is_planned()
    {
        var d = One("تعقد القمة الجمعة في العاصمة", "2018-05-02");
        Assert.Equal(("2018-04-27", "2018-05-04"), (d.Value, d.Ahead));
        Assert.Equal("2018-04-27", d.For(Marsad.Analysis.Events.EventModality.Asserted, new DateOnly(2018, 5, 2)));
        Assert.Equal("2018-05-04", d.For(Marsad.Analysis.Events.EventModality.Planned, new DateOnly(2018, 5, 2)));
    }

    [Fact]
    public void A_month_without_a_year_is_the_latest_on_or_before_publication_and_the_next_for_a_plan()
    {
        var d = One("التقى الوزيران في ديسمبر", "2018-05-15");
        Assert.Equal(("2017-12", "2018-12", Marsad.Analysis.Dates.DatePrecision.Month), (d.Value, d.Ahead, d.Precision));
    }

    [Fact]
    public void A_day_of_a_month_without_a_year_reads_the_same_way()
    {
        var d = One("وقعت الحادثة في 20 مايو", "2018-05-15");
        Assert.Equal(("2017-05-20", "2018-05-20"), (d.Value, d.Ahead));
    }

    [Fact]
    public void Words_that_fix_the_direction_leave_no_other_reading()
    {
        Assert.Null(One("يلتقيان الجمعة المقبل", "2018-05-02").Ahead);
        Assert.Null(One("في تموز الماضي", "2018-05-02").Ahead);
        Assert.Null(One("وصل أمس إلى الرياض", "2018-05-02").Ahead);
    }

    [Fact]
    public void An_asserted_event_is_never_dated_after_publication()
    {
        // the year is the target of a plan, not the day of the meeting
        var e = EventTestKit.Single("التقى بوتين أردوغان لبحث خطة تنتهي عام 2030.", "CONSULT", "2018-05-15");
        Assert.Equal(Marsad.Analysis.Events.EventModality.Asserted, e.Modality);
        Assert.Null(e.Date);
        var later = One("يوقع الاتفاق غدا", "2018-05-15");
        Assert.Null(later.For(Marsad.Analysis.Events.EventModality.Asserted, new DateOnly(2018, 5, 15)));
        Assert.Equal("2018-05-16", later.For(Marsad.Analysis.Events.EventModality.Planned, new DateOnly(2018, 5, 15)));
    }

    [Fact]
    public void A_planned_event_takes_the_weekday_ahead()
    {
        var e = EventTestKit.Single("سيلتقي بوتين أردوغان الجمعة في سوتشي.", "CONSULT", "2018-05-15");
        Assert.Equal(Marsad.Analysis.Events.EventModality.Planned, e.Modality);
        Assert.Equal("2018-05-18", e.Date);
    }

    [Fact]
    public void An_event_carries_its_date_s_precision_and_kind()
    {
        var e = EventTestKit.Single("التقى بوتين أردوغان الأربعاء في أنقرة.", "CONSULT", "2018-05-04");
        Assert.Equal(("2018-05-02", Marsad.Analysis.Dates.DatePrecision.Day, Marsad.Analysis.Dates.DateKind.Weekday), (e.Date, e.DatePrecision, e.DateKind));
        var m = EventTestKit.Single("التقى بوتين أردوغان الشهر الماضي.", "CONSULT", "2018-05-04");
        Assert.Equal(("2018-04", Marsad.Analysis.Dates.DatePrecision.Month, Marsad.Analysis.Dates.DateKind.Month), (m.Date, m.DatePrecision, m.DateKind));
    }

    [Fact]
    public void An_event_without_date_words_has_no_date_however_recent()
        => Assert.Null(EventTestKit.Single("التقى بوتين أردوغان في أنقرة.", "CONSULT", "2018-05-04").Date);
}

