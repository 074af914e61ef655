using Marsad.Analysis.Documents;
using Marsad.Storage.Records;

namespace Marsad.Storage.Tests;

/// <summary>
/// The behaviour every <see cref="IArticleStore"/> must have. Run against SQLite (always) and a real PostgreSQL
/// server (see <see cref="PostgresStoreTests"/>). Each test gets a fresh, empty store and creates its own data.
/// </summary>
public abstract partial class StoreConformanceTests : IDisposable
{
    /// <summary>Opens the store under test; a second call reopens the SAME store (a new connection).</summary>
    protected abstract IArticleStore Open(Search.SearchTermAnalyzer? analyzer = null);

    public abstract void Dispose();

    /// <summary>The back end's newest schema version (the back ends may add their own migrations).</summary>
    protected abstract int LatestSchemaVersion { get; }

    private IArticleStore StoreAll(out AnalyzedDocument a, out AnalyzedDocument b, out AnalyzedDocument c)
    {
        var store = Open();
        a = TestDocuments.A();
        b = TestDocuments.B();
        c = TestDocuments.C();
        var result = store.Store([a, b, c, TestDocuments.NearDuplicateOfA(a.Id), TestDocuments.RejectedFrench(), TestDocuments.Unreadable()]);
        Assert.Equal(new StoreWriteResult(5, 0, 1), result);
        return store;
    }

    [Fact]
    public void Opening_runs_every_migration_and_reopening_keeps_the_version()
    {
        int version;
        using (var s = Open()) version = s.SchemaVersion;
        Assert.Equal(LatestSchemaVersion, version);
        using var again = Open();
        Assert.Equal(version, again.SchemaVersion);
        Assert.Empty(again.CheckConsistency());
    }

    [Fact]
    public void A_document_comes_back_with_all_its_annotations()
    {
        using var store = StoreAll(out var a, out _, out _);
        var stored = store.GetDocument(a.Id);
        Assert.NotNull(stored);
        var d = stored.Document;
        Assert.Equal(a.Text, d.Text);
        Assert.Equal(a.Title, d.Title);
        Assert.Equal(a.Published, d.Published);
        Assert.Equal(a.Source, d.Source);
        Assert.Equal(a.Url, d.Url);
        Assert.Equal(a.Language, d.Language);
        Assert.Equal(a.LanguageConfidence, d.LanguageConfidence);
        Assert.Equal(DocumentStatus.Ok, d.Status);
        Assert.Equal(a.Sentences, d.Sentences);
        Assert.Equal(a.Entities, d.Entities);
        Assert.Equal(a.Actors.OrderBy(x => x.Id), d.Actors);
        Assert.Equal(a.Removed, d.Removed);
        var e = Assert.Single(d.Events);
        Assert.Equal(a.Events[0].Id, e.Id);
        Assert.Equal(a.Events[0].Trigger, e.Trigger);
        Assert.Equal(a.Events[0].Source, e.Source);
        Assert.Equal(a.Events[0].Evidence, e.Evidence);
        Assert.Equal(a.Events[0].Topics, e.Topics);
        Assert.Equal(a.Events[0].Location, e.Location);
        Assert.Equal(a.Quotes, d.Quotes);
        Assert.Equal("a.txt", Assert.Single(stored.Sightings).Path);
    }

    [Fact]
    public void A_unique_id_prefix_finds_the_document_and_a_miss_gives_null()
    {
        using var store = StoreAll(out var a, out _, out _);
        Assert.Equal(a.Id, store.GetDocument(a.Id[..8])?.Document.Id);
        Assert.Null(store.GetDocument("ffffffffffffffff"));
        Assert.Null(store.GetDocument("'; DROP TABLE documents; --"));
        Assert.NotNull(store.GetDocument(a.Id));
    }

    [Fact]
    public void Duplicates_and_rejections_keep_their_status_reason_and_link()
    {
        using var store = StoreAll(out var a, out _, out _);
        var near = TestDocuments.NearDuplicateOfA(a.Id);
        var d = store.GetDocument(near.Id)!.Document;
        Assert.Equal(DocumentStatus.Duplicate, d.Status);
        Assert.Equal(a.Id, d.DuplicateOf);
        Assert.Equal("near duplicate (test)", d.Reason);
        var fr = store.GetDocument(TestDocuments.RejectedFrench().Id)!.Document;
        Assert.Equal(DocumentStatus.Rejected, fr.Status);
        Assert.Equal("language: fr", fr.Reason);
        var counts = store.Counts();
        Assert.Equal(5, counts.Documents);
        Assert.Equal(3, counts.Indexed);      // only ok documents are searchable
        Assert.Equal(1, counts.Rejections);   // the unreadable file
    }

