using System.Text.Json;
using Marsad.Tests.Common;

namespace Marsad.Cli.Tests;

public class AnalyzeCommandTests
{
    [Fact]
    public void Analyze_seeds_returns_five_documents_whose_sentence_and_token_offsets_reproduce_the_text()
    {
        var json = CliRunner.Run(["analyze", SharedData.Data("seeds"), "--format", "json", "--tokens"], out var exit);
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(json);
        var docs = doc.RootElement.GetProperty("documents");
        Assert.Equal(5, docs.GetArrayLength());
        foreach (var d in docs.EnumerateArray())
        {
            Assert.Equal("ok", d.GetProperty("status").GetString());
            string text = d.GetProperty("text").GetString()!;
            Assert.Equal(File.ReadAllText(d.GetProperty("path").GetString()!), text);
            Assert.True(d.GetProperty("sentences").GetArrayLength() > 3);
            foreach (var t in d.GetProperty("tokens").EnumerateArray())
            {
                int s = t.GetProperty("start").GetInt32(), e = t.GetProperty("end").GetInt32();
                Assert.Equal(t.GetProperty("text").GetString(), text[s..e]);
            }
            foreach (var key in new[] { "entities", "events", "quotes" })
                Assert.Equal(JsonValueKind.Array, d.GetProperty(key).ValueKind);
        }
    }

    [Fact]
    public void Analyze_reports_a_missing_path_and_keeps_going()
    {
        var json = CliRunner.Run(["analyze", "/nonexistent/file.txt", SharedData.SeedFiles()[0], "--format", "jsonl"], out var exit);
        Assert.Equal(0, exit);
        var lines = json.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("rejected", first.RootElement.GetProperty("status").GetString());
        Assert.Contains("not found", first.RootElement.GetProperty("reason").GetString());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("ok", second.RootElement.GetProperty("status").GetString());
    }
}
