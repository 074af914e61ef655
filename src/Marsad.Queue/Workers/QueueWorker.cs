using System.Diagnostics;
using System.Threading.Channels;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Pipeline;
using Marsad.Queue.Broker;
using Marsad.Queue.Messages;
using Marsad.Storage;
using Marsad.Storage.Postgres;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Marsad.Queue.Workers;

/// <summary>How a worker runs.</summary>
public sealed record WorkerOptions
{
    public required string AmqpUri { get; init; }
    public required string PostgresConnection { get; init; }
    public QueueTopology Topology { get; init; } = new(QueueTopology.DefaultName);
    /// <summary>Documents analysed at once (threads).</summary>
    public int Concurrency { get; init; } = Math.Max(1, Environment.ProcessorCount);
    /// <summary>Unacknowledged messages the broker may hand this worker (0: four per analysis thread).</summary>
    public int Prefetch { get; init; }
    /// <summary>Most documents stored in one transaction.</summary>
    public int BatchSize { get; init; } = 32;
    /// <summary>How long a stopping worker may take to finish its in-flight messages before it returns them unacknowledged.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(30);
    public string WorkerId { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
    /// <summary>
    /// A message arriving after this many earlier deliveries without an acknowledgement crashed workers that often: it is
    /// dead-lettered. Three, not two: a broker that stops and restarts returns every message out with the workers, and a
    /// consumer recovered while the queue is still coming back can be cancelled and return them once more, so two
    /// deliveries can be the broker's doing (a CI run of the broker-stop test once dead-lettered one good document, most likely so).
    /// </summary>
    public int MaxEarlierDeliveries { get; init; } = 3;

    internal int EffectivePrefetch => Prefetch > 0 ? Prefetch : Concurrency * 4;
}

/// <summary>What a worker did before it stopped.</summary>
public sealed record WorkerSummary(long Stored, long Added, long DeadLettered, long Requeued, double Seconds);

/// <summary>
/// <c>marsad worker</c>: consumes document messages, analyses them and stores them in the PostgreSQL store.
/// <list type="bullet">
/// <item>At most <see cref="WorkerOptions.EffectivePrefetch"/> messages are unacknowledged at once (broker prefetch), analysed
///   by <see cref="WorkerOptions.Concurrency"/> threads; one writer stores finished documents in batches, one transaction
///   each, and acknowledges a batch's messages only after its commit. A crash between commit and acknowledgement
///   redelivers documents that are stored already: the store keys documents by content hash and adds nothing then.</item>
/// <item>A message that is not a document (bad JSON, wrong format, invalid UTF-8, too large) is dead-lettered at once;
///   one whose analysis or storing fails is requeued once and dead-lettered when it fails again; one that arrives after
///   <see cref="WorkerOptions.MaxEarlierDeliveries"/> unacknowledged deliveries (it crashed or hung workers) is
///   dead-lettered without being analysed. Dead letters carry their reason (header and ledger) and the worker goes on.</item>
/// <item>The broker connection recovers by itself; acknowledgements of deliveries from before a reconnect are dropped
///   (the broker has requeued those messages). A lost PostgreSQL connection is reopened and the batch retried.</item>
/// <item>Cancelling the token stops consuming, finishes the in-flight messages (within <see cref="WorkerOptions.StopGrace"/>),
///   then closes; anything unfinished goes back to the queue.</item>
/// </list>
/// </summary>
public sealed class QueueWorker
{
    private readonly WorkerOptions _options;
    private readonly Func<SourceDocument, AnalysisOptions, AnalyzedDocument> _analyze;
    private readonly TextWriter _log;
    private int _generation;   // bumped when the broker connection drops: older delivery tags are void
    private int _inFlight;
    private long _stored, _added, _deadLettered, _requeued;

    /// <param name="analyze">The per-document analysis (normally <see cref="AnalysisPipeline.Analyze"/>).</param>
    public QueueWorker(WorkerOptions options, Func<SourceDocument, AnalysisOptions, AnalyzedDocument> analyze, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(analyze);
        if (options.Concurrency < 1) throw new ArgumentOutOfRangeException(nameof(options), "concurrency must be at least 1");
        _options = options;
        _analyze = analyze;
        _log = log;
    }

    private sealed record Delivery(ulong Tag, int Generation, byte[] Body, string? ContentEncoding, long EarlierDeliveries);

    /// <summary>What an analysis thread hands the writer: a document to store, or a message to requeue or dead-letter.</summary>
    private sealed record Outcome(Delivery Delivery, AnalyzedDocument? Document, string? Failure, bool Poison, string? Path);

