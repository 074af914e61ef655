using System.Globalization;
using Marsad.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Marsad.Benchmarks;

/// <summary>
/// <c>web-render --db FILE [--runs N]</c>: first page render of every page in Debian's Chromium (headless, via Playwright)
/// over the web app on loopback: navigation start → load event, and → the page's script finished building it from the
/// API (<c>data-ready-ms</c>, which the page sets itself). Use the store <c>marsad bench web --reuse</c> leaves in /tmp/marsad-bench/web.db.
/// Each page is opened in a fresh browser context (empty cache) <c>--runs</c> times; the first run is reported apart.
/// </summary>
internal static class WebRenderTiming
{
    public static async Task<int> RunAsync(string[] args)
    {
        string db = Arg(args, "--db") ?? Path.Combine(Path.GetTempPath(), "marsad-bench", "web.db");
        int runs = int.Parse(Arg(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
        if (!File.Exists(db)) { Console.Error.WriteLine($"error: no store at {db} (run ./marsad bench web --reuse first)"); return 2; }
        await using var app = MarsadWebApp.Create(["--urls=http://127.0.0.1:0", "--Marsad:Db=" + db, "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        string baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        string? docId = null;
        using (var http = new HttpClient { BaseAddress = new Uri(baseUrl) })
        {
            var page = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("بوتين") + "&limit=1"));
            docId = page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("document_id").GetString()).FirstOrDefault();
        }
        Console.WriteLine($"web-render: {db}, Chromium headless, {runs} runs per page (fresh context each)");
        string[] paths = ["/", "/?q=" + Uri.EscapeDataString("بوتين"), "/article?id=" + docId, "/timeline", "/actor?id=vladimir-putin", "/network", "/analyze"];
        foreach (var path in paths)
        {
            var load = new List<double>();
            var ready = new List<double>();
            for (int r = 0; r < runs; r++)
            {
                await using var context = await browser.NewContextAsync();
                var page = await context.NewPageAsync();
                await page.GotoAsync(baseUrl + path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                await page.WaitForSelectorAsync("body[data-ready='1']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
                load.Add(await page.EvaluateAsync<double>("() => { const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime; }"));
                ready.Add(await page.EvaluateAsync<double>("() => Number(document.body.dataset.readyMs)"));
            }
            var warm = load.Skip(1).Order().ToList();
            var warmReady = ready.Skip(1).Order().ToList();
            Console.WriteLine($"{path,-34} load event: first {load[0],6:F0} ms, median of the rest {Median(warm),6:F0} ms;  built from the API: first {ready[0],6:F0} ms, median {Median(warmReady),6:F0} ms");
        }
        await app.StopAsync();
        return 0;
    }

    private static double Median(List<double> sorted) => sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];

    private static string? Arg(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
