using Marsad.Storage.Records;

namespace Marsad.Storage.Export;

/// <summary>
/// A search's result set as a file: one row per matching document in the search's order, with its snippet (hits
/// marked with [ ]). CSV (UTF-8 with BOM), Parquet or JSONL; the columns are listed in docs/exports.md. Stateless; thread-safe.
/// </summary>
public static class SearchExport
{
    public static readonly IReadOnlyList<ExportColumn<SearchHit>> Columns =
    [
        new("document_id", ExportKind.Text, "the document's content hash (its id in the store and the API)", h => h.DocumentId),
        new("score", ExportKind.Real, "relevance (BM25 on SQLite, ts_rank on PostgreSQL; higher is better, not comparable across back ends)", h => h.Score),
        new("published", ExportKind.Text, "publication date or time as the document gave it", h => h.Published),
        new("source", ExportKind.Text, "outlet", h => h.Source),
        new("title", ExportKind.Text, "title", h => h.Title),
        new("url", ExportKind.Text, "URL", h => h.Url),
        new("snippet", ExportKind.Text, "an excerpt around the hits, hits marked with [ ]", h => h.Snippet),
    ];

    public static readonly IReadOnlyList<ExportFormat> Formats =
    [
        new("csv", "text/csv; charset=utf-8", "csv", "UTF-8 with BOM (opens in Excel)"),
        new("parquet", "application/vnd.apache.parquet", "parquet", "Apache Parquet"),
        new("jsonl", "application/x-ndjson; charset=utf-8", "jsonl", "one result per line"),
    ];

    /// <summary>Writes <paramref name="hits"/> (snippets marked with [ ]) in <paramref name="format"/>: csv, parquet or jsonl.</summary>
    /// <exception cref="ArgumentException">the format is unknown.</exception>
    public static async Task WriteAsync(Stream output, string format, IReadOnlyList<SearchHit> hits, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(hits);
        switch (format)
        {
            case "csv":
                ExportTable.WriteCsv(output, Columns, hits);
                break;
            case "parquet":
                await ExportTable.WriteParquetAsync(output, Columns, hits, cancel);
                break;
            case "jsonl":
                using (var w = new StreamWriter(output, new System.Text.UTF8Encoding(false), leaveOpen: true))
                    foreach (var h in hits)
                    {
                        w.Write(System.Text.Json.JsonSerializer.Serialize(h, StorageJson.Options));
                        w.Write('\n');
                    }
                break;
            default:
                throw new ArgumentException($"unknown export format '{format}'", nameof(format));
        }
    }
}
