using System.Globalization;
using System.Text;
using System.Text.Json;
using Marsad.Analysis.Documents;
using Marsad.Storage.Records;

namespace Marsad.Storage.Export;

/// <summary>
/// Event exports besides GDELT: PLOVER JSON with POLECAT-like field names, CSV (RFC 4180) and JSONL (the stored
/// event with its mentions, one per line). All streaming and stateless; thread-safe.
/// </summary>
public static class EventExport
{
    /// <summary>The CSV header, one column per field written by <see cref="WriteCsv"/>.</summary>
    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "event_id", "day", "date", "type", "mode", "cameo", "modality",
        "source_ids", "source_names", "source_countries", "target_ids", "target_names", "target_countries",
        "location", "location_country", "topics", "num_mentions", "num_sources", "num_articles",
        "first_document", "first_url", "trigger", "sentence",
    ];

    /// <summary>Writes a header line, then one line per event. Multi-valued cells are joined with |.</summary>
    public static void WriteCsv(TextWriter output, IEnumerable<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(events);
        output.Write(string.Join(',', CsvColumns));
        output.Write("\r\n");
        foreach (var e in events)
        {
            var first = e.Mentions.Count > 0 ? e.Mentions[0] : null;
            string[] cells =
            [
                e.GlobalId.ToString(CultureInfo.InvariantCulture), e.Day ?? "", e.Date ?? "", e.Type, e.Mode ?? "", e.Cameo ?? "", e.Modality,
                Join(e.Source.Select(a => a.Id)), Join(e.Source.Select(Name)), Join(e.Source.Select(a => a.Country ?? "")),
                Join(e.Target.Select(a => a.Id)), Join(e.Target.Select(Name)), Join(e.Target.Select(a => a.Country ?? "")),
                e.Location?.NameEn ?? e.Location?.NameAr ?? "", e.Location?.Country ?? "", Join(e.Topics),
                e.NumMentions.ToString(CultureInfo.InvariantCulture), e.NumSources.ToString(CultureInfo.InvariantCulture),
                e.NumArticles.ToString(CultureInfo.InvariantCulture),
                first?.DocumentId ?? "", first?.Url ?? "", first?.Trigger?.Text ?? "", first?.SentenceText ?? "",
            ];
            for (int i = 0; i < cells.Length; i++)
            {
                if (i > 0) output.Write(',');
                output.Write(CsvCell(cells[i]));
            }
            output.Write("\r\n");
        }
    }

    /// <summary>A CSV cell, quoted when it holds a comma, quote or line break (quotes doubled).</summary>
    public static string CsvCell(string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0) return value;
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static string Join(IEnumerable<string> values) => string.Join('|', values);

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
        e.GlobalId, e.Key, e.Type, e.Mode, e.Cameo, e.Date, e.Day, e.Modality, e.Source, e.Target, e.Location, e.Topics,
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
