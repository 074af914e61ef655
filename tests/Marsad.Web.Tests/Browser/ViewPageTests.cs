using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Marsad.Web.Tests.Browser;

/// <summary>
/// The timeline, network and map pages (ECharts on canvas) in a real Chromium: granularity, the brushed range, network
/// filters, clicks on an edge and on a place (real mouse clicks at the pixel the chart drew them), and screenshots of
/// every page at desktop and phone widths.
/// </summary>
public sealed class ViewPageTests(BrowserFixture app, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private async Task<(IPage Page, List<string> Errors)> OpenAsync(string path, int width = 1280)
    {
        var (page, errors) = await app.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        var response = await page.GotoAsync(app.BaseUrl + path);
        Assert.True(response is { Ok: true }, $"GET {path}: {response?.Status}");
        await page.WaitForSelectorAsync("body[data-ready='1']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 20_000 });
        return (page, errors);
    }

    private async Task<JsonElement> ApiAsync(string path)
    {
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        return JsonDocument.Parse(await client.GetStringAsync(path)).RootElement.Clone();
    }

    private static Task<string?> Data(IPage page, string selector, string name) => page.GetAttributeAsync(selector, "data-" + name);

    /// <summary>Clicks the page where a script (given the chart) says a point is, in the chart box's own pixels.</summary>
    private async Task ClickChartAsync(IPage page, string box, string pointScript)
    {
        var at = await page.EvaluateAsync<double[]>($$"""
            () => {
              const box = document.querySelector("{{box}}");
              box.scrollIntoView({ block: "center" });
              const p = ((chart) => { {{pointScript}} })(Marsad.charts[box.id === "graph" ? "network" : box.id === "chart" ? "timeline" : "map"]);
              const r = box.getBoundingClientRect();
              return [r.left + p[0], r.top + p[1]];
            }
            """);
        output.WriteLine($"click {box} at ({at[0]:F0}, {at[1]:F0})");
        await page.Mouse.ClickAsync((float)at[0], (float)at[1]);
    }

    [Fact]
    public async Task The_timeline_opens_on_the_publication_days_switches_granularity_and_lists_the_brushed_range()
    {
        var (page, errors) = await OpenAsync("/timeline");
        var api = await ApiAsync("/api/timeline?granularity=month");
        Assert.Equal("month", await Data(page, "#chart", "granularity"));
        var buckets = api.GetProperty("buckets").EnumerateArray().ToList();
        Assert.Equal(buckets[0].GetProperty("start").GetString(), await Data(page, "#chart", "first"));
        Assert.Equal(buckets[^1].GetProperty("start").GetString(), await Data(page, "#chart", "last"));
        // The date fields show the window the chart counts, and no listed event lies outside it.
        string since = api.GetProperty("since").GetString()!, until = api.GetProperty("until").GetString()!;
        Assert.Equal(since, await page.InputValueAsync("input[name=since]"));
        Assert.Equal(until, await page.InputValueAsync("input[name=until]"));
        var days = await page.Locator("#timeline .day").AllTextContentsAsync();
        Assert.NotEmpty(days);
        Assert.All(days, d => Assert.InRange(string.CompareOrdinal(d, since) >= 0 && string.CompareOrdinal(d, until) <= 0, true, true));

        await page.CheckAsync("input[name=granularity][value=week]");
        await page.ClickAsync("#timeline-form button[type=submit]");
        await page.WaitForSelectorAsync("#chart[data-granularity='week']");
        var firstWeek = DateOnly.Parse((await Data(page, "#chart", "first"))!, CultureInfo.InvariantCulture);
        Assert.Equal(DayOfWeek.Monday, firstWeek.DayOfWeek);
        Assert.Contains("granularity=week", page.Url);

        await page.CheckAsync("input[name=granularity][value=day]");
        await page.ClickAsync("#timeline-form button[type=submit]");
        await page.WaitForSelectorAsync("#chart[data-granularity='day']");
        var first = DateOnly.Parse((await Data(page, "#chart", "first"))!, CultureInfo.InvariantCulture);
        var last = DateOnly.Parse((await Data(page, "#chart", "last"))!, CultureInfo.InvariantCulture);
        // Days without events stay on the axis as gaps: one bar slot a day.
        Assert.Equal(last.DayNumber - first.DayNumber + 1, int.Parse((await Data(page, "#chart", "buckets"))!, CultureInfo.InvariantCulture));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "timeline-day-1280.png"), FullPage = true });

        // Brushing one busy day: the range note and the list follow it.
        var dayApi = await ApiAsync("/api/timeline?granularity=day");
        var busiest = dayApi.GetProperty("buckets").EnumerateArray().MaxBy(b => b.GetProperty("total").GetInt32());
        string day = busiest.GetProperty("start").GetString()!;
        int index = DateOnly.Parse(day, CultureInfo.InvariantCulture).DayNumber - first.DayNumber;
        await page.EvaluateAsync($"() => Marsad.charts.timeline.dispatchAction({{ type: 'dataZoom', startValue: {index}, endValue: {index} }})");
        await page.WaitForSelectorAsync($"#chart[data-range-from='{day}'][data-range-to='{day}']");
        await page.WaitForFunctionAsync($"() => [...document.querySelectorAll('#timeline .day')].every(d => d.textContent === '{day}') && document.querySelectorAll('#timeline .day').length === 1");
        Assert.Equal(busiest.GetProperty("total").GetInt32(), await page.Locator("#timeline li.event").CountAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Network_filters_redraw_the_graph_and_a_clicked_edge_lists_its_events()
    {
        const string allTypes = "types=CONSULT&types=AGREE&types=COOPERATE&types=SUPPORT&types=AID&types=REQUEST&types=ACCUSE&types=REJECT&types=THREATEN&types=SANCTION&types=COERCE&types=ASSAULT&types=PROTEST";
        var (page, errors) = await OpenAsync("/network?" + allTypes + "&top=1000");
        var net = await ApiAsync("/api/network?top=1000&limit=120");
        int nodes = int.Parse((await Data(page, "#graph", "nodes"))!, CultureInfo.InvariantCulture);
        Assert.Equal(net.GetProperty("nodes").GetArrayLength(), nodes);
        Assert.True(nodes >= 3, $"the seeds give {nodes} actors");

        await page.FillAsync("input[name=top]", "2");
        await page.ClickAsync("#network-form button[type=submit]");
        await page.WaitForSelectorAsync("#graph[data-nodes='2']");
        int heaviest = net.GetProperty("edges").EnumerateArray().Max(e => e.GetProperty("events").GetInt32());
        await page.FillAsync("input[name=top]", "1000");
        await page.FillAsync("input[name=min_weight]", heaviest.ToString(CultureInfo.InvariantCulture));
        await page.ClickAsync("#network-form button[type=submit]");
        await page.WaitForFunctionAsync($"() => document.querySelector('#graph').dataset.minEdge === '{heaviest}'");
        Assert.Contains("min_weight=" + heaviest, page.Url);

        // Back to every edge; click the widest edge at a point clear of every node and its label (a click there opens the actor's page).
        await page.FillAsync("input[name=min_weight]", "1");
        await page.ClickAsync("#network-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.querySelector('#graph').dataset.minEdge === '1'");
        // The two busiest actors alone leave room between their names to click an edge.
        await page.FillAsync("input[name=top]", "2");
        await page.ClickAsync("#network-form button[type=submit]");
        await page.WaitForSelectorAsync("#graph[data-nodes='2']");
        await ClickChartAsync(page, "#graph", """
            const series = chart.getModel().getSeriesByIndex(0), edges = series.getEdgeData(), nodes = series.getData();
            const px = p => chart.convertToPixel({ seriesIndex: 0 }, p);
            // a node's clickable area: its symbol and its label below it (label_text lines of about 17 px, labelWidth wide)
            const boxes = [];
            for (let n = 0; n < nodes.count(); n++) {
              const d = nodes.getRawDataItem(n), q = px(nodes.getItemLayout(n));
              if (!d.symbolSize) continue;
              const half = Math.max(d.symbolSize, d.labelWidth || 0) / 2 + 12, lines = String(d.label_text || "").split("\n").length;
              boxes.push([q[0] - half, q[1] - d.symbolSize / 2 - 12, q[0] + half, q[1] + d.symbolSize / 2 + 17 * lines + 14]);
            }
            const clear = p => boxes.every(([x0, y0, x1, y1]) => p[0] < x0 || p[0] > x1 || p[1] < y0 || p[1] > y1);
            const order = [...Array(edges.count()).keys()].sort((i, j) => edges.getRawDataItem(j).edge.events - edges.getRawDataItem(i).edge.events);
            let fallback = null;
            for (const i of order) {
              const [a, b, c] = edges.getItemLayout(i);
              for (let t = 0.5, k = 0; k < 9; k++, t = 0.5 + (k % 2 ? 1 : -1) * Math.ceil(k / 2) * 0.05) {
                const u = 1 - t;
                const point = px(c ? [u * u * a[0] + 2 * u * t * c[0] + t * t * b[0], u * u * a[1] + 2 * u * t * c[1] + t * t * b[1]]
                                   : [u * a[0] + t * b[0], u * a[1] + t * b[1]]);
                fallback = fallback || point;
                if (clear(point)) return point;
              }
            }
            return fallback;
            """);
        await page.WaitForSelectorAsync("#edge-events li.event");
        string[] edge = (await Data(page, "#edge-panel", "edge"))!.Split('|');
        var clicked = net.GetProperty("edges").EnumerateArray().Single(e =>
            e.GetProperty("source").GetString() == edge[0] && e.GetProperty("target").GetString() == edge[1] && e.GetProperty("type").GetString() == edge[2]);
        Assert.Equal(clicked.GetProperty("events").GetInt32(), await page.Locator("#edge-events li.event").CountAsync());
        Assert.All(await page.Locator("#edge-events li.event .badge").AllTextContentsAsync(), b => Assert.True(b.StartsWith(edge[2], StringComparison.Ordinal) || !b.All(char.IsAsciiLetterUpper)));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "network-edge-1280.png"), FullPage = true });
        output.WriteLine($"clicked {string.Join(" → ", edge)}: {clicked.GetProperty("events").GetInt32()} events");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_click_on_a_city_of_the_map_lists_the_events_located_there()
    {
        var (page, errors) = await OpenAsync("/map");
        var map = await ApiAsync("/api/map");
        Assert.Equal(map.GetProperty("places").GetArrayLength().ToString(CultureInfo.InvariantCulture), await Data(page, "#map", "places"));
        var place = map.GetProperty("places").EnumerateArray().First();
        await ClickChartAsync(page, "#map", $"return chart.convertToPixel({{ geoIndex: 0 }}, [{place.GetProperty("lon").GetDouble().ToString(CultureInfo.InvariantCulture)}, {place.GetProperty("lat").GetDouble().ToString(CultureInfo.InvariantCulture)}]);");
        await page.WaitForSelectorAsync("#place-events li.event");
        string key = place.GetProperty("name_en").GetString() + "|" + place.GetProperty("country").GetString();
        Assert.Equal(key, await Data(page, "#place-panel", "place"));
        Assert.Equal(place.GetProperty("events").GetInt32(), await page.Locator("#place-events li.event").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "map-place-1280.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Every_page_fits_a_phone_and_a_desktop_and_is_photographed_at_both()
    {
        var pages = new (string Path, string Name)[]
        {
            ("/", "search"), ("/?q=" + Uri.EscapeDataString("باتروشيف"), "search-results"), ("/article?id=" + app.Ids["000_cef4b004c1786cdc.txt"], "article"),
            ("/timeline", "timeline"), ("/network", "network"), ("/map", "map"), ("/actor?id=nikolai-patrushev", "actor"), ("/analyze", "analyze"),
        };
        foreach (int width in new[] { 1280, 375 })
            foreach (var (path, name) in pages)
            {
                var (page, errors) = await OpenAsync(path, width);
                // Nothing pushes the page sideways: the query boxes, names and charts all fit the width.
                int scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(scroll <= width, $"{name} at {width} px is {scroll} px wide");
                // The page from its top, at most 2400 px of it (long event lists would make a picture no one reads).
                int height = Math.Min(2400, await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight"));
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, $"{name}-{width}.png"), FullPage = true,
                    Clip = new Clip { X = 0, Y = 0, Width = width, Height = height } });
                Assert.Empty(errors);
                await page.CloseAsync();
            }
    }

    [Fact]
    public async Task The_actor_page_keeps_dictionary_roles_in_view_and_isolates_mixed_scripts()
    {
        var (page, errors) = await OpenAsync("/actor?id=nikolai-patrushev");
        Assert.Contains("Secretary of the Security Council", await page.TextContentAsync("#roles"));
        // Names in two scripts are isolated runs, so neither reorders the other.
        Assert.True(await page.Locator("h1 bdi[lang=ar]").CountAsync() == 1 && await page.Locator("h1 bdi[lang=en]").CountAsync() == 1);
        Assert.True(await page.Locator("#actor .count bdi").CountAsync() >= 6);
        var actor = await ApiAsync("/api/actors/nikolai-patrushev");
        var titles = actor.GetProperty("registry_roles").EnumerateArray().Select(r => r.GetProperty("title").GetString()!.ToLowerInvariant()).ToHashSet();
        int unsourced = actor.GetProperty("roles_seen").EnumerateArray().Count(r => !titles.Contains(r.GetProperty("role").GetString()!.ToLowerInvariant()));
        // Titles read in articles that the dictionary does not know are folded away, not listed with the rest.
        Assert.Equal(unsourced, await page.Locator("#roles-unsourced li").CountAsync());
        if (unsourced > 0) Assert.False(await page.Locator("#roles-unsourced li").First.IsVisibleAsync());
        Assert.Empty(errors);
    }
}
