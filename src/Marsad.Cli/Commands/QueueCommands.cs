using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Marsad.Analysis.Pipeline;
using Marsad.Queue.Broker;
using Marsad.Queue.Publishing;
using Marsad.Queue.Workers;
using Marsad.Storage.Postgres;
using RabbitMQ.Client.Exceptions;

namespace Marsad.Cli.Commands;

/// <summary>
/// The scale-out commands (docs/queue.md): <c>ingest --queue</c> publishes, <c>worker</c> consumes, analyses and stores in
/// PostgreSQL, <c>status</c> shows the queue, the workers, the dead letters and the store's progress.
/// </summary>
internal static class QueueCommands
{
    /// <summary><c>ingest PATH... --queue URI</c>: read, mark source furniture, publish with confirms.</summary>
    public static int Publish(string amqpUri, QueueTopology topology, IReadOnlyList<string> paths, string? defaultPublished)
    {
        if (!CheckUri(amqpUri)) return 2;
        try
        {
            var publisher = new QueuePublisher(amqpUri, topology, Console.Error);
            publisher.PublishAsync(paths, defaultPublished).GetAwaiter().GetResult();
            return 0;
        }
        catch (Exception e) when (e is BrokerUnreachableException or TimeoutException or OperationInterruptedException)
        {
            Console.Error.WriteLine($"error: cannot publish to {QueueTopology.Describe(amqpUri)}: {Brief(e)}");
            return 1;
        }
    }

    /// <summary><c>worker --queue URI --postgres CONNSTR [--concurrency N] [--batch N]</c>.</summary>
    public static Command Worker()
    {
        var queue = new QueueOptions();
        var postgres = new Option<string>("--postgres") { Description = "The shared PostgreSQL store (Npgsql connection string)", Required = true };
        var concurrency = new Option<int>("--concurrency") { Description = "Documents analysed at once (default: the number of cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var prefetch = new Option<int>("--prefetch") { Description = "Unacknowledged messages held at once (default: 4 per analysis thread)" };
        var batch = new Option<int>("--batch") { Description = "Most documents per store transaction", DefaultValueFactory = _ => 32 };
        var command = new Command("worker", "Consume documents from the work queue, analyse them and store them in PostgreSQL until SIGTERM or Ctrl-C.");
        queue.AddTo(command, required: true);
        command.Options.Add(postgres);
        command.Options.Add(concurrency);
        command.Options.Add(prefetch);
        command.Options.Add(batch);
        command.SetAction(parse =>
        {
            string? amqp = queue.Uri(parse);
            if (!CheckUri(amqp)) return 2;
            int n = parse.GetValue(concurrency), b = parse.GetValue(batch), p = parse.GetValue(prefetch);
            if (n < 1 || b < 1 || p < 0) { Console.Error.WriteLine("error: --concurrency and --batch must be at least 1, --prefetch at least 0"); return 2; }
            var options = new WorkerOptions
            {
                AmqpUri = amqp!, PostgresConnection = parse.GetValue(postgres)!, Topology = queue.Topology(parse),
                Concurrency = n, BatchSize = b, Prefetch = p,
            };
            try
            {
                // Fail fast on a wrong connection string or an unreachable server at start; later outages are waited out.
                using (PostgresArticleStore.Open(options.PostgresConnection)) { }
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or ArgumentException)
            {
                Console.Error.WriteLine($"error: cannot open the PostgreSQL store: {Brief(e)}");
                return 1;
            }
            var pipeline = new AnalysisPipelineBuilder().Build();
            using var stop = new CancellationTokenSource();
            // SIGTERM (kill, systemd, docker stop) and Ctrl-C both stop cleanly: finish in-flight messages, then exit.
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; stop.Cancel(); });
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, ctx => { ctx.Cancel = true; stop.Cancel(); });
            try
            {
                new QueueWorker(options, pipeline.Analyze, Console.Error).RunAsync(stop.Token).GetAwaiter().GetResult();
                return 0;
            }
            catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or Npgsql.NpgsqlException)
            {
                Console.Error.WriteLine($"error: worker stopped: {Brief(e)}");
                return 1;
            }
        });
        return command;
    }

    /// <summary><c>status --queue URI --postgres CONNSTR</c>.</summary>
    public static Command Status()
    {
        var queue = new QueueOptions();
        var postgres = new Option<string>("--postgres") { Description = "The shared PostgreSQL store (Npgsql connection string)", Required = true };
        var command = new Command("status", "Queue depth, in-flight messages, workers, dead letters with reasons, documents stored and the storing rate.");
        queue.AddTo(command, required: true);
        command.Options.Add(postgres);
        command.SetAction(parse =>
        {
            string? amqp = queue.Uri(parse);
            if (!CheckUri(amqp)) return 2;
            try
            {
                var status = QueueStatus.Read(amqp!, queue.Topology(parse), parse.GetValue(postgres)!).GetAwaiter().GetResult();
                Console.Write(status.Render());
                return 0;
            }
            catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or Npgsql.NpgsqlException or ArgumentException)
            {
                Console.Error.WriteLine($"error: cannot read the status: {Brief(e)}");
                return 1;
            }
        });
        return command;
    }

    internal static bool CheckUri(string? amqpUri)
    {
        if (amqpUri is not null && Uri.TryCreate(amqpUri, UriKind.Absolute, out var u) && u.Scheme is "amqp" or "amqps") return true;
        Console.Error.WriteLine($"error: --queue '{amqpUri}' is not an AMQP URI; write it as amqp://user:password@host:5672/vhost");
        return false;
    }

    private static string Brief(Exception e)
    {
        var inner = e.InnerException is { } i && e is BrokerUnreachableException ? " (" + i.Message + ")" : "";
        return (e.Message + inner).ReplaceLineEndings(" ");
    }

    internal static string Rate(double perSecond) => perSecond.ToString("N1", CultureInfo.InvariantCulture);
}
