using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using Marsad.Analysis.Documents;
using Marsad.Storage.Records;

namespace Marsad.Storage.Export;

/// <summary>
/// Writes merged events as GDELT 2.0 Event-table rows (61 tab-separated columns, no header, the codebook's order)
/// and their reports as Mentions-table rows (16 columns). What Marsad does not know stays empty, as GDELT itself
/// leaves unknown fields empty: religion/ethnic/known-group codes, geo FIPS codes and coordinates, tone (and the Mentions confidence of events the coder did not score).
/// <list type="bullet">
/// <item>GLOBALEVENTID: the store's integer event id. SQLDATE/MonthYear/Year/FractionDate: the event's day.</item>
/// <item>ActorNCode: the actor's country code (Marsad codes no CAMEO role fragments yet); ActorNName: English name
/// upper-cased as GDELT writes it, else the Arabic name; the first source and first target actor are used.</item>
/// <item>EventCode/BaseCode/RootCode, QuadClass, GoldsteinScale: from the CAMEO code and GDELT's lookup tables.</item>
/// <item>IsRootEvent: 1 when the first report's trigger is in the document's first sentence.</item>
/// <item>NumMentions/NumSources/NumArticles: over all stored reports (GDELT counts only the first 15 minutes).</item>
/// <item>ActionGeo_FullName and ActionGeo_Type (1 = country) from the event's location; DATEADDED: when first stored (UTC);
/// SOURCEURL: the first report's URL (else its path).</item>
/// </list>
/// The 61 columns stay exactly GDELT's, so GDELT tooling reads the file unchanged; what they cannot say is left out and
/// counted (<see cref="GdeltWriteResult"/>): an event that is not asserted (negated, planned, proposed, possible: GDELT
/// codes only what happened and has no column to say otherwise; the CSV, Parquet, JSONL and PLOVER exports carry
/// <c>modality</c>), and an event with no actor code on either side (no source or target actor with a known country,
/// which a GDELT row cannot be without). The Mentions table carries only the written events' reports, each with the
/// coder's confidence in <c>Confidence</c> (percent, as GDELT's) and <c>marsad_modality=…</c> in <c>Extras</c>.
/// Thread-safe (stateless).
/// </summary>
public static class GdeltExport
{
    /// <summary>The 61 Event-table columns in order (GDELT Event Codebook V2.0).</summary>
    public static readonly IReadOnlyList<string> EventColumns =
    [
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
        "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
        "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
        "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
        "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
        "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
        "DATEADDED", "SOURCEURL",
    ];

    /// <summary>The 16 Mentions-table columns in order.</summary>
    public static readonly IReadOnlyList<string> MentionColumns =
    [
        "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier", "SentenceID",
        "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
        "MentionDocTranslationInfo", "Extras",
    ];

    private static readonly Lazy<FrozenDictionary<string, (string Quad, string Goldstein)>> Cameo = new(LoadCameo);

