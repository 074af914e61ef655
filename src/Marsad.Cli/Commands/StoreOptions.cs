using System.CommandLine;
using Marsad.Storage;
using Marsad.Storage.Postgres;
using Marsad.Storage.Sqlite;

namespace Marsad.Cli.Commands;

/// <summary>The <c>--db FILE | --postgres CONNSTR</c> pair every store command takes, and opening the store they name.</summary>
internal sealed class StoreOptions
{
    public Option<string> Db { get; } = new("--db")
    {
        Description = "SQLite store file (default ./marsad.db)",
        DefaultValueFactory = _ => "marsad.db",
    };

    public Option<string?> Postgres { get; } = new("--postgres")
    {
        Description = "PostgreSQL connection string (Npgsql syntax, e.g. \"Host=127.0.0.1;Username=u;Password=p;Database=marsad\") instead of SQLite",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Db);
        command.Options.Add(Postgres);
    }

    /// <summary>Opens the store; for reading commands a missing SQLite file is an error instead of a new empty store.</summary>
    public IArticleStore? Open(ParseResult parse, bool create)
    {
        var pg = parse.GetValue(Postgres);
        if (!string.IsNullOrWhiteSpace(pg))
        {
            try
            {
                return PostgresArticleStore.Open(pg);
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or ArgumentException)
            {
                Console.Error.WriteLine($"error: cannot open the PostgreSQL store: {e.Message}");
                return null;
            }
        }
        var db = parse.GetValue(Db)!;
        if (!create && !File.Exists(db))
        {
            Console.Error.WriteLine($"error: no store at {Path.GetFullPath(db)}: run `marsad ingest PATH...` first or pass --db FILE");
            return null;
        }
        try
        {
            return SqliteArticleStore.Open(db);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException or Storage.Schema.SchemaTooNewException)
        {
            Console.Error.WriteLine($"error: cannot open the SQLite store {db}: {e.Message}");
            return null;
        }
    }
}
