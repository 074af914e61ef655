using Marsad.Tests.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Marsad.Web.Tests.Browser;

/// <summary>
/// The real app on Kestrel (loopback, a free port) over a fresh SQLite file, seeded through its API like
/// <see cref="MarsadAppFixture"/>, and Debian's Chromium driven headless by Playwright. Nothing is mocked: the pages
/// load their script and data over HTTP as in production. Screenshots go to <c>artifacts/screenshots/</c>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Flags for a headless Chromium in a container that must not call home.</summary>
    public static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "marsad-browser-tests", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public Dictionary<string, string> Ids { get; } = new(StringComparer.Ordinal);
    public static string Artifacts => Path.Combine(SharedData.RepoRoot, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _app = MarsadWebApp.Create(["--urls=http://127.0.0.1:0", "--Marsad:Db=" + Path.Combine(_dir, "store.db"), "--Marsad:ApiKey=" + MarsadAppFixture.ApiKey,
            "--Marsad:CacheSeconds=0", "--Logging:LogLevel:Default=Warning"]);
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await SeedAsync();

        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: run `bash .ci/setup` (it installs Debian's chromium) before the browser tests");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
        Directory.CreateDirectory(Artifacts);
    }

    private async Task SeedAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        foreach (var (name, id) in await Seed.PostAsync(client)) Ids[name] = id;
    }

    /// <summary>A fresh page that fails the test on any script error or failed request.</summary>
    public async Task<(IPage Page, List<string> Errors)> NewPageAsync()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "ar" });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add("page error: " + e);
        page.Console += (_, m) => { if (m.Type == "error") errors.Add("console: " + m.Text); };
        page.RequestFailed += (_, r) => errors.Add("request failed: " + r.Url);
        return (page, errors);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }
}