    /// <summary>Why an event is left out of the GDELT tables, or null when it is written.</summary>
    public static string? Excluded(StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!string.Equals(e.Modality, "asserted", StringComparison.Ordinal)) return "not asserted";
        if (!HasCode(e.Source) && !HasCode(e.Target)) return "no actor code";
        return null;
    }

    private static bool HasCode(IReadOnlyList<ActorRef> actors) => actors.Count > 0 && !string.IsNullOrEmpty(actors[0].Country);

    /// <summary>Writes one Event-table row per event that GDELT can express (see <see cref="Excluded"/>).</summary>
    public static GdeltWriteResult WriteEvents(TextWriter output, IEnumerable<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(events);
        var row = new string[EventColumns.Count];
        int written = 0, notAsserted = 0, noActorCode = 0;
        foreach (var e in events)
        {
            switch (Excluded(e))
            {
                case "not asserted": notAsserted++; continue;
                case "no actor code": noActorCode++; continue;
            }
            written++;
            Array.Fill(row, "");
            var first = e.Mentions.Count > 0 ? e.Mentions[0] : null;
            row[0] = e.GlobalId.ToString(CultureInfo.InvariantCulture);
            if (DateOnly.TryParseExact(e.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                row[1] = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
                row[2] = day.ToString("yyyyMM", CultureInfo.InvariantCulture);
                row[3] = day.ToString("yyyy", CultureInfo.InvariantCulture);
                row[4] = (day.Year + (day.DayOfYear - 1) / 365.0).ToString("0.0000", CultureInfo.InvariantCulture);
            }
            ActorColumns(row, 5, e.Source.Count > 0 ? e.Source[0] : null);
            ActorColumns(row, 15, e.Target.Count > 0 ? e.Target[0] : null);
            row[25] = first is not null && first.SentenceIndex == 0 ? "1" : "0";
            if (!string.IsNullOrEmpty(e.Cameo))
            {
                row[26] = e.Cameo;
                row[27] = e.Cameo.Length >= 3 ? e.Cameo[..3] : e.Cameo;
                row[28] = e.Cameo.Length >= 2 ? e.Cameo[..2] : e.Cameo;
                if (Cameo.Value.TryGetValue(e.Cameo, out var info) || Cameo.Value.TryGetValue(row[27], out info) || Cameo.Value.TryGetValue(row[28], out info))
                {
                    row[29] = info.Quad;
                    row[30] = info.Goldstein;
                }
            }
            row[31] = e.NumMentions.ToString(CultureInfo.InvariantCulture);
            row[32] = e.NumSources.ToString(CultureInfo.InvariantCulture);
            row[33] = e.NumArticles.ToString(CultureInfo.InvariantCulture);
            if (e.Location is not null)
            {
                row[51] = e.Location.Country is not null && e.Location.NameEn is null && e.Location.NameAr is null ? "1" : "4";
                row[52] = Clean(e.Location.NameEn ?? e.Location.NameAr ?? e.Location.Country);
            }
            row[59] = Timestamp(e.DateAdded);
            row[60] = Clean(first?.Url ?? first?.Path ?? "");
            output.Write(string.Join('\t', row));
            output.Write('\n');
        }
        return new GdeltWriteResult(written, notAsserted, noActorCode);
    }

    /// <summary>Writes one Mentions-table row per report of each event the Event table holds (see <see cref="Excluded"/>).</summary>
    public static GdeltWriteResult WriteMentions(TextWriter output, IEnumerable<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(events);
        var row = new string[MentionColumns.Count];
        int written = 0, notAsserted = 0, noActorCode = 0;
        foreach (var e in events)
        {
            switch (Excluded(e))
            {
                case "not asserted": notAsserted++; continue;
                case "no actor code": noActorCode++; continue;
            }
            written++;
            foreach (var m in e.Mentions)
            {
                Array.Fill(row, "");
                row[0] = e.GlobalId.ToString(CultureInfo.InvariantCulture);
                row[1] = Timestamp(e.DateAdded);
                row[2] = Timestamp(m.IngestedAt);
                bool web = m.Url is not null && m.Url.StartsWith("http", StringComparison.OrdinalIgnoreCase);
                row[3] = web ? "1" : "2";
                row[4] = Clean(m.Source ?? (web ? new Uri(m.Url!).Host : ""));
                row[5] = Clean(m.Url ?? m.Path ?? m.DocumentId);
                row[6] = m.SentenceIndex >= 0 ? (m.SentenceIndex + 1).ToString(CultureInfo.InvariantCulture) : "";
                row[7] = "-1";
                row[8] = "-1";
                row[9] = m.Trigger is null ? "-1" : m.Trigger.Start.ToString(CultureInfo.InvariantCulture);
                row[10] = "1";
                if (e.Confidence is { } confidence) row[11] = Math.Round(confidence * 100).ToString(CultureInfo.InvariantCulture);
                row[12] = m.DocumentLength.ToString(CultureInfo.InvariantCulture);
                row[15] = "marsad_doc=" + m.DocumentId + ";marsad_event=" + Clean(m.RecordId) + ";marsad_modality=" + e.Modality;
                output.Write(string.Join('\t', row));
                output.Write('\n');
            }
        }
        return new GdeltWriteResult(written, notAsserted, noActorCode);
    }

    private static void ActorColumns(string[] row, int at, ActorRef? actor)
    {
        if (actor is null) return;
        row[at] = Clean(actor.Country ?? "");
        row[at + 1] = Clean(actor.NameEn?.ToUpperInvariant() ?? actor.NameAr ?? actor.Id);
        row[at + 2] = Clean(actor.Country ?? "");
    }

    /// <summary>yyyyMMddHHmmss from an ISO 8601 UTC time.</summary>
    private static string Timestamp(string iso) =>
        DateTime.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
            ? t.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) : "";

    /// <summary>Tabs and line breaks would break the row.</summary>
    internal static string Clean(string? s) =>
        string.IsNullOrEmpty(s) ? "" : s.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');

    private static FrozenDictionary<string, (string, string)> LoadCameo()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Marsad.Storage.Resources.cameo_quad_goldstein.tsv")
            ?? throw new InvalidOperationException("embedded resource cameo_quad_goldstein.tsv is missing");
        using var reader = new StreamReader(stream);
        var map = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        bool header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#')) continue;
            if (header) { header = false; continue; }
            var f = line.Split('\t');
            if (f.Length >= 3) map[f[0]] = (f[1], f[2]);
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

/// <summary>What a GDELT export wrote: events written, and events left out because not asserted or without any actor code.</summary>
public sealed record GdeltWriteResult(int Written, int NotAsserted, int NoActorCode)
{
    /// <summary>Events left out, for the one-line notice (CLI standard error, the API's X-Marsad-Left-Out header).</summary>
    public int LeftOut => NotAsserted + NoActorCode;
}
