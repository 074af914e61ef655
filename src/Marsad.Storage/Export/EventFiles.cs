using System.Text;
using Marsad.Storage.Records;

namespace Marsad.Storage.Export;

/// <summary>A file format an export can be written in: its name (the <c>format</c> parameter), media type and file name ending.</summary>
public sealed record ExportFormat(string Name, string ContentType, string Extension, string Description);

/// <summary>What an export wrote, and how many events it left out (the GDELT tables cannot hold every event).</summary>
/// <param name="LeftOutWhy">Why they were left out, in a few words; null when none were.</param>
public sealed record ExportOutcome(int Rows, int LeftOut, string? LeftOutWhy);

/// <summary>
/// The event export formats, written the same way by the CLI (<c>marsad events --format</c>) and the HTTP API
/// (<c>/api/export/events?format=</c>): one list of formats, one writer. Stateless; thread-safe.
/// </summary>
public static class EventFiles
{
    public static readonly IReadOnlyList<ExportFormat> Formats =
    [
        new("csv", "text/csv; charset=utf-8", "csv", "flat event table, UTF-8 with BOM (opens in Excel)"),
        new("parquet", "application/vnd.apache.parquet", "parquet", "the flat event table as Apache Parquet (pandas, R, DuckDB, Arrow)"),
        new("gdelt", "text/tab-separated-values; charset=utf-8", "tsv", "GDELT 2.0 Event table, 61 columns, asserted events with an actor code"),
        new("gdelt-mentions", "text/tab-separated-values; charset=utf-8", "mentions.tsv", "GDELT 2.0 Mentions table for the same events"),
        new("plover", "application/json; charset=utf-8", "plover.json", "PLOVER JSON with POLECAT-like fields"),
        new("jsonl", "application/x-ndjson; charset=utf-8", "jsonl", "one stored event with its mentions per line"),
    ];

    /// <summary>The format called <paramref name="name"/>, or null.</summary>
    public static ExportFormat? Find(string? name) => Formats.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    /// <summary>Writes <paramref name="events"/> in <paramref name="format"/> (a name from <see cref="Formats"/>).</summary>
    /// <exception cref="ArgumentException">the format is unknown.</exception>
    public static async Task<ExportOutcome> WriteAsync(Stream output, string format, IReadOnlyList<StoredEvent> events, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(events);
        switch (format)
        {
            case "csv":
                EventExport.WriteCsv(output, events);
                return new ExportOutcome(events.Count, 0, null);
            case "parquet":
                await EventExport.WriteParquetAsync(output, events, cancel);
                return new ExportOutcome(events.Count, 0, null);
            case "plover":
                EventExport.WritePloverJson(output, events);
                return new ExportOutcome(events.Count, 0, null);
        }
        using var w = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        switch (format)
        {
            case "gdelt":
            case "gdelt-mentions":
                var gdelt = format == "gdelt" ? GdeltExport.WriteEvents(w, events) : GdeltExport.WriteMentions(w, events);
                return new ExportOutcome(gdelt.Written, gdelt.LeftOut, gdelt.LeftOut == 0 ? null
                    : $"{gdelt.NotAsserted} not asserted (negated or hypothetical), {gdelt.NoActorCode} without any actor code");
            case "jsonl":
                EventExport.WriteJsonl(w, events);
                return new ExportOutcome(events.Count, 0, null);
            default:
                throw new ArgumentException($"unknown export format '{format}'", nameof(format));
        }
    }
}
