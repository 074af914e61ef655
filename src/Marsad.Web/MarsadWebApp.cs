using Marsad.Web.Api;
using Marsad.Web.Options;
using Marsad.Web.Pages;
using Marsad.Web.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Marsad.Web;

/// <summary>Builds the web app: HTTP API, OpenAPI document, pages, security headers, limits.</summary>
public static class MarsadWebApp
{
    /// <summary>
    /// Creates the app from <paramref name="args"/> (configuration: the <c>Marsad</c> section, see <see cref="MarsadWebOptions"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">the settings are invalid (the message lists every problem).</exception>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        // One line per request at Information is noise for a long-running server; configuration can still lower it.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        configure?.Invoke(builder);
        var services = builder.Services;
        services.AddSingleton(sp =>
        {
            var section = sp.GetRequiredService<IConfiguration>().GetSection(MarsadWebOptions.Section);
            var options = section.Get<MarsadWebOptions>() ?? new MarsadWebOptions();
            var problems = options.Validate(section.GetChildren().Select(c => c.Key));
            if (problems.Count > 0) throw new InvalidOperationException("invalid settings: " + string.Join("; ", problems));
            return options;
        });
        services.AddSingleton<StorePool>();
        services.AddSingleton<DocumentAnalyzer>();
        services.AddSingleton<QueryCache>();
        services.AddMemoryCache(o => o.SizeLimit = 20_000);
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => WebJson.Configure(o.SerializerOptions));
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Marsad HTTP API";
            doc.Info.Version = "v1";
            doc.Info.Description = "Arabic news as structured event data: documents, merged events, actors, quotes, search, exports.";
            doc.Servers?.Clear();   // the host differs per deployment; the committed document must not depend on it
            return Task.CompletedTask;
        }));
        // Kestrel refuses larger bodies before they are read; the endpoints also bound what they read (TestServer has no Kestrel).
        services.Configure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = 64L * 1024 * 1024);
        services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = 64L * 1024 * 1024);

        // Store calls are synchronous (ADO.NET over SQLite), and SQLite ranks large match sets on parallel shards: under
        // many concurrent requests the thread pool would otherwise add threads slowly and requests would queue for one.
        ThreadPool.GetMinThreads(out int workers, out int io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));

        var app = builder.Build();
        var options = app.Services.GetRequiredService<MarsadWebOptions>();
        app.Services.GetRequiredService<StorePool>();   // open the store now: a bad path or server fails at startup, not on the first request
        app.Use(async (context, next) =>
        {
            var h = context.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "no-referrer";
            h.XFrameOptions = "DENY";
            // Scripts and styles come only from this server, never inline: even injected markup could not run.
            h.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
                                      "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = options.MaxRequestBytes;
            await next(context);
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi("/openapi/v1.json");
        app.MapDocumentsApi();
        app.MapAnalyzeApi();
        app.MapEventsApi();
        app.MapActorsApi();
        app.MapViewsApi();
        app.MapSearchApi();
        app.MapPages();
        return app;
    }
}
