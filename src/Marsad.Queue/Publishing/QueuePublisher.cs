using System.Diagnostics;
using Marsad.Analysis.Documents;
using Marsad.Ingest.Batch;
using Marsad.Ingest.Readers;
using Marsad.Queue.Broker;
using Marsad.Queue.Messages;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Marsad.Queue.Publishing;

/// <summary>What a publish run did.</summary>
/// <param name="Read">Documents read, unreadable ones included.</param>
/// <param name="Published">Messages the broker confirmed (every document read, once each).</param>
/// <param name="Unreadable">Documents the reader could not read; they are published too, so a worker records the rejection.</param>
/// <param name="Republished">Publishes retried after the broker was unreachable or did not confirm.</param>
public sealed record PublishResult(int Read, int Published, int Unreadable, int Republished, double Seconds);

/// <summary>
/// <c>ingest PATH... --queue</c>: reads documents, marks cross-document source furniture in input order (the one step
/// that needs every document of a source, so workers can analyse each alone), and publishes each document as a
/// persistent message with publisher confirms: a document counts as published only when the broker has confirmed it
/// (written to the quorum queue's log). Up to <see cref="Window"/> publishes are awaiting confirmation at once. When the
/// broker goes away the client reconnects by itself and unconfirmed messages are published again (a document published
/// twice is stored once: workers are idempotent).
/// </summary>
public sealed class QueuePublisher(string amqpUri, QueueTopology topology, TextWriter log)
{
    /// <summary>Publishes awaiting their confirmation at once.</summary>
    public int Window { get; init; } = 256;

    /// <summary>How long a publish is retried while the broker is unreachable before the run fails.</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Reads and publishes every document of <paramref name="paths"/>.</summary>
    public Task<PublishResult> PublishAsync(IReadOnlyList<string> paths, string? defaultPublished, CancellationToken cancel = default) =>
        PublishAsync(BatchAnalyzer.MarkSourceFurniture(new DocumentReader().Read(paths)), defaultPublished, cancel);

    /// <summary>Publishes the documents as they are (furniture already marked, if wanted).</summary>
    public async Task<PublishResult> PublishAsync(IEnumerable<SourceDocument> documents, string? defaultPublished, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var clock = Stopwatch.StartNew();
        await using var connection = await QueueTopology.Factory(amqpUri, "marsad-ingest").CreateConnectionAsync(cancel);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancel);
        await topology.DeclareAsync(channel, cancel);

        int read = 0, published = 0, unreadable = 0, republished = 0;
        var lastShown = TimeSpan.Zero;
        var window = new List<(Task Task, Outgoing Message)>(Window);
        foreach (var doc in documents)
        {
            cancel.ThrowIfCancellationRequested();
            read++;
            if (doc.Error is not null)
            {
                unreadable++;
                log.WriteLine($"rejected: {doc.Path}: {doc.Error}");
            }
            var (body, encoding) = DocumentMessageCodec.Encode(new DocumentMessage { Format = DocumentMessage.FormatTag, Document = doc, DefaultPublished = defaultPublished });
            var message = new Outgoing(body, new BasicProperties
            {
                Persistent = true,
                ContentType = "application/json",
                ContentEncoding = encoding,
                MessageId = doc.Text.Length > 0 ? ContentHash.Of(doc.Text) : null,
                Type = DocumentMessage.FormatTag,
            });
            window.Add((Send(channel, message, cancel), message));
            if (window.Count >= Window) await Drain();
            if (clock.Elapsed - lastShown >= TimeSpan.FromSeconds(2))
            {
                lastShown = clock.Elapsed;
                log.WriteLine($"ingest: {published:N0} documents published, {published / Math.Max(clock.Elapsed.TotalSeconds, 1e-6):N0}/s");
            }
        }
        await Drain();
        double seconds = clock.Elapsed.TotalSeconds;
        log.WriteLine($"ingest: {read:N0} documents published to {topology.WorkQueue} on {QueueTopology.Describe(amqpUri)} in {seconds:N1} s " +
                      $"({published / Math.Max(seconds, 1e-6):N0}/s), every one confirmed by the broker; {unreadable:N0} unreadable (published for the record), " +
                      $"{republished:N0} publish(es) retried");
        return new PublishResult(read, published, unreadable, republished, seconds);

        async Task Drain()
        {
            foreach (var (task, message) in window)
            {
                try
                {
                    await task;
                }
                catch (Exception e) when (IsBrokerTrouble(e))
                {
                    // Lost with the connection or refused: send it again, one at a time, until the broker is back.
                    republished++;
                    await SendUntilConfirmed(channel, message, cancel);
                }
                published++;
            }
            window.Clear();
        }
    }

    private sealed record Outgoing(byte[] Body, BasicProperties Properties);

    private async Task Send(IChannel channel, Outgoing message, CancellationToken cancel) =>
        await channel.BasicPublishAsync("", topology.WorkQueue, mandatory: true, message.Properties, message.Body, cancel);

    private async Task SendUntilConfirmed(IChannel channel, Outgoing message, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        int attempt = 0;
        while (true)
        {
            try
            {
                if (channel.IsOpen)
                {
                    await Send(channel, message, cancel);
                    return;
                }
            }
            catch (Exception e) when (IsBrokerTrouble(e))
            {
                if (attempt++ == 0) log.WriteLine($"ingest: the broker is unreachable ({OneLine(e.Message)}); retrying…");
            }
            if (clock.Elapsed > GiveUpAfter)
                throw new TimeoutException($"the broker did not confirm a publish for {GiveUpAfter.TotalSeconds:N0} s");
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancel);
        }
    }

    internal static bool IsBrokerTrouble(Exception e) =>
        e is AlreadyClosedException or OperationInterruptedException or PublishException or BrokerUnreachableException
            or IOException or System.Net.Sockets.SocketException or ObjectDisposedException
            || (e is OperationCanceledException && e.InnerException is not null);

    private static string OneLine(string s) => s.ReplaceLineEndings(" ");
}
