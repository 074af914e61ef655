using Marsad.Storage.Records;

namespace Marsad.Storage.Tests;

// Browsing queries used by the web pages and HTTP API: document pages, actor detail, the actor network, pagination.
public abstract partial class StoreConformanceTests
{
    [Fact]
    public void Document_pages_run_newest_first_and_the_cursor_visits_every_document_once()
    {
        using var store = StoreAll(out var a, out var b, out var c);
        var seen = new List<string>();
        long? cursor = null;
        int pages = 0;
        do
        {
            var page = store.ListDocuments(new DocumentListQuery { Limit = 2, Before = cursor });
            Assert.InRange(page.Items.Count, 1, 2);
            seen.AddRange(page.Items.Select(d => d.Id));
            cursor = page.Next;
            pages++;
        }
        while (cursor is not null);
        Assert.Equal(3, pages);                                      // 5 stored documents (the unreadable file is a rejection row)
        Assert.Equal(5, seen.Distinct().Count());
        Assert.Equal(a.Id, seen[^1]);                                // stored first, listed last
        Assert.Equal([c.Id, b.Id, a.Id], seen.Where(id => id == a.Id || id == b.Id || id == c.Id));
        var first = store.ListDocuments(new DocumentListQuery { Limit = 10 });
        Assert.Null(first.Next);
        var summary = first.Items.Single(d => d.Id == a.Id);
        Assert.Equal("قمة بوتين وبايدن في جنيف", summary.Title);
        Assert.Equal("ok", summary.Status);
        Assert.Equal(a.Text.Length, summary.TextLength);
    }