    [Fact]
    public void Storing_the_same_texts_again_writes_nothing_but_a_new_path_is_noted()
    {
        using var store = StoreAll(out var a, out var b, out var c);
        var before = store.Counts();
        var again = store.Store([a, b, c, TestDocuments.Unreadable()]);
        Assert.Equal(new StoreWriteResult(0, 3, 1), again);
        Assert.Equal(before, store.Counts());
        var geneva = store.Search(new SearchQuery { Text = "جنيف" }).Select(h => h.DocumentId).ToList();
        Assert.Equal(geneva.Distinct().Count(), geneva.Count);

        store.Store([a with { Path = "copy/a.txt", Source = "mirror" }]);
        var after = store.Counts();
        Assert.Equal(before with { Sightings = before.Sightings + 1 }, after);
        Assert.Equal(["a.txt", "copy/a.txt"], store.GetDocument(a.Id)!.Sightings.Select(s => s.Path).Order(StringComparer.Ordinal));
        Assert.Single(store.Events(new EventQuery { Type = "CONSULT" })[0].Mentions, m => m.DocumentId == a.Id);
    }

    [Fact]
    public void A_large_batch_with_a_repeated_text_merges_its_events_and_stores_the_repeat_once()
    {
        using var store = Open();
        var a = TestDocuments.A();
        // Enough documents for thousands of statements in one transaction (PostgreSQL sends them in several round trips).
        var batch = new List<AnalyzedDocument>();
        for (int i = 0; i < 700; i++)
        {
            string text = TestDocuments.SummitA + "\n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            batch.Add(a with { Id = ContentHash.Of(text), Text = text, Path = $"a{i}.txt" });
        }
        batch.Add(batch[0] with { Path = "again/a0.txt" });
        batch.Add(TestDocuments.C());
        Assert.Equal(new StoreWriteResult(701, 1, 0), store.Store(batch));

        var counts = store.Counts();
        Assert.Equal(701, counts.Documents);
        Assert.Equal(702, counts.Sightings);
        Assert.Equal(3, counts.Events);                  // 700 reports of one meeting + C's two
        Assert.Equal(702, counts.EventMentions);
        Assert.Equal(700, counts.Quotes);
        Assert.Equal(2100, counts.Entities);
        var consult = Assert.Single(store.Events(new EventQuery { Type = "CONSULT" }));
        Assert.Equal(700, consult.NumMentions);
        Assert.Equal(700, consult.Mentions.Select(m => m.DocumentId).Distinct().Count());
        Assert.Equal(["a0.txt", "again/a0.txt"], store.GetDocument(batch[0].Id)!.Sightings.Select(s => s.Path).Order(StringComparer.Ordinal));
        Assert.Equal(700, store.Search(new SearchQuery { Text = "جنيف", Limit = 1000 }).Count);
        Assert.Empty(store.CheckConsistency());
    }

    [Fact]
    public void FindExisting_and_AllDocumentIds_see_exactly_the_stored_ids()
    {
        using var store = StoreAll(out var a, out var b, out _);
        var found = store.FindExisting([a.Id, b.Id, "0000000000000000"]);
        Assert.Equal(new HashSet<string> { a.Id, b.Id }, found);
        Assert.Equal(5, store.AllDocumentIds().Count);
    }

    [Fact]
    public void Search_folds_syria_spellings_both_ways()
    {
        using var store = StoreAll(out var a, out _, out var c);
        // سورية (teh marbuta) finds سوريا (alef) in A and سورية in C, and the other way round.
        var q1 = store.Search(new SearchQuery { Text = "سورية" }).Select(h => h.DocumentId).ToHashSet();
        var q2 = store.Search(new SearchQuery { Text = "سوريا" }).Select(h => h.DocumentId).ToHashSet();
        Assert.Equal(new HashSet<string> { a.Id, c.Id }, q1);
        Assert.Equal(q1, q2);
    }

