using System.Text;
using Marsad.Analysis.Text;

namespace Marsad.Storage.Search;

/// <summary>
/// Cuts a short excerpt of a document's ORIGINAL text around the densest cluster of query hits and wraps each hit
/// in markers. Hits are found with the same <see cref="SearchTermAnalyzer"/> as the index, so سوريا is marked for a
/// query سورية. Both back ends use this class, so snippets are identical on both. Thread-safe.
/// </summary>
public sealed class SnippetBuilder(SearchTermAnalyzer analyzer, string open = "[", string close = "]", int windowTerms = 24)
{
    /// <summary>Markers default to square brackets, readable in a terminal and in RTL text.</summary>
    public string Open { get; } = open;
    public string Close { get; } = close;

    /// <summary>The snippet and the spans of all hits in <paramref name="text"/>.</summary>
    public (string Snippet, List<TextSpan> Hits) Build(string text, ParsedQuery query)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(query);
        var wanted = query.AllTerms;
        var terms = analyzer.Terms(text);
        var hitIndexes = new List<int>();
        for (int i = 0; i < terms.Count; i++)
            if (wanted.Contains(terms[i].Term)) hitIndexes.Add(i);
        var hits = hitIndexes.Select(i => new TextSpan(terms[i].Start, terms[i].End)).ToList();
        if (terms.Count == 0) return (Trim(text, 0, Math.Min(text.Length, 200)), hits);

        // The window of windowTerms terms holding the most distinct query terms (then the most hits), earliest first.
        int bestStart = 0, bestDistinct = -1, bestCount = -1;
        for (int h = 0; h < hitIndexes.Count; h++)
        {
            int from = Math.Max(0, hitIndexes[h] - 4);
            int to = Math.Min(terms.Count, from + windowTerms);
            var distinct = new HashSet<string>(StringComparer.Ordinal);
            int count = 0;
            for (int k = h; k < hitIndexes.Count && hitIndexes[k] < to; k++)
            {
                distinct.Add(terms[hitIndexes[k]].Term);
                count++;
            }
            if (distinct.Count > bestDistinct || (distinct.Count == bestDistinct && count > bestCount))
            {
                bestDistinct = distinct.Count;
                bestCount = count;
                bestStart = from;
            }
        }
        int last = Math.Min(terms.Count, bestStart + windowTerms) - 1;
        int startChar = terms[bestStart].Start, endChar = terms[last].End;

        var sb = new StringBuilder(endChar - startChar + 16);
        if (startChar > 0) sb.Append('…');
        int pos = startChar;
        foreach (var span in hits)
        {
            if (span.Start < startChar || span.End > endChar) continue;
            Append(sb, text, pos, span.Start);
            sb.Append(Open).Append(text, span.Start, span.Length).Append(Close);
            pos = span.End;
        }
        Append(sb, text, pos, endChar);
        if (endChar < text.Length) sb.Append('…');
        return (sb.ToString(), hits);
    }

    private static void Append(StringBuilder sb, string text, int from, int to)
    {
        // Line breaks inside a snippet would break one-line output.
        for (int i = from; i < to; i++)
        {
            char c = text[i];
            sb.Append(c is '\n' or '\r' or '\t' ? ' ' : c);
        }
    }

    private static string Trim(string text, int from, int to)
    {
        var sb = new StringBuilder();
        Append(sb, text, from, to);
        return sb.ToString();
    }
}
