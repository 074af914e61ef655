using System.CommandLine;
using Marsad.Queue.Broker;

namespace Marsad.Cli.Commands;

/// <summary>The <c>--queue AMQP-URI [--queue-name NAME]</c> pair of the queue commands (ingest, worker, status, bench queue).</summary>
internal sealed class QueueOptions
{
    public Option<string?> Queue { get; } = new("--queue")
    {
        Description = "RabbitMQ broker, e.g. amqp://user:password@127.0.0.1:5672/vhost (docs/queue.md)",
    };

    public Option<string> QueueName { get; } = new("--queue-name")
    {
        Description = $"Work queue name (its dead letters go to NAME.dead); default {QueueTopology.DefaultName}",
        DefaultValueFactory = _ => QueueTopology.DefaultName,
    };

    public void AddTo(Command command, bool required)
    {
        Queue.Required = required;
        command.Options.Add(Queue);
        command.Options.Add(QueueName);
    }

    public string? Uri(ParseResult parse) => parse.GetValue(Queue) is { Length: > 0 } u ? u : null;

    public QueueTopology Topology(ParseResult parse) => new(parse.GetValue(QueueName)!);
}