    [Fact]
    public void Search_strips_the_lil_contraction_and_the_article()
    {
        using var store = StoreAll(out var a, out var b, out _);
        // للرئيس finds الرئيس (A) and للرئيس (B).
        var hits = store.Search(new SearchQuery { Text = "للرئيس" }).Select(h => h.DocumentId).ToHashSet();
        Assert.Contains(a.Id, hits);
        Assert.Contains(b.Id, hits);
    }

    [Fact]
    public void Search_marks_hits_in_the_original_text()
    {
        using var store = StoreAll(out var a, out _, out _);
        var hit = store.Search(new SearchQuery { Text = "سورية" }).Single(h => h.DocumentId == a.Id);
        Assert.Contains("[سوريا]", hit.Snippet);
        var span = Assert.Single(hit.Hits);
        Assert.Equal("سوريا", TestDocuments.SummitA[span.Start..span.End]);
    }

    [Fact]
    public void A_quoted_phrase_needs_adjacent_words_in_order()
    {
        using var store = StoreAll(out var a, out var b, out _);
        Assert.Equal([a.Id], store.Search(new SearchQuery { Text = "\"الرئيس الروسي\"" }).Select(h => h.DocumentId));
        Assert.Empty(store.Search(new SearchQuery { Text = "\"الروسي الرئيس\"" }));
        // Both words occur in B, but not side by side.
        Assert.DoesNotContain(b.Id, store.Search(new SearchQuery { Text = "\"بوتين جنيف\"" }).Select(h => h.DocumentId));
        Assert.Contains(b.Id, store.Search(new SearchQuery { Text = "بوتين جنيف" }).Select(h => h.DocumentId));
    }

