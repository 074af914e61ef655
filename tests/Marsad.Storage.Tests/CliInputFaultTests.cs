using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Marsad.Tests.Common;

namespace Marsad.Storage.Tests;

/// <summary>
/// Faults a new user met in the store commands (issue 19), each through the real CLI: a missing input path, an
/// impossible date, a cut-off .jsonl.gz, exact repeats inside one input, and the search JSON's list name.
/// </summary>
public sealed class CliInputFaultTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "marsad-cli-fault-tests", Guid.NewGuid().ToString("N"));

    public CliInputFaultTests() => Directory.CreateDirectory(_dir);

    private string Db => Path.Combine(_dir, "store.db");

    [Fact]
    public void Ingest_of_a_missing_path_fails_with_one_error_line_and_creates_no_store()
    {
        string missing = Path.Combine(_dir, "no-such-folder");
        var (exit, _, err) = CliProcess.Run("ingest", missing, "--db", Db);
        Assert.NotEqual(0, exit);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error:", line, StringComparison.Ordinal);
        Assert.Contains(missing, line, StringComparison.Ordinal);
        Assert.False(File.Exists(Db), "a failed ingest must not leave an empty store behind");

        // One missing path among good ones is the same mistake: nothing is ingested.
        var (exit2, _, err2) = CliProcess.Run("ingest", SharedData.SeedFiles()[0], missing, "--db", Db);
        Assert.NotEqual(0, exit2);
        Assert.Contains(missing, err2, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    [Theory]
    [InlineData("events", "--since", "2018-13-45")]
    [InlineData("events", "--until", "yesterday")]
    [InlineData("search", "--since", "2018-02-30")]
    public void An_impossible_date_is_rejected_with_a_clear_error(string command, string option, string value)
    {
        Assert.Equal(0, CliProcess.Run("ingest", SharedData.SeedFiles()[0], "--db", Db).Exit);
        string[] args = command == "search" ? [command, "بوتين", option, value, "--db", Db] : [command, option, value, "--db", Db];
        var (exit, output, err) = CliProcess.Run(args);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains($"{option} '{value}' is not a date", err, StringComparison.Ordinal);
        Assert.Contains("yyyy-MM-dd", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_jsonl_gz_is_reported_as_a_cut_off_gzip_not_as_invalid_json()
    {
        var lines = File.ReadLines(SharedData.Data("news", "dev", "articles.jsonl")).Take(40);
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
            gz.Write(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        var bytes = ms.ToArray();
        string path = Path.Combine(_dir, "cut.jsonl.gz");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var (_, _, err) = CliProcess.Run("ingest", path, "--db", Db);
        Assert.Contains("truncated or corrupt gzip", err, StringComparison.Ordinal);
        Assert.DoesNotContain("invalid JSON", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Exact_repeats_inside_one_input_are_duplicates_of_the_first_not_already_stored()
    {
        string text(int i) => File.ReadAllText(SharedData.SeedFiles()[i]);
        string Line(string id, string t) => JsonSerializer.Serialize(new { id, text = t });
        string path = Path.Combine(_dir, "repeats.jsonl");
        // A near duplicate of a (stored, with status duplicate) and then an exact repeat of that near duplicate, which
        // the duplicate detector links to a as the original: it is still a repeat of a text this input already had.
        string near = text(0) + "\nوقال مصدر آخر إن المحادثات ستستمر.";
        File.WriteAllLines(path, [Line("a", text(0)), Line("b", text(1)), Line("a-again", text(0)), Line("a-third", text(0)),
            Line("a-near", near), Line("a-near-again", near)]);

        var (exit, _, err) = CliProcess.Run("ingest", path, "--db", Db);
        Assert.True(exit == 0, err);
        Assert.Contains("3 added, 0 already stored, 3 repeated in the input, 0 rejected, 1 near-duplicate", err, StringComparison.Ordinal);
        string firstId = Marsad.Analysis.Documents.ContentHash.Of(text(0));
        Assert.Contains($"{path}:3: duplicate of {firstId}", err, StringComparison.Ordinal);
        Assert.Contains($"{path}:4: duplicate of {firstId}", err, StringComparison.Ordinal);
        Assert.Contains($"{path}:6: duplicate of {Marsad.Analysis.Documents.ContentHash.Of(near)}", err, StringComparison.Ordinal);

        // A second run over the same file: now everything is already stored.
        var (exit2, _, err2) = CliProcess.Run("ingest", path, "--db", Db);
        Assert.Equal(0, exit2);
        Assert.Contains("0 added, 6 already stored, 0 repeated in the input", err2, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_json_lists_results_under_items_like_the_http_api()
    {
        Assert.Equal(0, CliProcess.Run("ingest", SharedData.Data("seeds"), "--db", Db).Exit);
        var (exit, output, err) = CliProcess.Run("search", "سورية", "--db", Db, "--json");
        Assert.True(exit == 0, err);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.TryGetProperty("hits", out _));
        var items = json.RootElement.GetProperty("items");
        Assert.True(items.GetArrayLength() >= 2);
        Assert.Equal(JsonValueKind.String, items[0].GetProperty("document_id").ValueKind);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }
}
