using System.Globalization;
using System.Text;
using Marsad.Queue.Broker;
using Marsad.Storage.Postgres;
using RabbitMQ.Client;

namespace Marsad.Queue.Workers;

/// <summary>
/// A snapshot for <c>marsad status</c>: queue depth and consumers (from the broker), in-flight messages per worker (their
/// heartbeats), dead letters with reasons (the ledger; the bodies wait in the dead-letter queue), documents stored and
/// the storing rate over the last minute (the store).
/// </summary>
public sealed record QueueStatus(string Queue, uint Ready, uint Consumers, uint DeadLetterQueueDepth, IReadOnlyList<WorkerBeat> Workers,
    IReadOnlyList<(string Reason, long Count)> DeadLetterReasons, IReadOnlyList<DeadLetterRecord> RecentDeadLetters,
    long Documents, long RecentDocuments, long Rejections, TimeSpan RateWindow)
{
    /// <summary>Workers whose last heartbeat is older than this are not listed.</summary>
    public static readonly TimeSpan SeenWithin = TimeSpan.FromSeconds(30);

    /// <summary>Messages being analysed or stored now: the sum over live workers.</summary>
    public int InFlight => Workers.Where(w => w.StoppedAt is null).Sum(w => w.InFlight);

    public static async Task<QueueStatus> Read(string amqpUri, QueueTopology topology, string postgres, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var factory = QueueTopology.Factory(amqpUri, "marsad-status");
        factory.AutomaticRecoveryEnabled = false;
        await using var connection = await factory.CreateConnectionAsync(cancel);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancel);
        await topology.DeclareAsync(channel, cancel);
        var work = await channel.QueueDeclarePassiveAsync(topology.WorkQueue, cancel);
        var dead = await channel.QueueDeclarePassiveAsync(topology.DeadLetterQueue, cancel);

        using (PostgresArticleStore.Open(postgres)) { }   // the store's tables exist (an empty store on a new database)
        using var ledger = QueueLedger.Open(postgres);
        var window = TimeSpan.FromMinutes(1);
        var (docs, recent, rejections) = ledger.StoreProgress(window);
        return new QueueStatus(topology.WorkQueue, work.MessageCount, work.ConsumerCount, dead.MessageCount,
            ledger.Workers(topology.WorkQueue, SeenWithin), ledger.DeadLetterReasons(topology.WorkQueue), ledger.DeadLetters(topology.WorkQueue, 10),
            docs, recent, rejections, window);
    }

    /// <summary>The plain-text report.</summary>
    public string Render()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"queue {Queue}: {Ready:N0} waiting, {InFlight:N0} in flight, {Consumers:N0} consumer(s)\n");
        var live = Workers.Where(w => w.StoppedAt is null).ToList();
        sb.Append(c, $"workers: {live.Count} alive (heartbeat in the last {SeenWithin.TotalSeconds:N0} s)\n");
        foreach (var w in Workers)
        {
            string state = w.StoppedAt is null ? string.Create(c, $"seen {(DateTime.UtcNow - w.SeenAt.ToUniversalTime()).TotalSeconds:N0} s ago") : "stopped";
            sb.Append(c, $"  {w.WorkerId}  concurrency {w.Concurrency}  in flight {w.InFlight}  stored {w.Stored:N0}  dead-lettered {w.DeadLettered:N0}  {state}\n");
        }
        long deadTotal = DeadLetterReasons.Sum(r => r.Count);
        sb.Append(c, $"dead letters: {deadTotal:N0} recorded, {DeadLetterQueueDepth:N0} waiting in {Queue}.dead\n");
        foreach (var (reason, count) in DeadLetterReasons) sb.Append(c, $"  {count,6:N0}  {reason}\n");
        foreach (var d in RecentDeadLetters)
            sb.Append(c, $"  {d.At.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z  {d.Path ?? "(no path)"}  {d.Reason}\n");
        sb.Append(c, $"store: {Documents:N0} documents, {Rejections:N0} rejected inputs; {RecentDocuments:N0} stored in the last minute " +
                     $"({RecentDocuments / RateWindow.TotalSeconds:N1}/s)\n");
        return sb.ToString();
    }
}
