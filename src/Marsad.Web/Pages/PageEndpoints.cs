using System.Collections.Frozen;
using System.Reflection;

namespace Marsad.Web.Pages;

/// <summary>
/// The pages: static HTML, CSS and JavaScript written for Marsad, embedded in this assembly (no CDN, nothing fetched
/// from outside). Each page loads <c>/assets/app.js</c>, which reads the HTTP API and builds the page with DOM text
/// nodes only, so article text can never become markup. The timeline, network and map pages also load
/// <c>/assets/views.js</c>, their code bundled with ECharts at build time, and the map fetches <c>/assets/world-50m.json</c>.
/// </summary>
internal static class PageEndpoints
{
    /// <summary>Route → page name (its body is the embedded <c>NAME.html</c>, set inside <c>layout.html</c>) and titles.</summary>
    private static readonly (string Route, string Page, string TitleAr, string TitleEn)[] Pages =
    [
        ("/", "search", "بحث", "Search"),
        ("/article", "article", "مقال", "Article"),
        ("/timeline", "timeline", "الخط الزمني", "Timeline"),
        ("/actor", "actor", "فاعل", "Actor"),
        ("/network", "network", "شبكة الفاعلين", "Actor network"),
        ("/map", "map", "الخريطة", "Map"),
        ("/analyze", "analyze", "تحليل نص", "Analyze"),
    ];

    private static readonly FrozenDictionary<string, byte[]> Assets = Load();

    private static FrozenDictionary<string, byte[]> Load()
    {
        var asm = Assembly.GetExecutingAssembly();
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith("pages/", StringComparison.Ordinal)))
        {
            using var s = asm.GetManifestResourceStream(name)!;
            using var m = new MemoryStream();
            s.CopyTo(m);
            files[name["pages/".Length..]] = m.ToArray();
        }
        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".json" => "application/json",
        _ => "application/octet-stream",
    };

    public static void MapPages(this IEndpointRouteBuilder app)
    {
        string layout = System.Text.Encoding.UTF8.GetString(Assets["layout.html"]);
        foreach (var (route, page, titleAr, titleEn) in Pages)
        {
            // Only these constants are substituted: no request or store data ever goes into the HTML.
            var html = System.Text.Encoding.UTF8.GetBytes(layout.Replace("{{title-ar}}", titleAr, StringComparison.Ordinal)
                .Replace("{{title-en}}", titleEn, StringComparison.Ordinal).Replace("{{page}}", page, StringComparison.Ordinal)
                .Replace("{{body}}", System.Text.Encoding.UTF8.GetString(Assets[page + ".html"]), StringComparison.Ordinal));
            app.MapGet(route, () => TypedResults.Bytes(html, "text/html; charset=utf-8")).ExcludeFromDescription().WithName("Page-" + page);
        }
        app.MapGet("/favicon.ico", () => TypedResults.Bytes(Assets["icon.svg"], "image/svg+xml")).ExcludeFromDescription();
        app.MapGet("/assets/{file}", (string file, HttpContext context) =>
        {
            if (!Assets.TryGetValue(file, out var bytes) || file.EndsWith(".html", StringComparison.Ordinal)) return Results.NotFound();
            context.Response.Headers.CacheControl = "public, max-age=300";
            return TypedResults.Bytes(bytes, ContentType(file));
        }).ExcludeFromDescription();
    }
}
