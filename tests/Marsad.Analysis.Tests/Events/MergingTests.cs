using Marsad.Analysis.Events;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Merging;
using Marsad.Analysis.Pipeline;
using Marsad.Tests.Common;


namespace Marsad.Analysis.Tests.Events;

public class MergingTests
{
    private static AnalyzedDocument Doc(string id, string source, params EventRecord[] events)
        => new() { Id = id, Source = source, Text = "", Events = events };

    private static EventRecord Call(string id, string src, string tgt, string? date, Marsad.Analysis.Events.EventModality modality = Marsad.Analysis.Events.EventModality.Asserted)
        => new() { Id = id, Type = PloverType.Consult, Mode = "phone", Cameo = "041", Source = [new ActorRef(src, null, null, null)], Target = [new ActorRef(tgt, null, null, null)], Date = date, Modality = modality, Evidence = [new(0, 5)] };

    [Theory]
    [MemberData(nameof(EventIdentityCase.Data), MemberType = typeof(EventIdentityCase))]
    public void Analyze_merges_reports_of_two_documents_by_the_one_identity(EventIdentityCase c)
    {
        var m = new EventMerger();
        m.Add(Doc("d1", "arouba", c.A) with { Published = c.PublishedA });
        m.Add(Doc("d2", "dostor", c.B with { Id = "d2-e1" }) with { Published = c.PublishedB });
        // the merger leaves out what did not happen and what has no actor
        int shown = new[] { c.A, c.B }.Count(e => e.Modality != Marsad.Analysis.Events.EventModality.Negated && e.Source.Count + e.Target.Count > 0);
        var merged = m.Result();
        Assert.Equal(c.SameAcross ? 1 : shown, merged.Count);
        if (c.SameAcross) Assert.Equal(2, Assert.Single(merged).SourceCount);
    }

    [Theory]
    [MemberData(nameof(EventIdentityCase.Data), MemberType = typeof(EventIdentityCase))]
    public void A_document_folds_its_mentions_of_one_event_by_the_one_identity(EventIdentityCase c)
    {
        var folded = EventFolder.Fold([c.A, c.B]);
        Assert.Equal(c.FoldsInOneDocument ? 1 : 2, folded.Count);
        if (c.FoldsInOneDocument) Assert.Equal(2, folded[0].Evidence.Count);
        // the same in either order
        Assert.Equal(folded.Count, EventFolder.Fold([c.B, c.A]).Count);
    }

    [Fact]
    public void Equal_identity_keys_always_fold_in_one_document()
    {
        foreach (var c in EventIdentityCase.All)
        {
            bool sameKey = EventIdentity.Of(c.A, c.PublishedA, "d").Key == EventIdentity.Of(c.B, c.PublishedA, "d").Key;
            if (sameKey) Assert.True(c.FoldsInOneDocument, c.Name);
        }
    }

    [Fact]
    public void A_folded_event_keeps_the_most_precise_agreeing_date_and_the_highest_confidence()
    {
        var p = new ActorRef("vladimir-putin", null, null, "RUS");
        var t = new ActorRef("tur", null, null, "TUR");
        var folded = Assert.Single(EventFolder.Fold([
            new EventRecord { Id = "1", Type = PloverType.Consult, Source = [p], Target = [t], Date = "2018-05", DateText = "الشهر الجاري", Confidence = 0.9, Evidence = [new(0, 1)] },
            new EventRecord { Id = "2", Type = PloverType.Consult, Source = [t], Target = [p], Date = "2018-05-03", DateText = "الخميس", Confidence = 0.4, Evidence = [new(5, 6)] },
        ]));
        Assert.Equal(("2018-05-03", "الخميس"), (folded.Date, folded.DateText));
        Assert.Equal(0.9, folded.Confidence);
        Assert.Equal(2, folded.Evidence.Count);
    }

    [Fact]
    public void Seeds_001_and_003_share_the_patrushev_sullivan_phone_call()
    {
        // the merger on the trigger rules' events (the coder's choice of arguments has tests of its own)
        var pipeline = new AnalysisPipelineBuilder { EventCoder = null }.Build();
        var files = SharedData.SeedFiles();
        var m = new EventMerger();
        foreach (var (file, published) in new[] { (files[1], "2021-04-19"), (files[3], "2021-04-25") })
            m.Add(pipeline.Analyze(new SourceDocument { Text = File.ReadAllText(file), Path = file, Published = published }, new AnalysisOptions()));
        Assert.Contains(m.Result(), e => e.Type == PloverType.Consult && e.SourceCount == 2 && e.Date == "2021-04-19"
            && e.Target.Concat(e.Source).Any(a => a.Id == "nikolai-patrushev") && e.Target.Concat(e.Source).Any(a => a.Id == "jake-sullivan"));
    }
}
