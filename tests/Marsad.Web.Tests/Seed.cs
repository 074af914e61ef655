using System.Net.Http.Json;
using System.Text.Json;
using Marsad.Tests.Common;

namespace Marsad.Web.Tests;

/// <summary>
/// The test data, stored through the API itself (POST /api/documents/batch): the five seed articles with their
/// publication dates from the gold file, and a hostile page whose title and text hold markup.
/// </summary>
internal static class Seed
{
    /// <summary>Posts the documents; returns their ids by seed file name ("hostile" for the hostile page).</summary>
    public static async Task<Dictionary<string, string>> PostAsync(HttpClient client)
    {
        using var gold = JsonDocument.Parse(await File.ReadAllTextAsync(SharedData.Data("seeds", "gold.json")));
        var published = gold.RootElement.GetProperty("documents").EnumerateArray()
            .ToDictionary(d => d.GetProperty("file").GetString()!, d => d.GetProperty("published").GetString());
        var docs = new List<object>();
        var names = new List<string>();
        foreach (var file in SharedData.SeedFiles())
        {
            var name = Path.GetFileName(file);
            docs.Add(new { text = await File.ReadAllTextAsync(file), published = published.GetValueOrDefault(name), source = "seed-" + name[..3] });
            names.Add(name);
        }
        docs.Add(new { text = MarsadAppFixture.HostileText, title = MarsadAppFixture.HostileTitle, published = "2021-05-19", source = "hostile", url = "https://example.org/hostile" });
        names.Add("hostile");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents/batch") { Content = JsonContent.Create(new { documents = docs }) };
        request.Headers.Add("X-Api-Key", MarsadAppFixture.ApiKey);
        var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var results = body.RootElement.GetProperty("results").EnumerateArray().ToList();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++) ids[names[i]] = results[i].GetProperty("id").GetString()!;
        return ids;
    }
}
