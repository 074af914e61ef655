using Marsad.Analysis.Events.Coding;
using System.Net;
using System.Text;
using System.Text.Json;
using Marsad.Storage.Export;

namespace Marsad.Web.Tests.Api;

/// <summary>Search totals, pages, sorting, facets and spelling variants; the event confidence threshold; exports as files.</summary>
public sealed class SearchAndExportApiTests(MarsadAppFixture app) : IClassFixture<MarsadAppFixture>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string Q(string words) => Uri.EscapeDataString(words);

    private static List<string> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("document_id").GetString()!).ToList();

    [Fact]
    public async Task The_total_counts_every_match_and_pages_by_offset_reach_each_once()
    {
        var client = await app.ClientAsync();
        // بوتين is in all five seed articles (and the hostile page names Lavrov, not Putin).
        var first = await Json(await client.GetAsync($"/api/search?q={Q("بوتين")}&limit=2"));
        Assert.Equal(5, first.GetProperty("total").GetInt64());
        Assert.Equal(2, first.GetProperty("next_offset").GetInt32());
        var seen = new List<string>();
        string? url = $"/api/search?q={Q("بوتين")}&limit=2";
        while (url is not null)
        {
            var page = await Json(await client.GetAsync(url));
            Assert.Equal(5, page.GetProperty("total").GetInt64());
            seen.AddRange(Ids(page));
            url = page.TryGetProperty("next_offset", out var next) && next.ValueKind == JsonValueKind.Number
                ? $"/api/search?q={Q("بوتين")}&limit=2&offset={next.GetInt32()}" : null;
        }
        Assert.Equal(5, seen.Count);
        Assert.Equal(5, seen.Distinct().Count());
        Assert.Equal(Ids(await Json(await client.GetAsync($"/api/search?q={Q("بوتين")}&limit=10"))), seen);   // the same order as one page
    }

    [Fact]
    public async Task Newest_first_orders_by_publication_and_relevance_by_score()
    {
        var client = await app.ClientAsync();
        var newest = await Json(await client.GetAsync($"/api/search?q={Q("بوتين")}&limit=10&sort=newest"));
        var published = newest.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("published").GetString() ?? "").ToList();
        Assert.Equal(published.OrderDescending(StringComparer.Ordinal), published);
        Assert.Equal("newest", newest.GetProperty("sort").GetString());
        var relevance = await Json(await client.GetAsync($"/api/search?q={Q("بوتين")}&limit=10"));
        var scores = relevance.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Equal(Ids(relevance).Order(StringComparer.Ordinal), Ids(newest).Order(StringComparer.Ordinal));
        var bad = await Json(await client.GetAsync($"/api/search?q={Q("بوتين")}&sort=oldest&offset=-1&limit=500"), HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.True(errors.TryGetProperty("sort", out _) && errors.TryGetProperty("offset", out _) && errors.TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task Facets_count_the_matches_and_each_one_filters_to_its_count()
    {
        var client = await app.ClientAsync();
        var body = await Json(await client.GetAsync($"/api/search?q={Q("بوتين")}&facets=true"));
        long total = body.GetProperty("total").GetInt64();
        var facets = body.GetProperty("facets");
        long Sum(string name) => facets.GetProperty(name).EnumerateArray().Sum(f => f.GetProperty("count").GetInt64());
        Assert.Equal(total, Sum("sources"));   // every seed has one outlet and a publication date
        Assert.Equal(total, Sum("months"));
        Assert.NotEmpty(facets.GetProperty("actors").EnumerateArray());
        Assert.NotEmpty(facets.GetProperty("event_types").EnumerateArray());
        foreach (var (facet, parameter) in new[] { ("sources", "source"), ("actors", "actor"), ("event_types", "event_type") })
        {
            var top = facets.GetProperty(facet).EnumerateArray().First();
            var filtered = await Json(await client.GetAsync($"/api/search?q={Q("بوتين")}&{parameter}={Q(top.GetProperty("value").GetString()!)}"));
            Assert.Equal(top.GetProperty("count").GetInt64(), filtered.GetProperty("total").GetInt64());
        }
        var month = facets.GetProperty("months").EnumerateArray().First();
        string m = month.GetProperty("value").GetString()!;
        var inMonth = await Json(await client.GetAsync($"/api/search?q={Q("بوتين")}&since={m}-01&until={m}-31"));
        Assert.Equal(month.GetProperty("count").GetInt64(), inMonth.GetProperty("total").GetInt64());
        var plain = await Json(await client.GetAsync($"/api/search?q={Q("بوتين")}"));
        Assert.False(plain.TryGetProperty("facets", out var none) && none.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task Either_spelling_of_a_transliterated_name_finds_both()
    {
        var client = await app.ClientAsync();
        // Two seeds write ترامب; none writes ترمب.
        var trump = await Json(await client.GetAsync($"/api/search?q={Q("ترامب")}"));
        var trmb = await Json(await client.GetAsync($"/api/search?q={Q("ترمب")}"));
        Assert.Equal(2, trump.GetProperty("total").GetInt64());
        Assert.Equal(Ids(trump), Ids(trmb));
    }

    [Fact]
    public async Task Events_show_at_the_default_threshold_and_min_confidence_and_modality_change_it()
    {
        var client = await app.ClientAsync();
        var shown = await Json(await client.GetAsync("/api/events?limit=200"));
        var all = await Json(await client.GetAsync("/api/events?limit=200&minConfidence=0"));
        Assert.Equal(EventCoder.DefaultThreshold, shown.GetProperty("min_confidence").GetDouble());
        long shownTotal = shown.GetProperty("total").GetInt64(), allTotal = all.GetProperty("total").GetInt64();
        Assert.Equal(shown.GetProperty("items").GetArrayLength(), shownTotal);
        Assert.Equal(all.GetProperty("items").GetArrayLength(), allTotal);
        Assert.True(allTotal > shownTotal, $"the seeds should have events below the default threshold (all {allTotal}, shown {shownTotal})");
        Assert.All(shown.GetProperty("items").EnumerateArray(), e => Assert.True(e.GetProperty("confidence").GetDouble() >= EventCoder.DefaultThreshold));
        Assert.Equal(all.GetProperty("items").EnumerateArray().Count(e => e.GetProperty("confidence").GetDouble() >= EventCoder.DefaultThreshold), shownTotal);
        var paged = await Json(await client.GetAsync("/api/events?limit=1&offset=1"));
        Assert.Equal(shownTotal, paged.GetProperty("total").GetInt64());

        var asserted = await Json(await client.GetAsync("/api/events?limit=200&minConfidence=0&modality=asserted"));
        Assert.All(asserted.GetProperty("items").EnumerateArray(), e => Assert.Equal("asserted", e.GetProperty("modality").GetString()));
        var other = await Json(await client.GetAsync("/api/events?limit=200&minConfidence=0&modality=negated,planned,proposed,possible"));
        Assert.Equal(allTotal, asserted.GetProperty("total").GetInt64() + other.GetProperty("total").GetInt64());
        var bad = await Json(await client.GetAsync("/api/events?minConfidence=1.5&modality=maybe"), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("minConfidence", out _) && bad.GetProperty("errors").TryGetProperty("modality", out _));
    }

    [Fact]
    public async Task Event_exports_respect_the_threshold_and_modality_and_csv_opens_in_excel()
    {
        var client = await app.ClientAsync();
        long shown = (await Json(await client.GetAsync("/api/events?limit=1"))).GetProperty("total").GetInt64();
        long all = (await Json(await client.GetAsync("/api/events?limit=1&minConfidence=0"))).GetProperty("total").GetInt64();
        var csv = await client.GetAsync("/api/export/events?format=csv");
        byte[] bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("marsad-events.csv", csv.Content.Headers.ContentDisposition?.FileNameStar ?? csv.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(shown + 1, Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var csvAll = await client.GetStringAsync("/api/export/events?format=csv&minConfidence=0");
        Assert.Equal(all + 1, csvAll.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var negated = await client.GetStringAsync("/api/export/events?format=jsonl&minConfidence=0&modality=negated");
        Assert.All(negated.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.Contains("\"modality\":\"negated\"", l));

        // The GDELT table holds what GDELT can say; the rest is counted in a header.
        var gdelt = await client.GetAsync("/api/export/events?format=gdelt&minConfidence=0");
        int rows = (await gdelt.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        int leftOut = gdelt.Headers.TryGetValues("X-Marsad-Left-Out", out var v) ? int.Parse(v.Single().Split(';')[0], System.Globalization.CultureInfo.InvariantCulture) : 0;
        Assert.Equal(all, rows + leftOut);

        var parquet = await client.GetAsync("/api/export/events?format=parquet");
        Assert.Equal("application/vnd.apache.parquet", parquet.Content.Headers.ContentType?.MediaType);
        using var ms = new MemoryStream(await parquet.Content.ReadAsByteArrayAsync());
        var table = await Parquet.Serialization.ParquetSerializer.DeserializeUntypedAsync(ms);
        Assert.Equal(shown, table.Data.Count);
        Assert.All(table.Data, r => Assert.True((double)r["confidence"]! >= EventCoder.DefaultThreshold));
    }

    [Fact]
    public async Task The_search_result_set_exports_as_csv_parquet_and_jsonl()
    {
        var client = await app.ClientAsync();
        var ids = Ids(await Json(await client.GetAsync($"/api/search?q={Q("بوتين")}&limit=10&sort=newest")));
        var csv = await client.GetByteArrayAsync($"/api/export/search?q={Q("بوتين")}&format=csv&sort=newest");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', SearchExport.Columns.Select(c => c.Name)), lines[0]);
        Assert.Equal(ids, lines.Skip(1).Select(l => l.Split(',')[0]));
        using var ms = new MemoryStream(await client.GetByteArrayAsync($"/api/export/search?q={Q("بوتين")}&format=parquet&sort=newest"));
        var table = await Parquet.Serialization.ParquetSerializer.DeserializeUntypedAsync(ms);
        Assert.Equal(ids, table.Data.Select(r => (string)r["document_id"]!));
        Assert.All(table.Data, r => Assert.Contains("[", (string)r["snippet"]!));
        var jsonl = await client.GetStringAsync($"/api/export/search?q={Q("بوتين")}&format=jsonl&limit=2&sort=newest");
        Assert.Equal(ids.Take(2), jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("document_id").GetString()));
        await Json(await client.GetAsync($"/api/export/search?q={Q("بوتين")}&format=xlsx"), HttpStatusCode.BadRequest);
    }
}
