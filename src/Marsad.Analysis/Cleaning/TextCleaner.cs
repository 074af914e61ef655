using System.Text;
using Marsad.Analysis.Dedup;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Text;

namespace Marsad.Analysis.Cleaning;

/// <summary>
/// Finds, inside one document, the spans later stages should skip. The text is never changed; the spans are
/// reported as <see cref="RemovedSpan"/>s. Rules, one per line of text (a line is a paragraph in news text):
/// <list type="bullet">
/// <item><b>furniture</b>: a short line that is a known site phrase (زر الذهاب إلى الأعلى، اترك تعليقاً، اقرأ أيضاً …, see <see cref="Furniture"/>);</item>
/// <item><b>disclaimer</b>: a comment-policy or "opinions do not reflect" paragraph (two markers or more);</item>
/// <item><b>code</b>: script or style text left in a scraped page (braces plus many code symbols, few Arabic letters);</item>
/// <item><b>dateline</b>: the place-and-outlet prefix of the first line («دبي، الإمارات العربية المتحدة (CNN)-- », see <see cref="Dateline"/>);</item>
/// <item><b>repeated</b>: a line whose normalized form (same folding as dedup: no diacritics, unified alef …) occurred
///   earlier in the document: repeated paragraphs (seed 000 repeats six), repeated captions and mastheads (seed 003).
///   The first occurrence stays.</item>
/// </list>
/// Pure and thread-safe.
/// </summary>
public sealed class TextCleaner
{
    /// <summary>Lines with fewer letters are never called repeats (a lone "—" or a number).</summary>
    public int MinRepeatLetters { get; init; } = 4;

    /// <summary>Spans to skip in <paramref name="text"/>, merged with <paramref name="known"/> and sorted by start.</summary>
    public IReadOnlyList<RemovedSpan> Clean(string text, IReadOnlyList<RemovedSpan>? known = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<RemovedSpan>();
        if (known is not null) result.AddRange(known);
        int story = Dateline.StoryStart(text);
        if (story > 0 && !Covered(known, 0, story)) result.Add(new RemovedSpan(0, story, Dateline.Reason));
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in Lines(text))
        {
            if (Covered(known, line.Start, line.End)) continue;
            var span = text.AsSpan(line.Start, line.End - line.Start);
            if (Furniture.IsFurnitureLine(span)) { result.Add(new RemovedSpan(line.Start, line.End, "furniture: site phrase")); continue; }
            if (Furniture.IsDisclaimer(span)) { result.Add(new RemovedSpan(line.Start, line.End, "furniture: comment policy or disclaimer")); continue; }
            if (LooksLikeCode(span)) { result.Add(new RemovedSpan(line.Start, line.End, "code: script or style text left in the page")); continue; }
            var key = Key(span, out int letters);
            if (letters < MinRepeatLetters) continue;
            if (seen.TryGetValue(key, out int first))
                result.Add(new RemovedSpan(line.Start, line.End, letters >= 60 ? $"repeated paragraph (first at {first})" : $"repeated line (first at {first})"));
            else
                seen[key] = line.Start;
        }
        result.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return result;
    }

    /// <summary>
    /// Scraped script or style text: many code symbols ({ } ; = [ ] ' and ( )) and few Arabic letters. Text with
    /// Arabic letters needs a much higher symbol share, so a news line with a bracket or two never matches.
    /// </summary>
    internal static bool LooksLikeCode(ReadOnlySpan<char> line)
    {
        if (line.Length < 20) return false;
        int symbols = 0, arabic = 0, braces = 0;
        foreach (var c in line)
        {
            if (c is '{' or '}') { braces++; symbols++; }
            else if (c is ';' or '=' or '[' or ']' or '\'' or '(' or ')' or '<' or '>' or '$') symbols++;
            else if (c >= '\u0600' && c <= '\u06FF') arabic++;
        }
        if (braces < 2) return false;
        double share = (double)symbols / line.Length;
        return arabic * 4 < line.Length ? share >= 0.06 : share >= 0.15;
    }

    private static bool Covered(IReadOnlyList<RemovedSpan>? spans, int start, int end)
    {
        if (spans is null) return false;
        foreach (var s in spans) if (s.Start <= start && s.End >= end) return true;
        return false;
    }

    /// <summary>Non-blank lines of <paramref name="text"/>, trimmed of surrounding white space.</summary>
    public static IEnumerable<TextSpan> Lines(string text)
    {
        int pos = 0;
        while (pos < text.Length)
        {
            int nl = text.IndexOf('\n', pos);
            int end = nl < 0 ? text.Length : nl;
            int s = pos, e = end;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (e > s) yield return new TextSpan(s, e);
            pos = end + 1;
        }
    }

    /// <summary>The folded form of a line used to compare lines: letters and digits normalized, runs of anything else → one space.</summary>
    public static string Key(ReadOnlySpan<char> line, out int letters)
    {
        var sb = new StringBuilder(line.Length);
        letters = 0;
        bool space = false;
        foreach (var c in line)
        {
            char f = Shingler.Fold(c);
            if (f == '\uFFFF') continue;
            if (f == '\0') { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(f);
            letters++;
        }
        return sb.ToString();
    }

    /// <summary>
    /// The text with every removed span blanked (same length, so offsets hold): for readers of the whole text, such as
    /// the actor linker, that must not see a dateline, furniture or a repeated paragraph either.
    /// </summary>
    public static string Blanked(string text, IReadOnlyList<RemovedSpan> removed)
    {
        if (removed.Count == 0) return text;
        return string.Create(text.Length, (text, removed), static (span, st) =>
        {
            st.text.AsSpan().CopyTo(span);
            foreach (var r in st.removed)
                if (r.Start >= 0 && r.End <= span.Length && r.Start < r.End) span[r.Start..r.End].Fill(' ');
        });
    }

    /// <summary>Removes from <paramref name="spans"/> those lying wholly inside a removed span (e.g. sentences).</summary>
    public static IReadOnlyList<TextSpan> Outside(IReadOnlyList<TextSpan> spans, IReadOnlyList<RemovedSpan> removed)
    {
        if (removed.Count == 0) return spans;
        var kept = new List<TextSpan>(spans.Count);
        foreach (var s in spans)
        {
            bool inside = false;
            foreach (var r in removed)
                if (r.Start <= s.Start && r.End >= s.End) { inside = true; break; }
            if (!inside) kept.Add(s);
        }
        return kept;
    }
}
