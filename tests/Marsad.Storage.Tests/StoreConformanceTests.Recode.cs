using Marsad.Analysis.Events;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Pipeline;
using Marsad.Ingest.Batch;
using Marsad.Ingest.Readers;
using Marsad.Storage.Recoding;
using Marsad.Storage.Records;
using Marsad.Tests.Common;

namespace Marsad.Storage.Tests;

// Recoding (IArticleStore.Replace through StoreRecoder) on both back ends: documents stored with one pipeline and
// recoded with another must end exactly as a fresh ingest with the other pipeline, and a second recode changes nothing.
public abstract partial class StoreConformanceTests
{
    /// <summary>The pipelines the recode tests switch between (built once: loading the models takes seconds).</summary>
    public enum Coding { Default, RulesOnly, NoActorsRulesOnly, NoActors }

    private static readonly Dictionary<Coding, Lazy<AnalysisPipeline>> Pipelines = new()
    {
        [Coding.Default] = new(() => new AnalysisPipelineBuilder().Build()),
        [Coding.RulesOnly] = new(() => new AnalysisPipelineBuilder { EventCoder = null }.Build()),
        [Coding.NoActorsRulesOnly] = new(() => new AnalysisPipelineBuilder { LinkActors = false, EventCoder = null }.Build()),
        [Coding.NoActors] = new(() => new AnalysisPipelineBuilder { LinkActors = false }.Build()),
    };

    /// <summary>The five seeds (two tell one phone call), then dev-corpus articles: furniture, near duplicates, many events.</summary>
    private static readonly Lazy<List<SourceDocument>> RecodeInputs = new(() =>
    [
        .. new DocumentReader().Read(SharedData.SeedFiles()),
        .. new DocumentReader().Read([SharedData.Data("news", "dev", "articles.jsonl")]).Take(150),
    ]);

    /// <summary>Ingests <see cref="RecodeInputs"/> with <paramref name="coding"/> as <c>ingest</c> does (furniture, dedup, batches of 64).</summary>
    private static void IngestWith(IArticleStore store, Coding coding)
    {
        foreach (var batch in new BatchAnalyzer(Pipelines[coding].Value, new AnalysisOptions()).Run(RecodeInputs.Value).Chunk(64))
            store.Store(batch);
    }

    [Theory]
    [InlineData(Coding.RulesOnly, Coding.Default)]          // a new coder model: confidences, types, dropped candidates
    [InlineData(Coding.NoActorsRulesOnly, Coding.Default)]  // a registry added: actors, counts, pairs, speakers, event keys
    [InlineData(Coding.Default, Coding.NoActors)]           // actors gone: merged events and actors left without reports vanish
    public void Recoding_gives_what_a_fresh_ingest_with_the_new_pipeline_gives_and_a_second_recode_changes_nothing(Coding stored, Coding recoded)
    {
        // What a fresh ingest with the new pipeline stores, in a store of its own (the same back end), then emptied.
        string expected;
        using (var fresh = Open())
        {
            IngestWith(fresh, recoded);
            Assert.Empty(fresh.CheckConsistency());
            expected = StoreSnapshot.Of(fresh, withIds: false);
            Execute("DELETE FROM documents; DELETE FROM document_sightings; DELETE FROM sentences; DELETE FROM entities; DELETE FROM actors; " +
                    "DELETE FROM document_actors; DELETE FROM actor_pairs; DELETE FROM events; DELETE FROM event_actors; DELETE FROM event_mentions; " +
                    "DELETE FROM quotes; DELETE FROM rejections");
            Assert.Equal(0, fresh.RebuildSearchIndex()); // empties the full-text index
            Assert.Equal(0, fresh.Counts().Documents);
        }

        using var store = Open();
        IngestWith(store, stored);
        string before = StoreSnapshot.Of(store, withIds: false);
        Assert.NotEqual(expected, before);

        var recoder = new StoreRecoder(Pipelines[recoded].Value);
        var first = recoder.Run(store, new RecodeOptions { BatchSize = 16 });
        Assert.Empty(store.CheckConsistency());
        int withAnnotations = store.DocumentsToRecode(new RecodeQuery { Limit = 100_000 }).Count;
        Assert.True(withAnnotations > 100, $"only {withAnnotations} documents with status ok or duplicate");
        Assert.Equal((withAnnotations, withAnnotations, 0), (first.Documents, first.Replaced, first.Kept));
        Assert.True(first.EventsChanged > 0, "no document's events changed");
        StoreSnapshot.AssertSame(expected, StoreSnapshot.Of(store, withIds: false));

        // Idempotent: the same pipeline again finds nothing to change, down to the merged events' ids.
        string once = StoreSnapshot.Of(store, withIds: true);
        var second = recoder.Run(store, new RecodeOptions { BatchSize = 50 });
        Assert.Equal((first.Documents, 0, 0, 0), (second.Replaced, second.EventsChanged, second.MergedEventsAdded, second.MergedEventsRemoved));
        StoreSnapshot.AssertSame(once, StoreSnapshot.Of(store, withIds: true));
        Assert.Empty(store.CheckConsistency());
    }

