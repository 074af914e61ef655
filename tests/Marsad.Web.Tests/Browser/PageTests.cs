using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Marsad.Web.Tests.Browser;

/// <summary>Every page in a real Chromium over the real app: highlights, evidence, encoding, first render time.</summary>
public sealed class PageTests(BrowserFixture app, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    /// <summary>Opens a page, waits until its script has built it, and returns navigation → load event in ms.</summary>
    private async Task<double> OpenAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(app.BaseUrl + path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.True(response is { Ok: true }, $"GET {path}: {response?.Status}");
        await page.WaitForSelectorAsync("body[data-ready='1']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 15_000 });
        double ms = await page.EvaluateAsync<double>("() => { const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime; }");
        output.WriteLine($"{path}: first render (navigation → load) {ms:F0} ms");
        return ms;
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, name + ".png"), FullPage = true });

    [Fact]
    public async Task Every_page_opens_right_to_left_without_script_errors()
    {
        var (page, errors) = await app.NewPageAsync();
        foreach (var (path, name) in new[] { ("/", "search"), ("/timeline", "timeline"), ("/network", "network"), ("/analyze", "analyze"),
                     ("/actor?id=nikolai-patrushev", "actor"), ("/article?id=" + app.Ids["000_cef4b004c1786cdc.txt"], "article") })
        {
            double ms = await OpenAsync(page, path);
            Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
            Assert.Equal("ar", await page.GetAttributeAsync("html", "lang"));
            Assert.True(ms < 5_000, $"{path} took {ms:F0} ms to load");
            await ShotAsync(page, "page-" + name);
        }
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Searching_a_seed_actor_leads_to_an_article_with_entity_and_evidence_highlights()
    {
        var (page, errors) = await app.NewPageAsync();
        await OpenAsync(page, "/");
        await page.FillAsync("#q", "باتروشيف");
        await page.ClickAsync("#search-form button[type=submit]");
        await page.WaitForSelectorAsync("#results li.hit");
        var marks = await page.Locator("#results mark").AllTextContentsAsync();
        Assert.NotEmpty(marks);
        Assert.All(marks, m => Assert.Contains("باتروشيف", m));
        await ShotAsync(page, "search-patrushev");

        await page.ClickAsync($"#results a.hit-title[href*='{app.Ids["000_cef4b004c1786cdc.txt"]}']");
        await page.WaitForSelectorAsync("#article-text .ent");
        // Entities are coloured by type, and a person linked to the seed actor is among them.
        Assert.True(await page.Locator("#article-text .ent-PER").CountAsync() > 0);
        Assert.True(await page.Locator("#article-text .ent-LOC").CountAsync() > 0);
        Assert.True(await page.Locator("#article-text [data-actor='nikolai-patrushev']").CountAsync() > 0);
        Assert.Equal(0, await page.Locator("#article-text .evidence").CountAsync());

        // Clicking an event marks its evidence (and trigger) in the text; clicking a quote marks the quote.
        var firstEvent = page.Locator("#event-list button.pick").First;
        // On its type badge: the actor names inside the button are links to their pages.
        await firstEvent.Locator(".badge").First.ClickAsync();
        Assert.Equal("true", await firstEvent.GetAttributeAsync("aria-pressed"));
        var evidence = string.Concat(await page.Locator("#article-text .evidence").AllTextContentsAsync());
        Assert.False(string.IsNullOrWhiteSpace(evidence));
        Assert.True(await page.Locator("#article-text .trigger").CountAsync() > 0);
        await ShotAsync(page, "article-evidence");
        var quote = page.Locator("#quote-list button.pick").First;
        await quote.ClickAsync();
        string quoteText = (await quote.Locator("div").TextContentAsync())!.Trim('«', '»');
        Assert.Equal(quoteText, string.Concat(await page.Locator("#article-text .evidence").AllTextContentsAsync()));
        Assert.Equal("false", await firstEvent.GetAttributeAsync("aria-pressed"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task An_article_holding_markup_shows_it_as_text_and_runs_nothing()
    {
        var (page, errors) = await app.NewPageAsync();
        await OpenAsync(page, "/article?id=" + app.Ids["hostile"]);
        Assert.Equal(MarsadAppFixture.HostileTitle, await page.TextContentAsync("#article-title"));
        string text = (await page.TextContentAsync("#article-text"))!;
        Assert.Contains("<script>window.__pwned = 2</script>", text);
        Assert.Contains("<img src=x onerror=", text);
        Assert.Equal(0, await page.Locator("#article script, #article img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"));
        await ShotAsync(page, "article-hostile");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_timeline_filters_by_actor_and_the_network_draws_weighted_edges()
    {
        var (page, errors) = await app.NewPageAsync();
        await OpenAsync(page, "/timeline?actor=nikolai-patrushev&type=CONSULT");
        await page.WaitForSelectorAsync("#timeline li.event");
        var types = await page.Locator("#timeline li.event .badge").AllTextContentsAsync();
        Assert.All(types.Where(t => t.Contains('/') || t.All(char.IsAsciiLetterUpper)), t => Assert.StartsWith("CONSULT", t));
        Assert.True(int.Parse((await page.GetAttributeAsync("#chart", "data-buckets"))!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        await ShotAsync(page, "timeline-patrushev");

        await OpenAsync(page, "/network?actor_id=nikolai-patrushev&types=CONSULT");
        Assert.True(int.Parse((await page.GetAttributeAsync("#graph", "data-nodes"))!, System.Globalization.CultureInfo.InvariantCulture) >= 2);
        Assert.True(int.Parse((await page.GetAttributeAsync("#graph", "data-edges"))!, System.Globalization.CultureInfo.InvariantCulture) >= 1);
        // The graph is drawn on a canvas; its node for the actor asked for is there.
        Assert.True(await page.EvaluateAsync<bool>("() => Marsad.charts.network.getModel().getSeriesByIndex(0).getData().indexOfName('nikolai-patrushev') >= 0"));
        await ShotAsync(page, "network");

        await OpenAsync(page, "/actor?id=nikolai-patrushev");
        Assert.Contains("Nikolai Patrushev", await page.TextContentAsync("h1"));
        Assert.Contains("Secretary of the Security Council", await page.TextContentAsync("#actor"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_pasted_article_is_analysed_at_once()
    {
        var (page, errors) = await app.NewPageAsync();
        await OpenAsync(page, "/analyze");
        await page.FillAsync("#text-input", "التقى وزير الخارجية الأمريكي أنتوني بلينكن نظيره الروسي سيرغي لافروف في جنيف أمس، وقال لافروف إن المحادثات كانت «صريحة».");
        await page.FillAsync("input[name=published]", "2021-05-20");
        await page.ClickAsync("#analyze-form button[type=submit]");
        await page.WaitForSelectorAsync("#article-text .ent");
        Assert.True(await page.Locator("#event-list button.pick").CountAsync() > 0);
        await ShotAsync(page, "analyze-pasted");
        Assert.Empty(errors);
    }
}
