using System.Diagnostics;
using System.Text.Json;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Pipeline;
using Marsad.Storage.Records;
using Marsad.Storage.Sqlite;
using Marsad.Tests.Common;
using Microsoft.Data.Sqlite;

namespace Marsad.Storage.Tests;

/// <summary>
/// kill -9 during ingest: the real CLI ingests the 3,984-article dev corpus into SQLite, is killed with SIGKILL
/// once a few hundred documents are committed, then is run again. Afterwards nothing may be lost (every distinct
/// text stored), nothing doubled (each text once, each sentence once, each line's path once) and the store consistent
/// (integrity check, full-text index in step with the documents).
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "marsad-crash-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Kill_9_during_ingest_then_rerun_loses_nothing_and_doubles_nothing()
    {
        Directory.CreateDirectory(_dir);
        string db = Path.Combine(_dir, "crash.db");
        string corpus = SharedData.Data("news", "dev", "articles.jsonl");

        // What a complete ingest must contain, computed independently of the store.
        var pipeline = new AnalysisPipelineBuilder().Build();
        var expectedSentences = new Dictionary<string, int>(StringComparer.Ordinal);
        int lines = 0;
        foreach (var line in File.ReadLines(corpus))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            lines++;
            using var json = JsonDocument.Parse(line);
            string text = json.RootElement.GetProperty("text").GetString()!;
            string id = ContentHash.Of(text);
            if (!expectedSentences.ContainsKey(id))
                expectedSentences[id] = pipeline.Splitter.Split(text, pipeline.Tokenizer.Tokenize(text)).Count;
        }

        // 1. Start the ingest and kill it (SIGKILL) once some batches are committed.
        long committedAtKill;
        using (var p = Process.Start(CliProcess.StartInfo("ingest", corpus, "--db", db, "--batch", "64"))!)
        {
            p.OutputDataReceived += (_, _) => { };
            p.ErrorDataReceived += (_, _) => { };
            p.BeginOutputReadLine();
            p.BeginErrorReadLine();
            var clock = Stopwatch.StartNew();
            committedAtKill = 0;
            while (clock.Elapsed < TimeSpan.FromSeconds(120) && !p.HasExited)
            {
                committedAtKill = CountDocuments(db);
                if (committedAtKill >= 300) break;
                Thread.Sleep(5);
            }
            Assert.False(p.HasExited, "the ingest finished before it could be killed; the test needs a longer input");
            p.Kill(); // SIGKILL on Unix: no cleanup, no finally blocks
            p.WaitForExit();
        }
        Assert.InRange(committedAtKill, 300, expectedSentences.Count - 1);

        // 2. The killed store is consistent as it stands (only whole batches), and incomplete.
        using (var store = SqliteArticleStore.Open(db))
        {
            Assert.Empty(store.CheckConsistency());
            var counts = store.Counts();
            Assert.InRange(counts.Documents, committedAtKill, expectedSentences.Count - 1);
            // Only documents with status ok are indexed; near-duplicates and non-Arabic documents are stored, not indexed.
            Assert.Equal(CountDocuments(db, "WHERE status = 'ok'"), counts.Indexed);
        }

        // 3. Rerun to completion.
        var (exit, _, err) = CliProcess.Run("ingest", corpus, "--db", db);
        Assert.True(exit == 0, err);

        // 4. Nothing lost, nothing doubled, consistent.
        using (var store = SqliteArticleStore.Open(db))
        {
            Assert.Empty(store.CheckConsistency());
            var counts = store.Counts();
            Assert.Equal(expectedSentences.Count, counts.Documents);
            Assert.Equal(CountDocuments(db, "WHERE status = 'ok'"), counts.Indexed);
            Assert.True(counts.Indexed > expectedSentences.Count * 9 / 10, $"only {counts.Indexed} of {expectedSentences.Count} documents are ok and indexed");
            Assert.Equal(expectedSentences.Values.Sum(), counts.Sentences);
            Assert.Equal(lines, counts.Sightings);                       // every line's path exactly once
            Assert.Equal(expectedSentences.Keys.Order(StringComparer.Ordinal), store.AllDocumentIds().Order(StringComparer.Ordinal));
            var hits = store.Search(new SearchQuery { Text = "الرئيس", Limit = 500 });
            Assert.Equal(hits.Count, hits.Select(h => h.DocumentId).Distinct().Count());
        }

        // 5. A third run is a no-op.
        var (exit3, _, err3) = CliProcess.Run("ingest", corpus, "--db", db);
        Assert.Equal(0, exit3);
        Assert.Contains(" 0 added", err3);
    }

    private static long CountDocuments(string db, string where = "")
    {
        if (!File.Exists(db)) return 0;
        try
        {
            using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM documents " + where;
            return (long)cmd.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // not created yet
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }
}
