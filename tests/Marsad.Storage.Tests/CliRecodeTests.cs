using System.Diagnostics;
using System.Text.RegularExpressions;
using Marsad.Storage.Postgres;
using Marsad.Storage.Sqlite;
using Marsad.Tests.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Marsad.Storage.Tests;

/// <summary>
/// <c>marsad recode</c> end to end through the real CLI, on SQLite and on the PostgreSQL of <c>MARSAD_TEST_POSTGRES</c>
/// (without it the PostgreSQL test fails, never skips): the summary line, a recode with another pipeline and back, and a
/// recode killed with SIGKILL part way, which leaves every document old or new and a consistent store.
/// </summary>
public sealed partial class CliRecodeTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "marsad-cli-recode-tests", Guid.NewGuid().ToString("N"));
    private string? _schema;

    [GeneratedRegex(@"^recode: (?<docs>[\d,]+) documents in [\d.,]+ s \((?<rate>[\d,]+)/s\): (?<recoded>[\d,]+) recoded, events changed in (?<changed>[\d,]+), (?<kept>[\d,]+) kept as stored; merged events (?<added>[\d,]+) new, (?<gone>[\d,]+) gone; store ", RegexOptions.Multiline)]
    private static partial Regex SummaryLine();

    /// <summary>Runs recode and returns its summary's numbers (documents, recoded, events changed, kept, events new, gone).</summary>
    private static (int Docs, int Recoded, int Changed, int Kept, int Added, int Gone) Recode(params string[] args)
    {
        var (exit, _, err) = CliProcess.Run(["recode", .. args]);
        Assert.True(exit == 0, err);
        var m = SummaryLine().Match(err);
        Assert.True(m.Success, "no summary line in: " + err);
        int N(string g) => int.Parse(m.Groups[g].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(N("rate") > 0 || N("docs") == 0);
        return (N("docs"), N("recoded"), N("changed"), N("kept"), N("added"), N("gone"));
    }

    [Fact]
    public void Recode_on_sqlite_prints_its_summary_changes_nothing_with_the_same_pipeline_and_comes_back_after_another()
    {
        Directory.CreateDirectory(_dir);
        string db = Path.Combine(_dir, "seeds.db");
        Assert.Equal(0, CliProcess.Run("ingest", SharedData.Data("seeds"), "--db", db).Exit);
        RoundTrip(["--db", db], () => SqliteArticleStore.Open(db));
    }

    [Fact]
    public void Recode_on_postgres_prints_its_summary_changes_nothing_with_the_same_pipeline_and_comes_back_after_another()
    {
        var cs = PostgresStoreTests.RequireConnection();
        _schema = "marsad_recode_" + Guid.NewGuid().ToString("N")[..12];
        using (var c = new NpgsqlConnection(cs))
        {
            c.Open();
            using var cmd = new NpgsqlCommand($"CREATE SCHEMA {_schema}", c);
            cmd.ExecuteNonQuery();
        }
        string connection = new NpgsqlConnectionStringBuilder(cs) { SearchPath = _schema, Pooling = false }.ToString();
        Assert.Equal(0, CliProcess.Run("ingest", SharedData.Data("seeds"), "--postgres", connection).Exit);
        RoundTrip(["--postgres", connection], () => PostgresArticleStore.Open(connection));
    }

    /// <summary>The seeds as ingested; recode with the same pipeline; recode rules-only; recode with the coder again.</summary>
    private static void RoundTrip(string[] store, Func<IArticleStore> open)
    {
        string ingested, ingestedWithoutIds;
        using (var s = open())
        {
            ingested = StoreSnapshot.Of(s, withIds: true);
            ingestedWithoutIds = StoreSnapshot.Of(s, withIds: false);
        }

        // The pipeline that ingested them: nothing changes, not even a merged event's id.
        Assert.Equal((5, 5, 0, 0, 0, 0), Recode([.. store, "--batch", "2"]));
        using (var s = open()) StoreSnapshot.AssertSame(ingested, StoreSnapshot.Of(s, withIds: true));

        // Without the coder the events lose their confidence (and the coder's decisions): every document with events changes.
        var rules = Recode([.. store, "--rules-only"]);
        Assert.Equal(5, rules.Recoded);
        Assert.InRange(rules.Changed, 1, 5);
        using (var s = open())
        {
            Assert.Empty(s.CheckConsistency());
            Assert.All(s.Events(new Records.EventQuery()), e => Assert.Null(e.Confidence));
        }

        // Back to the coder: the store is again what the ingest made of the seeds.
        var back = Recode(store);
        Assert.Equal((5, rules.Changed), (back.Recoded, back.Changed));
        using (var s = open())
        {
            Assert.Empty(s.CheckConsistency());
            StoreSnapshot.AssertSame(ingestedWithoutIds, StoreSnapshot.Of(s, withIds: false));
        }

        // --limit and --since select documents; a bad value is refused.
        Assert.Equal(2, Recode([.. store, "--limit", "2"]).Docs);
        Assert.Equal(0, Recode([.. store, "--since", "2100-01-01"]).Docs);
        Assert.Equal(2, CliProcess.Run(["recode", .. store, "--since", "yesterday"]).Exit);
    }

    [Fact]
    public void A_recode_killed_part_way_leaves_each_document_old_or_new_and_a_rerun_finishes()
    {
        Directory.CreateDirectory(_dir);
        // 1,200 dev articles stored with the coder (every event scored) are recoded rules-only (no event scored).
        string input = Path.Combine(_dir, "dev.jsonl");
        File.WriteAllLines(input, File.ReadLines(SharedData.Data("news", "dev", "articles.jsonl")).Take(1200));
        string db = Path.Combine(_dir, "dev.db");
        var (iExit, _, iErr) = CliProcess.Run("ingest", input, "--db", db);
        Assert.True(iExit == 0, iErr);
        long withEvents = Scalar(db, "SELECT COUNT(DISTINCT doc_id) FROM event_mentions");
        Assert.Equal(0, RecodedDocuments(db));

        long recodedAtKill;
        using (var p = Process.Start(CliProcess.StartInfo("recode", "--db", db, "--rules-only", "--batch", "16"))!)
        {
            p.OutputDataReceived += (_, _) => { };
            p.ErrorDataReceived += (_, _) => { };
            p.BeginOutputReadLine();
            p.BeginErrorReadLine();
            var clock = Stopwatch.StartNew();
            recodedAtKill = 0;
            while (clock.Elapsed < TimeSpan.FromSeconds(300) && !p.HasExited)
            {
                recodedAtKill = RecodedDocuments(db);
                if (recodedAtKill >= 100) break;
                Thread.Sleep(5);
            }
            Assert.False(p.HasExited, "the recode finished before it could be killed; the test needs a longer input");
            p.Kill(); // SIGKILL: no cleanup
            p.WaitForExit();
        }
        Assert.InRange(recodedAtKill, 100, withEvents - 1);

        // Each document is wholly old (every report scored) or wholly new (none scored), and the store is consistent.
        Assert.Equal(0, Scalar(db,
            "SELECT COUNT(*) FROM (SELECT doc_id FROM event_mentions GROUP BY doc_id " +
            "HAVING COUNT(DISTINCT json_extract(record_json, '$.confidence') IS NULL) > 1) t"));
        using (var s = SqliteArticleStore.Open(db)) Assert.Empty(s.CheckConsistency());
        Assert.InRange(RecodedDocuments(db), recodedAtKill, withEvents - 1);

        var rerun = Recode("--db", db, "--rules-only");
        Assert.Equal(0, rerun.Kept);
        Assert.Equal(withEvents, RecodedDocuments(db));
        using (var s = SqliteArticleStore.Open(db)) Assert.Empty(s.CheckConsistency());
        Assert.Equal((rerun.Docs, 0), (Recode("--db", db, "--rules-only").Recoded, Recode("--db", db, "--rules-only", "--batch", "200").Changed));
    }

    /// <summary>Documents whose event reports are all unscored (recoded rules-only).</summary>
    private static long RecodedDocuments(string db) => Scalar(db,
        "SELECT COUNT(*) FROM (SELECT doc_id FROM event_mentions GROUP BY doc_id HAVING MAX(json_extract(record_json, '$.confidence')) IS NULL) t");

    private static long Scalar(string db, string sql)
    {
        if (!File.Exists(db)) return 0;
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
        var cs = Environment.GetEnvironmentVariable(PostgresStoreTests.Variable);
        if (_schema is null || cs is null) return;
        using var c = new NpgsqlConnection(cs);
        c.Open();
        using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", c);
        cmd.ExecuteNonQuery();
    }
}