    /// <summary>Runs until <paramref name="stop"/> is cancelled.</summary>
    public async Task<WorkerSummary> RunAsync(CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        var topology = _options.Topology;
        var store = await OpenStoreAsync(stop);
        if (store is null) return Summary(clock);
        using var ledger = QueueLedger.Open(_options.PostgresConnection);
        await using var connection = await QueueTopology.Factory(_options.AmqpUri, "marsad-worker " + _options.WorkerId).CreateConnectionAsync(stop);
        connection.ConnectionShutdownAsync += (_, e) =>
        {
            Interlocked.Increment(ref _generation);
            if (e.Initiator == ShutdownInitiator.Application) return Task.CompletedTask;   // our own close
            _log.WriteLine("worker: lost the broker connection; reconnecting…");
            return Task.CompletedTask;
        };
        connection.RecoverySucceededAsync += (_, _) =>
        {
            _log.WriteLine("worker: reconnected to the broker");
            return Task.CompletedTask;
        };
        await using var channel = await connection.CreateChannelAsync(cancellationToken: stop);
        await using var deadChannel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), stop);
        await topology.DeclareAsync(channel, stop);
        int prefetch = _options.EffectivePrefetch;
        await channel.BasicQosAsync(0, (ushort)Math.Min(prefetch, ushort.MaxValue), global: false, stop);

