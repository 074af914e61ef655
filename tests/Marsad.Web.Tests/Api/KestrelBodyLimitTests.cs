using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Marsad.Web.Tests.Api;

/// <summary>
/// Request body limits on the real server (Kestrel on loopback), which <see cref="MarsadAppFixture"/>'s in-memory
/// TestServer does not enforce: a body sent in chunks (no Content-Length) that grows past the limit is refused by
/// Kestrel while the endpoint reads it, and must come back as 413 problem details, not as a 500.
/// </summary>
public sealed class KestrelBodyLimitTests : IAsyncLifetime
{
    private const int Limit = 65_536;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "marsad-kestrel-tests", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _app = MarsadWebApp.Create(["--urls=http://127.0.0.1:0", "--Marsad:Db=" + Path.Combine(_dir, "store.db"), "--Marsad:ApiKey=" + MarsadAppFixture.ApiKey,
            "--Marsad:CacheSeconds=0", "--Marsad:MaxRequestBytes=" + Limit, "--Logging:LogLevel:Default=Warning"]);
        await _app.StartAsync();
        string baseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        _client.DefaultRequestHeaders.Add("X-Api-Key", MarsadAppFixture.ApiKey);
    }

    /// <summary>A body with no Content-Length: HttpClient sends it with Transfer-Encoding: chunked.</summary>
    private sealed class ChunkedContent(byte[] bytes, string mediaType) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            for (int i = 0; i < bytes.Length; i += 8192)
                await stream.WriteAsync(bytes.AsMemory(i, Math.Min(8192, bytes.Length - i)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        public ChunkedContent WithType()
        {
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
            return this;
        }
    }

    private static byte[] DocumentJson(int textChars) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { text = "قال الوزير إن " + new string('ب', textChars), published = "2021-03-02" }));

    [Theory]
    [InlineData("/api/documents", "application/json")]
    [InlineData("/api/analyze", "application/json")]
    [InlineData("/api/analyze/file?name=big.txt", "application/octet-stream")]
    public async Task A_chunked_body_over_the_limit_gets_413_problem_details(string url, string mediaType)
    {
        var content = new ChunkedContent(DocumentJson(Limit), mediaType).WithType();
        using var response = await _client.PostAsync(url, content);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"expected 413, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(413, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        Assert.True(content.Headers.ContentLength is null, "the request must have gone out chunked");
    }

    [Fact]
    public async Task A_chunked_body_under_the_limit_is_read_whole()
    {
        var content = new ChunkedContent(DocumentJson(Limit / 8), "application/json").WithType();
        using var response = await _client.PostAsync("/api/analyze", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }
}
