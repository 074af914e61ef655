using Marsad.Storage.Postgres;
using Npgsql;

namespace Marsad.Storage.Tests;

/// <summary>
/// The conformance suite on a real PostgreSQL server named by <c>MARSAD_TEST_POSTGRES</c> (a connection string;
/// <c>.ci/setup</c> installs and starts PostgreSQL 15 on loopback and writes it to /tmp/marsad-ci.env, which
/// <c>.ci/run</c> sources). Each test works in its own fresh schema, dropped afterwards. Without the variable every
/// test here FAILS with a message saying how to get a server: a silent skip would hide an untested back end.
/// </summary>
public sealed class PostgresStoreTests : StoreConformanceTests
{
    public const string Variable = "MARSAD_TEST_POSTGRES";

    private readonly string? _baseConnection = Environment.GetEnvironmentVariable(Variable);
    private readonly string _schema = "marsad_test_" + Guid.NewGuid().ToString("N")[..12];
    private bool _created;

    /// <summary>The base connection string, or a failure that says what to do.</summary>
    internal static string RequireConnection()
    {
        var cs = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(cs))
            Assert.Fail($"PostgreSQL tests NOT RUN: {Variable} is not set. Run `bash .ci/setup && source /tmp/marsad-ci.env` " +
                        "(installs and starts PostgreSQL 15 on 127.0.0.1) or set it to an Npgsql connection string of a test database.");
        return cs!;
    }

    protected override int LatestSchemaVersion => 8;

    [Fact]
    public void Full_text_vectors_are_stored_inline()
    {
        using (Open()) { }
        using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(RequireConnection()) { SearchPath = _schema, Pooling = false }.ToString());
        c.Open();
        using var cmd = new NpgsqlCommand("SELECT attstorage::text FROM pg_attribute WHERE attrelid = 'doc_search'::regclass AND attname = 'tsv'", c);
        Assert.Equal("m", cmd.ExecuteScalar());
    }

    protected override void Execute(string sql)
    {
        using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(RequireConnection()) { SearchPath = _schema, Pooling = false }.ToString());
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }

    protected override IArticleStore Open(Search.SearchTermAnalyzer? analyzer = null)
    {
        var cs = RequireConnection();
        if (!_created)
        {
            using var c = new NpgsqlConnection(cs);
            c.Open();
            // The schema name is made here from a GUID, never from input; identifiers cannot be parameters.
            using var cmd = new NpgsqlCommand($"CREATE SCHEMA {_schema}", c);
            cmd.ExecuteNonQuery();
            _created = true;
        }
        return PostgresArticleStore.Open(new NpgsqlConnectionStringBuilder(cs) { SearchPath = _schema, Pooling = false }.ToString(), analyzer);
    }

    public override void Dispose()
    {
        if (!_created || _baseConnection is null) return;
        using var c = new NpgsqlConnection(_baseConnection);
        c.Open();
        using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", c);
        cmd.ExecuteNonQuery();
    }
}
