using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Marsad.Storage.Sqlite;
using Marsad.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad bench web [--docs N] [--clients C] [--seconds S] [--reuse]</c>: the load test of issue 8. Builds an N-document
/// SQLite store (the dev corpus analysed once and replicated, as <c>bench store</c> does), starts the web app on loopback
/// in this process, and runs C concurrent clients for S seconds per phase: document list pages and search, first with
/// <c>Cache-Control: no-cache</c> (every request reaches the store), then through the server's query cache. Prints
/// p50/p95/p99 latency and requests/s per phase. Bounded: phases run for a fixed time, and only on 127.0.0.1.
/// </summary>
internal static class BenchWebCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "Corpus to replicate (default ../shared/data/news/dev)", DefaultValueFactory = _ => Path.Combine("..", "shared", "data", "news", "dev") };
        var docs = new Option<int>("--docs") { Description = "Documents in the store", DefaultValueFactory = _ => 100_000 };
        var clients = new Option<int>("--clients") { Description = "Concurrent clients", DefaultValueFactory = _ => 20 };
        var seconds = new Option<int>("--seconds") { Description = "Measured seconds per phase (after a 2 s warm-up)", DefaultValueFactory = _ => 15 };
        var work = new Option<string>("--work") { Description = "Folder for the store", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "marsad-bench") };
        var reuse = new Option<bool>("--reuse") { Description = "Keep the store in --work and reuse it when it already holds --docs documents" };
        var shards = new Option<int>("--shards") { Description = "SQLite ranking shards per search (0 = the store's default, one per core)" };
        var rankCap = new Option<int?>("--rank-cap") { Description = "Most matches ranked per search (default the store's, 2,000; 0 = all)" };
        var command = new Command("web", "HTTP API latency under concurrent clients on a large store (issue 8 target: list and search p95 < 100 ms on 100,000 documents, 20 clients).");
        foreach (var o in new Option[] { input, docs, clients, seconds, work, reuse, shards, rankCap }) command.Options.Add(o);
        command.SetAction((parse, cancel) => Run(parse.GetValue(input)!, parse.GetValue(docs), Math.Max(1, parse.GetValue(clients)), Math.Max(1, parse.GetValue(seconds)),
            parse.GetValue(work)!, parse.GetValue(reuse), parse.GetValue(shards), parse.GetValue(rankCap), cancel));
        return command;
    }

    private static async Task<int> Run(string input, int docCount, int clients, int seconds, string work, bool reuse, int shards, int? rankCap, CancellationToken cancel)
    {
        Directory.CreateDirectory(work);
        string db = Path.Combine(work, "web.db");
        Console.WriteLine($"bench web: {docCount:N0} documents, {clients} clients, {seconds} s per phase, {Environment.ProcessorCount} cores (server and clients share them), " +
                          $"rank cap {rankCap ?? Storage.Sql.SqlArticleStore.DefaultRankCap:N0}");
        bool reused = false;
        if (reuse && File.Exists(db))
        {
            using var s = SqliteArticleStore.Open(db);
            reused = s.Counts().Documents == docCount;
        }
        if (!reused)
        {
            BenchCorpus.DeleteSqlite(db);
            if (!Directory.Exists(input) && !File.Exists(input)) { Console.Error.WriteLine($"error: no input at {Path.GetFullPath(input)}"); return 2; }
            var clock = Stopwatch.StartNew();
            var analyzed = BenchCorpus.Analyze(input);
            Console.WriteLine($"analysed {analyzed.Count:N0} documents in {clock.Elapsed.TotalSeconds:N1} s");
            using var s = SqliteArticleStore.Open(db);
            double load = BenchCorpus.LoadReplicated(s, analyzed, docCount);
            Console.WriteLine($"store: {docCount:N0} documents written in {load:N1} s ({docCount / load:N0}/s) to {db}");
        }
        else Console.WriteLine($"store: reusing {db}");

        long maxSeq;
        string[] sources;
        using (var s = SqliteArticleStore.Open(db))
        {
            var page = s.ListDocuments(new Storage.Records.DocumentListQuery { Limit = 1 });
            maxSeq = page.Items.Count == 0 ? 1 : page.Items[0].Seq;
            sources = s.ListDocuments(new Storage.Records.DocumentListQuery { Limit = 200 }).Items.Select(d => d.Source).OfType<string>().Distinct().Take(6).ToArray();
        }

        await using var app = MarsadWebApp.Create(["--urls=http://127.0.0.1:0", "--Marsad:Db=" + db, "--Marsad:CacheSeconds=600",
            "--Marsad:RankShards=" + shards.ToString(CultureInfo.InvariantCulture),
            "--Marsad:RankCap=" + (rankCap ?? Storage.Sql.SqlArticleStore.DefaultRankCap).ToString(CultureInfo.InvariantCulture), "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync(cancel);
        string baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        try
        {
            var lists = ListRequests(maxSeq, sources);
            var searches = Searches.Select(SearchUrl).ToArray();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
            {
                BaseAddress = new Uri(baseUrl),
                Timeout = TimeSpan.FromSeconds(60),
            };
            foreach (var (name, urls, cached) in new[] { ("list", lists, false), ("search", searches, false), ("list", lists, true), ("search", searches, true) })
            {
                var r = await Phase(http, urls, cached, clients, seconds, cancel);
                Console.WriteLine($"{name,-6} {(cached ? "cached  " : "uncached")}: {r.Count,6:N0} requests, {r.Count / (double)seconds,7:N1} req/s, " +
                                  $"p50 {r.P(0.50),6:N1} ms, p95 {r.P(0.95),6:N1} ms, p99 {r.P(0.99),6:N1} ms, max {r.P(1),6:N1} ms" +
                                  (cached ? $", cache hits {r.Hits * 100.0 / Math.Max(1, r.Count):N0}%" : "") + (r.Errors > 0 ? $", {r.Errors} ERRORS" : ""));
            }
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
        if (!reuse) BenchCorpus.DeleteSqlite(db);
        return 0;
    }

    /// <summary>
    /// What analysts type into the search page: names of people and places (common and rare), spelling variants and
    /// clitics, phrases, and the page's filters (source, dates, actor).
    /// </summary>
    private static readonly Storage.Records.SearchQuery[] Searches =
    [
        new() { Text = "بوتين" }, new() { Text = "ترامب" }, new() { Text = "باتروشيف" }, new() { Text = "لافروف" }, new() { Text = "سورية" },
        new() { Text = "للرئيس" }, new() { Text = "الرئيس" }, new() { Text = "قال" }, new() { Text = "العقوبات الأمريكية" },
        new() { Text = "\"مجلس الأمن\"" }, new() { Text = "\"وزير الخارجية\" السعودي" }, new() { Text = "طهران" }, new() { Text = "أرامكو" },
        new() { Text = "الحوثي", Limit = 20 }, new() { Text = "غزة", Source = "alarabiya" }, new() { Text = "ترامب", Since = "2018-05-01", Until = "2018-05-15" },
        new() { Text = "اجتماع", Actor = "vladimir-putin" }, new() { Text = "النفط", Since = "2018-01-01" },
    ];

    /// <summary>List pages: the newest page, pages at random depths, a source, a month; cursors from a fixed set of 200.</summary>
    private static string[] ListRequests(long maxSeq, string[] sources)
    {
        var rng = new Random(8);
        var urls = new List<string>();
        for (int i = 0; i < 200; i++)
        {
            string cursor = rng.NextInt64(2, maxSeq + 1).ToString(CultureInfo.InvariantCulture);
            urls.Add((i % 4) switch
            {
                0 => "/api/documents?limit=50&cursor=" + cursor,
                1 => "/api/documents?limit=50&status=ok&cursor=" + cursor,
                2 => sources.Length == 0 ? "/api/documents?limit=50" : $"/api/documents?limit=50&source={Uri.EscapeDataString(sources[i % sources.Length])}&cursor={cursor}",
                _ => "/api/documents?limit=50&since=2018-05-01&until=2018-05-31" + (i % 8 == 3 ? "" : "&cursor=" + cursor),
            });
        }
        urls.Add("/api/documents?limit=50");
        return [.. urls];
    }

    private static string SearchUrl(Storage.Records.SearchQuery q)
    {
        var url = "/api/search?q=" + Uri.EscapeDataString(q.Text) + "&limit=" + q.Limit.ToString(CultureInfo.InvariantCulture);
        if (q.Source is not null) url += "&source=" + Uri.EscapeDataString(q.Source);
        if (q.Since is not null) url += "&since=" + q.Since;
        if (q.Until is not null) url += "&until=" + q.Until;
        if (q.Actor is not null) url += "&actor=" + Uri.EscapeDataString(q.Actor);
        return url;
    }

    private sealed record PhaseResult(List<double> Times, int Hits, int Errors)
    {
        public int Count => Times.Count;
        public double P(double p) => Times.Count == 0 ? double.NaN : Times[Math.Min(Times.Count - 1, Math.Max(0, (int)Math.Ceiling(p * Times.Count) - 1))];
    }

    /// <summary>C clients, each sending requests one after another (a random walk over the URL list) until time is up.</summary>
    private static async Task<PhaseResult> Phase(HttpClient http, string[] urls, bool cached, int clients, int seconds, CancellationToken cancel)
    {
        var warmUntil = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 2;
        var endAt = warmUntil + Stopwatch.Frequency * seconds;
        int hits = 0, errors = 0;
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var rng = new Random(c * 7919 + (cached ? 1 : 0));
            var times = new List<double>();
            while (Stopwatch.GetTimestamp() < endAt && !cancel.IsCancellationRequested)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, urls[rng.Next(urls.Length)]);
                if (!cached) request.Headers.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { NoCache = true };
                long start = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request, cancel);
                await response.Content.LoadIntoBufferAsync(cancel);
                double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (start < warmUntil) continue;
                if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref errors);
                if (response.Headers.TryGetValues("X-Marsad-Cache", out var v) && v.Contains("hit")) Interlocked.Increment(ref hits);
                times.Add(ms);
            }
            return times;
        }, cancel)));
        var all = perClient.SelectMany(t => t).ToList();
        all.Sort();
        return new PhaseResult(all, hits, errors);
    }
}
