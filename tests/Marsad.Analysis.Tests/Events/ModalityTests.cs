using Marsad.Analysis.Events;
using static Marsad.Analysis.Tests.Events.EventTestKit;

namespace Marsad.Analysis.Tests.Events;

public class ModalityTests
{
    [Fact]
    public void Lam_before_an_accusation_negates_it_and_never_asserts_it()
    {
        // لم + jussive: "the US side made no accusations against Russia"
        var e = Single("قال المسؤول إن الجانب الأمريكي لم يوجه أي اتهامات ضد روسيا.", "ACCUSE");
        Assert.Equal(Marsad.Analysis.Events.EventModality.Negated, e.Modality);
    }

    [Fact]
    public void Negation_reaches_through_a_quote_mark_and_the_auxiliary_yatimm()
    {
        Assert.Equal(Marsad.Analysis.Events.EventModality.Negated, Single("وأكد أنه لم يتم توجيه أي اتهامات ضدنا.", "ACCUSE").Modality);
        Assert.Equal(Marsad.Analysis.Events.EventModality.Negated, Single("وقال إن واشنطن لم \"يوجه أي اتهامات\" ضد روسيا.", "ACCUSE").Modality);
    }

    [Fact]
    public void Negation_scope_ends_at_a_comma()
    {
        // لم belongs to the first clause; the accusation after the comma is asserted
        Assert.Equal(Marsad.Analysis.Events.EventModality.Asserted, Single("لم يحضر الوزير، واتهم بوتين واشنطن بالتدخل.", "ACCUSE").Modality);
    }

    [Fact]
    public void Future_prefix_sin_makes_an_event_planned()
    {
        var e = Single("أعلنت واشنطن أنها ستطرد 10 دبلوماسيين روس.", "SANCTION");
        Assert.Equal(Marsad.Analysis.Events.EventModality.Planned, e.Modality);
        Assert.Equal("expel", e.Mode);
    }

    [Fact]
    public void An_event_noun_described_as_upcoming_or_scheduled_is_planned()
    {
        Assert.Equal(Marsad.Analysis.Events.EventModality.Planned, Single("وصل الصحفيون لتغطية القمة المرتقبة بين بوتين وأردوغان.", "CONSULT").Modality);
        Assert.Equal(Marsad.Analysis.Events.EventModality.Planned, Single("وقال إن القمة مع بوتين لا تزال مزمعة.", "CONSULT").Modality);
        Assert.Equal(Marsad.Analysis.Events.EventModality.Asserted, Single("عقدت القمة بين بوتين وأردوغان في أنقرة.", "CONSULT").Modality);
    }

    [Fact]
    public void An_event_noun_after_a_future_light_verb_or_what_is_supposed_to_happen_is_planned()
    {
        // "the two presidents will hold talks tomorrow, Wednesday": planned, so Wednesday is the next one, not the last
        var talks = Single("وقال مسؤول إن بوتين وأردوغان سيجريان مباحثات غدا الأربعاء في أنقرة.", "CONSULT", published: "2018-05-01");
        Assert.Equal(Marsad.Analysis.Events.EventModality.Planned, talks.Modality);
        Assert.Equal("2018-05-02", talks.Date);
        Assert.Equal(Marsad.Analysis.Events.EventModality.Planned, Single("وأعلنت تركيا أنها ستشن غارات على مواقع المسلحين.", "ASSAULT").Modality);
        // the light verb plans what it governs, not an attack named further on; المفترض alone is "alleged"
        Assert.Equal(Marsad.Analysis.Events.EventModality.Asserted, Single("وقال إن الشرطة ستقوم بالتحقيق في الهجوم على الحاجز.", "ASSAULT").Modality);
        Assert.Equal(Marsad.Analysis.Events.EventModality.Asserted, Single("واعتقلت الشرطة المنفذ المفترض للهجوم يوم الأحد.", "COERCE").Modality);
        var summit = Single("وكان من المفترض أن تعقد القمة بين بوتين وأردوغان يوم 12 يونيو.", "CONSULT", published: "2018-05-18");
        Assert.Equal(Marsad.Analysis.Events.EventModality.Planned, summit.Modality);
        Assert.Equal("2018-06-12", summit.Date);
        Assert.Equal(Marsad.Analysis.Events.EventModality.Asserted, Single("وأجرى الرئيسان بوتين وأردوغان مباحثات في أنقرة.", "CONSULT").Modality);
    }

    [Fact]
    public void Qad_before_a_present_verb_is_possible_but_not_before_a_past_verb()
    {
        Assert.Equal(Marsad.Analysis.Events.EventModality.Possible, Single("بايدن وبوتين قد يلتقيان في يونيو.", "CONSULT").Modality);
        Assert.Equal(Marsad.Analysis.Events.EventModality.Asserted, Single("وقد التقى بوتين بايدن في جنيف.", "CONSULT").Modality);
    }

    [Fact]
    public void A_proposed_summit_is_one_proposed_agree_with_cameo_036()
    {
        var result = Run("واقترح بايدن عقد اجتماع قمة مع بوتين في دولة ثالثة.");
        var e = Assert.Single(result.Events);
        Assert.Equal(PloverType.Agree, e.Type);
        Assert.Equal("036", e.Cameo);
        Assert.Equal(Marsad.Analysis.Events.EventModality.Proposed, e.Modality);
        Assert.Contains("consult", e.Rule);
    }

    [Fact]
    public void Adam_before_a_verbal_noun_negates_it()
    {
        Assert.Equal(Marsad.Analysis.Events.EventModality.Negated, Single("وأكد عدم فرض عقوبات على روسيا.", "SANCTION").Modality);
    }
}
