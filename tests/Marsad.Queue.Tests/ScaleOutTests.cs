using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Marsad.Analysis.Documents;
using Marsad.Ingest.Batch;
using Marsad.Ingest.Readers;
using Marsad.Queue.Publishing;
using Marsad.Storage.Postgres;
using Marsad.Tests.Common;

namespace Marsad.Queue.Tests;

/// <summary>
/// Real worker processes (the CLI's <c>marsad worker</c>) on the real broker and PostgreSQL: one is killed with SIGKILL
/// mid-run, and in another test the broker itself is stopped for a few seconds mid-run. Afterwards every document is
/// stored exactly once and the merged events equal those of a single-process <c>marsad ingest --postgres</c> of the same
/// input. The kill test publishes <see cref="KillRunDocuments"/> documents (the dev corpus, then copies of its articles
/// with a number added to the text and the id, so every copy is a new document); the broker test, whose producer
/// publishes slowly on purpose, the first <see cref="BounceDocuments"/>.
/// </summary>
[Collection("broker")]
public sealed class ScaleOutTests : IDisposable
{
    /// <summary>Documents of the kill test (the figure).</summary>
    private const int KillRunDocuments = 5000;
    /// <summary>Documents of the broker test: its producer sleeps 40 ms a document so that the broker stops under it.</summary>
    private const int BounceDocuments = 500;

    private readonly QueueTestServers _servers = new();
    private readonly List<(Process Process, StringBuilder Log)> _workers = [];
    private readonly HashSet<Process> _killed = [];
    private readonly string _input = Path.Combine(Path.GetTempPath(), "marsad-queue-tests", Guid.NewGuid().ToString("N") + ".jsonl");
    private readonly string _inputSmall = Path.Combine(Path.GetTempPath(), "marsad-queue-tests", Guid.NewGuid().ToString("N") + ".jsonl");