    [Fact]
    public void Document_pages_filter_by_status_source_day_range_and_actor()
    {
        using var store = StoreAll(out var a, out var b, out var c);
        string[] Ids(DocumentListQuery q) => store.ListDocuments(q).Items.Select(d => d.Id).Order(StringComparer.Ordinal).ToArray();
        string[] Sorted(params string[] ids) => ids.Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Sorted(a.Id, b.Id, c.Id), Ids(new DocumentListQuery { Status = "ok" }));
        Assert.Equal([b.Id], Ids(new DocumentListQuery { Source = "ALARABIYA" }));
        // Timestamps and bare days on the last day are both inside the range; 2021-04-15 and 2021-06-17 are not.
        var june16 = Ids(new DocumentListQuery { Since = "2021-06-16", Until = "2021-06-16" });
        Assert.Equal(Sorted(a.Id, b.Id, TestDocuments.RejectedFrench().Id), june16);
        Assert.Equal(Sorted(a.Id, b.Id), Ids(new DocumentListQuery { ActorId = TestDocuments.Putin.Id }));
        Assert.Empty(Ids(new DocumentListQuery { ActorId = "Putin" }));  // an id, never a name
    }

    [Fact]
    public void Actor_detail_has_counts_roles_seen_and_co_occurring_actors()
    {
        using var store = StoreAll(out _, out _, out _);
        var putin = store.GetActor(TestDocuments.Putin.Id, 5);
        Assert.NotNull(putin);
        Assert.Equal(new ActorSummary(TestDocuments.Putin.Id, "Vladimir Putin", "فلاديمير بوتين", "RUS", "person", 2, 1, 2), putin.Actor);
        var role = Assert.Single(putin.Roles);
        Assert.Equal(new ActorRoleSpan("President of Russia", "2021-06-16", "2021-06-16", 2), role);
        var co = Assert.Single(putin.CoOccurring);
        Assert.Equal(TestDocuments.Biden.Id, co.Id);
        Assert.Equal(2, co.Documents);
        Assert.Empty(store.GetActor(TestDocuments.Putin.Id, 0)!.CoOccurring);
        Assert.Null(store.GetActor("nobody", 5));
    }

    [Fact]
    public void Kept_actor_counts_and_pairs_follow_batches_merged_events_and_repeats()
    {
        using var store = Open();
        var a = TestDocuments.A();
        var b = TestDocuments.B();
        var c = TestDocuments.C();
        // One batch each: B's event merges with A's (stored earlier), C brings two new events; then A again (a no-op)
        // and the corpus of the filter tests (Putin in every third document, Biden in every fifth) in two batches.
        store.Store([a]);
        store.Store([b, b]);
        store.Store([c, a]);
        var more = FilterCorpus();
        store.Store(more.Take(13).ToList());
        store.Store(more.Skip(13).ToList());
        Assert.Empty(store.CheckConsistency());   // includes recounting every kept count and pair from the rows

        var top = store.Actors(0).ToDictionary(x => x.Id);
        Assert.Equal((2 + 10, 1, 2), (top[TestDocuments.Putin.Id].Documents, top[TestDocuments.Putin.Id].Events, top[TestDocuments.Putin.Id].Quotes));
        Assert.Equal((2 + 6, 1, 0), (top[TestDocuments.Biden.Id].Documents, top[TestDocuments.Biden.Id].Events, top[TestDocuments.Biden.Id].Quotes));
        Assert.Equal((1, 2, 0), (top[TestDocuments.Usa.Id].Documents, top[TestDocuments.Usa.Id].Events, top[TestDocuments.Usa.Id].Quotes));
        Assert.Equal(TestDocuments.Putin.Id, store.Actors(1)[0].Id);
        // Putin and Biden together: A, B and documents 0, 15 of the corpus.
        Assert.Equal(4, store.GetActor(TestDocuments.Putin.Id, 5)!.CoOccurring.Single(x => x.Id == TestDocuments.Biden.Id).Documents);
        Assert.Equal(4, store.GetActor(TestDocuments.Biden.Id, 5)!.CoOccurring.Single(x => x.Id == TestDocuments.Putin.Id).Documents);
        Assert.Equal([TestDocuments.Russia.Id], store.GetActor(TestDocuments.Usa.Id, 5)!.CoOccurring.Select(x => x.Id));
    }

    [Fact]
    public void The_actor_network_weights_directed_edges_by_events_and_filters_them()
    {
        using var store = StoreAll(out _, out _, out _);
        var all = store.ActorNetwork(new NetworkQuery());
        Assert.Equal(3, all.Count);
        // A and B report the same meeting: one merged event, one edge of weight 1.
        var consult = Assert.Single(all, e => e.Type == "CONSULT");
        Assert.Equal((TestDocuments.Putin.Id, TestDocuments.Biden.Id, 1), (consult.Source.Id, consult.Target.Id, consult.Events));
        Assert.Equal("Joe Biden", consult.Target.NameEn);
        Assert.Equal(["SANCTION"], store.ActorNetwork(new NetworkQuery { Types = ["sanction"] }).Select(e => e.Type));
        Assert.Equal(["CONSULT"], store.ActorNetwork(new NetworkQuery { ActorId = TestDocuments.Biden.Id }).Select(e => e.Type));
        Assert.Equal(2, store.ActorNetwork(new NetworkQuery { Until = "2021-05-01" }).Count);
        Assert.Single(store.ActorNetwork(new NetworkQuery { Limit = 1 }));
    }

    [Fact]
    public void Events_and_quotes_page_with_an_offset_and_filter_by_exact_actor_id()
    {
        using var store = StoreAll(out _, out _, out _);
        var all = store.Events(new EventQuery()).Select(e => e.GlobalId).ToList();
        var paged = Enumerable.Range(0, 3).SelectMany(i => store.Events(new EventQuery { Limit = 1, Offset = i })).Select(e => e.GlobalId).ToList();
        Assert.Equal(all, paged);
        Assert.Empty(store.Events(new EventQuery { Limit = 5, Offset = 3 }));
        Assert.Equal(2, store.Events(new EventQuery { ActorId = "RUS" }).Count);
        Assert.Empty(store.Events(new EventQuery { ActorId = "rus" }));   // exact: no name or case folding

        var quotes = store.Quotes(new QuoteQuery { SpeakerId = TestDocuments.Putin.Id });
        Assert.Equal(2, quotes.Count);
        Assert.Equal(quotes[1], Assert.Single(store.Quotes(new QuoteQuery { SpeakerId = TestDocuments.Putin.Id, Limit = 1, Offset = 1 })));
        Assert.Empty(store.Quotes(new QuoteQuery { SpeakerId = "Putin" }));
    }
}
