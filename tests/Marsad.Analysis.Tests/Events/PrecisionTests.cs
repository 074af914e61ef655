using Marsad.Analysis.Events;
using static Marsad.Analysis.Tests.Events.EventTestKit;

namespace Marsad.Analysis.Tests.Events;

/// <summary>Readings a careful coder would not produce: words that look like triggers but name no event of their own.</summary>
public class PrecisionTests
{
    [Fact]
    public void Tajma_with_an_object_brings_together_and_is_no_rally()
    {
        // "an economic forum that brings the two ministers together"; "the talks bring together the two countries"
        Assert.DoesNotContain(Run("افتتح في القاهرة منتدى اقتصادي تجمع جلساته الوزيرين لأول مرة.").Events, e => e.Type == PloverType.Protest);
        Assert.DoesNotContain(Run("وهي أول مباحثات تجمع بين البلدين منذ سنوات.").Events, e => e.Type == PloverType.Protest);
        Assert.DoesNotContain(Run("وقال شهود إن القوات احتشدت على الحدود الشمالية.").Events, e => e.Type == PloverType.Protest);
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

public class CurfewTests
{
    [Fact]
    public void Imposing_a_curfew_is_coercion_and_imposing_an_embargo_stays_a_sanction()
    {
        var curfew = Single("فرضت السلطات الهندية حظر التجول في مدينة سريناغار.", "COERCE");
        Assert.Equal(("coerce.curfew", "curfew", "1723"), (curfew.Rule, curfew.Mode, curfew.Cameo));
        Assert.DoesNotContain(Run("فرضت السلطات الهندية حظر التجول في مدينة سريناغار.").Events, e => e.Type == PloverType.Sanction);
        Assert.Equal("sanction.boycott", Single("وفرضت الولايات المتحدة حظرا على تصدير الأسلحة إلى جنوب السودان.", "SANCTION").Rule);
    }
}

public class EvaluativeWordTests
{
    [Fact]
    public void Talks_called_constructive_with_no_other_party_named_are_no_support()
    {
        Assert.DoesNotContain(Run("وقال دميتري بيسكوف إن المحادثات كانت \"بناءة\" ومفيدة.").Events, e => e.Type == PloverType.Support);
        Assert.DoesNotContain(Run("وأكد مارك روته أن النقاشات كانت مثمرة.").Events, e => e.Type == PloverType.Support);
    }

    [Fact]
    public void Praise_verbs_name_their_target()
    {
        var e = Single("وأثنى أولاف شولتس على فرنسا لدورها في الوساطة.", "SUPPORT");
        Assert.Equal("olaf-scholz", Ids(e.Source));
        Assert.Equal("fra", Ids(e.Target));
        Assert.Equal("support.verb", e.Rule);
    }
}

public class HypotheticalActTests
{
    [Fact]
    public void Attacks_under_any_are_no_events()
    {
        var events = Run("وحذر أولاف شولتس من أن ألمانيا سترد بحزم على أي هجوم يستهدف منشآتها.").Events;
        Assert.DoesNotContain(events, e => e.Type is PloverType.Assault or PloverType.Coerce);
        Assert.DoesNotContain(Run("وقالت الحكومة إن أية هجمات إلكترونية على المصارف ستقابل بعقوبات.").Events, e => e.Type == PloverType.Coerce);
    }

    [Fact]
    public void What_a_threat_announces_has_not_happened()
    {
        var events = Run("وهددت تركيا بشن غارات على مواقع المسلحين في الشمال.").Events;
        Assert.Contains(events, e => e.Type == PloverType.Threaten);
        Assert.DoesNotContain(events, e => e.Type == PloverType.Assault);
    }

    [Fact]
    public void Real_attacks_and_negated_ones_are_kept()
    {
        Assert.Equal(Marsad.Analysis.Events.EventModality.Asserted, Single("وشنت الطائرات غارات على مواقع المسلحين في الشمال.", "ASSAULT").Modality);
        Assert.Equal(Marsad.Analysis.Events.EventModality.Negated, Single("وأكد الجيش أنه لم يشن أي غارات على المدينة.", "ASSAULT").Modality);
    }
}

public class ReportedClauseTests
{
    [Fact]
    public void The_subject_of_a_reported_threat_is_its_source_not_an_actor_of_the_clause_before()
    {
        // the ambassador summoned before the comma is neither the source nor, with the spokeswoman, the target
        var e = Single("واستدعت برلين المبعوثة الأمريكية فيكتوريا نولاند، وقال المتحدث باسم الحكومة أولاف شولتس إن ألمانيا سترد على هذا القرار.", "THREATEN");
        Assert.Equal("deu", Ids(e.Source));
        Assert.DoesNotContain(e.Target, a => a.Country == "DEU");
    }

    [Fact]
    public void A_reported_threat_after_bi_anna_keeps_the_addressee_as_target()
    {
        var e = Single("وأكد أولاف شولتس أنه أبلغ فلاديمير بوتين بأن ألمانيا سترد على ذلك.", "THREATEN");
        Assert.Equal("deu", Ids(e.Source));
        Assert.Equal("vladimir-putin", Ids(e.Target));
    }
}

public class BackReferenceTests
{
    [Fact]
    public void A_definite_meeting_noun_after_a_meeting_is_a_mention_of_it()
    {
        const string text = "التقى أولاف شولتس مع إيمانويل ماكرون في برلين.\n\nوقال ماكرون للصحفيين عقب اللقاء إن المحادثات تناولت أوكرانيا.";
        var consult = Run(text).Events.Where(e => e.Type == PloverType.Consult).ToList();
        var e = Assert.Single(consult);
        Assert.Equal("olaf-scholz", Ids(e.Source));
        // the two later mentions are evidence of the meeting, not events of the journalists or of Macron alone
        Assert.Contains(e.Evidence, s => text[s.Start..s.End] == "اللقاء");
        Assert.Contains(e.Evidence, s => text[s.Start..s.End] == "المحادثات");
    }

    [Fact]
    public void A_definite_noun_with_parties_of_its_own_or_a_first_mention_is_an_event()
    {
        Assert.Single(Run("وقال ماكرون إن المحادثات كانت صعبة.").Events, e => e.Type == PloverType.Consult);
        var events = Run("التقى أولاف شولتس مع إيمانويل ماكرون في برلين.\n\nوتناول الاجتماع مع فولوديمير زيلينسكي الحرب.").Events;
        Assert.Equal(2, events.Count(e => e.Type == PloverType.Consult));
    }
}

public class IntentTests
{
    [Fact]
    public void Readiness_to_discuss_is_an_intent_to_negotiate_by_the_ready_side()
    {
        var e = Single("وقال المتحدث إن ألمانيا مستعدة لمناقشة كل المسائل العالقة.", "AGREE");
        Assert.Equal("036", e.Cameo);
        Assert.Equal("deu", Ids(e.Source));
        Assert.DoesNotContain(Run("وقال المتحدث إن ألمانيا مستعدة لمناقشة كل المسائل العالقة.").Events, x => x.Type == PloverType.Consult);
    }
}

public class DualTests
{
    [Fact]
    public void A_dual_linked_to_one_participant_still_names_both()
    {
        const string text = "التقى أولاف شولتس مع إيمانويل ماكرون في برلين.\n\nوبحث الرئيسان الحرب في أوكرانيا.";
        var tokens = new Marsad.Analysis.Tokenization.ArabicTokenizer().Tokenize(text);
        var sentences = new Marsad.Analysis.Sentences.SentenceSplitter().Split(text, tokens);
        var words = Stage.Words(text, tokens);
        int at = text.IndexOf("الرئيسان", StringComparison.Ordinal);
        // a linker that resolves the dual to one of the two leaders, as coreference may
        var mentions = new List<Marsad.Analysis.Actors.ActorMention>(Stage.Fallback.Link(text, words))
        {
            new(at, at + "الرئيسان".Length, "olaf-scholz", Marsad.Analysis.Actors.ActorMentionKind.Coreference),
        };
        var result = Stage.Run("t", Stage.Prepare(text, tokens, "2021-04-19"), sentences, new Marsad.Analysis.Events.ActorLinks(mentions, Stage.Fallback));
        // the rules' own reading of the second mention (the document's events fold it into the meeting)
        var e = Assert.Single(result.Candidates, x => x.Rules.Trigger?.Text == "وبحث").Rules;
        Assert.Equal("olaf-scholz", Ids(e.Source));
        Assert.Equal("emmanuel-macron", Ids(e.Target));
        var meeting = Assert.Single(result.Events, x => x.Type == PloverType.Consult);
        Assert.Contains(meeting.Evidence, s => text[s.Start..s.End] == "وبحث");
    }
}
