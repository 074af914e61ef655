using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Marsad.Analysis.Documents;
using Marsad.Queue.Broker;
using Marsad.Queue.Publishing;
using Marsad.Storage.Postgres;
using Npgsql;
using RabbitMQ.Client;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad bench queue --queue URI --postgres CONNSTR [--docs N] [--workers 1,2,4] [--kill-every S] [--hostile F]</c>:
/// throughput of the scale-out path, and its soak run.
/// <list type="number">
/// <item>The dev corpus is replicated to N documents (each copy after the first gets a marker line, so its own content
///   hash), with a fraction F of hostile messages (not JSON, invalid UTF-8, a wrong format) published beside them.</item>
/// <item>For each worker count: a fresh schema and queue; every message is published (with confirms), then that many
///   <c>marsad worker</c> processes (this executable) are started; articles/s is counted from the first stored document
///   to the last (steady state) and from the start of the workers (with their model loading).</item>
/// <item>With <c>--kill-every S</c> a worker is killed with SIGKILL every S seconds and restarted at once; each worker's
///   resident memory is sampled every second.</item>
/// <item>At the end: stored + exact repeats in the input + dead letters + rejections must equal the published messages,
///   each text is stored once, and the store is consistent.</item>
/// </list>
/// Schemas and queues are dropped afterwards unless <c>--keep</c>.
/// </summary>
internal static class BenchQueueCommand
{
    public static Command Create()
    {
        var queue = new QueueOptions();
        var postgres = new Option<string>("--postgres") { Description = "PostgreSQL database for the stores (a fresh schema per run, dropped afterwards)", Required = true };
        var input = new Option<string>("--input") { Description = "Corpus (JSONL with a text field)", DefaultValueFactory = _ => Path.Combine("..", "shared", "data", "news", "dev", "articles.jsonl") };
        var docs = new Option<int>("--docs") { Description = "Documents published per run (the corpus replicated)", DefaultValueFactory = _ => 5_000 };
        var workers = new Option<string>("--workers") { Description = "Worker counts to measure, comma-separated", DefaultValueFactory = _ => "1,2,4" };
        var concurrency = new Option<int>("--concurrency") { Description = "Analysis threads per worker", DefaultValueFactory = _ => 1 };
        var killEvery = new Option<double>("--kill-every") { Description = "Seconds between SIGKILLs of a worker (restarted at once); 0 = never" };
        var hostile = new Option<double>("--hostile") { Description = "Fraction of hostile messages published beside the documents (e.g. 0.01)" };
        var keep = new Option<bool>("--keep") { Description = "Keep the schemas and queues" };
        var baselines = new Option<bool>("--baselines") { Description = "Also time single-process `ingest` of the same documents into SQLite and PostgreSQL" };
        var command = new Command("queue", "Throughput of workers over RabbitMQ into PostgreSQL (articles/s per worker count); with --kill-every and --hostile, the soak run.");
        queue.AddTo(command, required: true);
        foreach (var o in new Option[] { postgres, input, docs, workers, concurrency, killEvery, hostile, keep, baselines }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var counts = new List<int>();
            foreach (var part in parse.GetValue(workers)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!int.TryParse(part, CultureInfo.InvariantCulture, out int n) || n < 1)
                {
                    Console.Error.WriteLine($"error: --workers '{part}' is not a positive number");
                    return 2;
                }
                counts.Add(n);
            }
            if (!QueueCommands.CheckUri(queue.Uri(parse))) return 2;
            string file = parse.GetValue(input)!;
            if (!File.Exists(file)) { Console.Error.WriteLine($"error: no input at {Path.GetFullPath(file)}"); return 2; }
            var bench = new Bench(queue.Uri(parse)!, parse.GetValue(postgres)!, parse.GetValue(concurrency), parse.GetValue(killEvery), parse.GetValue(keep));
            var corpus = Corpus(file, parse.GetValue(docs), parse.GetValue(hostile));
            Console.WriteLine($"bench queue: {corpus.Documents.Count:N0} documents ({corpus.DistinctTexts:N0} distinct texts) + {corpus.Hostile.Count:N0} hostile messages; " +
                              $"{Environment.ProcessorCount} cores; worker concurrency {parse.GetValue(concurrency)}");
            Console.WriteLine("workers | published/s | stored | dead | articles/s (steady) | articles/s (with start-up) | kills | worker RSS MB first/max/last | check");
            bool ok = true;
            foreach (int n in counts) ok &= bench.Run(n, corpus);
            if (parse.GetValue(baselines)) bench.Baselines(corpus);
            return ok ? 0 : 1;
        });
        return command;
    }

    private sealed record BenchCorpusInput(List<SourceDocument> Documents, int DistinctTexts, List<byte[]> Hostile);

    /// <summary>The corpus replicated to <paramref name="count"/> documents, and the hostile messages.</summary>
    private static BenchCorpusInput Corpus(string file, int count, double hostileFraction)
    {
        var originals = new List<SourceDocument>();
        foreach (var line in File.ReadLines(file))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            originals.Add(new SourceDocument
            {
                Text = root.GetProperty("text").GetString() ?? "",
                Path = file + "#" + (originals.Count + 1).ToString(CultureInfo.InvariantCulture),
                Title = root.TryGetProperty("title", out var t) ? t.GetString() : null,
                Published = root.TryGetProperty("published", out var p) ? p.GetString() : null,
                Source = root.TryGetProperty("source", out var s) ? s.GetString() : null,
            });
        }
        var docs = new List<SourceDocument>(count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            var d = originals[i % originals.Count];
            int copy = i / originals.Count;
            if (copy > 0) d = d with { Text = d.Text + "\nنسخة " + copy.ToString(CultureInfo.InvariantCulture), Path = d.Path + "#copy" + copy.ToString(CultureInfo.InvariantCulture) };
            docs.Add(d);
            if (d.Text.Length > 0) ids.Add(ContentHash.Of(d.Text));
        }
        var hostile = new List<byte[]>();
        int hostileCount = (int)Math.Round(count * hostileFraction);
        for (int i = 0; i < hostileCount; i++)
        {
            string tag = i.ToString(CultureInfo.InvariantCulture);
            hostile.Add((i % 3) switch
            {
                0 => Encoding.UTF8.GetBytes("<html><body>not a document " + tag + "</body></html>"),
                1 => [.. Encoding.UTF8.GetBytes("{\"format\": \"marsad-document/1\", \"document\": {\"text\": \"" + tag), 0xFF, 0xFE, .. "\"}}"u8],
                _ => Encoding.UTF8.GetBytes("{\"format\": \"something-else/9\", \"n\": " + tag + "}"),
            });
        }
        return new BenchCorpusInput(docs, ids.Count, hostile);
    }

    private sealed class Bench(string amqp, string postgres, int concurrency, double killEvery, bool keep)
    {
        public bool Run(int workerCount, BenchCorpusInput corpus)
        {
            string schema = "marsad_bench_" + Guid.NewGuid().ToString("N")[..10];
            var topology = new QueueTopology("marsad.bench." + Guid.NewGuid().ToString("N")[..10]);
            Exec(postgres, $"CREATE SCHEMA {schema}");   // a name made here, never from input
            string store = new NpgsqlConnectionStringBuilder(postgres) { SearchPath = schema }.ToString();
            var workers = new List<Process>();
            try
            {
                using (PostgresArticleStore.Open(store)) { }
                var publish = Stopwatch.StartNew();
                new QueuePublisher(amqp, topology, TextWriter.Null).PublishAsync(corpus.Documents, null).GetAwaiter().GetResult();
                PublishRaw(topology, corpus.Hostile);
                double publishRate = (corpus.Documents.Count + corpus.Hostile.Count) / publish.Elapsed.TotalSeconds;

                var clock = Stopwatch.StartNew();
                for (int i = 0; i < workerCount; i++) workers.Add(StartWorker(topology, store));
                var memory = new Dictionary<int, List<double>>();
                double? firstStored = null;
                int kills = 0;
                var lastKill = clock.Elapsed;
                long expectedDead = corpus.Hostile.Count;
                while (true)
                {
                    Thread.Sleep(1000);
                    long stored = Count(store, "documents"), dead = Count(store, "queue_dead_letters");
                    if (stored > 0) firstStored ??= clock.Elapsed.TotalSeconds;
                    for (int i = 0; i < workers.Count; i++)
                        if (Rss(workers[i]) is { } mb) (memory.TryGetValue(i, out var list) ? list : memory[i] = []).Add(mb);
                    if (stored >= corpus.DistinctTexts && dead >= expectedDead && Depth(topology) == 0) break;
                    if (killEvery > 0 && (clock.Elapsed - lastKill).TotalSeconds >= killEvery)
                    {
                        int victim = kills % workers.Count;
                        workers[victim].Kill();
                        workers[victim].WaitForExit();
                        workers[victim].Dispose();
                        workers[victim] = StartWorker(topology, store);
                        kills++;
                        lastKill = clock.Elapsed;
                    }
                    if (workers.Any(w => w.HasExited))
                    {
                        Console.WriteLine($"{workerCount,7} | a worker exited on its own; stopping this run");
                        return false;
                    }
                }
                double total = clock.Elapsed.TotalSeconds, steady = total - (firstStored ?? 0);
                StopWorkers(workers);
                var (ok, check) = Check(store, corpus, topology);
                var rss = memory.Values.Where(l => l.Count > 0).ToList();
                string mem = rss.Count == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture,
                    $"{rss.Average(l => l[0]):N0}/{rss.Max(l => l.Max()):N0}/{rss.Average(l => l[^1]):N0}");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{workerCount,7} | {publishRate,11:N0} | {Count(store, "documents"),6:N0} | {Count(store, "queue_dead_letters"),4:N0} | {corpus.DistinctTexts / Math.Max(steady, 1e-6),19:N1} | " +
                    $"{corpus.DistinctTexts / total,26:N1} | {kills,5} | {mem,28} | {check}"));
                return ok;
            }
            finally
            {
                foreach (var w in workers.Where(w => !w.HasExited)) w.Kill();
                if (!keep)
                {
                    Exec(postgres, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
                    DeleteQueues(topology);
                }
            }
        }

        /// <summary>The same documents through single-process <c>ingest</c> (a child process each) into SQLite and into PostgreSQL.</summary>
        public void Baselines(BenchCorpusInput corpus)
        {
            string dir = Path.Combine(Path.GetTempPath(), "marsad-bench-queue-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(dir);
            string jsonl = Path.Combine(dir, "docs.jsonl"), db = Path.Combine(dir, "baseline.db");
            string schema = "marsad_bench_" + Guid.NewGuid().ToString("N")[..10];
            try
            {
                using (var w = new StreamWriter(jsonl))
                    foreach (var d in corpus.Documents)
                        w.WriteLine(JsonSerializer.Serialize(new { text = d.Text, title = d.Title, published = d.Published, source = d.Source }));
                Exec(postgres, $"CREATE SCHEMA {schema}");
                string store = new NpgsqlConnectionStringBuilder(postgres) { SearchPath = schema }.ToString();
                foreach (var (name, args) in new[] { ("SQLite", new[] { "--db", db }), ("PostgreSQL", new[] { "--postgres", store }) })
                {
                    var psi = SelfStartInfo(["ingest", jsonl, .. args]);
                    psi.RedirectStandardError = true;
                    psi.RedirectStandardOutput = true;
                    var clock = Stopwatch.StartNew();
                    using var p = Process.Start(psi)!;
                    var err = p.StandardError.ReadToEndAsync();
                    p.StandardOutput.ReadToEnd();
                    p.WaitForExit();
                    err.Wait();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"single-process ingest into {name}: {corpus.Documents.Count / clock.Elapsed.TotalSeconds:N1} articles/s whole command ({clock.Elapsed.TotalSeconds:N1} s, exit {p.ExitCode})"));
                }
            }
            finally
            {
                if (!keep) Exec(postgres, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
                Directory.Delete(dir, recursive: true);
            }
        }

        /// <summary>Stored + repeats + dead letters + rejections = published; each text once; consistent store.</summary>
        private static (bool Ok, string Text) Check(string store, BenchCorpusInput corpus, QueueTopology topology)
        {
            long stored = Count(store, "documents"), dead = Count(store, "queue_dead_letters"), rejected = Count(store, "rejections");
            long repeats = corpus.Documents.Count(d => d.Text.Length > 0) - corpus.DistinctTexts;
            long published = corpus.Documents.Count + corpus.Hostile.Count;
            using var s = PostgresArticleStore.Open(store);
            var problems = s.CheckConsistency();
            bool ok = stored + repeats + dead + rejected == published && stored == corpus.DistinctTexts && problems.Count == 0;
            return (ok, $"{(ok ? "ok" : "FAILED")}: {stored:N0} stored + {repeats:N0} repeats + {dead:N0} dead + {rejected:N0} rejected = {stored + repeats + dead + rejected:N0} of {published:N0} published" +
                        (problems.Count == 0 ? "" : "; " + string.Join("; ", problems)));
        }

        private Process StartWorker(QueueTopology topology, string store)
        {
            var psi = SelfStartInfo("worker", "--queue", amqp, "--queue-name", topology.WorkQueue, "--postgres", store,
                "--concurrency", concurrency.ToString(CultureInfo.InvariantCulture));
            psi.RedirectStandardError = true;
            psi.RedirectStandardOutput = true;
            var p = Process.Start(psi)!;
            p.ErrorDataReceived += (_, _) => { };
            p.OutputDataReceived += (_, _) => { };
            p.BeginErrorReadLine();
            p.BeginOutputReadLine();
            return p;
        }

        private static void StopWorkers(List<Process> workers)
        {
            foreach (var w in workers) Process.Start("kill", ["-TERM", w.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
            foreach (var w in workers) w.WaitForExit(60_000);
        }

        private void PublishRaw(QueueTopology topology, List<byte[]> bodies)
        {
            if (bodies.Count == 0) return;
            using var conn = QueueTopology.Factory(amqp, "marsad-bench").CreateConnectionAsync().GetAwaiter().GetResult();
            using var ch = conn.CreateChannelAsync(new CreateChannelOptions(true, true)).GetAwaiter().GetResult();
            foreach (var body in bodies)
                ch.BasicPublishAsync("", topology.WorkQueue, true, new BasicProperties { Persistent = true }, body).AsTask().GetAwaiter().GetResult();
        }

        private uint Depth(QueueTopology topology)
        {
            var factory = QueueTopology.Factory(amqp, "marsad-bench");
            factory.AutomaticRecoveryEnabled = false;
            using var conn = factory.CreateConnectionAsync().GetAwaiter().GetResult();
            using var ch = conn.CreateChannelAsync().GetAwaiter().GetResult();
            return ch.QueueDeclarePassiveAsync(topology.WorkQueue).GetAwaiter().GetResult().MessageCount;
        }

        private void DeleteQueues(QueueTopology topology)
        {
            var factory = QueueTopology.Factory(amqp, "marsad-bench");
            factory.AutomaticRecoveryEnabled = false;
            using var conn = factory.CreateConnectionAsync().GetAwaiter().GetResult();
            using var ch = conn.CreateChannelAsync().GetAwaiter().GetResult();
            ch.QueueDeleteAsync(topology.WorkQueue).GetAwaiter().GetResult();
            ch.QueueDeleteAsync(topology.DeadLetterQueue).GetAwaiter().GetResult();
        }
    }

    /// <summary>Starts this same program (the apphost, or <c>dotnet marsad.dll</c>) with other arguments.</summary>
    internal static ProcessStartInfo SelfStartInfo(params string[] args)
    {
        string exe = Environment.ProcessPath!;
        var psi = new ProcessStartInfo(exe);
        if (Path.GetFileNameWithoutExtension(exe) == "dotnet") psi.ArgumentList.Add(typeof(BenchQueueCommand).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }

    /// <summary>A process's resident memory in MB (Linux /proc), or null.</summary>
    private static double? Rss(Process p)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{p.Id}/status"))
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return double.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException) { }
        return null;
    }

    private static long Count(string connection, string table)
    {
        try
        {
            using var c = new NpgsqlConnection(connection);
            c.Open();
            using var cmd = new NpgsqlCommand($"SELECT COUNT(*) FROM {table}", c);   // constant table names only
            return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }

    private static void Exec(string connection, string sql)
    {
        using var c = new NpgsqlConnection(connection);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }
}
