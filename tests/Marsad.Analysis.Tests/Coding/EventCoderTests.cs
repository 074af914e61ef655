using Marsad.Analysis.Events;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Evaluation;
using Marsad.Analysis.Events.Coding;
using Marsad.Analysis.Text;

namespace Marsad.Analysis.Tests.Coding;

public class EventCoderTests
{
    [Fact]
    public void Logistic_model_learns_a_separable_rule_and_reads_back_what_it_wrote()
    {
        var examples = new List<(string[], int)>();
        for (int i = 0; i < 40; i++)
        {
            examples.Add((["bias", "prep=على", "n" + (i % 5)], 2));
            examples.Add((["bias", "pos=before", "n" + (i % 5)], 1));
            examples.Add((["bias", "n" + (i % 5)], 0));
        }
        var model = LogisticModel.Train(["none", "source", "target"], examples, epochs: 20);
        Span<double> p = stackalloc double[3];
        model.Predict(["bias", "prep=على"], p);
        Assert.True(p[2] > 0.8, $"target {p[2]}");
        model.Predict(["bias", "pos=before"], p);
        Assert.True(p[1] > 0.8, $"source {p[1]}");
        Assert.Equal("prep=على", model.Top(2, 1).Single().Feature);

        var text = new StringWriter();
        model.Write(text);
        var back = LogisticModel.Read(new StringReader(text.ToString()));
        Span<double> q = stackalloc double[3];
        back.Predict(["bias", "prep=على", "unknown-feature"], q);
        model.Predict(["bias", "prep=على"], p);
        for (int c = 0; c < 3; c++) Assert.Equal(p[c], q[c], 5);
    }

    // the whole pipeline with the registry's linker and the rules alone (the candidates the coder is given)
    private static readonly Lazy<Marsad.Analysis.Pipeline.AnalysisPipeline> RulesPipeline = new(() => new Marsad.Analysis.Pipeline.AnalysisPipelineBuilder { EventCoder = null }.Build());

    [Fact]
    public void A_nationality_adjective_outside_the_mentions_is_a_candidate_with_its_noun_preposition()
    {
        // the whole pipeline with the registry's linker: Iran is named only by the adjective of مواقع عسكرية إيرانية
        var doc = RulesPipeline.Value.Analyze(new SourceDocument { Text = "قصفت طائرات حربية إسرائيلية فجر الخميس بالصواريخ مواقع عسكرية إيرانية في سوريا.", Published = "2018-05-10" },
            new Marsad.Analysis.Pipeline.AnalysisOptions());
        var candidate = Assert.Single(doc.EventCandidates, c => c.Rules.Type == PloverType.Assault);
        // Israel, named only by the adjective after the trigger, is a candidate too (the rules' nationality target)
        Assert.Contains(candidate.Mentions, m => m.Actor.Country == "ISR");
        var iran = Assert.Single(candidate.Mentions, m => m.Actor.Country == "IRN" && m.Features.Contains("adjective"));
        Assert.Contains("prep=-", iran.Features);
        Assert.Equal(MentionOrigin.Adjective, iran.Origin);
        Assert.True(iran.InSentence);
    }

