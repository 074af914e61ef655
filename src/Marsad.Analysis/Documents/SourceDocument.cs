namespace Marsad.Analysis.Documents;

/// <summary>
/// One document as a reader delivers it: the decoded text plus whatever metadata the source carried.
/// A reader that fails sets <see cref="Error"/> and leaves <see cref="Text"/> empty, so the failure is kept and reported.
/// </summary>
public sealed record SourceDocument
{
    /// <summary>Decoded original text; every offset in the analysis refers to it.</summary>
    public required string Text { get; init; }
    /// <summary>File path (or path plus line for JSONL) the document came from.</summary>
    public string? Path { get; init; }
    /// <summary>The document's own identifier in its source (a JSONL line's <c>id</c>).</summary>
    public string? SourceId { get; init; }
    public string? Title { get; init; }
    /// <summary>Publication date as ISO 8601 (<c>yyyy-MM-dd</c> or longer), when known.</summary>
    public string? Published { get; init; }
    /// <summary>Outlet or site name.</summary>
    public string? Source { get; init; }
    public string? Url { get; init; }
    /// <summary>Author (byline) when the source names one.</summary>
    public string? Author { get; init; }
    /// <summary>Name of the encoding the bytes were decoded with (utf-8, utf-16le, windows-1256 …).</summary>
    public string? Encoding { get; init; }
    /// <summary>
    /// Spans of <see cref="Text"/> already known to be furniture or repeats (set by the reader or by cross-document
    /// cleaning in the batch). The text stays whole; later stages skip these spans.
    /// </summary>
    public IReadOnlyList<RemovedSpan> Removed { get; init; } = [];
    /// <summary>Why the document could not be read; null when it was read.</summary>
    public string? Error { get; init; }
}
