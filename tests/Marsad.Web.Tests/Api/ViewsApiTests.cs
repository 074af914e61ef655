using System.Net;
using System.Text.Json;
using Marsad.Analysis.Documents;
using Marsad.Storage.Records;
using Marsad.Web.Charts;

namespace Marsad.Web.Tests.Api;

/// <summary>/api/timeline, /api/map, the network's filters and the event filters behind an edge and a place, on the seeded store.</summary>
public sealed class ViewsApiTests(MarsadAppFixture app) : IClassFixture<MarsadAppFixture>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Every event of an /api/events query, following its pages.</summary>
    private static async Task<List<JsonElement>> AllEvents(HttpClient client, string query)
    {
        var all = new List<JsonElement>();
        for (int offset = 0; ; )
        {
            var page = await Json(await client.GetAsync($"/api/events?limit=200&offset={offset}&{query}"));
            all.AddRange(page.GetProperty("items").EnumerateArray());
            if (!page.TryGetProperty("next_offset", out var next) || next.ValueKind == JsonValueKind.Null) return all;
            offset = next.GetInt32();
        }
    }

    private static string? Day(JsonElement ev) => ev.TryGetProperty("day", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;

    [Fact]
    public async Task The_timeline_counts_every_dated_event_once_inside_or_outside_the_publication_window()
    {
        var client = await app.ClientAsync();
        var docs = await Json(await client.GetAsync("/api/documents?limit=100&status=ok"));
        var published = docs.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("published").GetString()![..10]).Order(StringComparer.Ordinal).ToList();
        var dated = (await AllEvents(client, "")).Where(e => Day(e) is not null).ToList();
        Assert.NotEmpty(dated);

        foreach (var granularity in new[] { "day", "week", "month" })
        {
            var t = await Json(await client.GetAsync("/api/timeline?granularity=" + granularity));
            Assert.True(t.GetProperty("default_window").GetBoolean());
            string since = t.GetProperty("since").GetString()!, until = t.GetProperty("until").GetString()!;
            Assert.Equal((published[0], published[^1]), (since, until));
            var buckets = t.GetProperty("buckets").EnumerateArray().ToList();
            int inside = dated.Count(e => string.CompareOrdinal(Day(e), since) >= 0 && string.CompareOrdinal(Day(e), until) <= 0);
            Assert.Equal(inside, t.GetProperty("total").GetInt32());
            Assert.Equal(inside, buckets.Sum(b => b.GetProperty("total").GetInt32()));
            Assert.Equal(dated.Count, inside + t.GetProperty("before").GetInt32() + t.GetProperty("after").GetInt32());
            foreach (var b in buckets)
            {
                var start = DateOnly.Parse(b.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                var end = DateOnly.Parse(b.GetProperty("end").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(b.GetProperty("total").GetInt32(), b.GetProperty("counts").EnumerateObject().Sum(c => c.Value.GetInt32()));
                switch (granularity)
                {
                    case "day": Assert.Equal(start, end); break;
                    case "week": Assert.Equal((DayOfWeek.Monday, start.AddDays(6)), (start.DayOfWeek, end)); break;
                    default: Assert.Equal((1, start.AddMonths(1).AddDays(-1)), (start.Day, end)); break;
                }
            }
        }
        // A window asked for is kept as asked; a type filter counts that type only.
        var consult = await Json(await client.GetAsync("/api/timeline?granularity=month&type=CONSULT&since=1900-01-01&until=2100-12-31"));
        Assert.False(consult.GetProperty("default_window").GetBoolean());
        Assert.Equal(dated.Count(e => e.GetProperty("type").GetString() == "CONSULT"), consult.GetProperty("total").GetInt32());
        Assert.All(consult.GetProperty("types").EnumerateArray(), x => Assert.Equal("CONSULT", x.GetString()));
        await Json(await client.GetAsync("/api/timeline?granularity=year"), HttpStatusCode.BadRequest);
        await Json(await client.GetAsync("/api/timeline?since=2018-13-45"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public void Days_outside_the_window_are_counted_apart_and_weeks_start_on_monday()
    {
        DayTypeCount[] rows =
        [
            new("1426-01-04", "CONSULT", 2), new("2021-05-17", "CONSULT", 1), new("2021-05-23", "ACCUSE", 3),
            new("2021-05-24", "CONSULT", 4), new("2030-01-01", "SUPPORT", 5), new("not a day", "AID", 7),
        ];
        var range = new PublicationRange("2021-05-01", "2021-05-31", 9);
        var weeks = TimelineBuckets.Count(rows, "week", range.First, range.Last, true, range);
        Assert.Equal((2, 5, 8), (weeks.Before, weeks.After, weeks.Total));
        Assert.Equal(["2021-05-17", "2021-05-24"], weeks.Buckets.Select(b => b.Start));          // 17 May 2021 was a Monday
        Assert.Equal((1, 3, 4), (weeks.Buckets[0].Counts["CONSULT"], weeks.Buckets[0].Counts["ACCUSE"], weeks.Buckets[0].Total));
        Assert.Equal(["ACCUSE", "CONSULT"], weeks.Types);
        var months = TimelineBuckets.Count(rows, "month", null, null, false, range);
        Assert.Equal(["1426-01-01", "2021-05-01", "2030-01-01"], months.Buckets.Select(b => b.Start));
        Assert.Equal(("2021-05-31", 8), (months.Buckets[1].End, months.Buckets[1].Total));
    }

    [Fact]
    public async Task The_map_places_located_events_and_each_place_lists_exactly_its_events()
    {
        var client = await app.ClientAsync();
        var map = await Json(await client.GetAsync("/api/map"));
        var located = (await AllEvents(client, "")).Where(e => e.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.Object).ToList();
        Assert.NotEmpty(located);
        Assert.Equal(located.Count, map.GetProperty("located").GetInt32());
        var countries = map.GetProperty("countries").EnumerateArray().ToList();
        Assert.NotEmpty(countries);
        foreach (var c in countries)
        {
            string iso3 = c.GetProperty("country").GetString()!;
            Assert.Matches("^[0-9]{3}$", c.GetProperty("ccn3").GetString());
            var listed = await AllEvents(client, "place_country=" + iso3);
            Assert.Equal(c.GetProperty("events").GetInt32(), listed.Count);
            Assert.All(listed, e => Assert.Equal(iso3, e.GetProperty("location").GetProperty("country").GetString()));
        }
        foreach (var p in map.GetProperty("places").EnumerateArray())
        {
            Assert.InRange(p.GetProperty("lat").GetDouble(), -90, 90);
            Assert.InRange(p.GetProperty("lon").GetDouble(), -180, 180);
            string name = p.GetProperty("name_en").GetString()!, country = p.GetProperty("country").GetString()!;
            var listed = await AllEvents(client, $"place={Uri.EscapeDataString(name)}&place_country={country}");
            Assert.Equal(p.GetProperty("events").GetInt32(), listed.Count);
            Assert.All(listed, e => Assert.Equal(name, e.GetProperty("location").GetProperty("name_en").GetString()));
        }
        await Json(await client.GetAsync("/api/events?place_country=Russia"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public void The_gazetteer_puts_a_city_on_the_map_and_a_country_only_in_its_shape()
    {
        var map = MapGazetteer.Shared.Place([new PlaceCount(new LocationInfo("جنيف", "Geneva", "CHE"), 3),
            new PlaceCount(new LocationInfo("روسيا", "Russia", "RUS"), 2), new PlaceCount(new LocationInfo("موسكو", "Moscow", "RUS"), 1),
            new PlaceCount(new LocationInfo("أتلانتس", "Atlantis", null), 4)]);
        var geneva = Assert.Single(map.Places, p => p.NameEn == "Geneva");
        Assert.Equal((46.2, 6.1), (Math.Round(geneva.Lat, 1), Math.Round(geneva.Lon, 1)));
        Assert.Equal(["Geneva", "Moscow"], map.Places.Select(p => p.NameEn).Order());
        var russia = Assert.Single(map.Countries, c => c.Country == "RUS");
        Assert.Equal(("643", 3), (russia.Ccn3, russia.Events));
        Assert.Equal((10, 4), (map.Located, map.Unplaced));
    }

    [Fact]
    public async Task Network_filters_keep_heavy_edges_among_the_top_actors_and_an_edge_lists_its_events()
    {
        var client = await app.ClientAsync();
        var all = await Json(await client.GetAsync("/api/network?limit=2000"));
        var edges = all.GetProperty("edges").EnumerateArray().ToList();
        Assert.NotEmpty(edges);
        foreach (var e in edges)
        {
            var listed = await AllEvents(client, $"source_id={Uri.EscapeDataString(e.GetProperty("source").GetString()!)}" +
                $"&target_id={Uri.EscapeDataString(e.GetProperty("target").GetString()!)}&type={e.GetProperty("type").GetString()}&not_negated=true");
            Assert.Equal(e.GetProperty("events").GetInt32(), listed.Count);
            Assert.All(listed, ev => Assert.Contains(ev.GetProperty("source").EnumerateArray(), a => a.GetProperty("id").GetString() == e.GetProperty("source").GetString()));
        }
        int heaviest = edges.Max(e => e.GetProperty("events").GetInt32());
        var heavy = await Json(await client.GetAsync($"/api/network?min_weight={heaviest}"));
        Assert.NotEmpty(heavy.GetProperty("edges").EnumerateArray());
        Assert.All(heavy.GetProperty("edges").EnumerateArray(), e => Assert.Equal(heaviest, e.GetProperty("events").GetInt32()));
        var top = await Json(await client.GetAsync("/api/network?limit=2000&top=2"));
        var ids = top.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToHashSet();
        Assert.InRange(ids.Count, 1, 2);
        Assert.All(top.GetProperty("edges").EnumerateArray(), e => Assert.True(ids.Contains(e.GetProperty("source").GetString()) && ids.Contains(e.GetProperty("target").GetString())));
        // The two kept are the two heaviest of the whole network.
        var weights = all.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("weight").GetInt32()).OrderDescending().ToList();
        Assert.True(top.GetProperty("nodes").EnumerateArray().All(n => n.GetProperty("weight").GetInt32() >= weights[Math.Min(1, weights.Count - 1)]));
        await Json(await client.GetAsync("/api/network?min_weight=0"), HttpStatusCode.BadRequest);
        await Json(await client.GetAsync("/api/network?top=0"), HttpStatusCode.BadRequest);
    }
}
