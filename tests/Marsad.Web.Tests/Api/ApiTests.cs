using Marsad.Analysis.Events.Coding;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marsad.Storage.Export;

namespace Marsad.Web.Tests.Api;

/// <summary>The HTTP API on a real SQLite store seeded through the API (see <see cref="MarsadAppFixture"/>).</summary>
public sealed class ApiTests(MarsadAppFixture app) : IClassFixture<MarsadAppFixture>
{
    private const string Patrushev = "nikolai-patrushev";

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode expected)
    {
        var json = await Json(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, json.GetProperty("status").GetInt32());
        return json;
    }

    [Fact]
    public async Task Document_pages_follow_the_cursor_and_contain_every_seeded_document_once()
    {
        var client = await app.ClientAsync();
        var seen = new List<string>();
        string url = "/api/documents?limit=2";
        for (int pages = 0; pages < 50; pages++)
        {
            var page = await Json(await client.GetAsync(url));
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, 2);
            seen.AddRange(items.Select(i => i.GetProperty("id").GetString()!));
            if (!page.TryGetProperty("next", out var next)) break;
            url = "/api/documents?limit=2&cursor=" + next.GetInt64();
        }
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Superset(app.Ids.Values.ToHashSet(), seen.ToHashSet());
        var hostile = await Json(await client.GetAsync("/api/documents?source=hostile"));
        Assert.Equal(app.Ids["hostile"], Assert.Single(hostile.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_document_comes_with_its_text_and_annotations_and_a_miss_is_a_404_problem()
    {
        var client = await app.ClientAsync();
        var id = app.Ids["000_cef4b004c1786cdc.txt"];
        var body = await Json(await client.GetAsync("/api/documents/" + id[..8]));
        var doc = body.GetProperty("document");
        Assert.Equal(id, doc.GetProperty("id").GetString());
        string text = doc.GetProperty("text").GetString()!;
        Assert.Contains("باتروشيف", text);
        var entities = doc.GetProperty("entities").EnumerateArray().ToList();
        Assert.NotEmpty(entities);
        foreach (var e in entities)   // offsets point into the text
            Assert.Equal(e.GetProperty("text").GetString(), text[e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()]);
        Assert.Contains(doc.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "CONSULT");
        Assert.Contains(doc.GetProperty("actors").EnumerateArray(), a => a.GetProperty("id").GetString() == Patrushev);
        Assert.Equal("2018-08-24", doc.GetProperty("published").GetString());

        await Problem(await client.GetAsync("/api/documents/ffffffffffffffff"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Search_finds_a_seed_actor_and_marks_the_hits_in_snippet_parts()
    {
        var client = await app.ClientAsync();
        var body = await Json(await client.GetAsync("/api/search?q=" + Uri.EscapeDataString("باتروشيف") + "&limit=10"));
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("document_id").GetString() == app.Ids["000_cef4b004c1786cdc.txt"]);
        foreach (var item in items)
        {
            var parts = item.GetProperty("snippet_parts").EnumerateArray().ToList();
            Assert.Contains(parts, p => p.GetProperty("hit").GetBoolean() && p.GetProperty("text").GetString()!.Contains("باتروشيف"));
            Assert.DoesNotContain('\uE000', item.GetProperty("snippet").GetString()!);   // internal markers never leak
            Assert.Contains("[", item.GetProperty("snippet").GetString()!);
        }
        var problem = await Problem(await client.GetAsync("/api/search?q=%20"), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _));
    }

    [Fact]
    public async Task Events_filter_like_the_cli_and_page_by_offset()
    {
        var client = await app.ClientAsync();
        var all = await Json(await client.GetAsync($"/api/events?actor_id={Patrushev}&limit=200"));
        var ids = all.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("global_id").GetInt64()).ToList();
        Assert.True(ids.Count >= 2, $"expected several Patrushev events, got {ids.Count}");
        foreach (var e in all.GetProperty("items").EnumerateArray())
        {
            var sides = e.GetProperty("source").EnumerateArray().Concat(e.GetProperty("target").EnumerateArray());
            Assert.Contains(sides, a => a.GetProperty("id").GetString() == Patrushev);
            Assert.NotEmpty(e.GetProperty("mentions").EnumerateArray());
            Assert.True(e.GetProperty("num_mentions").GetInt32() >= 1);
        }
        var first = await Json(await client.GetAsync($"/api/events?actor_id={Patrushev}&limit=1"));
        Assert.Equal(1, first.GetProperty("next_offset").GetInt32());
        var second = await Json(await client.GetAsync($"/api/events?actor_id={Patrushev}&limit=1&offset=1"));
        Assert.Equal(ids[1], Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("global_id").GetInt64());
        var consult = await Json(await client.GetAsync($"/api/events?actor=Patrushev&type=CONSULT&country=USA&limit=200"));
        Assert.All(consult.GetProperty("items").EnumerateArray(), e => Assert.Equal("CONSULT", e.GetProperty("type").GetString()));
        var bad = await Problem(await client.GetAsync("/api/events?since=yesterday&limit=0&country=Russia"), HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.True(errors.TryGetProperty("since", out _) && errors.TryGetProperty("limit", out _) && errors.TryGetProperty("country", out _));
    }

    [Fact]
    public async Task The_actor_page_data_has_registry_roles_co_occurring_actors_events_and_quotes()
    {
        var client = await app.ClientAsync();
        var body = await Json(await client.GetAsync("/api/actors/" + Patrushev));
        Assert.Equal("Nikolai Patrushev", body.GetProperty("actor").GetProperty("name_en").GetString());
        Assert.Contains(body.GetProperty("registry_roles").EnumerateArray(), r => r.GetProperty("title").GetString()!.Contains("Security Council"));
        Assert.NotEmpty(body.GetProperty("co_occurring").EnumerateArray());
        Assert.NotEmpty(body.GetProperty("events").EnumerateArray());
        Assert.NotEmpty(body.GetProperty("quotes").EnumerateArray());
        await Problem(await client.GetAsync("/api/actors/no-such-actor"), HttpStatusCode.NotFound);
        var top = await Json(await client.GetAsync("/api/actors?top=5"));
        Assert.Equal(5, top.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task The_network_has_weighted_edges_between_its_nodes()
    {
        var client = await app.ClientAsync();
        var body = await Json(await client.GetAsync("/api/network?types=CONSULT&limit=500"));
        var nodes = body.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToHashSet();
        var edges = body.GetProperty("edges").EnumerateArray().ToList();
        Assert.NotEmpty(edges);
        Assert.All(edges, e =>
        {
            Assert.Equal("CONSULT", e.GetProperty("type").GetString());
            Assert.Contains(e.GetProperty("source").GetString()!, nodes);
            Assert.Contains(e.GetProperty("target").GetString()!, nodes);
            Assert.True(e.GetProperty("events").GetInt32() >= 1);
        });
        Assert.Contains(edges, e => e.GetProperty("source").GetString() == Patrushev || e.GetProperty("target").GetString() == Patrushev);
    }

    [Fact]
    public async Task Quotes_page_by_speaker()
    {
        var client = await app.ClientAsync();
        var body = await Json(await client.GetAsync($"/api/quotes?speaker_id={Patrushev}&limit=1"));
        var q = Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Equal(Patrushev, q.GetProperty("quote").GetProperty("speaker").GetProperty("id").GetString());
        Assert.Equal(1, body.GetProperty("next_offset").GetInt32());
    }

    [Fact]
    public async Task Exports_write_csv_gdelt_and_plover()
    {
        var client = await app.ClientAsync();
        var csv = await client.GetAsync($"/api/export/events?format=csv&actor_id={Patrushev}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', EventExport.CsvColumns), lines[0]);
        Assert.True(lines.Length >= 3);
        var gdelt = (await client.GetStringAsync($"/api/export/events?format=gdelt&actor_id={Patrushev}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(gdelt, l => Assert.Equal(GdeltExport.EventColumns.Count, l.Split('\t').Length));
        Assert.InRange(gdelt.Length, 1, lines.Length - 1);   // asserted events with an actor code only
        using var plover = JsonDocument.Parse(await client.GetStringAsync($"/api/export/events?format=plover&actor_id={Patrushev}"));
        Assert.Equal(JsonValueKind.Array, plover.RootElement.ValueKind);
        Assert.Equal(lines.Length - 1, plover.RootElement.GetArrayLength());
        await Problem(await client.GetAsync("/api/export/events?format=xlsx"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Writes_need_the_key_and_bad_input_gets_problem_details()
    {
        var client = await app.ClientAsync();
        var doc = new { text = "استقبل الرئيس المصري عبد الفتاح السيسي وزير الخارجية السعودي في القاهرة أمس.", published = "2021-03-02", source = "api-test" };
        await Problem(await client.PostAsJsonAsync("/api/documents", doc), HttpStatusCode.Unauthorized);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = JsonContent.Create(doc) };
        wrong.Headers.Add("X-Api-Key", "not-the-key");
        await Problem(await client.SendAsync(wrong), HttpStatusCode.Unauthorized);

        client.DefaultRequestHeaders.Add("X-Api-Key", MarsadAppFixture.ApiKey);
        await Problem(await client.PostAsync("/api/documents", new StringContent("{\"text\": ", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        var invalid = await Problem(await client.PostAsJsonAsync("/api/documents", new { text = " ", published = "March", url = "javascript:alert(1)" }), HttpStatusCode.BadRequest);
        var errors = invalid.GetProperty("errors");
        Assert.True(errors.TryGetProperty("text", out _) && errors.TryGetProperty("published", out _) && errors.TryGetProperty("url", out _));
        var huge = new { text = new string('ب', 300_000) };
        await Problem(await client.PostAsJsonAsync("/api/documents", huge), HttpStatusCode.RequestEntityTooLarge);
        var tooMany = new { documents = Enumerable.Repeat(doc, 11).ToArray() };
        var batch = await Problem(await client.PostAsJsonAsync("/api/documents/batch", tooMany), HttpStatusCode.BadRequest);
        Assert.True(batch.GetProperty("errors").TryGetProperty("documents", out _));

        var created = await Json(await client.PostAsJsonAsync("/api/documents", doc), HttpStatusCode.Created);
        string id = created.GetProperty("id").GetString()!;
        Assert.Equal("added", created.GetProperty("outcome").GetString());
        Assert.NotEmpty(created.GetProperty("document").GetProperty("entities").EnumerateArray());
        var again = await Json(await client.PostAsJsonAsync("/api/documents", doc));
        Assert.Equal("already_stored", again.GetProperty("outcome").GetString());
        var listed = await Json(await client.GetAsync("/api/documents?source=api-test"));
        Assert.Equal(id, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Analysis_of_pasted_text_or_an_uploaded_page_needs_no_key_and_stores_nothing()
    {
        var client = await app.ClientAsync();
        const string text = "أعلن البيت الأبيض أن الرئيس جو بايدن سيلتقي الرئيس الروسي فلاديمير بوتين في جنيف الشهر المقبل.";
        // minConfidence=0 shows every coded event; the default (EventCoder.DefaultThreshold) only those the coder is sure enough of, like `marsad analyze`.
        var body = await Json(await client.PostAsJsonAsync("/api/analyze?minConfidence=0", new { text, published = "2021-05-25", source = "pasted-test" }));
        var doc = Assert.Single(body.GetProperty("documents").EnumerateArray());
        Assert.NotEmpty(doc.GetProperty("entities").EnumerateArray());
        Assert.Contains(doc.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "CONSULT");
        var shown = await Json(await client.PostAsJsonAsync("/api/analyze", new { text, published = "2021-05-25", source = "pasted-test" }));
        var shownEvents = Assert.Single(shown.GetProperty("documents").EnumerateArray()).GetProperty("events").EnumerateArray().ToList();
        Assert.All(shownEvents, e => Assert.True(e.GetProperty("confidence").GetDouble() >= EventCoder.DefaultThreshold));
        Assert.Equal(doc.GetProperty("events").EnumerateArray().Count(e => e.GetProperty("confidence").GetDouble() >= EventCoder.DefaultThreshold), shownEvents.Count);
        var listed = await Json(await client.GetAsync("/api/documents?source=pasted-test"));
        Assert.Empty(listed.GetProperty("items").EnumerateArray());

        var html = $"<html><head><title>قمة جنيف</title></head><body><nav>الرئيسية</nav><article><h1>قمة جنيف</h1><p>{text}</p><p>{text.Replace("الشهر المقبل", "في يونيو")}</p></article></body></html>";
        var upload = await Json(await client.PostAsync("/api/analyze/file?name=page.html", new ByteArrayContent(Encoding.UTF8.GetBytes(html))));
        var page = Assert.Single(upload.GetProperty("documents").EnumerateArray());
        Assert.Contains("بايدن", page.GetProperty("text").GetString());
        Assert.DoesNotContain("<p>", page.GetProperty("text").GetString());
        Assert.Equal("قمة جنيف", page.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Markup_in_an_article_comes_back_as_data_with_headers_that_stop_sniffing_and_inline_script()
    {
        var client = await app.ClientAsync();
        var response = await client.GetAsync("/api/documents/" + app.Ids["hostile"]);
        var body = await Json(response);
        Assert.Equal(MarsadAppFixture.HostileTitle, body.GetProperty("document").GetProperty("title").GetString());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var page = await client.GetAsync("/article?id=" + app.Ids["hostile"]);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("__pwned", html);   // pages are static: the article arrives as JSON and becomes text nodes
    }
}

/// <summary>Without an API key the server is read-only.</summary>
public sealed class ReadOnlyApiTests(ReadOnlyAppFixture app) : IClassFixture<ReadOnlyAppFixture>
{
    [Fact]
    public async Task Every_write_is_refused_with_403_even_with_a_key()
    {
        var client = await app.ClientAsync();
        client.DefaultRequestHeaders.Add("X-Api-Key", MarsadAppFixture.ApiKey);
        var one = await client.PostAsJsonAsync("/api/documents", new { text = "نص عربي قصير للتجربة." });
        Assert.Equal(HttpStatusCode.Forbidden, one.StatusCode);
        Assert.Equal("application/problem+json", one.Content.Headers.ContentType?.MediaType);
        var batch = await client.PostAsJsonAsync("/api/documents/batch", new { documents = new[] { new { text = "نص عربي قصير للتجربة." } } });
        Assert.Equal(HttpStatusCode.Forbidden, batch.StatusCode);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/documents");
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }
}
