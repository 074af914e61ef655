using Marsad.Analysis.Events.Coding;
using System.Text;
using System.Text.Json;
using Marsad.Storage.Export;
using Microsoft.Playwright;

namespace Marsad.Web.Tests.Browser;

/// <summary>
/// The search page's total, pager and facets, and every export button (search results and events), clicked in a real
/// Chromium: the downloaded file is opened and its rows checked against the API. Screenshots at desktop and phone widths.
/// </summary>
public sealed class SearchAndExportPageTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static readonly string Putin = Uri.EscapeDataString("بوتين");

    private async Task OpenAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(app.BaseUrl + path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.True(response is { Ok: true }, $"GET {path}: {response?.Status}");
        await page.WaitForSelectorAsync("body[data-ready='1']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 15_000 });
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, name + ".png"), FullPage = true });

    private async Task<JsonElement> ApiAsync(string path)
    {
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        using var doc = JsonDocument.Parse(await client.GetStringAsync(path));
        return doc.RootElement.Clone();
    }

    /// <summary>Clicks an export button and returns the downloaded file's name and bytes.</summary>
    private static async Task<(string Name, byte[] Bytes)> DownloadAsync(IPage page, string selector)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(selector));
        string path = (await download.PathAsync())!;
        return (download.SuggestedFilename, await File.ReadAllBytesAsync(path));
    }

    private static string[] CsvRows(byte[] bytes)
    {
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);   // Excel needs the BOM to read UTF-8 Arabic
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private static async Task<List<Dictionary<string, object>>> ParquetRows(byte[] bytes)
    {
        using var ms = new MemoryStream(bytes);
        var table = await Parquet.Serialization.ParquetSerializer.DeserializeUntypedAsync(ms);
        return table.Data.ToList();
    }

    [Fact]
    public async Task The_search_page_shows_the_total_and_pages_through_every_result()
    {
        var (page, errors) = await app.NewPageAsync();
        await OpenAsync(page, $"/?q={Putin}&limit=2");
        await page.WaitForSelectorAsync("#results li.hit");
        // Five seed articles name Putin: the page says 1-2 of 5, not "2 results".
        Assert.Contains("1–2 من 5", await page.TextContentAsync("#status"));
        Assert.Contains("results 1–2 of 5", await page.TextContentAsync("#status"));
        Assert.True(await page.IsDisabledAsync("#prev-page"));
        var seen = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            if (i > 0)
            {
                await page.ClickAsync("#next-page");
                await page.WaitForFunctionAsync($"() => document.getElementById('status').textContent.includes('{2 * i + 1}–')");
            }
            seen.AddRange(await page.Locator("#results a.hit-title").EvaluateAllAsync<string[]>("links => links.map(a => new URL(a.href).searchParams.get('id'))"));
        }
        Assert.Contains("5–5 من 5", await page.TextContentAsync("#status"));
        Assert.True(await page.IsDisabledAsync("#next-page"));
        Assert.Equal(5, seen.Distinct().Count());
        Assert.Contains("offset=4", page.Url);
        Assert.Equal("5", await page.GetAttributeAsync("#results", "start"));
        await page.ClickAsync("#prev-page");
        await page.WaitForFunctionAsync("() => document.getElementById('status').textContent.includes('3–4')");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_facet_filters_the_search_to_its_count_and_clicking_it_again_clears_it()
    {
        var (page, errors) = await app.NewPageAsync();
        await OpenAsync(page, $"/?q={Putin}");
        await page.WaitForSelectorAsync("#facets ul.facet");
        foreach (var facet in new[] { "sources", "months", "actors", "event_types" })
            Assert.True(await page.Locator($"#facets ul[data-facet='{facet}'] li").CountAsync() > 0, $"no {facet} facet");
        var actor = page.Locator("#facets ul[data-facet='actors'] li").First;
        string count = (await actor.Locator(".count").TextContentAsync())!;
        string value = (await actor.Locator("a").GetAttributeAsync("data-value"))!;
        await actor.Locator("a").ClickAsync();
        await page.WaitForSelectorAsync("#facets a[aria-current='true']");
        Assert.Contains("actor=" + Uri.EscapeDataString(value), page.Url);
        Assert.Contains($"من {count} ", await page.TextContentAsync("#status"));
        Assert.Equal(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#results li.hit").CountAsync());
        await page.ClickAsync("#facets a[aria-current='true']");
        await page.WaitForFunctionAsync("() => document.getElementById('status').textContent.includes('من 5')");
        Assert.DoesNotContain("actor=", page.Url);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Each_search_export_button_downloads_the_result_set()
    {
        var (page, errors) = await app.NewPageAsync();
        await OpenAsync(page, $"/?q={Putin}&sort=newest");
        await page.WaitForSelectorAsync("#results li.hit");
        var expected = (await ApiAsync($"/api/search?q={Putin}&sort=newest&limit=100")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("document_id").GetString()!).ToList();
        Assert.Equal(5, expected.Count);

        var (csvName, csv) = await DownloadAsync(page, "[data-export='search'] a[data-format='csv']");
        Assert.Equal("marsad-search.csv", csvName);
        var rows = CsvRows(csv);
        Assert.Equal(string.Join(',', SearchExport.Columns.Select(c => c.Name)), rows[0]);
        Assert.Equal(expected, rows.Skip(1).Select(r => r.Split(',')[0]));

        var (_, parquet) = await DownloadAsync(page, "[data-export='search'] a[data-format='parquet']");
        Assert.Equal(expected, (await ParquetRows(parquet)).Select(r => (string)r["document_id"]!));

        var (_, jsonl) = await DownloadAsync(page, "[data-export='search'] a[data-format='jsonl']");
        Assert.Equal(expected, Encoding.UTF8.GetString(jsonl).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("document_id").GetString()));

        // A narrower search exports only its own results: the buttons follow the search.
        await page.FillAsync("input[name=source]", "seed-000");
        await page.ClickAsync("#search-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('status').textContent.includes('من 1')");
        var (_, narrowed) = await DownloadAsync(page, "[data-export='search'] a[data-format='csv']");
        Assert.Equal(2, CsvRows(narrowed).Length);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Each_event_export_button_downloads_the_events_at_the_chosen_threshold()
    {
        var (page, errors) = await app.NewPageAsync();
        await OpenAsync(page, "/timeline");
        await page.WaitForSelectorAsync("[data-export='events'] a.export");
        long shown = (await ApiAsync("/api/events?limit=1")).GetProperty("total").GetInt64();
        long all = (await ApiAsync("/api/events?limit=1&minConfidence=0")).GetProperty("total").GetInt64();
        Assert.True(shown > 0 && all > shown, $"events: {shown} shown of {all}");

        var (name, csv) = await DownloadAsync(page, "[data-export='events'] a[data-format='csv']");
        Assert.Equal("marsad-events.csv", name);
        var rows = CsvRows(csv);
        Assert.Equal(string.Join(',', EventExport.CsvColumns), rows[0]);
        Assert.Equal(shown, rows.Length - 1);

        var (_, parquet) = await DownloadAsync(page, "[data-export='events'] a[data-format='parquet']");
        var table = await ParquetRows(parquet);
        Assert.Equal(shown, table.Count);
        Assert.All(table, r => Assert.True((double)r["confidence"]! >= EventCoder.DefaultThreshold));

        var (_, gdelt) = await DownloadAsync(page, "[data-export='events'] a[data-format='gdelt']");
        var gdeltRows = Encoding.UTF8.GetString(gdelt).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(gdeltRows.Length, 1, shown);
        Assert.All(gdeltRows, r => Assert.Equal(61, r.Split('\t').Length));
        var (_, mentions) = await DownloadAsync(page, "[data-export='events'] a[data-format='gdelt-mentions']");
        var mentionRows = Encoding.UTF8.GetString(mentions).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(mentionRows, r => Assert.Equal(16, r.Split('\t').Length));
        Assert.Equal(gdeltRows.Select(r => r.Split('\t')[0]).ToHashSet(), mentionRows.Select(r => r.Split('\t')[0]).ToHashSet());

        var (_, plover) = await DownloadAsync(page, "[data-export='events'] a[data-format='plover']");
        Assert.Equal(shown, JsonDocument.Parse(plover).RootElement.GetArrayLength());
        var (_, jsonl) = await DownloadAsync(page, "[data-export='events'] a[data-format='jsonl']");
        Assert.Equal(shown, Encoding.UTF8.GetString(jsonl).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        // The threshold and modality beside the buttons change what they export.
        await page.FillAsync("input[name=export-min-confidence]", "0");
        var (_, everything) = await DownloadAsync(page, "[data-export='events'] a[data-format='csv']");
        Assert.Equal(all, CsvRows(everything).Length - 1);
        await page.SelectOptionAsync("select[name=export-modality]", "asserted");
        var (_, asserted) = await DownloadAsync(page, "[data-export='events'] a[data-format='jsonl']");
        Assert.All(Encoding.UTF8.GetString(asserted).Split('\n', StringSplitOptions.RemoveEmptyEntries),
            l => Assert.Equal("asserted", JsonDocument.Parse(l).RootElement.GetProperty("modality").GetString()));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Search_and_export_screens_at_desktop_and_phone_widths()
    {
        foreach (var (width, height, suffix) in new[] { (1280, 900, "desktop"), (390, 844, "phone") })
        {
            var (page, errors) = await app.NewPageAsync();
            await page.SetViewportSizeAsync(width, height);
            await OpenAsync(page, $"/?q={Putin}&limit=3");
            await page.WaitForSelectorAsync("#facets ul.facet");
            // Nothing may stick out sideways at phone width (the query box, the facets, the export buttons).
            int overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"the search page is {overflow} px wider than a {width} px screen");
            await ShotAsync(page, "search-results-" + suffix);
            await OpenAsync(page, "/timeline");
            await page.WaitForSelectorAsync("[data-export='events'] a.export");
            // The first screen is where the export bar sits (the full timeline is the views' own screenshot).
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "timeline-exports-" + suffix + ".png") });
            Assert.Empty(errors);
            await page.CloseAsync();
        }
    }
}