    [Fact]
    public void Recoding_a_page_replaces_only_those_documents_and_unknown_ids_are_skipped()
    {
        using var store = StoreAll(out var a, out var b, out var c);
        // B's report of the meeting is taken away and C's sanctions become a threat: A's merged event loses one report,
        // C's sanction event disappears, a new event appears, and the counts follow.
        var consultBefore = Assert.Single(store.Events(new EventQuery { Type = "CONSULT" }));
        Assert.Equal(2, consultBefore.NumMentions);
        var newC = c with { Events = [c.Events[0] with { Type = PloverType.Threaten, Mode = null, Cameo = "13" }] };
        var ghost = b with { Id = "ffffffffffffffff", Text = "نص لم يخزن" };
        var result = store.Replace([b with { Events = [], Quotes = [] }, newC, ghost]);
        Assert.Equal(new RecodeWriteResult(2, 1, 2, 1, 2), result);
        Assert.Empty(store.CheckConsistency());

        var consult = Assert.Single(store.Events(new EventQuery { Type = "CONSULT" }));
        Assert.Equal(consultBefore.GlobalId, consult.GlobalId);
        Assert.Equal([a.Id], consult.Mentions.Select(m => m.DocumentId));
        Assert.Empty(store.Events(new EventQuery { Type = "SANCTION" }));
        Assert.Empty(store.Events(new EventQuery { Type = "COERCE" }));
        Assert.Single(store.Events(new EventQuery { Type = "THREATEN" }));
        Assert.DoesNotContain(store.Quotes(new QuoteQuery { Speaker = TestDocuments.Putin.Id }), q => q.DocumentId == b.Id);
        Assert.Null(store.GetDocument(ghost.Id));

        // Replacing with the stored analyses again brings back exactly what was stored (ids aside).
        var again = store.Replace([b, c]);
        Assert.Equal(new RecodeWriteResult(2, 0, 2, 2, 1), again);
        Assert.Empty(store.CheckConsistency());
        Assert.Equal(2, Assert.Single(store.Events(new EventQuery { Type = "CONSULT" })).NumMentions);
        Assert.Equal(2, store.Events(new EventQuery { Actor = TestDocuments.Usa.Id }).Count);
        Assert.Equal(new RecodeWriteResult(2, 0, 0, 0, 0), store.Replace([b, c]));
    }

    [Fact]
    public void Documents_to_recode_are_the_ok_and_duplicate_ones_in_storing_order_with_paging_and_since()
    {
        using var store = StoreAll(out var a, out var b, out var c);
        var all = store.DocumentsToRecode(new RecodeQuery { Limit = 100 });
        Assert.Equal([a.Id, b.Id, c.Id, TestDocuments.NearDuplicateOfA(a.Id).Id], all.Select(t => t.Document.Id));
        Assert.Equal(a.Title, all[0].Document.Title);
        Assert.Equal(a.Text, all[0].Document.Text);
        Assert.Equal(a.Removed, all[0].Document.Removed);
        Assert.Equal(DocumentStatus.Duplicate, all[3].Document.Status);
        var page = store.DocumentsToRecode(new RecodeQuery { AfterSeq = all[1].Seq, Limit = 1 });
        Assert.Equal([c.Id], page.Select(t => t.Document.Id));
        Assert.Equal([a.Id, b.Id, TestDocuments.NearDuplicateOfA(a.Id).Id],
            store.DocumentsToRecode(new RecodeQuery { Since = "2021-06-01", Limit = 100 }).Select(t => t.Document.Id));
    }
}
