using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Tests.Common;

namespace Marsad.Web.Tests.Api;

/// <summary>
/// The OpenAPI document the app serves must equal the committed docs/openapi.json, so API changes show in review.
/// <c>OPENAPI_UPDATE=1</c> rewrites the committed file from the served one (review the diff like code).
/// </summary>
public sealed class OpenApiDocumentTests(ReadOnlyAppFixture app) : IClassFixture<ReadOnlyAppFixture>
{
    [Fact]
    public async Task The_served_document_matches_docs_openapi_json()
    {
        var client = await app.ClientAsync();
        var served = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        string pretty = served.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        string path = Path.Combine(SharedData.RepoRoot, "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable("OPENAPI_UPDATE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, pretty);
        }
        Assert.True(File.Exists(path), "docs/openapi.json is missing: run the tests once with OPENAPI_UPDATE=1");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        Assert.True(JsonNode.DeepEquals(committed, served), "the served OpenAPI document differs from docs/openapi.json: rerun with OPENAPI_UPDATE=1 and review the diff");
        foreach (var route in new[] { "/api/documents", "/api/documents/{id}", "/api/documents/batch", "/api/events", "/api/search", "/api/actors/{id}", "/api/network", "/api/quotes", "/api/export/events", "/api/analyze" })
            Assert.NotNull(served["paths"]![route]);
    }
}
