using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
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
/// <c>marsad bench store [--input DIR] [--docs N] [--rounds R] [--postgres CONNSTR]</c>: the storage figures of issue 7,
/// for SQLite and, with --postgres, for PostgreSQL beside it (in a fresh schema that is dropped afterwards).
/// <list type="number">
/// <item>End to end: <c>ingest</c> of the input (read + analyse on all cores + store) into an empty store, articles/s and
///   this process's CPU seconds; meanwhile a second connection searches the same store every 50 ms (readers must not
///   wait for the writer), then a re-ingest, which must be a no-op.</item>
/// <item>Storage only: the input analysed once in memory, then stored into an empty store in batches of 256, articles/s.</item>
/// <item>Search: a store of N documents (the analysed input replicated, each copy with a marker line so it has its own
///   content hash), bulk-load rate, then R rounds over a fixed mix of queries (single words, phrases, filters by source,
///   dates and actor): p50/p95/p99/max of the full <see cref="IArticleStore.Search"/> call including snippets, overall and per kind.</item>
/// </list>
/// The machine's load average is printed beside each phase: the figures are wall-clock times on a shared machine.
/// </summary>
internal static class BenchStoreCommand
{
    /// <summary>A benchmark query and its kind (word, phrase, filter).</summary>
    internal sealed record BenchQuery(string Kind, SearchQuery Query)
    {
        public override string ToString() =>
            $"{Query.Text}{(Query.Source is null ? "" : " --source " + Query.Source)}{(Query.Since is null ? "" : " --since " + Query.Since)}" +
            $"{(Query.Until is null ? "" : " --until " + Query.Until)}{(Query.Actor is null ? "" : " --actor " + Query.Actor)} --limit {Query.Limit}";
    }

    /// <summary>The query mix: common and rare words, variant spellings, clitics, phrases, filters by source, dates and actor.</summary>
    internal static readonly BenchQuery[] Queries =
    [
        W("سورية"), W("للرئيس"), W("العقوبات"), W("طهران"), W("الحوثي"), W("ترامب"), W("بوتين"), W("النفط"), W("أرامكو"), W("ماكرون"),
        W("قال"), new("word", new() { Text = "الرئيس", Limit = 50 }), W("غزة القدس"), W("الاتفاق النووي"), W("روسيا سوريا"), W("السفارة الأميركية"),
        P("\"الأمم المتحدة\""), P("\"كوريا الشمالية\""), P("\"وزير الخارجية\""), P("\"كرة القدم\""), P("\"مجلس الأمن\""), P("\"الشرق الأوسط\" إيران"),
        new("filter", new() { Text = "الرئيس", Source = "skynews_arabia" }),
        new("filter", new() { Text = "السعودية", Since = "2018-05-01", Until = "2018-05-10" }),
        new("filter", new() { Text = "قال", Actor = "Donald Trump" }),
        new("filter", new() { Text = "العقوبات", Actor = "إيران" }),
        new("filter", new() { Text = "\"مجلس الأمن\"", Source = "alarabiya", Since = "2018-05-01" }),
        new("filter", new() { Text = "الحكومة", Actor = "sau", Until = "2018-05-15" }),
    ];

    private static BenchQuery W(string text) => new("word", new SearchQuery { Text = text });

