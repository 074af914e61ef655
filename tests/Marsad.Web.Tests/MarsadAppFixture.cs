using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marsad.Web.Tests;

/// <summary>
/// The real app (WebApplicationFactory&lt;Program&gt;) over a fresh SQLite file for one test class, seeded through the
/// API itself: the five seed articles (publication dates from the gold file) and a hostile page whose title and text
/// hold markup. Tests only count data they know the fixture created.
/// </summary>
public class MarsadAppFixture : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-key-5b1f";

    /// <summary>Markup in a crawled article: must show as text, never run.</summary>
    public const string HostileTitle = "<script>window.__pwned = 1</script> عنوان";
    public const string HostileText =
        "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الأمريكي أنتوني بلينكن في جنيف.\n" +
        "<script>window.__pwned = 2</script><img src=x onerror=\"window.__pwned = 3\"> وقال لافروف إن اللقاء كان مفيدا.";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "marsad-web-tests", Guid.NewGuid().ToString("N"));
    private readonly Lazy<Task> _seeded;

    public MarsadAppFixture()
    {
        _seeded = new Lazy<Task>(SeedAsync);
    }

    public string DbPath => Path.Combine(_dir, "store.db");

    /// <summary>Ids of the seeded documents by seed file name ("hostile" for the hostile page).</summary>
    public Dictionary<string, string> Ids { get; } = new(StringComparer.Ordinal);

    protected virtual string? ConfiguredApiKey => ApiKey;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dir);
        builder.UseSetting("Marsad:Db", DbPath);
        builder.UseSetting("Marsad:CacheSeconds", "0");
        builder.UseSetting("Marsad:MaxRequestBytes", "262144");
        builder.UseSetting("Marsad:MaxBatchDocuments", "10");
        if (ConfiguredApiKey is not null) builder.UseSetting("Marsad:ApiKey", ConfiguredApiKey);
    }

    /// <summary>Seeds once (through POST /api/documents/batch) and returns a client.</summary>
    public async Task<HttpClient> ClientAsync()
    {
        await _seeded.Value;
        return CreateClient();
    }

    private async Task SeedAsync()
    {
        if (ConfiguredApiKey is null) return;
        using var client = CreateClient();
        foreach (var (name, id) in await Seed.PostAsync(client)) Ids[name] = id;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>The same app with no API key configured: read-only.</summary>
public sealed class ReadOnlyAppFixture : MarsadAppFixture
{
    protected override string? ConfiguredApiKey => null;
}
