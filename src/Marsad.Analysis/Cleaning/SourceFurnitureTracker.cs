using Marsad.Analysis.Documents;

namespace Marsad.Analysis.Cleaning;

/// <summary>
/// Learns site furniture from a stream: a short line (≤ <see cref="MaxLineLength"/> characters: bylines, credits, mastheads, not background sentences that a site reuses) that occurs in at least
/// <see cref="MinDocuments"/> distinct documents of one source (mastheads such as "رئيس مجلسى الإدارة والتحرير",
/// photo credits, "زر الذهاب إلى الأعلى") is furniture for that source. Counting is by distinct document text, so an
/// exact copy does not vote twice. Documents seen before a line reaches the count keep it (a streaming trade-off:
/// the batch observes a whole chunk before marking, which shortens the window). Not thread-safe (one writer).
/// Memory grows with the number of distinct short lines per source.
/// </summary>
public sealed class SourceFurnitureTracker
{
    private readonly Dictionary<string, int> _lineDocs = new(StringComparer.Ordinal);
    private readonly HashSet<int> _texts = new();

    /// <summary>How the reason of every span this tracker marks begins (<see cref="IsSourceFurniture"/>).</summary>
    public const string ReasonPrefix = "furniture: line recurs in ";

    /// <summary>
    /// True for a span marked by a tracker (cross-document furniture), which only a pass over the source's other
    /// documents can find again; the in-document cleaner's spans (<see cref="TextCleaner"/>) can be found from the text alone.
    /// </summary>
    public static bool IsSourceFurniture(RemovedSpan span)
    {
        ArgumentNullException.ThrowIfNull(span);
        return span.Reason.StartsWith(ReasonPrefix, StringComparison.Ordinal);
    }

    public int MinDocuments { get; init; } = 3;
    public int MaxLineLength { get; init; } = 60;

    /// <summary>Counts the short lines of one document under <paramref name="source"/>.</summary>
    public void Observe(string source, string text)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(text);
        if (!_texts.Add(string.GetHashCode(text, StringComparison.Ordinal))) return;
        var mine = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in TextCleaner.Lines(text))
        {
            if (line.End - line.Start > MaxLineLength) continue;
            var key = TextCleaner.Key(text.AsSpan(line.Start, line.End - line.Start), out int letters);
            if (letters < 2 || !mine.Add(key)) continue;
            var k = source + "\u0001" + key;
            _lineDocs[k] = _lineDocs.TryGetValue(k, out var n) ? n + 1 : 1;
        }
    }

    /// <summary>The lines of <paramref name="text"/> that are furniture of <paramref name="source"/>.</summary>
    public List<RemovedSpan> Furniture(string source, string text)
    {
        var list = new List<RemovedSpan>();
        foreach (var line in TextCleaner.Lines(text))
        {
            if (line.End - line.Start > MaxLineLength) continue;
            var key = TextCleaner.Key(text.AsSpan(line.Start, line.End - line.Start), out int letters);
            if (letters < 2) continue;
            if (_lineDocs.TryGetValue(source + "\u0001" + key, out var n) && n >= MinDocuments)
                list.Add(new RemovedSpan(line.Start, line.End, $"{ReasonPrefix}{n} documents of this source"));
        }
        return list;
    }
}
