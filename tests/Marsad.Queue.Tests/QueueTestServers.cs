using System.Diagnostics;
using Marsad.Queue.Broker;
using Marsad.Tests.Common;
using Npgsql;
using RabbitMQ.Client;

namespace Marsad.Queue.Tests;

/// <summary>
/// The real servers the queue tests use: RabbitMQ named by <c>MARSAD_TEST_AMQP</c> and PostgreSQL named by
/// <c>MARSAD_TEST_POSTGRES</c> (<c>.ci/setup</c> starts both on loopback and writes both to /tmp/marsad-ci.env). Without
/// either variable a test FAILS with a message saying how to get the server: a silent skip would hide an untested path.
/// Each test gets fresh PostgreSQL schemas and queue names, dropped or deleted afterwards.
/// </summary>
public sealed class QueueTestServers : IDisposable
{
    public const string AmqpVariable = "MARSAD_TEST_AMQP", PostgresVariable = "MARSAD_TEST_POSTGRES";

    private readonly List<string> _schemas = [];
    private readonly List<string> _queues = [];

    public string Amqp { get; } = Require(AmqpVariable, "RabbitMQ", "an AMQP URI such as amqp://user:password@127.0.0.1:5672/vhost");

    public string Postgres { get; } = Require(PostgresVariable, "PostgreSQL", "an Npgsql connection string of a test database");

    private static string Require(string variable, string server, string what)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
            Assert.Fail($"{server} tests NOT RUN: {variable} is not set. Run `bash .ci/setup && source /tmp/marsad-ci.env` " +
                        $"(installs and starts {server} on 127.0.0.1) or set it to {what}.");
        return value!;
    }

    /// <summary>A connection string to a new empty schema.</summary>
    public string NewSchema()
    {
        string schema = "marsad_q_" + Guid.NewGuid().ToString("N")[..12];
        using (var c = new NpgsqlConnection(Postgres))
        {
            c.Open();
            // The name is made here from a GUID, never from input; identifiers cannot be parameters.
            using var cmd = new NpgsqlCommand($"CREATE SCHEMA {schema}", c);
            cmd.ExecuteNonQuery();
        }
        _schemas.Add(schema);
        return new NpgsqlConnectionStringBuilder(Postgres) { SearchPath = schema, Pooling = false }.ToString();
    }

    /// <summary>A queue name used by this test only (its queues are deleted afterwards).</summary>
    public QueueTopology NewQueue()
    {
        var topology = new QueueTopology("marsad.test." + Guid.NewGuid().ToString("N")[..10]);
        _queues.Add(topology.WorkQueue);
        return topology;
    }

    /// <summary>Runs a constant query on a schema's connection and returns the first column of each row.</summary>
    public static List<object?> Column(string connection, string sql)
    {
        using var c = new NpgsqlConnection(connection);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        using var r = cmd.ExecuteReader();
        var list = new List<object?>();
        while (r.Read()) list.Add(r.IsDBNull(0) ? null : r.GetValue(0));
        return list;
    }

    public static long Scalar(string connection, string sql) => Convert.ToInt64(Column(connection, sql)[0], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Rows of a table (a constant name), 0 while the table does not exist yet.</summary>
    public static long Count(string connection, string table)
    {
        try { return Scalar(connection, $"SELECT COUNT(*) FROM {table}"); }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable) { return 0; }
    }

    /// <summary>Messages ready on a queue.</summary>
    public async Task<uint> Depth(string queue)
    {
        var factory = QueueTopology.Factory(Amqp, "marsad-test");
        factory.AutomaticRecoveryEnabled = false;
        await using var conn = await factory.CreateConnectionAsync();
        await using var ch = await conn.CreateChannelAsync();
        return (await ch.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    /// <summary>Stops the broker application (connections drop, the node stays), waits, starts it again.</summary>
    public static void BounceBroker(TimeSpan down)
    {
        RabbitCtl("stop_app");
        Thread.Sleep(down);
        RabbitCtl("start_app");
        RabbitCtl("await_startup", "--timeout", "60");
    }

    private static void RabbitCtl(params string[] args)
    {
        var psi = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-q");
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"rabbitmqctl {string.Join(' ', args)} failed: {err}");
    }

    /// <summary>Starts the real CLI (marsad.dll next to the tests) with its output gathered into <paramref name="log"/>.</summary>
    public static Process StartCli(System.Text.StringBuilder log, params string[] args)
    {
        var p = Process.Start(CliProcess.StartInfo(args))!;
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    /// <summary>Runs the CLI to the end.</summary>
    public static (int Exit, string Log) RunCli(params string[] args)
    {
        var log = new System.Text.StringBuilder();
        using var p = StartCli(log, args);
        p.WaitForExit();
        lock (log) return (p.ExitCode, log.ToString());
    }

    public void Dispose()
    {
        try
        {
            using var c = new NpgsqlConnection(Postgres);
            c.Open();
            foreach (var s in _schemas)
            {
                using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {s} CASCADE", c);
                cmd.ExecuteNonQuery();
            }
        }
        catch (NpgsqlException) { }
        try
        {
            var factory = QueueTopology.Factory(Amqp, "marsad-test-cleanup");
            factory.AutomaticRecoveryEnabled = false;
            using var conn = factory.CreateConnectionAsync().GetAwaiter().GetResult();
            using var ch = conn.CreateChannelAsync().GetAwaiter().GetResult();
            foreach (var q in _queues)
            {
                ch.QueueDeleteAsync(q).GetAwaiter().GetResult();
                ch.QueueDeleteAsync(q + ".dead").GetAwaiter().GetResult();
            }
        }
        catch (Exception) { /* the broker may be down after a failed test; the queues are named per test */ }
    }
}