    private static BenchQuery P(string text) => new("phrase", new SearchQuery { Text = text });

    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "Corpus to ingest (default ../shared/data/news/dev)", DefaultValueFactory = _ => Path.Combine("..", "shared", "data", "news", "dev") };
        var docs = new Option<int>("--docs") { Description = "Documents in the search store (the corpus replicated)", DefaultValueFactory = _ => 100_000 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds over the query list", DefaultValueFactory = _ => 10 };
        var postgres = new Option<string?>("--postgres") { Description = "Also measure PostgreSQL with this connection string (a fresh schema, dropped afterwards)" };
        var work = new Option<string>("--work") { Description = "Folder for the benchmark's SQLite files (deleted afterwards)", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "marsad-bench") };
        var reuse = new Option<bool>("--reuse") { Description = "Keep the SQLite search store in --work and reuse it when it already holds --docs documents" };
        var shards = new Option<int?>("--shards") { Description = "SQLite: parallel ranking shards (default one per core; 1 = off)" };
        var only = new Option<string?>("--only") { Description = "Run only these phases, comma-separated: ingest, store, search" };
        var skipSqlite = new Option<bool>("--skip-sqlite") { Description = "With --postgres: measure PostgreSQL only" };
        var rankCap = new Option<int?>("--rank-cap") { Description = "Most matches ranked per search (default the store's, 2,000; 0 = all)" };
        var verbose = new Option<bool>("--verbose") { Description = "Print each query's median latency and hit count" };
        var store = new Command("store", "Ingest throughput and search latency of the stores (issue 7 targets: ≥ 300 articles/s; search p95 < 50 ms on 100,000 documents).");
        foreach (var o in new Option[] { input, docs, rounds, postgres, work, reuse, verbose, shards, only, skipSqlite, rankCap }) store.Options.Add(o);
        store.SetAction(parse =>
        {
            var phases = (parse.GetValue(only) ?? "ingest,store,search").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (phases.Except(["ingest", "store", "search"], StringComparer.OrdinalIgnoreCase).FirstOrDefault() is { } bad)
            {
                Console.Error.WriteLine($"error: --only: unknown phase '{bad}' (ingest, store, search)");
                return 2;
            }
            return new Bench(parse.GetValue(input)!, parse.GetValue(docs), parse.GetValue(rounds), parse.GetValue(postgres), parse.GetValue(work)!,
                parse.GetValue(reuse), parse.GetValue(verbose), parse.GetValue(shards), phases, parse.GetValue(skipSqlite), parse.GetValue(rankCap)).Run();
        });
        return store;
    }

    /// <summary>The machine's 1-minute load average (Linux), or null elsewhere.</summary>
    internal static double? LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static string Load() => LoadAverage() is { } l ? $"load {l:0.0}" : "load n/a";

    /// <summary>The value at or above which a fraction <paramref name="p"/> of the sorted <paramref name="sorted"/> lie (nearest rank).</summary>
    internal static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    internal static string Latencies(List<double> ms)
    {
        ms.Sort();
        return $"p50 {Percentile(ms, 0.50),5:N1}  p95 {Percentile(ms, 0.95),5:N1}  p99 {Percentile(ms, 0.99),5:N1}  max {(ms.Count == 0 ? double.NaN : ms[^1]),5:N1} ms";
    }

    private sealed class Bench(string input, int docCount, int rounds, string? postgres, string work, bool reuse, bool verbose, int? shards, HashSet<string> phases, bool skipSqlite, int? rankCap)
    {
        private const int BatchSize = 256;
        private readonly List<string> _summary = [];
        private string? _schema;
        private NpgsqlConnection? _monitor;
        private List<AnalyzedDocument>? _analyzed;

        public int Run()
        {
            if (!Directory.Exists(input) && !File.Exists(input))
            {
                Console.Error.WriteLine($"error: no input at {Path.GetFullPath(input)}");
                return 2;
            }
            Directory.CreateDirectory(work);
            Console.WriteLine($"bench store: input {Path.GetFullPath(input)}; {Environment.ProcessorCount} cores, {Load()}; " +
                              $"search store {docCount:N0} documents, {rounds} rounds × {Queries.Length} queries, " +
                              $"rank cap {rankCap ?? Storage.Sql.SqlArticleStore.DefaultRankCap:N0}");
            // Per-process names, so two benchmarks on one machine never share a file; --reuse needs a name that stays.
            string pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            string ingestDb = Path.Combine(work, $"ingest-{pid}.db"), searchDb = Path.Combine(work, reuse ? "search.db" : $"search-{pid}.db");
            var backends = new List<(string Name, Func<IArticleStore> Open, Action Reset)>
            {
                ("sqlite", () => SqliteArticleStore.Open(ingestDb), () => BenchCorpus.DeleteSqlite(ingestDb)),
            };
            if (!string.IsNullOrWhiteSpace(postgres))
            {
                _schema = "marsad_bench_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
                // The application name lets the benchmark find its server processes and add their CPU time.
                var cs = new NpgsqlConnectionStringBuilder(postgres) { SearchPath = _schema, ApplicationName = _schema }.ToString();
                backends.Add(("postgres", () => PostgresArticleStore.Open(cs), ResetSchema));
                if (skipSqlite) backends.RemoveAt(0);
            }
            try
            {
                foreach (var (name, open, reset) in backends)
                {
                    if (phases.Contains("ingest")) { reset(); EndToEnd(name, open); }
                    if (phases.Contains("store")) { reset(); StorageOnly(name, open); }
                    if (phases.Contains("search"))
                    {
                        if (name == "sqlite") Search(name, () => Capped(SqliteArticleStore.Open(searchDb, rankShards: shards)), Reusable(searchDb));
                        else { reset(); Search(name, () => Capped((Storage.Sql.SqlArticleStore)open()), reused: false); }
                    }
                    reset();
                }
                Console.WriteLine();
                Console.WriteLine("summary");
                foreach (var line in _summary) Console.WriteLine("  " + line);
                return 0;
            }
            finally
            {
                if (!reuse) BenchCorpus.DeleteSqlite(searchDb);
                BenchCorpus.DeleteSqlite(ingestDb);
                _monitor?.Dispose();
                if (_schema is not null) DropSchema(create: false);
            }
        }

        private Storage.Sql.SqlArticleStore Capped(Storage.Sql.SqlArticleStore store)
        {
            if (rankCap is { } cap) store.RankCap = cap;
            return store;
        }

        private bool Reusable(string searchDb)
        {
            if (reuse && File.Exists(searchDb))
            {
                using var s = SqliteArticleStore.Open(searchDb);
                if (s.Counts().Indexed == docCount) return true;
            }
            BenchCorpus.DeleteSqlite(searchDb);
            return false;
        }

        /// <summary>(1) <c>ingest</c> as the command runs it, with a reader searching the same store meanwhile.</summary>
        private void EndToEnd(string name, Func<IArticleStore> open)
        {
            using var s = open();
            string load = Load();
            var reads = new List<double>();
            using var stop = new CancellationTokenSource();
            var reader = Task.Factory.StartNew(() =>
            {
                using var r = open();
                int k = 0;
                while (!stop.IsCancellationRequested)
                {
                    var t = Stopwatch.StartNew();
                    r.Search(Queries[k++ % Queries.Length].Query);
                    reads.Add(t.Elapsed.TotalMilliseconds);
                    stop.Token.WaitHandle.WaitOne(50);
                }
            }, TaskCreationOptions.LongRunning);
            var cpu = CpuSeconds(name);
            var result = IngestCommand.Run(s, [input], new AnalysisOptions(), BatchSize, TextWriter.Null);
            double cpuSeconds = CpuSeconds(name) - cpu;
            stop.Cancel();
            reader.Wait();
            double rate = result.Read / result.Seconds;
            Console.WriteLine($"{name,-8} ingest end to end: {result.Read:N0} documents in {result.Seconds:N2} s = {rate:N0} articles/s " +
                              $"({result.Added:N0} added; {cpuSeconds:N1} CPU s {CpuScope(name)}; {load})");
            Console.WriteLine($"{name,-8}   reader during the ingest: {reads.Count} searches, {Latencies(reads)}");
            var rerun = IngestCommand.Run(s, [input], new AnalysisOptions(), BatchSize, TextWriter.Null);
            Console.WriteLine($"{name,-8}   re-ingest: {rerun.Seconds:N2} s, {rerun.Added} added, {rerun.AlreadyStored:N0} already stored");
            _summary.Add($"{name,-8} ingest end to end   {rate,7:N0} articles/s  ({cpuSeconds:N1} CPU s {CpuScope(name)}; {load})");
            _summary.Add($"{name,-8} searches during it  {reads.Count,7:N0}             {Latencies(reads)}");
        }

        private List<AnalyzedDocument> Analyzed() =>
            _analyzed ??= new BatchAnalyzer(new AnalysisPipelineBuilder().Build(), new AnalysisOptions()).Run(new DocumentReader().Read([input])).ToList();

        /// <summary>(2) The analysed documents stored in batches, as ingest hands them over, without the analysis.</summary>
        private void StorageOnly(string name, Func<IArticleStore> open)
        {
            var docs = Analyzed();
            using var s = open();
            string load = Load();
            var cpu = CpuSeconds(name);
            var clock = Stopwatch.StartNew();
            foreach (var batch in docs.Chunk(BatchSize)) s.Store(batch);
            double seconds = clock.Elapsed.TotalSeconds;
            double cpuSeconds = CpuSeconds(name) - cpu;
            Console.WriteLine($"{name,-8} storage only: {docs.Count:N0} analysed documents in {seconds:N2} s = {docs.Count / seconds:N0} articles/s " +
                              $"({cpuSeconds:N1} CPU s {CpuScope(name)}; {load})");
            _summary.Add($"{name,-8} storage only        {docs.Count / seconds,7:N0} articles/s  ({cpuSeconds:N1} CPU s {CpuScope(name)}; {load})");
        }

        /// <summary>(3) A store of <c>docCount</c> documents and the query mix over it.</summary>
        private void Search(string name, Func<IArticleStore> open, bool reused)
        {
            using var s = open();
            if (reused)
            {
                Console.WriteLine($"{name,-8} search store: reused {s.Counts().Documents:N0} documents");
            }
            else
            {
                var analyzed = Analyzed().Where(d => d.Status == DocumentStatus.Ok).ToList();
                string load = Load();
                double seconds = BenchCorpus.LoadReplicated(s, analyzed, docCount);
                var optimize = Stopwatch.StartNew();
                s.Optimize();
                Console.WriteLine($"{name,-8} search store: {docCount:N0} documents loaded in {seconds:N1} s = {docCount / seconds:N0} documents/s, " +
                                  $"then optimized in {optimize.Elapsed.TotalSeconds:N1} s ({load})");
            }

            var counts = s.Counts();
            foreach (var q in Queries) s.Search(q.Query); // warm-up: caches, JIT
            string searchLoad = Load();
            var all = new List<double>();
            var cpu = new List<double>();
            var byKind = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            var perQuery = Queries.Select(_ => new List<double>()).ToArray();
            var hits = new int[Queries.Length];
            for (int r = 0; r < rounds; r++)
                for (int k = 0; k < Queries.Length; k++)
                {
                    double cpuBefore = CpuSeconds(name);
                    var t = Stopwatch.StartNew();
                    hits[k] = s.Search(Queries[k].Query).Count;
                    double ms = t.Elapsed.TotalMilliseconds;
                    cpu.Add((CpuSeconds(name) - cpuBefore) * 1000);
                    all.Add(ms);
                    perQuery[k].Add(ms);
                    if (!byKind.TryGetValue(Queries[k].Kind, out var list)) byKind[Queries[k].Kind] = list = [];
                    list.Add(ms);
                }
            if (verbose)
                for (int k = 0; k < Queries.Length; k++)
                {
                    perQuery[k].Sort();
                    Console.WriteLine($"  {Percentile(perQuery[k], 0.5),7:N1} ms  {hits[k],3} hits  {Queries[k]}");
                }
            Console.WriteLine($"{name,-8} search: {all.Count} queries on {counts.Indexed:N0} indexed documents: {Latencies(all)} ({searchLoad})");
            foreach (var (kind, list) in byKind)
                Console.WriteLine($"{name,-8}   {kind,-6} ({list.Count / Math.Max(rounds, 1)} queries): {Latencies(list)}");
            // CPU time per query: this process's threads, and for PostgreSQL its server processes too.
            Console.WriteLine($"{name,-8}   CPU time per query ({CpuScope(name)}): {Latencies(cpu)}");
            _summary.Add($"{name,-8} search {counts.Indexed,7:N0} docs {all.Count,5:N0} queries    {Latencies(all)} ({searchLoad})");
            _summary.Add($"{name,-8}   CPU per query                     {Latencies(cpu)}");
        }

        /// <summary>CPU seconds used so far by this process and, for PostgreSQL, by the server processes of the benchmark's connections.</summary>
        private double CpuSeconds(string backend)
        {
            using var self = Process.GetCurrentProcess();
            double seconds = self.TotalProcessorTime.TotalSeconds;
            if (backend == "postgres" && ServerCpuSeconds() is { } server) seconds += server;
            return seconds;
        }

        private string CpuScope(string backend) =>
            backend == "postgres" ? (ServerCpuSeconds() is null ? "in this process; server not measured" : "in this process and the server") : "in this process";

        /// <summary>
        /// The CPU seconds of the server processes serving this benchmark's connections (found by application name), read
        /// from /proc; null when the server is not on this machine or /proc is not readable.
        /// </summary>
        private double? ServerCpuSeconds()
        {
            if (_schema is null) return null;
            if (_monitor is null)
            {
                _monitor = new NpgsqlConnection(postgres);
                _monitor.Open();
            }
            using var cmd = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE application_name = @a", _monitor);
            cmd.Parameters.AddWithValue("a", _schema);
            var pids = new List<int>();
            using (var r = cmd.ExecuteReader())
                while (r.Read()) pids.Add(r.GetInt32(0));
            double total = 0;
            foreach (int pid in pids)
            {
                if (ProcessCpuSeconds(pid) is not { } seconds) return null;
                total += seconds;
            }
            return total;
        }

        private void ResetSchema() => DropSchema(create: true);

        private void DropSchema(bool create)
        {
            using var c = new NpgsqlConnection(postgres);
            c.Open();
            // The schema name is made here from the process id, never from user input.
            using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE" + (create ? $"; CREATE SCHEMA {_schema}" : ""), c);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>User + system CPU seconds of a process from /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s).</summary>
    internal static double? ProcessCpuSeconds(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
