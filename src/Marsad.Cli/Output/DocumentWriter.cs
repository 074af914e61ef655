using Marsad.Analysis.Events;
using System.Text.Json;
using Marsad.Analysis.Documents;

namespace Marsad.Cli.Output;

/// <summary>Writes analysed documents in one of the output formats, streaming (one document at a time).</summary>
internal abstract class DocumentWriter : IDisposable
{
    protected DocumentWriter(Stream stream) => Stream = stream;

    protected Stream Stream { get; }

    public abstract void Write(AnalyzedDocument document);

    /// <summary>Closes the output; <paramref name="trailer"/> writes extra top-level members (json format only).</summary>
    public virtual void Complete(Action<Utf8JsonWriter>? trailer = null) { }

    public virtual void Dispose() => Stream.Flush();

    public static DocumentWriter Create(string format, Stream stream) => format switch
    {
        "json" => new JsonDocumentWriter(stream),
        "jsonl" => new JsonLinesDocumentWriter(stream),
        "table" => new TableDocumentWriter(stream),
        _ => throw new ArgumentException($"unknown format '{format}': use json, jsonl or table"),
    };
}

/// <summary><c>{"documents":[…]}</c>, written incrementally.</summary>
internal sealed class JsonDocumentWriter : DocumentWriter
{
    private readonly Utf8JsonWriter _writer;

    public JsonDocumentWriter(Stream stream) : base(stream)
    {
        _writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JsonOutput.Options.Encoder });
        _writer.WriteStartObject();
        _writer.WriteStartArray("documents");
    }

    public override void Write(AnalyzedDocument document)
    {
        JsonSerializer.Serialize(_writer, document, JsonOutput.Options);
        _writer.Flush();
    }

    public override void Complete(Action<Utf8JsonWriter>? trailer = null)
    {
        _writer.WriteEndArray();
        trailer?.Invoke(_writer);
        _writer.WriteEndObject();
        _writer.Flush();
        Stream.WriteByte((byte)'\n');
    }

    public override void Dispose()
    {
        _writer.Dispose();
        base.Dispose();
    }
}

/// <summary>One compact JSON object per line.</summary>
internal sealed class JsonLinesDocumentWriter(Stream stream) : DocumentWriter(stream)
{
    public override void Write(AnalyzedDocument document)
    {
        JsonSerializer.Serialize(Stream, document, JsonOutput.Options);
        Stream.WriteByte((byte)'\n');
    }
}

/// <summary>A readable summary for people: one line per document, then its events and quotes.</summary>
internal sealed class TableDocumentWriter : DocumentWriter
{
    private readonly StreamWriter _out;

    public TableDocumentWriter(Stream stream) : base(stream)
    {
        _out = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
        _out.WriteLine($"{"id",-16}  {"status",-9}  {"lang",-4}  {"sent",4}  {"ent",4}  {"evt",4}  {"quo",4}  title / path");
    }

    public override void Write(AnalyzedDocument d)
    {
        string label = d.Title ?? d.Path ?? "";
        if (label.Length > 60) label = label[..60] + "…";
        _out.WriteLine($"{d.Id,-16}  {d.Status.ToString().ToLowerInvariant(),-9}  {d.Language ?? "-",-4}  {d.Sentences.Count,4}  {d.Entities.Count,4}  {d.Events.Count,4}  {d.Quotes.Count,4}  {label}");
        if (d.Reason is not null) _out.WriteLine($"{"",18}reason: {d.Reason}");
        if (d.DuplicateOf is not null) _out.WriteLine($"{"",18}duplicate of: {d.DuplicateOf}");
        foreach (var e in d.Events)
        {
            string src = string.Join(", ", e.Source.Select(a => a.NameEn ?? a.NameAr ?? a.Id));
            string tgt = string.Join(", ", e.Target.Select(a => a.NameEn ?? a.NameAr ?? a.Id));
            _out.WriteLine($"{"",18}event {e.Type.Name()}{(e.Mode is null ? "" : "/" + e.Mode)} [{e.Cameo}] {src} → {tgt} {e.Date ?? "?"} ({e.Modality.Name()}) «{e.Trigger?.Text}»");
        }
        foreach (var q in d.Quotes)
        {
            string text = q.Text.Length > 80 ? q.Text[..80] + "…" : q.Text;
            _out.WriteLine($"{"",18}quote {(q.Direct ? "direct" : "reported")} {q.Speaker?.NameEn ?? q.Speaker?.NameAr ?? "?"}: «{text}»");
        }
    }

    /// <summary>Flushes the table before the run's summary line goes to stderr, so the two never interleave on a terminal.</summary>
    public override void Complete(Action<Utf8JsonWriter>? trailer = null)
    {
        _out.Flush();
        Stream.Flush();
    }

    public override void Dispose()
    {
        _out.Flush();
        _out.Dispose();
        base.Dispose();
    }
}
