using System.Text;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Pipeline;
using Marsad.Queue.Broker;
using Marsad.Queue.Messages;
using Marsad.Queue.Publishing;
using Marsad.Queue.Workers;
using Marsad.Tests.Common;
using RabbitMQ.Client;

namespace Marsad.Queue.Tests;

/// <summary>The tests that use the real broker run one at a time (one of them stops it).</summary>
[CollectionDefinition("broker", DisableParallelization = true)]
public sealed class BrokerCollection;

/// <summary>
/// Bad input on the real queue: a message that is not a document, a 50 MB body, invalid UTF-8, and a document whose
/// analysis throws each time are dead-lettered with their reasons, and the worker (in this process, real broker, real
/// PostgreSQL) goes on to store the good documents published after them; a document published twice is stored once.
/// </summary>
[Collection("broker")]
public sealed class PoisonMessageTests : IDisposable
{
    private readonly QueueTestServers _servers = new();

    [Fact]
    public async Task Poison_messages_are_dead_lettered_with_their_reason_and_the_worker_goes_on()
    {
        var topology = _servers.NewQueue();
        string store = _servers.NewSchema();
        var pipeline = new AnalysisPipelineBuilder().Build();
        const string Marker = "FAIL-EVERY-TIME";
        AnalyzedDocument Analyze(SourceDocument d, AnalysisOptions o) =>
            d.Text.Contains(Marker, StringComparison.Ordinal) ? throw new InvalidOperationException("the test's analysis fails here") : pipeline.Analyze(d, o);

        var factory = QueueTopology.Factory(_servers.Amqp, "marsad-test-poison");
        await using (var conn = await factory.CreateConnectionAsync())
        await using (var ch = await conn.CreateChannelAsync(new CreateChannelOptions(true, true)))
        {
            await topology.DeclareAsync(ch);
            async Task Raw(byte[] body, string? encoding = null) =>
                await ch.BasicPublishAsync("", topology.WorkQueue, true, new BasicProperties { Persistent = true, ContentEncoding = encoding }, body);
            await Raw(Encoding.UTF8.GetBytes("<html>not a document</html>"));
            await Raw(new byte[50 * 1024 * 1024]);
            var bad = Encoding.UTF8.GetBytes("{\"format\": \"marsad-document/1\", \"document\": {\"text\": \"نص\"}}");
            bad[^4] = 0xFF;   // the last byte of ص becomes 0xFF, which UTF-8 never uses
            await Raw(bad);
            var (failing, enc) = DocumentMessageCodec.Encode(new DocumentMessage
            {
                Format = DocumentMessage.FormatTag,
                Document = new SourceDocument { Text = "قال الوزير " + Marker, Path = "failing.txt" },
            });
            await Raw(failing, enc);
        }
        // Good documents after the bad ones, one of them twice (a redelivery looks the same to the worker).
        var seeds = SharedData.SeedFiles();
        var publisher = new QueuePublisher(_servers.Amqp, topology, TextWriter.Null);
        await publisher.PublishAsync([seeds[0], seeds[1], seeds[1]], null);

        var log = new StringWriter();
        var worker = new QueueWorker(new WorkerOptions { AmqpUri = _servers.Amqp, PostgresConnection = store, Topology = topology, Concurrency = 2 },
            Analyze, TextWriter.Synchronized(log));
        using var stop = new CancellationTokenSource();
        var run = worker.RunAsync(stop.Token);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !run.IsCompleted)
        {
            if (Count(store, "queue_dead_letters") == 4 && Count(store, "documents") == 2 && await _servers.Depth(topology.WorkQueue) == 0) break;
            await Task.Delay(250);
        }
        await Task.Delay(500);   // any late acknowledgement lands before the checks
        stop.Cancel();
        var summary = await run;

        var reasons = QueueTestServers.Column(store, "SELECT reason FROM queue_dead_letters ORDER BY id").Cast<string>().ToList();
        Assert.True(reasons.Count == 4, "dead letters: " + string.Join(" | ", reasons) + "\n" + log);
        Assert.Contains(reasons, r => r.StartsWith("not a document: ", StringComparison.Ordinal));
        Assert.Contains("too large: a 52,428,800-byte body (at most 16,777,216 bytes)", reasons);
        Assert.Contains(reasons, r => r.StartsWith("invalid UTF-8 at byte ", StringComparison.Ordinal));
        Assert.Contains("failed twice: analysis failed: InvalidOperationException: the test's analysis fails here", reasons);
        Assert.Equal(4u, await _servers.Depth(topology.DeadLetterQueue));
        Assert.Equal(0u, await _servers.Depth(topology.WorkQueue));
        // The good documents: both texts once, the repeated path noted once.
        Assert.Equal(2, Count(store, "documents"));
        Assert.Equal(2, Count(store, "document_sightings"));
        Assert.Equal(3, summary.Stored);
        Assert.Equal(2, summary.Added);
        Assert.Equal(4, summary.DeadLettered);
        Assert.Equal(1, summary.Requeued);   // the failing document, before its second failure

        // status shows all of it.
        var status = await QueueStatus.Read(_servers.Amqp, topology, store);
        string text = status.Render();
        Assert.Contains($"queue {topology.WorkQueue}: 0 waiting, 0 in flight", text);
        Assert.Contains("dead letters: 4 recorded, 4 waiting", text);
        Assert.Contains("store: 2 documents", text);
    }

    private static long Count(string store, string table) => QueueTestServers.Count(store, table);

    public void Dispose() => _servers.Dispose();
}
