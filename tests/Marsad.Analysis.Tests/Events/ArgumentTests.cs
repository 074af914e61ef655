using Marsad.Analysis.Events;
using static Marsad.Analysis.Tests.Events.EventTestKit;

namespace Marsad.Analysis.Tests.Events;

public class ArgumentTests
{
    [Fact]
    public void Vso_verb_takes_the_following_actor_as_source_and_the_ma_phrase_as_target()
    {
        var e = Single("التقى الرئيس فلاديمير بوتين مع جو بايدن في جنيف.", "CONSULT");
        Assert.Equal("vladimir-putin", Ids(e.Source));
        Assert.Equal("joe-biden", Ids(e.Target));
        Assert.Equal("Geneva", e.Location?.NameEn);
        Assert.Equal("third-party", e.Mode); // Geneva is in neither party's country
        Assert.Equal("consult.meet.verb", e.Rule);
    }

    [Fact]
    public void Svo_subject_before_the_verb_is_the_source()
    {
        var e = Single("موسكو وواشنطن توصلتا إلى تفاهم بشأن الاتصالات.", "AGREE");
        Assert.Equal("rus", Ids(e.Source));
        Assert.Equal("usa", Ids(e.Target)); // symmetric: the co-subject is the other party
    }

    [Fact]
    public void Gapped_sanction_trigger_keeps_subject_and_ala_target()
    {
        var e = Single("في 15 أبريل، فرضت الولايات المتحدة عقوبات جديدة على روسيا.", "SANCTION");
        Assert.Equal("usa", Ids(e.Source));
        Assert.Equal("rus", Ids(e.Target));
        Assert.Equal("2021-04-15", e.Date);
        Assert.Equal("163", e.Cameo);
    }

    [Fact]
    public void Initiator_side_participant_is_the_source_of_a_call_between_two()
    {
        var e = Single("بمبادرة من الجانب الأمريكي، جرت محادثة هاتفية بين نيكولاي باتروشيف وجيك سوليفان.", "CONSULT");
        Assert.Equal("phone", e.Mode);
        Assert.Equal("jake-sullivan", Ids(e.Source));
        Assert.Equal("nikolai-patrushev", Ids(e.Target));
    }

    [Fact]
    public void Possessive_noun_takes_the_sentence_subject_and_evidence_points_at_the_words()
    {
        const string text = "كشف نيكولاي باتروشيف أن اجتماعه يوم أمس مع جون بولتون كان بناء.";
        var e = Single(text, "CONSULT", "2018-08-24");
        Assert.Equal("nikolai-patrushev", Ids(e.Source));
        Assert.Equal("john-bolton", Ids(e.Target));
        Assert.Equal("2018-08-23", e.Date);
        Assert.Equal("اجتماعه", text[e.Trigger!.Start..e.Trigger.End]);
        Assert.Contains(e.Evidence, s => text[s.Start..s.End] == "جون بولتون");
    }

    [Fact]
    public void Topics_after_bahatha_are_listed()
    {
        var e = Single("التقى بوتين مع بايدن وبحثا الأوضاع في سوريا وأوكرانيا وأمن الإنترنت.", "CONSULT");
        Assert.Contains("سوريا", e.Topics);
        Assert.Contains("أوكرانيا", e.Topics);
        Assert.Contains("أمن الإنترنت", e.Topics);
    }
}

public class ArgumentRuleTests
{
    [Fact]
    public void A_nationality_adjective_right_after_the_trigger_is_the_target()
    {
        // "the inadmissibility of American interference in Russia's internal affairs": the adjective names who interferes
        var e = Single("وأكد الكرملين عدم جواز التدخل الأمريكي في الشؤون الداخلية لروسيا.", "ACCUSE");
        Assert.Equal("usa", Ids(e.Target));
        Assert.Equal(Marsad.Analysis.Events.EventModality.Asserted, e.Modality); // عدم is part of the trigger here, not a negation of it
    }

