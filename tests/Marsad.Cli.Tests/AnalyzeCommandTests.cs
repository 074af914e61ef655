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

    [Theory]
    [InlineData("analyze")]
    [InlineData("ingest")]
    public void An_unknown_option_is_rejected_not_read_as_a_path(string command)
    {
        // Paths take any number of values, so `--bogus x` used to become two more paths (two "not found" rejections, exit 0).
        var db = Path.Combine(Path.GetTempPath(), "marsad-unknown-option-" + Guid.NewGuid().ToString("N") + ".db");
        string[] args = command == "ingest"
            ? ["ingest", SharedData.SeedFiles()[0], "--bogus", "x", "--db", db]
            : ["analyze", SharedData.SeedFiles()[0], "--bogus", "x", "--format", "table"];
        var output = CliRunner.Run(args, out var exit);
        Assert.NotEqual(0, exit);
        Assert.Contains("'--bogus'", CliRunner.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("rejected:", CliRunner.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(" ok", output, StringComparison.Ordinal);   // nothing was analysed
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void A_path_that_begins_with_a_dash_can_still_be_named()
    {
        var dir = Path.Combine(Path.GetTempPath(), "marsad-dash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.Copy(SharedData.SeedFiles()[0], Path.Combine(dir, "-seed.txt"));
            var psiOutput = CliRunner.RunIn(dir, ["analyze", "./-seed.txt", "--format", "jsonl"], out var exit);
            Assert.True(exit == 0, CliRunner.LastError);
            using var doc = JsonDocument.Parse(psiOutput.Trim());
            Assert.Equal("ok", doc.RootElement.GetProperty("status").GetString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
