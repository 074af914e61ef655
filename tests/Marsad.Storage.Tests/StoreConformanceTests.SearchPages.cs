using Marsad.Analysis.Documents;
using Marsad.Storage.Records;

namespace Marsad.Storage.Tests;

// Search totals, offset pages, sorting, facets, the event-type filter, spelling variants; event confidence and modality.
public abstract partial class StoreConformanceTests
{
    /// <summary>Runs a constant SQL statement on the store under test (schema surgery for the migration test).</summary>
    protected abstract void Execute(string sql);

    /// <summary>A, B and C with confidences on their events: A's meeting 0.6, B's report of it 0.8, C's sanctions 0.3, C's expulsion 0.9 and negated.</summary>
    private IArticleStore StoreScored(out AnalyzedDocument a, out AnalyzedDocument b, out AnalyzedDocument c)
    {
        var store = Open();
        a = TestDocuments.A();
        a = a with { Events = [a.Events[0] with { Confidence = 0.6 }] };
        b = TestDocuments.B();
        b = b with { Events = [b.Events[0] with { Confidence = 0.8 }] };
        c = TestDocuments.C();
        c = c with { Events = [c.Events[0] with { Confidence = 0.3 }, c.Events[1] with { Confidence = 0.9, Modality = Marsad.Analysis.Events.EventModality.Negated }] };
        store.Store([a, b, c]);
        return store;
    }