    [Fact]
    public void A_statement_verb_makes_its_speaker_the_source_of_an_evaluative_word()
    {
        var e = Single("وصفت ماريا زاخاروفا المحادثات مع الجانب الأمريكي بالبناءة.", "SUPPORT");
        Assert.Equal("maria-zakharova", Ids(e.Source));
        Assert.Equal("usa", Ids(e.Target));
    }

    [Fact]
    public void An_evaluative_word_without_a_speaker_is_not_an_event()
    {
        Assert.DoesNotContain(EventTestKit.Run("كانت الأجواء بناءة في القاعة.").Events, e => e.Type == PloverType.Support);
    }

    [Fact]
    public void A_summit_named_by_nationality_adjectives_has_those_parties()
    {
        var e = Single("وتجري الاستعدادات لعقد قمة روسية أمريكية في جنيف.", "CONSULT");
        Assert.Equal("rus", Ids(e.Source));
        Assert.Equal("usa", Ids(e.Target));
        Assert.Equal(Marsad.Analysis.Events.EventModality.Planned, e.Modality);
    }

    [Fact]
    public void Outlets_relay_and_are_never_a_source()
    {
        var e = Single("ونقلت وكالة تاس عن سيرغي لافروف قوله إن روسيا سترد على العقوبات.", "THREATEN");
        Assert.DoesNotContain(e.Source, a => a.Id == "tass");
    }
}

public class GenericActorTests
{
    [Fact]
    public void A_role_noun_with_a_nationality_adjective_acts_for_that_country()
    {
        var e = Single("اعتقلت الشرطة الروسية ألف شخص شاركوا في احتجاجات.", "COERCE");
        var police = Assert.Single(e.Source);
        Assert.Equal("agent:cop:rus", police.Id);
        Assert.Equal("RUS", police.Country);
        // the adjective belongs to the police: Russia is not also made the one arrested
        Assert.DoesNotContain(e.Target, a => a.Country == "RUS");
    }

    [Fact]
    public void Nationality_plurals_in_the_oblique_case_name_a_country()
    {
        var e = Single("قتلت القوات عشرات المحتجين الفلسطينيين.", "ASSAULT");
        Assert.Contains(e.Target, a => a.Country == "PSE" && a.Id.StartsWith("agent:", StringComparison.Ordinal));
    }

    [Fact]
    public void Actors_the_rules_made_are_candidates_the_coder_can_choose()
    {
        var result = Run("اعتقلت الشرطة الروسية ألف شخص شاركوا في احتجاجات.");
        var candidate = Assert.Single(result.Candidates, c => c.Rules.Type == PloverType.Coerce);
        var police = Assert.Single(candidate.Mentions, m => m.Actor.Id == "agent:cop:rus");
        Assert.Equal(Marsad.Analysis.Events.Coding.ArgumentRole.Source, police.RuleRole);
        Assert.Contains("rule-made|Source", police.Features);
    }

    [Fact]
    public void Unnamed_gunmen_and_their_victims_fill_an_attack()
    {
        var e = Single("قتل مسلحون ثلاثة جنود في هجوم على حاجز.", "ASSAULT");
        Assert.Equal("agent:uaf", Ids(e.Source));
        Assert.Equal("مسلحون", e.Source[0].NameAr);
        Assert.Equal("agent:mil", Ids(e.Target));
    }

    [Fact]
    public void A_named_actor_is_never_replaced_by_a_role_noun()
    {
        var e = Single("واتهم بوتين المتظاهرين بالعنف.", "ACCUSE");
        Assert.Equal("vladimir-putin", Ids(e.Source));
    }
}

public class AttachmentTests
{
    [Fact]
    public void Ma_after_an_object_noun_belongs_to_the_noun_not_to_the_verb()
    {
        // "Nuland discussed in Moscow the future contacts with Biden": Biden did not take part in the talks
        var e = Single("وقال بوتين إن فيكتوريا نولاند بحثت في موسكو الاتصالات المستقبلية مع جو بايدن.", "CONSULT");
        Assert.Equal("victoria-nuland", Ids(e.Source));
        Assert.DoesNotContain(e.Target, a => a.Id == "joe-biden");
    }

