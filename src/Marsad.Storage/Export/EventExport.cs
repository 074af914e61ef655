using System.Globalization;
using System.Text;
using System.Text.Json;
using Marsad.Analysis.Documents;
using Marsad.Storage.Records;

namespace Marsad.Storage.Export;

/// <summary>
/// Event exports besides GDELT: PLOVER JSON with POLECAT-like field names, the flat event table as CSV (RFC 4180, UTF-8
/// with a byte-order mark) and Parquet, and JSONL (the stored event with its mentions, one per line). Stateless; thread-safe.
/// </summary>
public static class EventExport
{
    /// <summary>
    /// The flat event table written as CSV and Parquet (docs/exports.md lists it): one row per merged event, its first
    /// report standing for the event's document, URL, trigger and sentence; several actors are a list.
    /// </summary>
    public static readonly IReadOnlyList<ExportColumn<StoredEvent>> Columns =
    [
        new("event_id", ExportKind.Integer, "the store's integer event id (GDELT GLOBALEVENTID)", e => e.GlobalId),
        new("day", ExportKind.Day, "the event's day: its date when known to the day, else the first report's publication day", e => DayOf(e.Day)),
        new("date", ExportKind.Text, "the event's date at its known precision (yyyy-MM-dd, yyyy-MM or yyyy), empty when unknown", e => e.Date),
        new("type", ExportKind.Text, "PLOVER event type (CONSULT, SANCTION …)", e => e.Type),
        new("mode", ExportKind.Text, "PLOVER mode (visit, phone …)", e => e.Mode),
        new("cameo", ExportKind.Text, "CAMEO event code", e => e.Cameo),
        new("modality", ExportKind.Text, "asserted, planned, proposed, possible or negated", e => e.Modality),
        new("confidence", ExportKind.Real, "the event coder's confidence (0-1, best report); empty when not scored", e => e.Confidence),
        new("source_ids", ExportKind.TextList, "source actor ids", e => e.Source.Select(a => a.Id)),
        new("source_names", ExportKind.TextList, "source actor names (English, else Arabic)", e => e.Source.Select(Name)),
        new("source_countries", ExportKind.TextList, "source actor countries (ISO 3166 alpha-3, empty when unknown)", e => e.Source.Select(a => a.Country ?? "")),
        new("target_ids", ExportKind.TextList, "target actor ids", e => e.Target.Select(a => a.Id)),
        new("target_names", ExportKind.TextList, "target actor names (English, else Arabic)", e => e.Target.Select(Name)),
        new("target_countries", ExportKind.TextList, "target actor countries", e => e.Target.Select(a => a.Country ?? "")),
        new("location", ExportKind.Text, "where it happened (English, else Arabic name)", e => e.Location?.NameEn ?? e.Location?.NameAr),
        new("location_country", ExportKind.Text, "the location's country (ISO 3166 alpha-3)", e => e.Location?.Country),
        new("topics", ExportKind.TextList, "topics discussed", e => e.Topics),
        new("num_mentions", ExportKind.Integer, "reports of the event", e => e.NumMentions),
        new("num_sources", ExportKind.Integer, "distinct outlets reporting it", e => e.NumSources),
        new("num_articles", ExportKind.Integer, "distinct documents reporting it", e => e.NumArticles),
        new("first_document", ExportKind.Text, "id of the first report's document", e => First(e)?.DocumentId),
        new("first_url", ExportKind.Text, "URL of the first report", e => First(e)?.Url),
        new("trigger", ExportKind.Text, "the first report's trigger words (Arabic)", e => First(e)?.Trigger?.Text),
        new("sentence", ExportKind.Text, "the first report's sentence (Arabic)", e => First(e)?.SentenceText),
        new("date_added", ExportKind.Text, "when the event was first stored (UTC, ISO 8601)", e => e.DateAdded),
    ];

    /// <summary>The CSV header, one column per field written by <see cref="WriteCsv(TextWriter, IEnumerable{StoredEvent})"/>.</summary>
    public static readonly IReadOnlyList<string> CsvColumns = Columns.Select(c => c.Name).ToArray();

    /// <summary>Writes the header line, then one line per event, as text (no byte-order mark: the writer's encoding decides).</summary>
    public static void WriteCsv(TextWriter output, IEnumerable<StoredEvent> events) => ExportTable.WriteCsv(output, Columns, events);

    /// <summary>The CSV file: UTF-8 with a byte-order mark, so Excel shows the Arabic right.</summary>
    public static void WriteCsv(Stream output, IEnumerable<StoredEvent> events) => ExportTable.WriteCsv(output, Columns, events);

    /// <summary>The same table as a Parquet file (schema in docs/exports.md).</summary>
    public static Task WriteParquetAsync(Stream output, IEnumerable<StoredEvent> events, CancellationToken cancel = default) =>
        ExportTable.WriteParquetAsync(output, Columns, events, cancel);

