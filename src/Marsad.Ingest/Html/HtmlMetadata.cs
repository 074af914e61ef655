using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Marsad.Ingest.Html;

/// <summary>Reads title, publication date, author, canonical URL and site name from a parsed page.</summary>
internal static class HtmlMetadata
{
    private static readonly string[] DateMetaNames =
    [
        "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
        "publish_date", "date", "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date",
        "article.published", "originalpublicationdate", "displaydate", "lastmod", "article:modified_time",
    ];

    public static HtmlPage Read(IHtmlDocument doc, string? url)
    {
        var metas = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in doc.QuerySelectorAll("meta"))
        {
            var key = m.GetAttribute("property") ?? m.GetAttribute("name") ?? m.GetAttribute("itemprop") ?? m.GetAttribute("http-equiv");
            var content = m.GetAttribute("content");
            if (key is null || string.IsNullOrWhiteSpace(content)) continue;
            metas.TryAdd(key.Trim(), content.Trim());
        }
        var ld = JsonLd(doc);
        string? Meta(string k) => metas.TryGetValue(k, out var v) ? v : null;

        var siteName = Meta("og:site_name") ?? ld.Publisher ?? Meta("application-name") ?? Meta("twitter:site");
        var canonical = doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta("og:url") ?? ld.Url ?? url;
        if (canonical is not null && url is not null && !canonical.Contains("://", StringComparison.Ordinal)
            && Uri.TryCreate(url, UriKind.Absolute, out var baseUri) && Uri.TryCreate(baseUri, canonical, out var abs))
            canonical = abs.ToString();
        siteName ??= HostOf(canonical ?? url);

        var docTitle = doc.Title?.Trim();
        var h1 = doc.QuerySelector("h1")?.TextContent.Trim();
        var title = Meta("og:title") ?? ld.Headline ?? Meta("twitter:title") ?? (string.IsNullOrEmpty(h1) ? null : h1) ?? StripSiteSuffix(docTitle, siteName);
        title = StripSiteSuffix(title, siteName);

        string? published = null;
        foreach (var k in DateMetaNames)
        {
            published = IsoDay(Meta(k));
            if (published is not null) break;
        }
        published ??= IsoDay(ld.DatePublished);
        if (published is null)
        {
            foreach (var t in doc.QuerySelectorAll("time[datetime], [itemprop=datePublished]"))
            {
                published = IsoDay(t.GetAttribute("datetime") ?? t.GetAttribute("content") ?? t.TextContent);
                if (published is not null) break;
            }
        }
        published ??= ArabicDates.FromUrl(canonical ?? url);

        var author = Meta("author") ?? Meta("article:author") ?? ld.Author ?? doc.QuerySelector("[rel=author], [itemprop=author]")?.TextContent.Trim();
        if (string.IsNullOrWhiteSpace(author) || author.StartsWith("http", StringComparison.OrdinalIgnoreCase)) author = null;

        return new HtmlPage
        {
            Title = string.IsNullOrWhiteSpace(title) ? null : title,
            Published = published,
            Author = author,
            CanonicalUrl = canonical,
            SiteName = siteName,
            DeclaredLanguage = doc.DocumentElement?.GetAttribute("lang"),
        };
    }

    /// <summary>"Headline - CNNArabic.com" → "Headline" when the suffix names the site (or looks like a domain).</summary>
    internal static string? StripSiteSuffix(string? title, string? site)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        foreach (var sep in new[] { " - ", " | ", " – ", " — ", " :: ", " « ", " » " })
        {
            int i = title.LastIndexOf(sep, StringComparison.Ordinal);
            if (i <= 0) continue;
            var tail = title[(i + sep.Length)..].Trim();
            if (tail.Contains('.') || (site is not null && (tail.Contains(site, StringComparison.OrdinalIgnoreCase) || site.Contains(tail, StringComparison.OrdinalIgnoreCase))) || tail.Length < title.Length / 3)
                return title[..i].Trim();
        }
        return title.Trim();
    }

    private static string? HostOf(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Host.Length > 0 ? u.Host : null;

    /// <summary>Any reasonable date or date-time string → yyyy-MM-dd; null when it is not a date.</summary>
    internal static string? IsoDay(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        if (value.Length >= 10 && char.IsAsciiDigit(value[0]) && value[4] == '-' && value[7] == '-'
            && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var dto) && dto.Year > 1900)
            return dto.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return ArabicDates.Find(value);
    }

    private sealed record LdInfo(string? Headline, string? DatePublished, string? Author, string? Publisher, string? Url);

    private static LdInfo JsonLd(IHtmlDocument doc)
    {
        string? headline = null, date = null, author = null, publisher = null, url = null;
        foreach (var script in doc.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, MaxDepth = 32 });
                Visit(json.RootElement, 0);
            }
            catch (JsonException)
            {
                // Malformed JSON-LD is common; the other metadata sources remain.
            }
        }
        return new LdInfo(headline, date, author, publisher, url);

        void Visit(JsonElement e, int depth)
        {
            if (depth > 8) return;
            if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var x in e.EnumerateArray()) Visit(x, depth + 1);
                return;
            }
            if (e.ValueKind != JsonValueKind.Object) return;
            headline ??= Str(e, "headline");
            date ??= Str(e, "datePublished") ?? Str(e, "dateCreated");
            if (e.TryGetProperty("author", out var a)) author ??= NameOf(a);
            if (e.TryGetProperty("publisher", out var p)) publisher ??= NameOf(p);
            if (e.TryGetProperty("mainEntityOfPage", out var m) && m.ValueKind == JsonValueKind.String) url ??= m.GetString();
            if (e.TryGetProperty("@graph", out var g)) Visit(g, depth + 1);
        }

        static string? Str(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        static string? NameOf(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Object => Str(e, "name"),
            JsonValueKind.Array => e.GetArrayLength() > 0 ? NameOf(e[0]) : null,
            _ => null,
        };
    }
}