    [Fact]
    public void Ma_right_after_the_subject_is_the_co_participant()
    {
        var e = Single("وبحثت فيكتوريا نولاند مع جو بايدن الاتصالات المستقبلية.", "CONSULT");
        Assert.Equal("joe-biden", Ids(e.Target));
    }
}

public class AgreementAndAgentTests
{
    private static Marsad.Analysis.Documents.EventRecord Assault(string text) => Single(text, "ASSAULT");

    [Fact]
    public void A_singular_verb_before_its_subject_still_takes_the_noun_after_it_as_source()
    {
        var e = Assault("وهاجم المستوطنون المواطنين في الحقول.");
        Assert.Equal("المستوطنون", Assert.Single(e.Source).NameAr);
    }

    [Fact]
    public void A_dual_verb_takes_the_role_noun_before_it_and_a_country_after_a_place_noun_is_no_subject()
    {
        var e = Assault("وكان انتحاريان قد فجرا نفسيهما قرب مصنع في شمال باكستان.");
        Assert.Equal("agent:uaf", Assert.Single(e.Source).Id);
        Assert.DoesNotContain(e.Source.Concat(e.Target), a => a.Id == "pak");
    }

    // a plural verb follows its subject, so the noun after it is its object; an agent phrase names the source and
    // the victim comes right after the trigger
    [Theory]
    [InlineData("وذكر شهود أن المستوطنين هاجموا المواطنين في الحقول.", "المستوطنين", "المواطنين")]
    [InlineData("قتل شرطي بنيران مسلحين مجهولين في السوق.", "مسلحين", "شرطي")]
    [InlineData("أصيب مدني برصاص جنود عند الحاجز.", "جنود", "مدني")]
    [InlineData("وقال شهود إن مستوطني المستوطنة هاجموا المواطنين.", "مستوطني", "المواطنين")] // construct plural
    [InlineData("وقام عدد من الجنود بقتل المدنيين في القرية.", "الجنود", "المدنيين")] // قام … بـ noun
    public void Plural_agreement_and_agent_phrases_place_source_and_target(string text, string source, string target)
    {
        var e = Assault(text);
        Assert.Equal(source, Assert.Single(e.Source).NameAr);
        Assert.Equal(target, Assert.Single(e.Target).NameAr);
    }

    [Fact]
    public void A_named_subject_of_a_passive_with_an_agent_phrase_is_the_one_acted_on()
    {
        var e = Assault("وقال المسؤول إن ثلاثة من مواطني تركيا خطفوا على أيدي مسلحين أمس.");
        Assert.Equal("agent:uaf", Assert.Single(e.Source).Id);
        Assert.Equal("tur", Assert.Single(e.Target).Id);
    }

    [Fact]
    public void An_agent_phrase_of_another_clause_is_not_taken()
    {
        var events = Run("فجر انتحاريون أنفسهم، بينما قتل رابع برصاص الشرطة.").Events.Where(e => e.Type == PloverType.Assault).ToList();
        var blast = events.First(e => e.Trigger!.Text == "فجر");
        Assert.DoesNotContain(blast.Source, a => a.NameAr == "الشرطة");
    }
}

public class RoleNounTriggerTests
{
    [Theory]
    [InlineData("وخرج متظاهرون من مساجد المدينة ينددون بقرار الحكومة الفرنسية.", "متظاهرون")]
    [InlineData("وفي الساحة أحرق متظاهرون أعلام فرنسا.", "متظاهرون")]
    public void A_role_noun_in_the_trigger_is_the_source_not_a_named_actor_nearby(string text, string source)
    {
        var e = Single(text, "PROTEST");
        Assert.Equal(source, Assert.Single(e.Source).NameAr);
        Assert.DoesNotContain(e.Source, a => a.Id is "fra" or "fra-gov");
    }
}