    [Fact]
    public void A_meetings_parties_are_decoded_as_one_set_likeliest_first()
    {
        // a model that reads a mention after مع as a party (target), one before the trigger as a party (source) and a
        // statement's subject as none: the two parties make the meeting, the speaker stays out
        var examples = new List<(string[], int)>();
        for (int i = 0; i < 30; i++)
        {
            examples.Add((["bias", "pos=before", "kind=person"], 1));
            examples.Add((["bias", "pos=after", "prep=مع"], 2));
            examples.Add((["bias", "statement-between|pos=before"], 0));
            examples.Add((["bias", "pos=after", "prep=-"], 0));
        }
        var model = LogisticModel.Train(["none", "source", "target"], examples, epochs: 20);
        var putin = new ActorRef("vladimir-putin", "Vladimir Putin", "بوتين", "RUS");
        var erdogan = new ActorRef("recep-tayyip-erdogan", "Recep Tayyip Erdogan", "أردوغان", "TUR");
        var lavrov = new ActorRef("sergey-lavrov", "Sergey Lavrov", "لافروف", "RUS");
        var xi = new ActorRef("xi-jinping", "Xi Jinping", "شي جين بينغ", "CHN");
        var rules = new EventRecord { Id = "e1", Type = PloverType.Consult, Trigger = new TriggerInfo("التقى", 0, 5), Evidence = [new TextSpan(0, 5)] };
        ArgumentCandidate Mention(ActorRef a, params string[] f) => new(a, "person", ArgumentRole.None, ["bias", .. f], MentionOrigin.Sentence);

        var meeting = new EventCandidate(rules, [Mention(lavrov, "statement-between|pos=before"), Mention(putin, "pos=before", "kind=person"),
            Mention(erdogan, "pos=after", "prep=مع")], ["bias"], 0);
        var (source, target, _, _) = EventCoder.DecodeArguments(model, meeting);
        Assert.Equal(2, source.Count + target.Count);
        Assert.Equal(["recep-tayyip-erdogan", "vladimir-putin"], source.Concat(target).Select(a => a.Id).Order());
        Assert.DoesNotContain(source.Concat(target), a => a.Id == "sergey-lavrov");

        // a third actor read as a party joins the target side; two are kept however unlikely the second is
        var three = new EventCandidate(rules, [Mention(putin, "pos=before", "kind=person"), Mention(erdogan, "pos=after", "prep=مع"),
            Mention(xi, "pos=after", "prep=مع")], ["bias"], 0);
        (source, target, _, _) = EventCoder.DecodeArguments(model, three);
        Assert.Single(source);
        Assert.Equal(2, target.Count);
        var lone = new EventCandidate(rules, [Mention(putin, "pos=before", "kind=person"), Mention(lavrov, "statement-between|pos=before")], ["bias"], 0);
        (source, target, _, _) = EventCoder.DecodeArguments(model, lone);
        Assert.Equal("vladimir-putin", Assert.Single(source).Id);
        Assert.Equal("sergey-lavrov", Assert.Single(target).Id);

        // «بوتين وأردوغان التقيا»: both parties read as sources. Decoded by roles, both would stand on the source side
        // and the empty target would take the speaker; as one set, the two parties are the meeting and the speaker is out
        var both = new EventCandidate(rules, [Mention(lavrov, "statement-between|pos=before"), Mention(putin, "pos=before", "kind=person"),
            Mention(erdogan, "pos=before", "kind=person")], ["bias"], 0);
        (source, target, _, _) = EventCoder.DecodeArguments(model, both);
        Assert.Equal(["recep-tayyip-erdogan", "vladimir-putin"], source.Concat(target).Select(a => a.Id).Order());
        Assert.Single(source);
    }

    [Fact]
    public void Each_candidate_mention_says_where_it_comes_from()
    {
        // Turkey is named in the sentence before the meeting's, Russia in it; the document's most mentioned actors follow
        var doc = RulesPipeline.Value.Analyze(new SourceDocument
        {
            Text = "وصل وزير الخارجية التركي إلى موسكو يوم الثلاثاء في زيارة رسمية.\n\nوأجرى محادثات مع المسؤولين الروس حول سوريا.",
            Published = "2018-05-10",
        }, new Marsad.Analysis.Pipeline.AnalysisOptions());
        var candidate = doc.EventCandidates.Last(c => c.Rules.Type == PloverType.Consult);
        var before = Assert.Single(candidate.Mentions, m => m.Actor.Country == "TUR" && m.Origin == MentionOrigin.PreviousSentence);
        Assert.False(before.InSentence);
        Assert.Contains("prev-sentence", before.Features);
        Assert.All(candidate.Mentions.Where(m => m.Origin == MentionOrigin.Sentence), m => Assert.Contains(m.Features, f => f.StartsWith("pos=", StringComparison.Ordinal)));
        Assert.All(candidate.Mentions.Where(m => m.Origin == MentionOrigin.DocumentTop), m => Assert.Contains("doc-top", m.Features));
    }

