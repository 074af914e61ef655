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
        Assert.Equal("plain", ExportTable.CsvCell("plain"));
        Assert.Equal("\"a,b\"", ExportTable.CsvCell("a,b"));
        Assert.Equal("\"say \"\"hi\"\"\"", ExportTable.CsvCell("say \"hi\""));
        Assert.Equal("\"x\ny\"", ExportTable.CsvCell("x\ny"));
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

    /// <summary>C's sanctions (scored 0.7), its expulsion negated, and a meeting with no actor code on either side.</summary>
    private IReadOnlyList<StoredEvent> MixedEvents()
    {
        using var store = SqliteArticleStore.Open(Path.Combine(_dir, "mixed.db"));
        var c = TestDocuments.C();
        var nobody = new Marsad.Analysis.Documents.ActorRef("someone", null, "شخص ما", null);
        var a = TestDocuments.A();
        store.Store([
            c with { Events = [c.Events[0] with { Confidence = 0.7 }, c.Events[1] with { Modality = Marsad.Analysis.Events.EventModality.Negated }] },
            a with { Events = [a.Events[0] with { Source = [nobody], Target = [] }] },
        ]);
        return store.Events(new EventQuery());
    }

    [Fact]
    public void Gdelt_tables_leave_out_and_count_events_they_cannot_express_and_mentions_carry_confidence_and_modality()
    {
        var events = MixedEvents();
        Assert.Equal(3, events.Count);
        var w = new StringWriter();
        var result = GdeltExport.WriteEvents(w, events);
        Assert.Equal(new GdeltWriteResult(1, 1, 1), result);
        var row = Assert.Single(w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)).Split('\t');
        Assert.Equal(61, row.Length);
        Assert.Equal("163", row[26]);
        var m = new StringWriter();
        Assert.Equal(new GdeltWriteResult(1, 1, 1), GdeltExport.WriteMentions(m, events));
        var mention = Assert.Single(m.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)).Split('\t');
        Assert.Equal(row[0], mention[0]);
        Assert.Equal("70", mention[GdeltExport.MentionColumns.ToList().IndexOf("Confidence")]);
        Assert.EndsWith(";marsad_modality=asserted", mention[15]);
        Assert.Equal("negated", Assert.Single(events, e => GdeltExport.Excluded(e) == "not asserted").Modality);
    }

    [Fact]
    public async Task Csv_files_start_with_a_byte_order_mark_and_carry_confidence()
    {
        using var ms = new MemoryStream();
        var outcome = await EventFiles.WriteAsync(ms, "csv", MixedEvents());
        Assert.Equal(new ExportOutcome(3, 0, null), outcome);
        byte[] bytes = ms.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = new UTF8Encoding(false).GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', EventExport.CsvColumns), lines[0]);
        int confidence = EventExport.CsvColumns.ToList().IndexOf("confidence");
        Assert.Contains(lines.Skip(1), l => l.Split(',')[confidence] == "0.7");
        Assert.Contains(lines.Skip(1), l => l.Contains("شخص ما", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Parquet_files_read_back_with_the_documented_schema_and_every_row()
    {
        var events = MixedEvents();
        using var ms = new MemoryStream();
        await EventFiles.WriteAsync(ms, "parquet", events);
        ms.Position = 0;
        // Read as a Parquet DATE (the logical type pandas, R and DuckDB turn into a date), not as a timestamp.
        await using var reader = await Parquet.ParquetReader.CreateAsync(ms, new Parquet.ParquetOptions { UseDateOnlyTypeForDates = true });
        Assert.Equal(EventExport.Columns.Select(c => c.Name), reader.Schema.Fields.Select(f => f.Name));
        Assert.Equal(events.Count, reader.RowGroups.Sum(g => g.RowCount));
        ms.Position = 0;
        var rows = await Parquet.Serialization.ParquetSerializer.DeserializeUntypedAsync(ms);
        var sanction = rows.Data.Single(r => (string?)r["type"] == "SANCTION");
        Assert.Equal(0.7, sanction["confidence"]);
        Assert.Equal(new DateTime(2021, 4, 15), Convert.ToDateTime(sanction["day"], System.Globalization.CultureInfo.InvariantCulture).Date);
        Assert.Equal(["USA"], ((System.Collections.IEnumerable)sanction["source_ids"]!).Cast<object>().Select(o => o.ToString()));
        Assert.Equal(events.Single(e => e.Type == "SANCTION").GlobalId, sanction["event_id"]);
        Assert.Contains(rows.Data, r => !r.TryGetValue("confidence", out var c) || c is null);   // unscored events stay null, not 0
        Assert.Equal(typeof(DateOnly), reader.Schema.DataFields.Single(f => f.Name == "day").ClrType);
        Assert.StartsWith("the event coder", reader.CustomMetadata["marsad.column.confidence"]);
    }

    [Fact]
    public void Docs_exports_lists_every_column_of_both_tables_in_order()
    {
        var doc = File.ReadAllLines(Path.Combine(SharedData.RepoRoot, "docs", "exports.md"));
        var documented = doc.Where(l => l.StartsWith("| `", StringComparison.Ordinal)).Select(l => l.Split('`')[1]).ToList();
        int Index(string name) => documented.IndexOf(name);
        foreach (var columns in new[] { EventExport.Columns.Select(c => c.Name).ToList(), SearchExport.Columns.Select(c => c.Name).ToList() })
        {
            Assert.All(columns, c => Assert.True(Index(c) >= 0, $"docs/exports.md does not list the column {c}"));
            var at = columns.Select(c => documented.IndexOf(c, Index(columns[0]))).ToList();
            Assert.Equal(at.Order(), at);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }
}