    [Fact]
    public void A_spelling_variant_finds_every_spelling()
    {
        using var store = StoreAll(out var a, out var b, out var c);
        // A and B write الأمريكي, C writes الأميركية: either spelling finds all three.
        foreach (var spelling in new[] { "الأمريكي", "الأميركي" })
            Assert.Equal(new[] { a.Id, b.Id, c.Id }.Order(StringComparer.Ordinal),
                store.Search(new SearchQuery { Text = spelling, Limit = 10 }).Select(h => h.DocumentId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Search_counts_every_match_and_offset_pages_cover_them_once_in_either_order()
    {
        using var store = StoreAll(out var a, out var b, out var c);
        var query = new SearchQuery { Text = "الأمريكي" };
        Assert.Equal(3, store.Summarize(query, 0).Total);
        Assert.Equal(1, store.Summarize(query with { Source = "CNN_arabic" }, 0).Total);
        Assert.Equal(0, store.Summarize(query with { Text = "كلمةغيرموجودة" }, 0).Total);

        // Newest first: B (12:00) and A (10:00) on 2021-06-16, then C (2021-04-15).
        var newest = new List<string>();
        for (int offset = 0; offset < 4; offset += 2)
            newest.AddRange(store.Search(query with { Sort = SearchSort.Newest, Limit = 2, Offset = offset }).Select(h => h.DocumentId));
        Assert.Equal([b.Id, a.Id, c.Id], newest);

        var all = store.Search(query with { Limit = 10 }).Select(h => h.DocumentId).ToList();
        var paged = store.Search(query with { Limit = 2 }).Concat(store.Search(query with { Limit = 2, Offset = 2 })).Select(h => h.DocumentId).ToList();
        Assert.Equal(all, paged);
        Assert.Empty(store.Search(query with { Limit = 2, Offset = 3 }));
        var scores = store.Search(query with { Limit = 10 }).Select(h => h.Score).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public void Facets_count_matching_documents_by_outlet_month_actor_and_event_type()
    {
        using var store = StoreScored(out var a, out _, out var c);
        var summary = store.Summarize(new SearchQuery { Text = "الأمريكي" }, 10);
        Assert.Equal(3, summary.Total);
        var f = summary.Facets;
        Assert.Equal(["alarabiya", "cnn_arabic", "skynews_arabia"], f.Sources.Select(s => s.Value).Order(StringComparer.Ordinal));
        Assert.All(f.Sources, s => Assert.Equal(1, s.Count));
        Assert.Equal([("2021-06", 2L), ("2021-04", 1L)], f.Months.Select(m => (m.Value, m.Count)));
        var putin = Assert.Single(f.Actors, x => x.Value == TestDocuments.Putin.Id);
        Assert.Equal((2L, "Vladimir Putin", "فلاديمير بوتين"), (putin.Count, putin.Label, putin.LabelAr));
        Assert.Equal(1, Assert.Single(f.Actors, x => x.Value == TestDocuments.Usa.Id).Count);
        // Event types count documents; the negated expulsion is not a COERCE report.
        Assert.Equal([("CONSULT", 2L), ("SANCTION", 1L)], f.EventTypes.Select(t => (t.Value, t.Count)));
        // At 0.5 the sanctions (0.3) no longer count, and the filter agrees with the facet.
        var sure = new SearchQuery { Text = "الأمريكي", MinConfidence = 0.5 };
        Assert.Equal([("CONSULT", 2L)], store.Summarize(sure, 10).Facets.EventTypes.Select(t => (t.Value, t.Count)));
        Assert.Equal(0, store.Summarize(sure with { EventType = "SANCTION" }, 0).Total);
        Assert.Equal(c.Id, Assert.Single(store.Search(new SearchQuery { Text = "الأمريكي", EventType = "sanction" })).DocumentId);
        Assert.Equal(2, store.Summarize(sure with { EventType = "CONSULT" }, 0).Total);
        Assert.Equal(1, store.Summarize(sure with { EventType = "CONSULT", Source = "skynews_arabia" }, 0).Total);
        Assert.Equal(a.Id, Assert.Single(store.Search(sure with { EventType = "CONSULT", Source = "skynews_arabia", Limit = 5 })).DocumentId);
        Assert.Same(SearchFacets.None, store.Summarize(new SearchQuery { Text = "الأمريكي" }, 0).Facets);
    }

    [Fact]
    public void Events_keep_their_best_confidence_and_lists_filter_by_threshold_and_modality()
    {
        using var store = StoreScored(out _, out _, out _);
        var all = store.Events(new EventQuery());
        Assert.Equal(3, all.Count);                                        // the store keeps every event
        Assert.Equal(0.8, all.Single(e => e.Type == "CONSULT").Confidence); // the best of its two reports
        Assert.Equal(["COERCE", "CONSULT"], store.Events(new EventQuery { MinConfidence = 0.5 }).Select(e => e.Type).Order(StringComparer.Ordinal));
        Assert.Equal(2, store.CountEvents(new EventQuery { MinConfidence = 0.5 }));
        Assert.Equal(3, store.CountEvents(new EventQuery()));
        Assert.Equal(1, store.CountEvents(new EventQuery { MinConfidence = 0.85 }));
        Assert.Equal("COERCE", Assert.Single(store.Events(new EventQuery { Modalities = ["negated"] })).Type);
        Assert.Equal(["CONSULT", "SANCTION"], store.Events(new EventQuery { Modalities = ["asserted", "planned"] }).Select(e => e.Type).Order(StringComparer.Ordinal));
        Assert.Equal(1, store.CountEvents(new EventQuery { Modalities = ["asserted"], MinConfidence = 0.5 }));
        Assert.Empty(store.CheckConsistency());
    }

    [Fact]
    public void Events_the_coder_did_not_score_pass_every_threshold()
    {
        using var store = StoreAll(out _, out _, out _);
        Assert.All(store.Events(new EventQuery()), e => Assert.Null(e.Confidence));
        Assert.Equal(3, store.CountEvents(new EventQuery { MinConfidence = 0.99 }));
    }

    [Fact]
    public void A_store_from_before_event_confidence_gets_it_from_its_stored_reports()
    {
        using (var store = StoreScored(out _, out _, out _)) { }
        // Back to the schema before the confidence column, as a store written by the previous version would be.
        Execute("ALTER TABLE events DROP COLUMN confidence");
        Execute($"DELETE FROM schema_migrations WHERE version = {LatestSchemaVersion}");
        using var reopened = Open();
        Assert.Equal(LatestSchemaVersion, reopened.SchemaVersion);
        var events = reopened.Events(new EventQuery()).ToDictionary(e => e.Type, e => e.Confidence);
        Assert.Equal(0.8, events["CONSULT"]);
        Assert.Equal(0.3, events["SANCTION"]);
        Assert.Equal(0.9, events["COERCE"]);
    }
}
