using RabbitMQ.Client;

namespace Marsad.Queue.Broker;

/// <summary>
/// The queues Marsad uses on a broker: the work queue and its dead-letter queue, both durable quorum queues (replicated
/// when the broker is a cluster, persistent on one node, and they count deliveries: a redelivered message carries
/// <c>x-delivery-count</c>, which is how a worker knows a message has crashed workers before).
/// Messages go through the default exchange straight to the queue named.
/// </summary>
public sealed record QueueTopology(string WorkQueue)
{
    /// <summary>The work queue's default name.</summary>
    public const string DefaultName = "marsad.documents";

    /// <summary>Where messages no worker can process go, with the reason in the <see cref="ReasonHeader"/> header.</summary>
    public string DeadLetterQueue => WorkQueue + ".dead";

    /// <summary>Header with the dead-letter reason (one line).</summary>
    public const string ReasonHeader = "x-marsad-reason";

    /// <summary>Header the broker sets on a redelivered message of a quorum queue: how many times it was delivered before.</summary>
    public const string DeliveryCountHeader = "x-delivery-count";

    private static readonly Dictionary<string, object?> QuorumArguments = new() { ["x-queue-type"] = "quorum" };

    /// <summary>Declares both queues (idempotent: the same arguments each time).</summary>
    public async Task DeclareAsync(IChannel channel, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        await channel.QueueDeclareAsync(WorkQueue, durable: true, exclusive: false, autoDelete: false, arguments: QuorumArguments, cancellationToken: cancel);
        await channel.QueueDeclareAsync(DeadLetterQueue, durable: true, exclusive: false, autoDelete: false, arguments: QuorumArguments, cancellationToken: cancel);
    }

    /// <summary>A connection factory for <paramref name="amqpUri"/> that reconnects by itself (every second) and re-declares its consumers.</summary>
    public static ConnectionFactory Factory(string amqpUri, string clientName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(amqpUri);
        return new ConnectionFactory
        {
            Uri = new Uri(amqpUri),
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = TimeSpan.FromSeconds(1),
            RequestedHeartbeat = TimeSpan.FromSeconds(15),
            ClientProvidedName = clientName,
        };
    }

    /// <summary>The password-free form of an AMQP URI, for messages.</summary>
    public static string Describe(string amqpUri) =>
        Uri.TryCreate(amqpUri, UriKind.Absolute, out var u) ? $"{u.Scheme}://{u.Host}:{(u.IsDefaultPort ? 5672 : u.Port)}{u.AbsolutePath}" : "(invalid AMQP URI)";

    /// <summary>A header's value as a number (the broker sends integers as long; clients may send strings).</summary>
    public static long HeaderNumber(IReadOnlyBasicProperties properties, string name)
    {
        if (properties.Headers is null || !properties.Headers.TryGetValue(name, out var v) || v is null) return 0;
        return v switch
        {
            long l => l,
            int i => i,
            byte[] b when long.TryParse(System.Text.Encoding.UTF8.GetString(b), out long p) => p,
            _ => 0,
        };
    }
}
