using Marsad.Storage.Sqlite;

namespace Marsad.Storage.Tests;

/// <summary>The conformance suite on SQLite: a fresh file per test.</summary>
public sealed class SqliteStoreTests : StoreConformanceTests
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "marsad-store-tests", Guid.NewGuid().ToString("N"));

    protected override int LatestSchemaVersion => 7;

    protected override IArticleStore Open(Search.SearchTermAnalyzer? analyzer = null) => SqliteArticleStore.Open(Path.Combine(_dir, "test.db"), analyzer);

    protected override void Execute(string sql)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = Path.Combine(_dir, "test.db"), Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public void The_file_is_in_wal_mode()
    {
        using var s = SqliteArticleStore.Open(Path.Combine(_dir, "test.db"));
        Assert.Equal("wal", s.JournalMode);
    }

    [Fact]
    public void Opening_and_searching_do_not_wait_for_a_writer_that_holds_the_lock()
    {
        string file = Path.Combine(_dir, "test.db");
        using (var s = SqliteArticleStore.Open(file)) s.Store([TestDocuments.C()]);
        // Another process in the middle of an ingest batch: a write transaction that stays open.
        using var writer = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        writer.Open();
        using var tx = writer.BeginTransaction(deferred: false);
        using (var cmd = writer.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO store_info (key, value) VALUES ('bench', 'held')";
            cmd.ExecuteNonQuery();
        }
        // A reader that waited would wait for the 30 s busy timeout and then fail; 20 s leaves room for a loaded machine.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (var reader = SqliteArticleStore.Open(file))
        {
            Assert.Single(reader.Search(new Records.SearchQuery { Text = "عقوبات" }));
            Assert.Equal(1, reader.Counts().Documents);
        }
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"opening and searching took {clock.Elapsed.TotalSeconds:N1} s while a writer held the lock");
        tx.Rollback();
    }

    [Fact]
    public void Ranking_in_parallel_shards_gives_the_same_results_as_one_pass()
    {
        using (var s = SqliteArticleStore.Open(Path.Combine(_dir, "test.db")))
        {
            var docs = new List<Marsad.Analysis.Documents.AnalyzedDocument>();
            for (int i = 0; i < 120; i++)
            {
                // Varying counts of the query word and lengths give distinct BM25 scores.
                string text = string.Join(' ', Enumerable.Repeat("قال الرئيس", 1 + i % 7)) + " " + string.Join(' ', Enumerable.Repeat("في العاصمة", i % 11)) + " " + i;
                docs.Add(TestDocuments.Analyze(text, i % 2 == 0 ? "even" : "odd", "2021-01-" + (1 + i % 28).ToString("00", System.Globalization.CultureInfo.InvariantCulture)));
            }
            s.Store(docs);
        }
        using var one = SqliteArticleStore.Open(Path.Combine(_dir, "test.db"), rankShards: 1);
        using var two = SqliteArticleStore.Open(Path.Combine(_dir, "test.db"), rankShards: 2);
        two.ParallelRankThreshold = 10;
        // Shards rank every match, so they run only without a rank cap; the capped one-pass walk must agree with both
        // while the matches are fewer than the cap.
        one.RankCap = 0;
        two.RankCap = 0;
        using var capped = SqliteArticleStore.Open(Path.Combine(_dir, "test.db"));
        foreach (var q in new[] { new Records.SearchQuery { Text = "الرئيس", Limit = 15 }, new Records.SearchQuery { Text = "الرئيس", Source = "odd", Limit = 7 } })
        {
            var a = one.Search(q).Select(h => (h.DocumentId, Math.Round(h.Score, 9))).ToList();
            var b = two.Search(q).Select(h => (h.DocumentId, Math.Round(h.Score, 9))).ToList();
            var c = capped.Search(q).Select(h => (h.DocumentId, Math.Round(h.Score, 9))).ToList();
            Assert.Equal(q.Limit, a.Count);
            Assert.Equal(a, b);
            Assert.Equal(a, c);
        }
    }

    public override void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }
}