    [Fact]
    public void Search_ranks_the_document_with_more_hits_first()
    {
        using var store = Open();
        var many = TestDocuments.Analyze("بوتين يتحدث. قال بوتين اليوم إن بوتين لن يتراجع، وأكد بوتين موقفه.", "x", "2021-01-01", "بوتين");
        var one = TestDocuments.Analyze("تحدث الوزير عن الاقتصاد والطاقة والتجارة طويلا، وذكر بوتين مرة واحدة في نهاية كلمته الطويلة.", "y", "2021-01-02");
        store.Store([one, many]);
        var hits = store.Search(new SearchQuery { Text = "بوتين" });
        Assert.Equal([many.Id, one.Id], hits.Select(h => h.DocumentId));
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public void Above_the_rank_cap_only_the_newest_matches_are_ranked_and_below_it_nothing_changes()
    {
        using var store = Open();
        // Stored in this order (seq = age). Documents 0..14 have the word in their title, so with every match ranked the
        // best are old ones; the body repeats it 1..5 times so that scores differ.
        var docs = new List<AnalyzedDocument>();
        for (int i = 0; i < 20; i++)
        {
            string text = string.Join(' ', Enumerable.Repeat("قال الرئيس", 1 + i % 5)) + (i % 4 == 0 ? " في العاصمة" : " في المدينة") + " " + i;
            docs.Add(TestDocuments.Analyze(text, i % 2 == 0 ? "even" : "odd", "2021-01-" + (1 + i).ToString("00", System.Globalization.CultureInfo.InvariantCulture),
                i < 15 ? "الرئيس يتحدث" : "خبر اليوم"));
        }
        store.Store(docs);
        var sql = (Sql.SqlArticleStore)store;
        List<(string Id, double Score)> Run(SearchQuery q) => store.Search(q).Select(h => (h.DocumentId, Math.Round(h.Score, 9))).ToList();

        var word = new SearchQuery { Text = "الرئيس", Limit = 3 };
        var filtered = new SearchQuery { Text = "الرئيس", Source = "odd", Limit = 10 };
        var exactlyCap = new SearchQuery { Text = "العاصمة", Limit = 10 };   // documents 0, 4, 8, 12, 16
        sql.RankCap = 0;
        var allRanked = Run(word with { Limit = 20 });
        var allOdd = Run(filtered);
        var allExact = Run(exactlyCap);
        Assert.Equal(20, allRanked.Count);

        sql.RankCap = 5;
        // 20 matches: the best three of the newest five (documents 15..19), with the scores a full ranking gives them.
        var newest = docs.Skip(15).Select(d => d.Id).ToHashSet();
        Assert.All(allRanked.Take(3), h => Assert.DoesNotContain(h.Id, newest));   // so the cap changes the answer
        Assert.Equal(allRanked.Where(h => newest.Contains(h.Id)).Take(3), Run(word));
        // The filter applies before the cap: the newest five odd documents (11..19), not the odd ones among the newest five.
        var newestOdd = docs.Where((_, i) => i % 2 == 1).Skip(5).Select(d => d.Id).ToHashSet();
        Assert.Equal(5, newestOdd.Count);
        Assert.Equal(allOdd.Where(h => newestOdd.Contains(h.Id)), Run(filtered));
        // Exactly the cap: every match is ranked, as without a cap.
        Assert.Equal(5, allExact.Count);
        Assert.Equal(allExact, Run(exactlyCap));
    }

    /// <summary>
    /// 30 documents, stored oldest first: sources alternate over three outlets, days run through two months, every third
    /// document names Putin and every fifth Biden; the body repeats "قال" 1..4 times so that scores differ.
    /// </summary>
    private static List<AnalyzedDocument> FilterCorpus()
    {
        var docs = new List<AnalyzedDocument>();
        string[] sources = ["skynews_arabia", "alarabiya", "cnn_arabic"];
        for (int i = 0; i < 30; i++)
        {
            string text = string.Join(' ', Enumerable.Repeat("قال المتحدث", 1 + i % 4)) + " عن الاقتصاد " + (i % 6 == 0 ? "والنفط " : "") + "رقم " + i;
            string day = i < 15 ? "2021-03-" + (1 + i).ToString("00", System.Globalization.CultureInfo.InvariantCulture)
                                : "2021-04-" + (i - 14).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
            var d = TestDocuments.Analyze(text, sources[i % 3], day + "T08:00:00Z", i % 7 == 0 ? "قال المتحدث" : "خبر " + i, "f" + i + ".txt");
            var actors = new List<ActorInfo>();
            if (i % 3 == 0) actors.Add(new ActorInfo(TestDocuments.Putin.Id, TestDocuments.Putin.NameEn, TestDocuments.Putin.NameAr, "RUS", "person", null));
            if (i % 5 == 0) actors.Add(new ActorInfo(TestDocuments.Biden.Id, TestDocuments.Biden.NameEn, TestDocuments.Biden.NameAr, "USA", "person", null));
            docs.Add(d with { Actors = actors });
        }
        return docs;
    }

    private static readonly SearchQuery[] FilteredQueries =
    [
        new() { Text = "قال", Actor = "Vladimir Putin", Limit = 50 },
        new() { Text = "قال", Actor = "بايدن", Limit = 50 },
        new() { Text = "قال", Source = "ALARABIYA", Limit = 50 },
        new() { Text = "قال", Since = "2021-03-10", Until = "2021-04-05", Limit = 50 },
        new() { Text = "قال", Since = "2021-04-01", Limit = 50 },
        new() { Text = "قال", Until = "2021-03-20", Actor = "RUSGOV_putin", Limit = 50 },
        new() { Text = "\"قال المتحدث\" الاقتصاد", Source = "skynews_arabia", Since = "2021-03-05", Limit = 50 },
        new() { Text = "النفط", Actor = "Putin", Source = "cnn_arabic", Limit = 50 },
        new() { Text = "قال", Actor = "nobody-at-all", Limit = 50 },
    ];

    [Fact]
    public void Filtered_searches_under_the_cap_equal_full_ranking_whichever_way_dates_are_tested()
    {
        using var store = Open();
        var docs = FilterCorpus();
        store.Store(docs);
        var sql = (Sql.SqlArticleStore)store;
        List<(string Id, double Score)> Run(SearchQuery q) => store.Search(q).Select(h => (h.DocumentId, Math.Round(h.Score, 9))).ToList();

        sql.RankCap = 0;   // every match ranked, filters joined to the document rows
        var full = FilteredQueries.Select(Run).ToList();
        Assert.Equal(10, full[0].Count);                       // Putin: documents 0, 3, …, 27
        Assert.Equal(docs.Count(d => d.Source == "alarabiya"), full[2].Count);
        Assert.Empty(full[^1]);
        foreach (int listed in new[] { 1_000_000, 1 })   // date ranges from the index's seq list, then tested on the rows
        {
            sql.RankCap = 1000;
            sql.WideDayRangeRows = listed;
            for (int k = 0; k < FilteredQueries.Length; k++)
            {
                var capped = Run(FilteredQueries[k]);
                // The same documents with the same scores; ties may come in another order.
                Assert.Equal(full[k].OrderBy(h => h.Id, StringComparer.Ordinal), capped.OrderBy(h => h.Id, StringComparer.Ordinal));
                Assert.Equal(full[k].Select(h => h.Score), capped.Select(h => h.Score));
            }
        }
    }

    [Fact]
    public void A_capped_filtered_search_ranks_the_newest_matches_that_pass_and_breaks_ties_by_age()
    {
        using var store = Open();
        var docs = FilterCorpus();
        store.Store(docs);
        var sql = (Sql.SqlArticleStore)store;
        var putin = new SearchQuery { Text = "قال", Actor = "Vladimir Putin", Since = "2021-03-02", Limit = 4 };
        sql.RankCap = 0;
        var all = store.Search(putin with { Limit = 50 }).Select(h => (h.DocumentId, Math.Round(h.Score, 9))).ToList();
        Assert.Equal(9, all.Count);   // documents 3, 6, …, 27

        sql.RankCap = 3;
        var newest3 = new[] { 21, 24, 27 }.Select(i => docs[i].Id).ToHashSet();
        var capped = store.Search(putin).Select(h => (h.DocumentId, Math.Round(h.Score, 9))).ToList();
        Assert.Equal(3, capped.Count);
        Assert.All(capped, h => Assert.Contains(h.DocumentId, newest3));
        Assert.Equal(all.Where(h => newest3.Contains(h.DocumentId)).Select(h => h.Item2).Order().Reverse(), capped.Select(h => h.Item2));
        // Documents of the same shape (e.g. 3 and 15: "قال" as often, titles as long) score the same; the older comes first.
        sql.RankCap = 1000;
        var age = docs.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var ranked = store.Search(new SearchQuery { Text = "قال", Actor = "RUSGOV_putin", Limit = 50 }).ToList();
        int ties = 0;
        for (int i = 1; i < ranked.Count; i++)
        {
            Assert.True(ranked[i - 1].Score >= ranked[i].Score);
            if (ranked[i - 1].Score != ranked[i].Score) continue;
            ties++;
            Assert.True(age[ranked[i - 1].DocumentId] < age[ranked[i].DocumentId]);
        }
        Assert.True(ties > 0);
    }

    [Fact]
    public void Search_filters_by_source_dates_and_actor_and_respects_the_limit()
    {
        using var store = StoreAll(out var a, out var b, out var c);
        Assert.Equal([b.Id], store.Search(new SearchQuery { Text = "بوتين", Source = "ALARABIYA" }).Select(h => h.DocumentId));
        Assert.Equal([c.Id], store.Search(new SearchQuery { Text = "سورية", Until = "2021-05-01" }).Select(h => h.DocumentId));
        Assert.Equal([a.Id], store.Search(new SearchQuery { Text = "سورية", Since = "2021-06-01" }).Select(h => h.DocumentId));
        Assert.Equal([c.Id], store.Search(new SearchQuery { Text = "سورية", Actor = "Russia" }).Select(h => h.DocumentId));
        Assert.Equal(new[] { a.Id, b.Id }.Order(), store.Search(new SearchQuery { Text = "بوتين", Actor = "بايدن" }).Select(h => h.DocumentId).Order());
        Assert.Single(store.Search(new SearchQuery { Text = "بوتين", Limit = 1 }));
        Assert.Empty(store.Search(new SearchQuery { Text = "... ، ؟" }));
        Assert.Empty(store.Search(new SearchQuery { Text = "\" OR 1=1 --" }));
    }

    [Fact]
    public void Reports_of_the_same_event_merge_with_mention_and_source_counts()
    {
        using var store = StoreAll(out var a, out var b, out _);
        var consult = Assert.Single(store.Events(new EventQuery { Type = "consult" }));
        Assert.Equal(2, consult.NumMentions);
        Assert.Equal(2, consult.NumSources);
        Assert.Equal(2, consult.NumArticles);
        Assert.Equal(new[] { a.Id, b.Id }.Order(), consult.Mentions.Select(m => m.DocumentId).Order());
        Assert.Equal("2021-06-16", consult.Day);
        Assert.Equal("044", consult.Cameo);
        var fromA = consult.Mentions.Single(m => m.DocumentId == a.Id);
        Assert.Equal(0, fromA.SentenceIndex);
        Assert.StartsWith("التقى الرئيس الروسي", fromA.SentenceText);
        Assert.Equal("التقى", fromA.Trigger!.Text);
    }

    [Theory]
    [MemberData(nameof(Marsad.Tests.Common.EventIdentityCase.Data), MemberType = typeof(Marsad.Tests.Common.EventIdentityCase))]
    public void Reports_of_two_documents_merge_by_the_one_identity(Marsad.Tests.Common.EventIdentityCase c)
    {
        using var store = Open();
        var a = TestDocuments.Analyze(TestDocuments.SummitA, "outlet_a", c.PublishedA) with { Events = [c.A with { Id = "a-e1" }] };
        var b = TestDocuments.Analyze(TestDocuments.SummitB, "outlet_b", c.PublishedB) with { Events = [c.B with { Id = "b-e1" }] };
        store.Store([a, b]);
        var events = store.Events(new EventQuery { Limit = 10 });
        Assert.Equal(c.SameAcross ? 1 : 2, store.Counts().Events);
        if (c.SameAcross) Assert.Equal(2, Assert.Single(events).NumSources);
    }

    [Fact]
    public void Events_filter_by_actor_id_or_name_type_cameo_country_and_dates()
    {
        using var store = StoreAll(out _, out _, out _);
        Assert.Equal(3, store.Events(new EventQuery()).Count);
        Assert.Equal(["CONSULT"], store.Events(new EventQuery { Actor = "RUSGOV_putin" }).Select(e => e.Type));
        Assert.Equal(["CONSULT"], store.Events(new EventQuery { Actor = "بوتين" }).Select(e => e.Type));     // Arabic name part
        Assert.Equal(["CONSULT"], store.Events(new EventQuery { Actor = "joe biden" }).Select(e => e.Type));  // English, any case
        Assert.Equal(new[] { "COERCE", "SANCTION" }, store.Events(new EventQuery { Actor = "Russia" }).Select(e => e.Type).Order());
        Assert.Equal(["SANCTION"], store.Events(new EventQuery { Type = "16" }).Select(e => e.Type).Where(t => t == "SANCTION"));
        Assert.Equal(2, store.Events(new EventQuery { Type = "16" }).Count);          // CAMEO prefix: 163 and 1663
        Assert.Equal(3, store.Events(new EventQuery { Country = "rus" }).Count);
        Assert.Equal(["CONSULT"], store.Events(new EventQuery { Country = "CHE" }).Select(e => e.Type)); // location country
        Assert.Equal(["CONSULT"], store.Events(new EventQuery { Since = "2021-06-01" }).Select(e => e.Type));
        Assert.Equal(2, store.Events(new EventQuery { Until = "2021-04-30" }).Count);
        Assert.Empty(store.Events(new EventQuery { Actor = "%" }));
        Assert.Single(store.Events(new EventQuery { Limit = 1 }));
        // Most recent first.
        Assert.Equal("CONSULT", store.Events(new EventQuery())[0].Type);
    }

    [Fact]
    public void A_month_precision_date_takes_the_reporting_day_inside_that_month()
    {
        using var store = StoreAll(out _, out _, out _);
        var sanction = Assert.Single(store.Events(new EventQuery { Type = "SANCTION" }));
        Assert.Equal("2021-04", sanction.Date);
        Assert.Equal("2021-04-15", sanction.Day);
    }

    [Fact]
    public void Actors_are_ranked_by_documents_then_events()
    {
        using var store = StoreAll(out _, out _, out _);
        var top = store.Actors(10);
        Assert.Equal(TestDocuments.Putin.Id, top[0].Id);  // 2 documents, 1 event, 2 quotes
        Assert.Equal(2, top[0].Documents);
        Assert.Equal(1, top[0].Events);
        Assert.Equal(2, top[0].Quotes);
        Assert.Equal("person", top[0].Kind);
        Assert.Equal(2, store.Actors(2).Count);
        Assert.Contains(top, x => x.Id == TestDocuments.Tass.Id || x.Id == "USA");
    }

    [Fact]
    public void Quotes_filter_by_speaker_and_keep_the_relay()
    {
        using var store = StoreAll(out var a, out var b, out _);
        var quotes = store.Quotes(new QuoteQuery { Speaker = "Putin" });
        Assert.Equal(2, quotes.Count);
        var reported = quotes.Single(q => q.DocumentId == b.Id);
        Assert.False(reported.Quote.Direct);
        Assert.Equal(TestDocuments.Tass, reported.Quote.Via);
        Assert.True(quotes.Single(q => q.DocumentId == a.Id).Quote.Direct);
        Assert.Equal(2, store.Quotes(new QuoteQuery { Speaker = "فلاديمير" }).Count);
        Assert.Empty(store.Quotes(new QuoteQuery { Speaker = "Biden" }));
        Assert.Single(store.Quotes(new QuoteQuery { Limit = 1 }));
    }

    [Fact]
    public async Task Another_connection_reads_while_a_write_transaction_is_open()
    {
        using var writer = Open();
        writer.Store([TestDocuments.C()]);
        using var reader = Open();
        var a = TestDocuments.A();
        // Store a document on one thread while the other connection keeps reading.
        var write = Task.Run(() =>
        {
            for (int i = 0; i < 20; i++)
                writer.Store([TestDocuments.Analyze(TestDocuments.SummitA + " " + i, "s", "2021-06-16")]);
        });
        int reads = 0;
        while (!write.IsCompleted)
        {
            Assert.NotEmpty(reader.Search(new SearchQuery { Text = "عقوبات" }));
            reads++;
        }
        await write;
        Assert.True(reads > 0);
        Assert.Equal(21, reader.Counts().Documents);
        Assert.Empty(reader.CheckConsistency());
        Assert.Null(reader.GetDocument(a.Id)); // A itself was never stored, only variants of its text
    }

    [Fact]
    public void A_changed_analyzer_is_detected_and_the_index_rebuilt_with_it()
    {
        using (var s = StoreAll(out _, out _, out _)) Assert.True(s.SearchIndexIsCurrent);
        // An analyzer that no longer folds teh marbuta makes different terms for سورية.
        var other = new Search.SearchTermAnalyzer(new Analysis.Pipeline.AnalysisPipelineBuilder
        {
            NormalizerOptions = Analysis.Normalization.ArabicNormalizerOptions.Display,
        }.Build());
        Assert.NotEqual(Search.SearchTermAnalyzer.Default.Signature, other.Signature);
        using var store = Open(other);
        Assert.False(store.SearchIndexIsCurrent);
        Assert.Equal(3, store.RebuildSearchIndex());
        Assert.True(store.SearchIndexIsCurrent);
        Assert.Empty(store.CheckConsistency());
        Assert.Equal(3, store.Counts().Indexed);
        Assert.Equal(2, store.Search(new SearchQuery { Text = "بوتين" }).Count);
    }

    [Fact]
    public void Optimizing_keeps_every_search_result_and_the_store_consistent()
    {
        using var store = StoreAll(out _, out _, out _);
        var queries = new[] { "بوتين", "عقوبات", "\"الرئيس الروسي\"", "سورية" };
        var before = queries.Select(q => store.Search(new SearchQuery { Text = q }).Select(h => (h.DocumentId, Math.Round(h.Score, 9))).ToList()).ToList();
        Assert.Contains(before, b => b.Count > 0);
        store.Optimize();
        var after = queries.Select(q => store.Search(new SearchQuery { Text = q }).Select(h => (h.DocumentId, Math.Round(h.Score, 9))).ToList()).ToList();
        Assert.Equal(before, after);
        Assert.Empty(store.CheckConsistency());
        store.Store([TestDocuments.Analyze(TestDocuments.Sanctions + " بعد التحسين", "later", "2021-04-16")]);
        Assert.Equal(2, store.Search(new SearchQuery { Text = "عقوبات" }).Count);
    }

    [Fact]
    public void A_full_store_is_consistent()
    {
        using var store = StoreAll(out _, out _, out _);
        Assert.Empty(store.CheckConsistency());
        var counts = store.Counts();
        Assert.Equal(3, counts.Events);
        Assert.Equal(4, counts.EventMentions);
        Assert.Equal(2, counts.Quotes);
        Assert.Equal(3, counts.Entities);
    }
}
