using System.Collections.Frozen;
using System.Reflection;

namespace Marsad.Web.Pages;

/// <summary>
/// The pages: static HTML, CSS and JavaScript written for Marsad, embedded in this assembly (no CDN, no build step,
/// nothing fetched from outside). Each page loads <c>/assets/app.js</c>, which reads the HTTP API and builds the page
/// with DOM text nodes only, so article text can never become markup.
/// </summary>
internal static class PageEndpoints
{
    /// <summary>Route → embedded page.</summary>
    private static readonly (string Route, string File, string Title)[] Pages =
    [
        ("/", "search.html", "Search"),
        ("/article", "article.html", "Article"),
        ("/timeline", "timeline.html", "Timeline"),
        ("/actor", "actor.html", "Actor"),
        ("/network", "network.html", "Network"),
        ("/analyze", "analyze.html", "Analyze"),
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
        _ => "application/octet-stream",
    };

    public static void MapPages(this IEndpointRouteBuilder app)
    {
        foreach (var (route, file, title) in Pages)
        {
            var bytes = Assets[file];
            app.MapGet(route, () => TypedResults.Bytes(bytes, ContentType(file))).ExcludeFromDescription().WithName("Page" + title);
        }
        app.MapGet("/assets/{file}", (string file, HttpContext context) =>
        {
            if (!Assets.TryGetValue(file, out var bytes) || file.EndsWith(".html", StringComparison.Ordinal)) return Results.NotFound();
            context.Response.Headers.CacheControl = "public, max-age=300";
            return TypedResults.Bytes(bytes, ContentType(file));
        }).ExcludeFromDescription();
    }
}