    private static StoredEventMention? First(StoredEvent e) => e.Mentions.Count > 0 ? e.Mentions[0] : null;

    private static DateOnly? DayOf(string? day) =>
        DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Name(ActorRef a) => a.NameEn ?? a.NameAr ?? a.Id;

    /// <summary>Writes one stored event (with mentions) per line.</summary>
    public static void WriteJsonl(TextWriter output, IEnumerable<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            output.Write(JsonSerializer.Serialize(Jsonl(e), StorageJson.Options));
            output.Write('\n');
        }
    }

    private static object Jsonl(StoredEvent e) => new
    {
        e.GlobalId, e.Key, e.Type, e.Mode, e.Cameo, e.Date, e.Day, e.Modality, e.Confidence, e.Source, e.Target, e.Location, e.Topics,
        e.NumMentions, e.NumSources, e.NumArticles, e.DateAdded, e.Mentions,
    };

    /// <summary>
    /// Writes a JSON array of PLOVER events with POLECAT-like fields: <c>event_id, event_date, event_type, event_mode,
    /// contexts, modality, cameo_code, actor_*</c> (first source) and <c>recipient_*</c> (first target) with <c>_raw</c> Arabic
    /// names, the full <c>actors</c>/<c>recipients</c> lists, <c>placename, country, story_id, headline, publication_date, source,
    /// url, language, event_text</c> (the first report's sentence), GDELT-like counts and every mention.
    /// </summary>
    public static void WritePloverJson(Stream output, IEnumerable<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(events);
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = StorageJson.Options.Encoder });
        w.WriteStartArray();
        foreach (var e in events)
        {
            var first = e.Mentions.Count > 0 ? e.Mentions[0] : null;
            var actor = e.Source.Count > 0 ? e.Source[0] : null;
            var recipient = e.Target.Count > 0 ? e.Target[0] : null;
            w.WriteStartObject();
            w.WriteString("event_id", e.GlobalId.ToString(CultureInfo.InvariantCulture));
            w.WriteString("event_key", e.Key);
            Str(w, "event_date", e.Day);
            Str(w, "event_date_text", e.Date);
            w.WriteString("event_type", e.Type);
            Str(w, "event_mode", e.Mode);
            w.WriteStartArray("contexts");
            foreach (var t in e.Topics) w.WriteStringValue(t);
            w.WriteEndArray();
            w.WriteString("modality", e.Modality);
            if (e.Confidence is { } confidence) w.WriteNumber("confidence", confidence);
            else w.WriteNull("confidence");
            Str(w, "cameo_code", e.Cameo);
            Str(w, "actor_id", actor?.Id);
            Str(w, "actor_name", actor?.NameEn);
            Str(w, "actor_name_raw", actor?.NameAr);
            Str(w, "actor_country", actor?.Country);
            Str(w, "recipient_id", recipient?.Id);
            Str(w, "recipient_name", recipient?.NameEn);
            Str(w, "recipient_name_raw", recipient?.NameAr);
            Str(w, "recipient_country", recipient?.Country);
            w.WritePropertyName("actors");
            JsonSerializer.Serialize(w, e.Source, StorageJson.Options);
            w.WritePropertyName("recipients");
            JsonSerializer.Serialize(w, e.Target, StorageJson.Options);
            Str(w, "placename", e.Location?.NameEn ?? e.Location?.NameAr);
            Str(w, "placename_raw", e.Location?.NameAr);
            Str(w, "country", e.Location?.Country);
            Str(w, "story_id", first?.DocumentId);
            Str(w, "headline", first?.Title);
            Str(w, "publication_date", first?.Published);
            Str(w, "source", first?.Source);
            Str(w, "url", first?.Url);
            w.WriteString("language", "ar");
            Str(w, "event_text", first?.SentenceText);
            w.WriteNumber("num_mentions", e.NumMentions);
            w.WriteNumber("num_sources", e.NumSources);
            w.WriteNumber("num_articles", e.NumArticles);
            w.WriteString("date_added", e.DateAdded);
            w.WriteStartArray("mentions");
            foreach (var m in e.Mentions)
            {
                w.WriteStartObject();
                w.WriteString("story_id", m.DocumentId);
                w.WriteString("record_id", m.RecordId);
                Str(w, "headline", m.Title);
                Str(w, "publication_date", m.Published);
                Str(w, "source", m.Source);
                Str(w, "url", m.Url);
                Str(w, "event_text", m.SentenceText);
                if (m.Trigger is not null)
                {
                    w.WriteStartObject("trigger");
                    w.WriteString("text", m.Trigger.Text);
                    w.WriteNumber("start", m.Trigger.Start);
                    w.WriteNumber("end", m.Trigger.End);
                    w.WriteEndObject();
                }
                Str(w, "date_text", m.DateText);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.Flush();
        output.Write(Encoding.UTF8.GetBytes("\n"));
    }

    private static void Str(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }
}
