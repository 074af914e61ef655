using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;

namespace Marsad.Storage.Export;

/// <summary>The type of an export column: how CSV writes it and which Parquet type it becomes.</summary>
public enum ExportKind
{
    /// <summary>Text (Parquet: string, nullable).</summary>
    Text,
    /// <summary>Whole number (Parquet: int64, nullable).</summary>
    Integer,
    /// <summary>Real number (Parquet: double, nullable).</summary>
    Real,
    /// <summary>A day, written yyyy-MM-dd (Parquet: date, nullable).</summary>
    Day,
    /// <summary>A list of texts; CSV joins them with |, Parquet writes a list of strings.</summary>
    TextList,
}

/// <summary>One column of a flat export: its name, type, what it holds, and how to read it from a row.</summary>
/// <param name="Description">One line for docs/exports.md and the Parquet file's metadata.</param>
public sealed record ExportColumn<T>(string Name, ExportKind Kind, string Description, Func<T, object?> Value);

/// <summary>
/// Writes rows described by a list of <see cref="ExportColumn{T}"/> as CSV or Parquet, so that the two formats of one
/// export always have the same columns in the same order. Stateless; thread-safe.
/// </summary>
public static class ExportTable
{
    /// <summary>
    /// CSV (RFC 4180, CRLF lines) in UTF-8 with a byte-order mark: without it Excel reads the file as the local code page
    /// and shows Arabic as mojibake. Multi-valued cells are joined with |, reals use a dot, days are yyyy-MM-dd.
    /// </summary>
    public static void WriteCsv<T>(Stream output, IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var w = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        WriteCsv(w, columns, rows);
    }

    /// <summary>The CSV lines alone (the caller's writer decides the encoding and byte-order mark).</summary>
    public static void WriteCsv<T>(TextWriter output, IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        for (int i = 0; i < columns.Count; i++)
        {
            if (i > 0) output.Write(',');
            output.Write(CsvCell(columns[i].Name));
        }
        output.Write("\r\n");
        foreach (var row in rows)
        {
            for (int i = 0; i < columns.Count; i++)
            {
                if (i > 0) output.Write(',');
                output.Write(CsvCell(CsvText(columns[i].Value(row))));
            }
            output.Write("\r\n");
        }
    }

    private static string CsvText(object? value) => value switch
    {
        null => "",
        string s => s,
        IEnumerable<string> list => string.Join('|', list),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A CSV cell, quoted when it holds a comma, quote or line break (quotes doubled).</summary>
    public static string CsvCell(string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0) return value;
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>The Parquet schema of <paramref name="columns"/> (every column nullable; lists of strings as Parquet lists).</summary>
    public static ParquetSchema ParquetSchemaOf<T>(IReadOnlyList<ExportColumn<T>> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var fields = new List<Field>(columns.Count);
        foreach (var c in columns)
            fields.Add(c.Kind switch
            {
                ExportKind.Integer => new DataField<long?>(c.Name),
                ExportKind.Real => new DataField<double?>(c.Name),
                ExportKind.Day => new DataField<DateOnly?>(c.Name),
                ExportKind.TextList => new ListField(c.Name, new DataField<string>("element")),
                _ => new DataField<string>(c.Name),
            });
        return new ParquetSchema(fields);
    }

    /// <summary>
    /// One Parquet file (one row group, Snappy-compressed) with a column per <see cref="ExportColumn{T}"/>; each column's
    /// description goes into the file's key-value metadata as <c>marsad.column.NAME</c>.
    /// </summary>
    public static async Task WriteParquetAsync<T>(Stream output, IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        var schema = ParquetSchemaOf(columns);
        var records = new List<IDictionary<string, object?>>();
        foreach (var row in rows)
        {
            var record = new Dictionary<string, object?>(columns.Count, StringComparer.Ordinal);
            foreach (var c in columns)
            {
                object? v = c.Value(row);
                record[c.Name] = c.Kind switch
                {
                    // Parquet.Net 6 takes the strings of a list column as character memory.
                    ExportKind.TextList => (v as IEnumerable<string> ?? []).Select(x => (ReadOnlyMemory<char>?)x.AsMemory()).ToList(),
                    ExportKind.Integer => v is null ? null : Convert.ToInt64(v, CultureInfo.InvariantCulture),
                    _ => v,
                };
            }
            records.Add(record);
        }
        var metadata = columns.ToDictionary(c => "marsad.column." + c.Name, c => c.Description, StringComparer.Ordinal);
        await Parquet.Serialization.ParquetSerializer.SerializeUntypedAsync(records, schema, output, new ParquetOptions(), metadata, cancel);
    }
}
