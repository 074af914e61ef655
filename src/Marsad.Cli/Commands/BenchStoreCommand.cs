using System.CommandLine;
using System.Diagnostics;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Pipeline;
using Marsad.Ingest.Batch;
using Marsad.Ingest.Readers;
using Marsad.Storage;
using Marsad.Storage.Postgres;
using Marsad.Storage.Records;
using Marsad.Storage.Sqlite;
using Npgsql;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad bench store [--input DIR] [--docs N] [--rounds R] [--postgres CONNSTR]</c>: the storage figures of issue 7.
/// (1) End-to-end ingest (read + analyse on all cores + store) of the input into a fresh SQLite file, articles/s.
/// (2) A search store of N documents (the input analysed once, then replicated with a copy marker appended so every
/// copy has its own content hash), bulk-load rate, then a bounded loop of R rounds over a fixed query list
/// (words, spelling variants, clitics, phrases, filters): p50/p95/max latency of <see cref="IArticleStore.Search"/>
/// including snippets. With --postgres the same runs on PostgreSQL, in a fresh schema that is dropped afterwards.
/// </summary>
internal static class BenchStoreCommand
{
    /// <summary>The query loop: common and rare words, variant spellings, clitics, phrases, filters.</summary>
    internal static readonly SearchQuery[] Queries =
    [
        new() { Text = "سورية" }, new() { Text = "للرئيس" }, new() { Text = "\"الأمم المتحدة\"" }, new() { Text = "العقوبات" },
        new() { Text = "طهران" }, new() { Text = "\"كوريا الشمالية\"" }, new() { Text = "الحوثي" }, new() { Text = "\"وزير الخارجية\"" },
        new() { Text = "ترامب" }, new() { Text = "بوتين" }, new() { Text = "غزة القدس" }, new() { Text = "النفط" },
        new() { Text = "\"كرة القدم\"" }, new() { Text = "الاتفاق النووي" }, new() { Text = "\"مجلس الأمن\"" }, new() { Text = "روسيا سوريا" },
        new() { Text = "السفارة الأميركية" }, new() { Text = "أرامكو" }, new() { Text = "ماكرون" }, new() { Text = "الرئيس", Limit = 50 },
        new() { Text = "الرئيس", Source = "skynews_arabia" }, new() { Text = "السعودية", Since = "2018-05-01", Until = "2018-05-10" },
        new() { Text = "قال" }, new() { Text = "\"الشرق الأوسط\" إيران" },
    ];

    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "Corpus to ingest (default ../shared/data/news/dev)", DefaultValueFactory = _ => Path.Combine("..", "shared", "data", "news", "dev") };
        var docs = new Option<int>("--docs") { Description = "Documents in the search store (the corpus replicated)", DefaultValueFactory = _ => 100_000 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds over the query list", DefaultValueFactory = _ => 10 };
        var postgres = new Option<string?>("--postgres") { Description = "Also measure PostgreSQL with this connection string (a fresh schema, dropped afterwards)" };
        var work = new Option<string>("--work") { Description = "Folder for the benchmark's SQLite files (deleted afterwards)", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "marsad-bench") };
        var reuse = new Option<bool>("--reuse") { Description = "Keep the SQLite search store in --work and reuse it when it already holds --docs documents (skips the ingest runs)" };
        var shards = new Option<int?>("--shards") { Description = "SQLite: parallel ranking shards (default one per core; 1 = off)" };
        var verbose = new Option<bool>("--verbose") { Description = "Print each query's median latency and hit count" };
        var store = new Command("store", "Ingest throughput and search latency of the stores (issue 7 targets: ≥ 300 articles/s; search p95 < 50 ms on 100,000 documents).");
        foreach (var o in new Option[] { input, docs, rounds, postgres, work, reuse, verbose, shards }) store.Options.Add(o);
        store.SetAction(parse => Run(parse.GetValue(input)!, parse.GetValue(docs), parse.GetValue(rounds), parse.GetValue(postgres), parse.GetValue(work)!,
            parse.GetValue(reuse), parse.GetValue(verbose), parse.GetValue(shards)));
        return store;
    }

    private static int Run(string input, int docCount, int rounds, string? postgres, string work, bool reuse, bool verbose, int? shards)
    {
        if (!Directory.Exists(input) && !File.Exists(input))
        {
            Console.Error.WriteLine($"error: no input at {Path.GetFullPath(input)}");
            return 2;
        }
        Directory.CreateDirectory(work);
        Console.WriteLine($"bench store: input {Path.GetFullPath(input)}, {Environment.ProcessorCount} cores, search store {docCount:N0} documents, {rounds} rounds × {Queries.Length} queries");

        var backends = new List<(string Name, Func<IArticleStore> Open, Action Cleanup)>();
        string sqliteIngest = Path.Combine(work, "ingest.db"), sqliteSearch = Path.Combine(work, "search.db");
        Delete(sqliteIngest);
        bool reused = false;
        if (reuse && File.Exists(sqliteSearch))
        {
            using var s = SqliteArticleStore.Open(sqliteSearch);
            reused = s.Counts().Indexed == docCount;
        }
        if (!reused) Delete(sqliteSearch);
        backends.Add(("sqlite", () => SqliteArticleStore.Open(sqliteIngest), () => Delete(sqliteIngest)));
        string? schema = null;
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            schema = "marsad_bench_" + Environment.ProcessId;
            using (var c = new NpgsqlConnection(postgres))
            {
                c.Open();
                using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}", c);
                cmd.ExecuteNonQuery();
            }
            var cs = new NpgsqlConnectionStringBuilder(postgres) { SearchPath = schema }.ToString();
            backends.Add(("postgres", () => PostgresArticleStore.Open(cs), () => { }));
        }

        try
        {
            // (1) end-to-end ingest
            foreach (var (name, open, _) in reused ? [] : backends)
            {
                using var s = open();
                var r = IngestCommand.Run(s, [input], new AnalysisOptions(), 256, TextWriter.Null);
                Console.WriteLine($"{name,-8} ingest: {r.Read:N0} documents in {r.Seconds:N2} s = {r.Read / r.Seconds:N0} articles/s end to end ({r.Added:N0} added)");
                var rerun = IngestCommand.Run(s, [input], new AnalysisOptions(), 256, TextWriter.Null);
                Console.WriteLine($"{name,-8} re-ingest (no-op): {rerun.Seconds:N2} s, {rerun.Added} added, {rerun.AlreadyStored:N0} already stored");
            }
            Delete(sqliteIngest);

            // (2) search store: analyse once, replicate
            var analyzed = reused ? [] : new BatchAnalyzer(new AnalysisPipelineBuilder().Build(), new AnalysisOptions())
                .Run(new DocumentReader().Read([input])).Where(d => d.Status == DocumentStatus.Ok).ToList();
            if (analyzed.Count == 0 && !reused) { Console.Error.WriteLine("error: nothing to index"); return 1; }
            var searchBackends = new List<(string Name, Func<IArticleStore> Open)> { ("sqlite", () => SqliteArticleStore.Open(sqliteSearch, rankShards: shards)) };
            if (backends.Count > 1)
            {
                // PostgreSQL: the same schema is reused; drop what the ingest run stored first.
                var pgOpen = backends[1].Open;
                using (var s = pgOpen()) { }
                using (var c = new NpgsqlConnection(postgres))
                {
                    c.Open();
                    using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}", c);
                    cmd.ExecuteNonQuery();
                }
                searchBackends.Add(("postgres", pgOpen));
            }
            foreach (var (name, open) in searchBackends)
            {
                using var s = open();
                var clock = Stopwatch.StartNew();
                var batch = new List<AnalyzedDocument>(1000);
                for (int i = 0; i < (reused && name == "sqlite" ? 0 : docCount); i++)
                {
                    var d = analyzed[i % analyzed.Count];
                    int copy = i / analyzed.Count;
                    if (copy > 0)
                    {
                        string text = d.Text + "\nنسخة " + copy.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        d = d with { Id = ContentHash.Of(text), Text = text, Path = d.Path + "#copy" + copy };
                    }
                    batch.Add(d);
                    if (batch.Count == 1000) { s.Store(batch); batch.Clear(); }
                }
                if (batch.Count > 0) s.Store(batch);
                double load = clock.Elapsed.TotalSeconds;
                var counts = s.Counts();
                if (reused && name == "sqlite") Console.WriteLine($"{name,-8} search store: reused {counts.Documents:N0} documents from {sqliteSearch}");
                else Console.WriteLine($"{name,-8} search store: {counts.Documents:N0} documents ({counts.Indexed:N0} indexed) loaded in {load:N1} s = {docCount / load:N0} documents/s (store only)");

                foreach (var q in Queries) s.Search(q); // warm-up: caches, JIT
                var times = new List<double>(rounds * Queries.Length);
                var perQuery = Queries.Select(_ => new List<double>()).ToArray();
                int totalHits = 0;
                for (int r = 0; r < rounds; r++)
                    for (int k = 0; k < Queries.Length; k++)
                    {
                        var t = Stopwatch.StartNew();
                        totalHits += s.Search(Queries[k]).Count;
                        double ms = t.Elapsed.TotalMilliseconds;
                        times.Add(ms);
                        perQuery[k].Add(ms);
                    }
                if (verbose)
                    for (int k = 0; k < Queries.Length; k++)
                    {
                        perQuery[k].Sort();
                        var q = Queries[k];
                        Console.WriteLine($"  {perQuery[k][perQuery[k].Count / 2],7:N1} ms  {q.Text} {q.Source} {q.Since} {q.Until} limit {q.Limit}");
                    }
                times.Sort();
                double P(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
                Console.WriteLine($"{name,-8} search: {times.Count} queries on {counts.Documents:N0} documents: p50 {P(0.50):N1} ms, p95 {P(0.95):N1} ms, max {times[^1]:N1} ms ({totalHits:N0} hits, snippets included)");
            }
            return 0;
        }
        finally
        {
            if (!reuse) Delete(sqliteSearch);
            Delete(sqliteIngest);
            if (schema is not null)
            {
                using var c = new NpgsqlConnection(postgres);
                c.Open();
                using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", c);
                cmd.ExecuteNonQuery();
            }
        }
    }

    private static void Delete(string path)
    {
        foreach (var p in new[] { path, path + "-wal", path + "-shm" })
            if (File.Exists(p)) File.Delete(p);
    }
}
