using System.Text.Json;
using Marsad.Storage.Export;
using Marsad.Tests.Common;

namespace Marsad.Storage.Tests;

/// <summary>The store commands end to end through the real CLI on the five seed articles.</summary>
public sealed class CliStoreCommandsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "marsad-cli-store-tests", Guid.NewGuid().ToString("N"));

    private string Db => Path.Combine(_dir, "seeds.db");

    [Fact]
    public void Ingest_then_search_show_and_export_the_seeds()
    {
        Directory.CreateDirectory(_dir);
        var (exit, _, err) = CliProcess.Run("ingest", SharedData.Data("seeds"), "--db", Db);
        Assert.True(exit == 0, err);
        Assert.Contains("5 added", err);

        // The seeds spell Syria both ways; a query in one spelling finds both.
        var (sExit, sOut, sErr) = CliProcess.Run("search", "سورية", "--db", Db, "--json");
        Assert.True(sExit == 0, sErr);
        using var json = JsonDocument.Parse(sOut);
        var hits = json.RootElement.GetProperty("items");
        Assert.True(hits.GetArrayLength() >= 2);
        var first = hits[0];
        Assert.Contains("[", first.GetProperty("snippet").GetString()!, StringComparison.Ordinal);
        string id = first.GetProperty("document_id").GetString()!;

        var (shExit, shOut, _) = CliProcess.Run("show", id[..6], "--db", Db, "--json");
        Assert.Equal(0, shExit);
        using var shown = JsonDocument.Parse(shOut);
        var doc = shown.RootElement.GetProperty("document");
        Assert.Equal(id, doc.GetProperty("id").GetString());
        string path = doc.GetProperty("path").GetString()!;
        Assert.Equal(File.ReadAllText(path), doc.GetProperty("text").GetString());

        foreach (var format in new[] { "table", "json", "csv", "parquet", "gdelt", "gdelt-mentions", "plover", "jsonl" })
        {
            var (eExit, _, eErr) = CliProcess.Run("events", "--db", Db, "--format", format);
            Assert.True(eExit == 0, format + ": " + eErr);
        }
        Assert.Equal(0, CliProcess.Run("actors", "--db", Db, "--top", "5").Exit);
        Assert.Equal(0, CliProcess.Run("quotes", "--db", Db).Exit);

        // Re-ingesting is a no-op.
        var (rExit, _, rErr) = CliProcess.Run("ingest", SharedData.Data("seeds"), "--db", Db);
        Assert.Equal(0, rExit);
        Assert.Contains("0 added, 5 already stored", rErr);
    }

    [Fact]
    public async Task Search_pages_with_a_total_and_events_export_at_a_confidence_threshold()
    {
        Directory.CreateDirectory(_dir);
        Assert.Equal(0, CliProcess.Run("ingest", SharedData.Data("seeds"), "--db", Db).Exit);

        var (sExit, sOut, sErr) = CliProcess.Run("search", "بوتين", "--db", Db, "--json", "--limit", "2", "--offset", "2", "--sort", "newest");
        Assert.True(sExit == 0, sErr);
        using (var page = JsonDocument.Parse(sOut))
        {
            Assert.Equal(5, page.RootElement.GetProperty("total").GetInt64());
            Assert.Equal(2, page.RootElement.GetProperty("items").GetArrayLength());
        }
        Assert.Contains("results 3-4 of 5", sErr);
        Assert.NotEqual(0, CliProcess.Run("search", "بوتين", "--db", Db, "--sort", "oldest").Exit);

        int Lines(params string[] extra)
        {
            var (exit, stdout, stderr) = CliProcess.Run(["events", "--db", Db, "--format", "jsonl", .. extra]);
            Assert.True(exit == 0, stderr);
            return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        }
        int shown = Lines(), all = Lines("--min-confidence", "0");
        Assert.True(all > shown && shown > 0, $"all {all}, shown {shown}");
        Assert.True(Lines("--min-confidence", "0", "--modality", "asserted") < all);

        string parquet = Path.Combine(_dir, "events.parquet");
        Assert.Equal(0, CliProcess.Run("events", "--db", Db, "--format", "parquet", "--out", parquet).Exit);
        await using (var file = File.OpenRead(parquet))
            Assert.Equal(shown, (await Parquet.Serialization.ParquetSerializer.DeserializeUntypedAsync(file)).Data.Count);
        string csv = Path.Combine(_dir, "events.csv");
        Assert.Equal(0, CliProcess.Run("events", "--db", Db, "--format", "csv", "--out", csv).Exit);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, File.ReadAllBytes(csv)[..3]);

        var (gExit, _, gErr) = CliProcess.Run("events", "--db", Db, "--format", "gdelt", "--min-confidence", "0");
        Assert.Equal(0, gExit);
        Assert.Contains("left out of the gdelt file", gErr);
        Assert.Equal(2, CliProcess.Run("events", "--db", Db, "--min-confidence", "1.5").Exit);
        var (mExit, _, mErr) = CliProcess.Run("events", "--db", Db, "--modality", "maybe");
        Assert.Equal(2, mExit);
        Assert.Contains("--modality 'maybe'", mErr);
    }

    [Fact]
    public void Reading_commands_refuse_a_missing_store_instead_of_creating_one()
    {
        string missing = Path.Combine(_dir, "none.db");
        var (exit, _, err) = CliProcess.Run("search", "بوتين", "--db", missing);
        Assert.Equal(1, exit);
        Assert.Contains("no store at", err);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void Show_of_an_unknown_id_says_so()
    {
        Directory.CreateDirectory(_dir);
        Assert.Equal(0, CliProcess.Run("ingest", SharedData.SeedFiles()[0], "--db", Db).Exit);
        var (exit, _, err) = CliProcess.Run("show", "0123456789abcdef", "--db", Db);
        Assert.Equal(3, exit);
        Assert.Contains("no document", err);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }
}