    [Fact]
    public void A_title_before_a_comma_and_a_name_belongs_to_the_named_person()
    {
        // «الرئيس الإيراني، حسن روحاني»: the title and its nationality are the person's, not a second party (Iran) for the
        // argument model, and the person stands right after the verb (no gap), the first of the two persons after it
        var doc = RulesPipeline.Value.Analyze(new SourceDocument
        {
            Text = "انتقد الرئيس الإيراني، حسن روحاني، الأربعاء، الرئيس الأمريكي، دونالد ترامب، واصفا الأخير بأنه لا يملك خبرة في السياسة.",
            Published = "2018-05-09",
        }, new Marsad.Analysis.Pipeline.AnalysisOptions());
        var candidate = Assert.Single(doc.EventCandidates, c => c.Rules.Type == PloverType.Accuse);
        Assert.DoesNotContain(candidate.Mentions, m => m.Origin == MentionOrigin.Adjective);
        var rouhani = Assert.Single(candidate.Mentions, m => m.Kind == "person" && m.Actor.Country == "IRN");
        Assert.Contains("pos|dist=after|0", rouhani.Features);
        Assert.Contains("nearest-after|type=ACCUSE", rouhani.Features);
        var trump = Assert.Single(candidate.Mentions, m => m.Kind == "person" && m.Actor.Country == "USA");
        Assert.Contains("second-after|type=ACCUSE", trump.Features);
    }

    [Fact]
    public void A_country_right_after_the_subject_is_a_mention_of_its_own_not_a_second_name_for_the_subject()
    {
        // "اتهمت الحكومة الفلسطينية إسرائيل": only a person's name or a nationality renames what precedes it, so Israel
        // is a mention the argument model can read as the object (it was folded into the government's mention)
        var doc = RulesPipeline.Value.Analyze(new SourceDocument { Text = "واتهمت الحكومة الفلسطينية إسرائيل بارتكاب مذبحة رهيبة.", Published = "2018-05-14" },
            new Marsad.Analysis.Pipeline.AnalysisOptions());
        var candidate = Assert.Single(doc.EventCandidates, c => c.Rules.Type == PloverType.Accuse);
        Assert.Contains(candidate.Mentions, m => m.Actor.Country == "PSE" && m.Kind == "organization");
        Assert.Contains(candidate.Mentions, m => m.Actor.Id == "isr" && m.Features.Contains("pos=after"));
        Assert.Equal("isr", Assert.Single(candidate.Rules.Target).Id);
    }

    [Fact]
    public void A_state_on_a_side_gives_way_to_a_person_of_that_state_named_in_the_sentence()
    {
        // a model that reads a country before the trigger as the source and a person after it as no party
        var examples = new List<(string[], int)>();
        for (int i = 0; i < 30; i++)
        {
            examples.Add((["bias", "pos=before", "kind=country"], 1));
            examples.Add((["bias", "pos=after", "kind=person"], 0));
            examples.Add((["bias", "pos=after", "prep=علي"], 2));
        }
        var model = LogisticModel.Train(["none", "source", "target"], examples, epochs: 20);
        var usa = new ActorRef("usa", "United States", "الولايات المتحدة", "USA");
        var trump = new ActorRef("donald-trump", "Donald Trump", "دونالد ترامب", "USA");
        var irn = new ActorRef("irn", "Iran", "إيران", "IRN");
        var rules = new EventRecord { Id = "e1", Type = PloverType.Sanction, Trigger = new TriggerInfo("فرضت", 0, 5), Evidence = [new TextSpan(0, 5)] };
        ArgumentCandidate Mention(ActorRef a, string kind, params string[] f) => new(a, kind, ArgumentRole.None, ["bias", .. f, "kind=" + kind],
            f.Contains("prev-sentence") ? MentionOrigin.PreviousSentence : MentionOrigin.Sentence);
        var candidate = new EventCandidate(rules, [Mention(usa, "country", "pos=before"), Mention(trump, "person", "pos=after"), Mention(irn, "country", "pos=after", "prep=علي")], ["bias"], 0);
        var (source, target, _, _) = EventCoder.DecodeArguments(model, candidate);
        Assert.Equal("donald-trump", Assert.Single(source).Id);
        Assert.Equal("irn", Assert.Single(target).Id);

        // a person named only in the sentence before does not replace the state
        var before = new EventCandidate(rules, [Mention(usa, "country", "pos=before"), Mention(trump, "person", "prev-sentence"), Mention(irn, "country", "pos=after", "prep=علي")], ["bias"], 0);
        Assert.Equal("usa", Assert.Single(EventCoder.DecodeArguments(model, before).Source).Id);
    }

