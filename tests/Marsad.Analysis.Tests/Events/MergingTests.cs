using Marsad.Analysis.Documents;
using Marsad.Analysis.Merging;
using Marsad.Analysis.Pipeline;
using Marsad.Tests.Common;

namespace Marsad.Analysis.Tests.Events;

public class MergingTests
{
    private static AnalyzedDocument Doc(string id, string source, params EventRecord[] events)
        => new() { Id = id, Source = source, Text = "", Events = events };

    private static EventRecord Call(string id, string src, string tgt, string? date, string modality = "asserted")
        => new() { Id = id, Type = "CONSULT", Mode = "phone", Cameo = "041", Source = [new ActorRef(src, null, null, null)], Target = [new ActorRef(tgt, null, null, null)], Date = date, Modality = modality, Evidence = [new(0, 5)] };

    [Fact]
    public void Same_call_told_by_two_outlets_becomes_one_event_with_two_sources()
    {
        var m = new EventMerger();
        m.Add(Doc("d1", "arouba", Call("d1-e1", "jake-sullivan", "nikolai-patrushev", "2021-04-19")));
        // the other outlet names the parties the other way round and knows only the month
        m.Add(Doc("d2", "dostor", Call("d2-e1", "nikolai-patrushev", "jake-sullivan", "2021-04")));
        var merged = Assert.Single(m.Result());
        Assert.Equal(2, merged.MentionCount);
        Assert.Equal(2, merged.SourceCount);
        Assert.Equal("2021-04-19", merged.Date);
        Assert.Equal(2, merged.Evidence.Count);
    }

    [Fact]
    public void Incompatible_dates_and_negated_reports_are_not_merged()
    {
        var m = new EventMerger();
        m.Add(Doc("d1", "a", Call("d1-e1", "x", "y", "2021-04-19")));
        m.Add(Doc("d2", "b", Call("d2-e1", "x", "y", "2021-04-13")));
        m.Add(Doc("d3", "c", Call("d3-e1", "x", "y", "2021-04-19", "negated")));
        var merged = m.Result();
        Assert.Equal(2, merged.Count);
        Assert.All(merged, e => Assert.Equal(1, e.MentionCount));
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
        Assert.Contains(m.Result(), e => e.Type == "CONSULT" && e.SourceCount == 2 && e.Date == "2021-04-19"
            && e.Target.Concat(e.Source).Any(a => a.Id == "nikolai-patrushev") && e.Target.Concat(e.Source).Any(a => a.Id == "jake-sullivan"));
    }
}
