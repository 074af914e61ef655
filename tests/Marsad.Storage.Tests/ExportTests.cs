using System.Text;
using System.Text.Json;
using Marsad.Storage.Export;
using Marsad.Storage.Records;
using Marsad.Storage.Sqlite;
using Marsad.Tests.Common;

namespace Marsad.Storage.Tests;

public sealed class ExportTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "marsad-export-tests", Guid.NewGuid().ToString("N"));

    private IReadOnlyList<StoredEvent> Events()
    {
        using var store = SqliteArticleStore.Open(Path.Combine(_dir, "x.db"));
        store.Store([TestDocuments.A(), TestDocuments.B(), TestDocuments.C()]);
        return store.Events(new EventQuery());
    }

    private static string[] FieldNames(string file) =>
        File.ReadLines(SharedData.Data("events", file)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')[1]).ToArray();

    [Fact]
    public void Gdelt_columns_follow_the_codebook_order_in_shared_data()
    {
        Assert.Equal(FieldNames("gdelt2_event_fields.tsv"), GdeltExport.EventColumns);
        Assert.Equal(61, GdeltExport.EventColumns.Count);
        Assert.Equal(FieldNames("gdelt2_mentions_fields.tsv"), GdeltExport.MentionColumns);
    }

    [Fact]
    public void Gdelt_event_rows_have_61_fields_with_dates_codes_and_counts()
    {
        var w = new StringWriter();
        GdeltExport.WriteEvents(w, Events());
        var rows = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(61, r.Length));
        var consult = rows.Single(r => r[26] == "044");
        int Col(string name) => GdeltExport.EventColumns.ToList().IndexOf(name);
        Assert.Equal("20210616", consult[Col("SQLDATE")]);
        Assert.Equal("202106", consult[Col("MonthYear")]);
        Assert.Equal("RUS", consult[Col("Actor1CountryCode")]);
        Assert.Equal("VLADIMIR PUTIN", consult[Col("Actor1Name")]);
        Assert.Equal("USA", consult[Col("Actor2CountryCode")]);
        Assert.Equal("04", consult[Col("EventRootCode")]);
        Assert.Equal("1", consult[Col("QuadClass")]);           // CONSULT codes are verbal cooperation
        Assert.Equal("2", consult[Col("NumMentions")]);
        Assert.Equal("2", consult[Col("NumSources")]);
        Assert.Equal("1", consult[Col("IsRootEvent")]);
        Assert.Equal("Geneva", consult[Col("ActionGeo_FullName")]);
        Assert.Matches("^[0-9]{14}$", consult[Col("DATEADDED")]);
        var sanction = rows.Single(r => r[26] == "163");
        Assert.Equal("4", sanction[Col("QuadClass")]);
        Assert.StartsWith("-", sanction[Col("GoldsteinScale")]);
    }

    [Fact]
    public void Gdelt_mention_rows_have_16_fields_one_per_report()
    {
        var w = new StringWriter();
        GdeltExport.WriteMentions(w, Events());
        var rows = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal(16, r.Length));
        Assert.All(rows, r => Assert.Equal("1", r[3])); // WEB: the test documents have http URLs
        Assert.Contains(rows, r => r[4] == "alarabiya");
        var trigger = rows.First(r => r[4] == "skynews_arabia");
        Assert.Equal(TestDocuments.SummitA.IndexOf("التقى", StringComparison.Ordinal).ToString(System.Globalization.CultureInfo.InvariantCulture), trigger[9]);
        Assert.Equal("1", trigger[6]);
    }

    [Fact]
    public void Csv_quotes_cells_with_commas_quotes_and_line_breaks()
    {
        Assert.Equal("plain", EventExport.CsvCell("plain"));
        Assert.Equal("\"a,b\"", EventExport.CsvCell("a,b"));
        Assert.Equal("\"say \"\"hi\"\"\"", EventExport.CsvCell("say \"hi\""));
        Assert.Equal("\"x\ny\"", EventExport.CsvCell("x\ny"));
        var w = new StringWriter();
        EventExport.WriteCsv(w, Events());
        var lines = w.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', EventExport.CsvColumns), lines[0]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void Plover_json_has_polecat_like_fields_and_every_mention()
    {
        using var ms = new MemoryStream();
        EventExport.WritePloverJson(ms, Events());
        using var json = JsonDocument.Parse(ms.ToArray());
        var consult = json.RootElement.EnumerateArray().Single(e => e.GetProperty("event_type").GetString() == "CONSULT");
        Assert.Equal("third-party", consult.GetProperty("event_mode").GetString());
        Assert.Equal("Vladimir Putin", consult.GetProperty("actor_name").GetString());
        Assert.Equal("فلاديمير بوتين", consult.GetProperty("actor_name_raw").GetString());
        Assert.Equal("USA", consult.GetProperty("recipient_country").GetString());
        Assert.Equal("2021-06-16", consult.GetProperty("event_date").GetString());
        Assert.Equal(2, consult.GetProperty("mentions").GetArrayLength());
        Assert.Equal(2, consult.GetProperty("num_sources").GetInt32());
        Assert.Contains("بوتين", Encoding.UTF8.GetString(ms.ToArray())); // Arabic written as is, not \u-escaped
    }

    [Fact]
    public void Jsonl_writes_one_event_per_line()
    {
        var w = new StringWriter();
        EventExport.WriteJsonl(w, Events());
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        foreach (var l in lines)
        {
            using var j = JsonDocument.Parse(l);
            Assert.True(j.RootElement.GetProperty("mentions").GetArrayLength() >= 1);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }
}