        var deliveries = Channel.CreateBounded<Delivery>(prefetch);
        var outcomes = Channel.CreateBounded<Outcome>(_options.Concurrency * 2);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, ea) =>
        {
            Interlocked.Increment(ref _inFlight);
            var d = new Delivery(ea.DeliveryTag, Volatile.Read(ref _generation), ea.Body.ToArray(), ea.BasicProperties.ContentEncoding,
                QueueTopology.HeaderNumber(ea.BasicProperties, QueueTopology.DeliveryCountHeader));
            // Stopping closes the channel: the message stays unacknowledged and goes back to the queue.
            if (!deliveries.Writer.TryWrite(d) && !await TryWriteAsync(deliveries.Writer, d)) Interlocked.Decrement(ref _inFlight);
        };
        string consumerTag = await channel.BasicConsumeAsync(topology.WorkQueue, autoAck: false, consumer, stop);
        _log.WriteLine($"worker {_options.WorkerId}: consuming {topology.WorkQueue} on {QueueTopology.Describe(_options.AmqpUri)} " +
                       $"(concurrency {_options.Concurrency}, prefetch {prefetch}); storing in {store.Description}");

        var analysers = Enumerable.Range(0, _options.Concurrency)
            .Select(_ => Task.Factory.StartNew(() => Analyse(deliveries.Reader, outcomes.Writer), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        var writer = Task.Run(() => WriteAsync(outcomes.Reader, channel, deadChannel, ledger, () => store, s => store = s, stop));
        using var beats = new PeriodicTimer(TimeSpan.FromSeconds(2));
        var beat = Task.Run(async () =>
        {
            try
            {
                using var beatLedger = QueueLedger.Open(_options.PostgresConnection);
                do
                {
                    try { beatLedger.Beat(_options.WorkerId, topology.WorkQueue, _options.Concurrency, Volatile.Read(ref _inFlight), Interlocked.Read(ref _stored), Interlocked.Read(ref _deadLettered)); }
                    catch (Npgsql.NpgsqlException) { /* the store is down: the writer says so */ }
                } while (await beats.WaitForNextTickAsync(stop));
            }
            catch (OperationCanceledException) { }
            catch (Npgsql.NpgsqlException) { }
        }, CancellationToken.None);

        try { await Task.Delay(Timeout.Infinite, stop); }
        catch (OperationCanceledException) { }

        // Clean stop: no new deliveries, finish what is in flight, then close (unfinished messages return to the queue).
        _log.WriteLine($"worker {_options.WorkerId}: stopping; finishing {Volatile.Read(ref _inFlight)} in-flight message(s)…");
        try { await channel.BasicCancelAsync(consumerTag, noWait: false, CancellationToken.None); }
        catch (Exception e) when (IsBrokerTrouble(e)) { }
        deliveries.Writer.TryComplete();
        var drained = Task.WhenAll(analysers).ContinueWith(_ => outcomes.Writer.TryComplete(), TaskScheduler.Default);
        var finished = Task.WhenAll(drained, writer);
        if (await Task.WhenAny(finished, Task.Delay(_options.StopGrace)) != finished)
            _log.WriteLine("worker: in-flight messages did not finish in time; they go back to the queue");
        await beat;
        try { ledger.Beat(_options.WorkerId, topology.WorkQueue, _options.Concurrency, 0, _stored, _deadLettered, stopped: true); }
        catch (Npgsql.NpgsqlException) { }
        try { await channel.CloseAsync(); } catch (Exception e) when (IsBrokerTrouble(e)) { }
        store.Dispose();
        var summary = Summary(clock);
        _log.WriteLine($"worker {_options.WorkerId}: stopped after {summary.Seconds:N1} s: {summary.Stored:N0} documents stored ({summary.Added:N0} new), " +
                       $"{summary.DeadLettered:N0} dead-lettered, {summary.Requeued:N0} requeued");
        return summary;
    }

    private WorkerSummary Summary(Stopwatch clock) =>
        new(Interlocked.Read(ref _stored), Interlocked.Read(ref _added), Interlocked.Read(ref _deadLettered), Interlocked.Read(ref _requeued), clock.Elapsed.TotalSeconds);

    private static async Task<bool> TryWriteAsync(ChannelWriter<Delivery> writer, Delivery d)
    {
        try
        {
            await writer.WriteAsync(d);
            return true;
        }
        catch (ChannelClosedException)
        {
            return false;
        }
    }

    /// <summary>An analysis thread: decode, check, analyse; never throws for a message.</summary>
    private void Analyse(ChannelReader<Delivery> deliveries, ChannelWriter<Outcome> outcomes)
    {
        while (deliveries.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (deliveries.TryRead(out var d))
            {
                var outcome = AnalyseOne(d);
                outcomes.WriteAsync(outcome).AsTask().GetAwaiter().GetResult();
            }
        }
    }

    private Outcome AnalyseOne(Delivery d)
    {
        if (d.EarlierDeliveries >= _options.MaxEarlierDeliveries)
            return new Outcome(d, null, $"crashed or stalled workers: delivered {d.EarlierDeliveries} times before without an acknowledgement", Poison: true, null);
        var decoded = DocumentMessageCodec.Decode(d.Body, d.ContentEncoding);
        if (decoded.Message is not { } message) return new Outcome(d, null, decoded.Poison, Poison: true, null);
        try
        {
            var doc = _analyze(message.Document, new AnalysisOptions { DefaultPublished = message.DefaultPublished });
            return new Outcome(d, doc, null, Poison: false, message.Document.Path);
        }
        catch (Exception e)
        {
            return new Outcome(d, null, $"analysis failed: {e.GetType().Name}: {OneLine(e.Message)}", Poison: false, message.Document.Path);
        }
    }

    /// <summary>The writer: stores batches of analysed documents and acknowledges them after commit; handles failures.</summary>
    private async Task WriteAsync(ChannelReader<Outcome> outcomes, IChannel channel, IChannel deadChannel, QueueLedger ledger,
        Func<PostgresArticleStore> store, Action<PostgresArticleStore> replaceStore, CancellationToken stop)
    {
        var batch = new List<Outcome>(_options.BatchSize);
        var docs = new List<AnalyzedDocument>(_options.BatchSize);
        while (await outcomes.WaitToReadAsync())
        {
            while (batch.Count < _options.BatchSize && outcomes.TryRead(out var o)) batch.Add(o);
            docs.Clear();
            foreach (var o in batch)
            {
                if (o.Document is not null) docs.Add(o.Document);
                else await FailAsync(o, o.Failure!, channel, deadChannel, ledger);
            }
            if (docs.Count > 0)
            {
                var stored = await StoreAsync(batch.Where(o => o.Document is not null).ToList(), store, replaceStore, stop);
                foreach (var (o, ok, error) in stored)
                {
                    if (ok) await AckAsync(channel, o.Delivery);
                    else if (error is not null) await FailAsync(o, error, channel, deadChannel, ledger);
                    else Interlocked.Decrement(ref _inFlight);   // stopping: it returns to the queue unacknowledged
                }
            }
            batch.Clear();
        }
    }

    /// <summary>
    /// Stores the documents in one transaction; when that fails, reconnects (waiting while PostgreSQL is down) and stores
    /// them one by one, so only a document that fails twice on a working connection is blamed. Each comes back stored,
    /// failed (with the error) or neither (the worker is stopping: it stays unacknowledged and returns to the queue).
    /// </summary>
    private async Task<List<(Outcome Item, bool Stored, string? Error)>> StoreAsync(List<Outcome> items, Func<PostgresArticleStore> store,
        Action<PostgresArticleStore> replaceStore, CancellationToken stop)
    {
        var result = new List<(Outcome, bool, string?)>(items.Count);
        try
        {
            var r = store().Store(items.Select(o => o.Document!).ToList());
            Count(items.Count, r.Added);
            foreach (var o in items) result.Add((o, true, null));
            return result;
        }
        catch (Exception e) when (IsStoreTrouble(e))
        {
            _log.WriteLine($"worker: storing a batch of {items.Count} failed ({OneLine(e.Message)}); reconnecting and storing one by one");
        }
        foreach (var o in items)
        {
            bool stored = false;
            string? error = null;
            for (int attempt = 0; attempt < 2 && !stored; attempt++)
            {
                if (!await ReopenAsync(store, replaceStore, stop)) { error = null; break; }
                try
                {
                    var r = store().Store([o.Document!]);
                    Count(1, r.Added);
                    stored = true;
                    error = null;
                }
                catch (Exception e) when (IsStoreTrouble(e))
                {
                    error = $"storing failed: {e.GetType().Name}: {OneLine(e.Message)}";
                }
            }
            result.Add((o, stored, error));
        }
        return result;
    }

    private static bool IsStoreTrouble(Exception e) => e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException or IOException;

    private void Count(int stored, int added)
    {
        Interlocked.Add(ref _stored, stored);
        Interlocked.Add(ref _added, added);
    }

    /// <summary>Replaces the store's connection with a fresh one, waiting while PostgreSQL is unreachable; false when stopping.</summary>
    private async Task<bool> ReopenAsync(Func<PostgresArticleStore> store, Action<PostgresArticleStore> replaceStore, CancellationToken stop)
    {
        try { store().Dispose(); } catch (Exception) { /* a broken connection may throw on close */ }
        var fresh = await OpenStoreAsync(stop);
        if (fresh is null) return false;
        replaceStore(fresh);
        return true;
    }

    private async Task<PostgresArticleStore?> OpenStoreAsync(CancellationToken stop)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return PostgresArticleStore.Open(_options.PostgresConnection);
            }
            catch (Exception e) when (IsStoreTrouble(e))
            {
                if (attempt == 0) _log.WriteLine($"worker: cannot reach PostgreSQL ({OneLine(e.Message)}); retrying…");
            }
            try { await Task.Delay(TimeSpan.FromSeconds(1), stop); }
            catch (OperationCanceledException) { return null; }
        }
    }

    /// <summary>A message that cannot be stored: requeued once if it may be passing trouble, else dead-lettered with the reason.</summary>
    private async Task FailAsync(Outcome o, string reason, IChannel channel, IChannel deadChannel, QueueLedger ledger)
    {
        var d = o.Delivery;
        if (!o.Poison && d.EarlierDeliveries == 0)
        {
            _log.WriteLine($"worker: {o.Path}: {reason}; requeued for one more try");
            Interlocked.Increment(ref _requeued);
            await SettleAsync(channel, d, ch => ch.BasicNackAsync(d.Tag, multiple: false, requeue: true));
            return;
        }
        if (!o.Poison) reason = "failed twice: " + reason;
        _log.WriteLine($"worker: dead letter: {o.Path ?? "(message)"}: {reason}");
        var properties = new BasicProperties
        {
            Persistent = true,
            ContentEncoding = d.ContentEncoding,
            Headers = new Dictionary<string, object?> { [QueueTopology.ReasonHeader] = reason, ["x-marsad-worker"] = _options.WorkerId },
        };
        try
        {
            await deadChannel.BasicPublishAsync("", _options.Topology.DeadLetterQueue, mandatory: true, properties, d.Body);
        }
        catch (Exception e) when (IsBrokerTrouble(e))
        {
            // Not confirmed: leave the message unacknowledged; it comes back after the reconnect and is judged again.
            _log.WriteLine($"worker: could not dead-letter ({OneLine(e.Message)}); the message stays on the queue");
            Interlocked.Decrement(ref _inFlight);
            return;
        }
        try
        {
            if (ledger.RecordDeadLetter(_options.Topology.WorkQueue, DocumentMessageCodec.BodyKey(d.Body), o.Path, reason, d.Body.Length, _options.WorkerId))
                Interlocked.Increment(ref _deadLettered);
        }
        catch (Npgsql.NpgsqlException e)
        {
            _log.WriteLine($"worker: dead letter not recorded in the ledger ({OneLine(e.Message)}); it is in {_options.Topology.DeadLetterQueue}");
        }
        await AckAsync(channel, d);
    }

    private Task AckAsync(IChannel channel, Delivery d) => SettleAsync(channel, d, ch => ch.BasicAckAsync(d.Tag, multiple: false));

    /// <summary>Acks or nacks a delivery of the current connection; one from before a reconnect is void (the broker requeued it).</summary>
    private async Task SettleAsync(IChannel channel, Delivery d, Func<IChannel, ValueTask> settle)
    {
        Interlocked.Decrement(ref _inFlight);
        if (d.Generation != Volatile.Read(ref _generation)) return;
        try { await settle(channel); }
        catch (Exception e) when (IsBrokerTrouble(e)) { /* connection lost meanwhile: the message is redelivered, and storing it again adds nothing */ }
    }

    private static bool IsBrokerTrouble(Exception e) => Publishing.QueuePublisher.IsBrokerTrouble(e) || e is OperationCanceledException;

    private static string OneLine(string s)
    {
        var line = s.ReplaceLineEndings(" ");
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