    [Theory]
    [InlineData("2018-05-14", "2018-05-14", "week")]
    [InlineData("2018-05-10", "2018-05-14", "week")]
    [InlineData("2018-05-01", "2018-05-14", "month")]
    [InlineData("2018-04", "2018-05-14", "month")]       // April may end two weeks before
    [InlineData("2017-11", "2018-05-14", "year")]
    [InlineData("2017", "2018-05-14", "year")]           // the year's last day is within twelve months
    [InlineData("2015-07", "2018-05-14", "older")]
    [InlineData("2018-06", "2018-05-14", "future")]
    [InlineData(null, "2018-05-14", "")]
    [InlineData("2018-05", null, "")]
    public void An_events_age_is_measured_from_the_latest_day_its_date_can_name(string? date, string? published, string age)
        => Assert.Equal(age, CandidateFeatures.Age(date, published is null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Training_is_reproducible_from_its_seed()
    {
        var examples = Enumerable.Range(0, 60).Select(i => (new[] { "bias", "f" + (i % 7), "g" + (i % 3) }, i % 2)).ToList();
        string Write(LogisticModel m) { var w = new StringWriter(); m.Write(w); return w.ToString(); }
        Assert.Equal(Write(LogisticModel.Train(["wrong", "right"], examples, seed: 3)), Write(LogisticModel.Train(["wrong", "right"], examples, seed: 3)));
    }

    [Fact]
    public void An_averaged_model_is_the_mean_of_its_bags_and_reproducible()
    {
        var examples = Enumerable.Range(0, 60).Select(i => (new[] { "bias", "f" + (i % 7), "g" + (i % 3) }, i % 2)).ToList();
        string[] classes = ["wrong", "right"];
        var averaged = LogisticModel.TrainAveraged(classes, examples, bags: 3, seed: 5);
        var bags = new[] { 5, 6, 7 }.Select(s => LogisticModel.Train(classes, examples, seed: s)).ToList();
        string[] x = ["bias", "f2", "g1"];
        // softmax over the averaged weights: for two classes, the logistic of the mean logit difference
        double meanLogit = bags.Average(m => Math.Log(m.Probability(x, 1) / m.Probability(x, 0)));
        Assert.Equal(1 / (1 + Math.Exp(-meanLogit)), averaged.Probability(x, 1), 4);
        string Write(LogisticModel m) { var w = new StringWriter(); m.Write(w); return w.ToString(); }
        Assert.Equal(Write(averaged), Write(LogisticModel.TrainAveraged(classes, examples, bags: 3, seed: 5)));
    }

    private static readonly ActorRef Putin = new("vladimir-putin", "Vladimir Putin", "بوتين", "RUS");
    private static readonly ActorRef Erdogan = new("recep-tayyip-erdogan", "Recep Tayyip Erdogan", "أردوغان", "TUR");
    private static readonly ActorRef Turkey = new("tur", "Turkey", "تركيا", "TUR");

    private static EventRecord E(string type, ActorRef[] src, ActorRef[] tgt, int at, double confidence, string? date = null) => new()
    {
        Id = "d-e" + at, Type = PloverTypes.Parse(type, "coder test"), Source = src, Target = tgt, Confidence = confidence, Date = date,
        Trigger = new TriggerInfo("x", at, at + 1), Evidence = [new TextSpan(at, at + 1)],
    };

    [Fact]
    public void Mentions_of_one_event_fold_into_one_that_keeps_every_mention()
    {
        var folded = Marsad.Analysis.Merging.EventFolder.Fold([
            E("CONSULT", [Putin], [Erdogan], 10, 0.6),
            E("CONSULT", [Erdogan], [Putin], 50, 0.9, "2018-05-03"), // told again, sides swapped: a meeting is symmetric
            E("CONSULT", [Putin], [], 90, 0.4),                       // a vaguer retelling
            E("ACCUSE", [Putin], [Turkey], 120, 0.7),
            E("ACCUSE", [Turkey], [Putin], 150, 0.7),                 // the other direction is another event
        ]);
        Assert.Equal(3, folded.Count);
        var meeting = folded.Single(e => e.Type == PloverType.Consult);
        Assert.Equal(3, meeting.Evidence.Count);
        Assert.Equal(0.9, meeting.Confidence);
        Assert.Equal("2018-05-03", meeting.Date);
        Assert.Equal(2, folded.Count(e => e.Type == PloverType.Accuse));
    }

    [Fact]
    public void Outputs_show_events_at_or_above_the_threshold_and_rule_events_always()
    {
        var doc = new AnalyzedDocument { Id = "d", Text = "", Events = [E("ACCUSE", [Putin], [Turkey], 1, EventCoder.DefaultThreshold - 0.01), E("ACCUSE", [Turkey], [Putin], 2, EventCoder.DefaultThreshold), E("SUPPORT", [Putin], [], 3, 0.9) with { Confidence = null }] };
        var shown = EventVisibility.Shown(doc, EventCoder.DefaultThreshold);
        Assert.Equal(["d-e2", "d-e3"], shown.Events.Select(e => e.Id));
        Assert.Same(doc, EventVisibility.Shown(doc, 0));
    }

    [Fact]
    public void Platt_calibration_learns_how_often_a_score_is_right_and_keeps_the_order()
    {
        // A model that says 0.9 for examples right half the time and 0.2 for examples right one time in ten is overconfident.
        var scores = new List<double>();
        var labels = new List<int>();
        for (int i = 0; i < 1000; i++)
        {
            scores.Add(0.9); labels.Add(i % 2);
            scores.Add(0.2); labels.Add(i % 10 == 0 ? 1 : 0);
        }
        var platt = PlattCalibration.Fit(scores, labels);
        Assert.InRange(platt.Apply(0.9), 0.47, 0.53);
        Assert.InRange(platt.Apply(0.2), 0.08, 0.12);
        Assert.True(platt.Apply(0.6) > platt.Apply(0.5));
        Assert.Equal(0.3, PlattCalibration.Identity.Apply(0.3), 9);
    }

    [Fact]
    public void The_committed_coder_carries_its_calibration_and_writes_it_back()
    {
        var coder = EventCoder.LoadDefault()!;
        Assert.NotEqual(PlattCalibration.Identity, coder.Calibration);
        var text = new StringWriter();
        coder.Write(text, "test");
        var back = EventCoder.Read(new StringReader(text.ToString()));
        Assert.Equal(coder.Calibration, back.Calibration);
        Assert.Equal(coder.Triggers.FeatureCount, back.Triggers.FeatureCount);
    }

    [Fact]
    public void The_committed_coder_loads_and_codes_a_sentence()
    {
        var coder = EventCoder.LoadDefault();
        Assert.NotNull(coder);
        Assert.True(coder.Arguments.FeatureCount > 100);
        Assert.Equal(["none", "source", "target"], coder.Arguments.Classes);
        var pipeline = new Pipeline.AnalysisPipelineBuilder().Build();
        var doc = pipeline.Analyze(new SourceDocument { Text = "فرضت الولايات المتحدة عقوبات جديدة على إيران يوم الثلاثاء.", Published = "2018-05-10" }, new Pipeline.AnalysisOptions());
        var e = Assert.Single(doc.Events, e => e.Type == PloverType.Sanction);
        Assert.NotNull(e.Confidence);
        Assert.InRange(e.Confidence!.Value, 0, 1);
    }
}