    public ScaleOutTests()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_input)!);
        var corpus = File.ReadLines(SharedData.Data("news", "dev", "articles.jsonl")).Where(l => l.Length > 0).ToList();
        var lines = new List<string>(KillRunDocuments);
        for (int i = 0; lines.Count < KillRunDocuments; i++)
        {
            if (i < corpus.Count) { lines.Add(corpus[i]); continue; }
            var copy = System.Text.Json.Nodes.JsonNode.Parse(corpus[i % corpus.Count])!.AsObject();
            copy["id"] = (string?)copy["id"] + "-copy" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            copy["text"] = (string?)copy["text"] + "\n(" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
            lines.Add(copy.ToJsonString());
        }
        File.WriteAllLines(_input, lines);
        File.WriteAllLines(_inputSmall, lines.Take(BounceDocuments));
    }

    [Fact]
    public void Three_workers_one_killed_9_mid_run_store_every_document_once_and_merge_as_one_process()
    {
        var topology = _servers.NewQueue();
        string store = _servers.NewSchema();
        var (exit, log) = QueueTestServers.RunCli("ingest", _input, "--queue", _servers.Amqp, "--queue-name", topology.WorkQueue);
        Assert.True(exit == 0, log);
        Assert.Contains($"ingest: {KillRunDocuments:N0} documents published", log);

        for (int i = 0; i < 3; i++) StartWorker(topology.WorkQueue, store);
        var expected = ExpectedIds(_input);
        // killed mid-run: about a third of the documents stored
        WaitUntil(() => QueueTestServers.Count(store, "documents") >= KillRunDocuments / 3, TimeSpan.FromSeconds(300), "a third of the documents stored");
        long atKill = QueueTestServers.Count(store, "documents");
        _workers[0].Process.Kill();   // SIGKILL: its unacknowledged messages go back to the queue
        _killed.Add(_workers[0].Process);
        _workers[0].Process.WaitForExit();
        Assert.True(atKill < expected.Count, "the run finished before a worker could be killed");
        StartWorker(topology.WorkQueue, store);   // and it is restarted

        WaitUntilDone(topology.WorkQueue, store, expected.Count);
        StopWorkers();
        AssertSameAsOneProcess(store, expected, _input);
    }

    [Fact]
    public async Task Broker_stopped_mid_run_producer_and_workers_reconnect_and_nothing_is_lost()
    {
        var topology = _servers.NewQueue();
        string store = _servers.NewSchema();
        for (int i = 0; i < 2; i++) StartWorker(topology.WorkQueue, store);
        WaitUntil(() => _workers.All(w => { lock (w.Log) return w.Log.ToString().Contains(": consuming ", StringComparison.Ordinal); }),
            TimeSpan.FromSeconds(90), "both workers consuming");
        // The producer publishes slowly (about 20 s) so that the broker goes away under it.
        int published = 0;
        IEnumerable<SourceDocument> Slowly()
        {
            foreach (var d in BatchAnalyzer.MarkSourceFurniture(new DocumentReader().Read([_inputSmall])))
            {
                Interlocked.Increment(ref published);
                Thread.Sleep(40);
                yield return d;
            }
        }
        var publishLog = new StringWriter();
        var publisher = new QueuePublisher(_servers.Amqp, topology, TextWriter.Synchronized(publishLog)) { Window = 64 };
        var publishing = Task.Run(() => publisher.PublishAsync(Slowly(), null));
        WaitUntil(() => Volatile.Read(ref published) >= BounceDocuments / 4, TimeSpan.FromSeconds(90), "a quarter published");
        Assert.False(publishing.IsCompleted, "the producer finished before the broker could be stopped");
        QueueTestServers.BounceBroker(TimeSpan.FromSeconds(4));
        var result = await publishing.WaitAsync(TimeSpan.FromMinutes(3));
        Assert.Equal(BounceDocuments, result.Published);
        Assert.True(result.Republished > 0 || publishLog.ToString().Contains("unreachable"), "the broker stop was not noticed by the producer:\n" + publishLog);

        var expected = ExpectedIds(_inputSmall);
        WaitUntilDone(topology.WorkQueue, store, expected.Count);
        StopWorkers();
        foreach (var (_, log) in _workers)
            lock (log) Assert.Contains("reconnected to the broker", log.ToString());
        AssertSameAsOneProcess(store, expected, _inputSmall);
    }

    private void StartWorker(string queue, string store)
    {
        var log = new StringBuilder();
        var p = QueueTestServers.StartCli(log, "worker", "--queue", _servers.Amqp, "--queue-name", queue, "--postgres", store, "--concurrency", "1", "--batch", "8");
        _workers.Add((p, log));
    }

    /// <summary>Every distinct text of the input, by content hash.</summary>
    private static HashSet<string> ExpectedIds(string input)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(input))
        {
            using var json = JsonDocument.Parse(line);
            ids.Add(ContentHash.Of(json.RootElement.GetProperty("text").GetString()!));
        }
        return ids;
    }

    private void WaitUntilDone(string queue, string store, int documents)
    {
        WaitUntil(() => QueueTestServers.Count(store, "documents") >= documents && _servers.Depth(queue).GetAwaiter().GetResult() == 0,
            TimeSpan.FromSeconds(150 + documents / 10), $"{documents} documents stored and the queue empty");
    }

    private void WaitUntil(Func<bool> done, TimeSpan limit, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > limit) Assert.Fail($"not reached in {limit.TotalSeconds:N0} s: {what}\n{WorkerLogs()}");
            Thread.Sleep(200);
        }
    }

    /// <summary>SIGTERM to every live worker: each finishes its in-flight messages and exits 0.</summary>
    private void StopWorkers()
    {
        foreach (var (p, _) in _workers.Where(w => !w.Process.HasExited))
            Process.Start("kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        foreach (var (p, log) in _workers.Where(w => !_killed.Contains(w.Process)))
        {
            Assert.True(p.WaitForExit(60_000), "a worker did not stop after SIGTERM\n" + WorkerLogs());
            // the timed wait returns at exit, possibly before the last redirected lines were delivered: this one waits for them
            p.WaitForExit();
            lock (log)
            {
                Assert.True(p.ExitCode == 0, $"worker exit {p.ExitCode}\n{log}");
                Assert.Contains("stopped after", log.ToString());
            }
        }
    }

    /// <summary>Each text stored once, each path once, nothing dead-lettered, and the merged events of one process.</summary>
    private void AssertSameAsOneProcess(string store, HashSet<string> expected, string input)
    {
        var stored = QueueTestServers.Column(store, "SELECT id FROM documents").Cast<string>().ToList();
        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.True(expected.SetEquals(stored), $"{expected.Except(stored).Count()} missing, {stored.Except(expected).Count()} unexpected");
        Assert.Equal(0, QueueTestServers.Count(store, "queue_dead_letters"));

        string single = _servers.NewSchema();
        var (exit, log) = QueueTestServers.RunCli("ingest", input, "--postgres", single);
        Assert.True(exit == 0, log);
        Assert.Equal(QueueTestServers.Count(single, "document_sightings"), QueueTestServers.Count(store, "document_sightings"));
        Assert.Equal(QueueTestServers.Count(single, "rejections"), QueueTestServers.Count(store, "rejections"));
        Assert.Equal(QueueTestServers.Count(single, "sentences"), QueueTestServers.Count(store, "sentences"));
        Assert.Equal(QueueTestServers.Count(single, "quotes"), QueueTestServers.Count(store, "quotes"));
        var events = ConcurrentMergeTests.MergedEvents(single);
        Assert.True(events.Count > 100, $"only {events.Count} merged events in the reference");
        Assert.Equal(events, ConcurrentMergeTests.MergedEvents(store));
        Assert.Equal(ConcurrentMergeTests.Actors(single), ConcurrentMergeTests.Actors(store));
        using var check = PostgresArticleStore.Open(store);
        Assert.Empty(check.CheckConsistency());
    }

    private string WorkerLogs()
    {
        var sb = new StringBuilder();
        foreach (var (p, log) in _workers)
            lock (log) sb.Append("--- worker ").Append(p.Id).AppendLine().Append(log.ToString().Length > 3000 ? log.ToString()[^3000..] : log.ToString());
        return sb.ToString();
    }

    public void Dispose()
    {
        foreach (var (p, _) in _workers)
        {
            try { if (!p.HasExited) p.Kill(); } catch (InvalidOperationException) { }
            p.Dispose();
        }
        File.Delete(_input);
        File.Delete(_inputSmall);
        _servers.Dispose();
    }
}
