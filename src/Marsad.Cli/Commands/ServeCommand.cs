using System.CommandLine;
using System.Globalization;
using Marsad.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad serve [--db FILE | --postgres CONNSTR] [--urls URL] [--api-key KEY]</c>: the web pages and HTTP API over a
/// store (src/Marsad.Web). Read-only unless a write key is given (flag or MARSAD_API_KEY, which keeps it out of `ps`).
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var store = new StoreOptions();
        var urls = new Option<string>("--urls") { Description = "Where to listen (semicolon-separated)", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var apiKey = new Option<string?>("--api-key") { Description = "Key that POST /api/documents must send in X-Api-Key (default: $MARSAD_API_KEY; none = read-only)" };
        var maxBytes = new Option<long>("--max-request-bytes") { Description = "Largest request body accepted", DefaultValueFactory = _ => 4L * 1024 * 1024 };
        var cache = new Option<int>("--cache-seconds") { Description = "Seconds identical list/search answers are reused (0 = off)", DefaultValueFactory = _ => 10 };
        var command = new Command("serve", "Serve the web pages (search, article, timeline, actors, network, analyze) and the HTTP API over a store.");
        store.AddTo(command);
        foreach (var o in new Option[] { urls, apiKey, maxBytes, cache }) command.Options.Add(o);
        command.SetAction(async (parse, cancel) =>
        {
            var pg = parse.GetValue(store.Postgres);
            var db = parse.GetValue(store.Db)!;
            if (string.IsNullOrWhiteSpace(pg) && !File.Exists(db))
            {
                Console.Error.WriteLine($"error: no store at {Path.GetFullPath(db)}: run `marsad ingest PATH...` first or pass --db FILE");
                return 1;
            }
            var args = new List<string>
            {
                "--urls=" + parse.GetValue(urls),
                "--Marsad:MaxRequestBytes=" + parse.GetValue(maxBytes).ToString(CultureInfo.InvariantCulture),
                "--Marsad:CacheSeconds=" + parse.GetValue(cache).ToString(CultureInfo.InvariantCulture),
            };
            args.AddRange(string.IsNullOrWhiteSpace(pg) ? ["--Marsad:Provider=Sqlite", "--Marsad:Db=" + Path.GetFullPath(db)] : ["--Marsad:Provider=Postgres", "--Marsad:Postgres=" + pg]);
            var key = parse.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("MARSAD_API_KEY");
            if (!string.IsNullOrEmpty(key)) args.Add("--Marsad:ApiKey=" + key);
            WebApplication app;
            try
            {
                app = MarsadWebApp.Create([.. args]);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
            {
                Console.Error.WriteLine($"error: cannot start: {e.Message}");
                return 1;
            }
            Console.Error.WriteLine($"serve: {(string.IsNullOrEmpty(key) ? "read-only" : "writes allowed with X-Api-Key")}; pages and API at {parse.GetValue(urls)} (OpenAPI: /openapi/v1.json); Ctrl+C stops");
            await app.StartAsync(cancel);
            await app.WaitForShutdownAsync(cancel);
            return 0;
        });
        return command;
    }
}
