using System.Runtime.InteropServices;
using Marsad.Analysis.Normalization;

namespace Marsad.Analysis.Tokenization;

/// <summary>
/// Counts normalized Arabic word forms in running text and collects name tokens, then writes a
/// <see cref="WordLexicon"/> file. Only counts leave the builder: no running text is stored. Not thread-safe.
/// </summary>
public sealed class WordLexiconBuilder
{
    private readonly ArabicNormalizer _normalizer = new(WordLexicon.NormalizerOptions);
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly char[] _buffer = new char[1024];

    /// <summary>Number of word tokens counted so far.</summary>
    public long Tokens { get; private set; }

    /// <summary>Tokenizes <paramref name="text"/> and counts each Arabic word.</summary>
    public void AddText(ReadOnlySpan<char> text)
    {
        foreach (var t in ArabicTokenizer.Enumerate(text))
        {
            if (t.Kind == TokenKind.ArabicWord) AddWord(text[t.Start..t.End]);
        }
    }

    /// <summary>Counts one word (normalized here).</summary>
    public void AddWord(ReadOnlySpan<char> word, int count = 1)
    {
        if (word.IsEmpty || word.Length > 64 || _normalizer.MaxOutputLength(word) > _buffer.Length) return;
        int n = _normalizer.Normalize(word, _buffer, default);
        if (n == 0) return;
        var lookup = _counts.GetAlternateLookup<ReadOnlySpan<char>>();
        ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(lookup, _buffer.AsSpan(0, n), out _);
        slot += count;
        Tokens += count;
    }

    /// <summary>Marks a name token (normalized here); names are never split into clitics. Only names that could be
    /// split (<see cref="CliticSegmenter.CouldSplit"/>) are written.</summary>
    public void AddName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || name.Length > 64) return;
        var norm = _normalizer.NormalizeToString(name);
        if (norm.Length > 1) _names.Add(norm);
    }

    /// <summary>
    /// A name is flagged (never split) only when it could be split at all, does not begin with the article (names with
    /// ال are split like any noun), and is not plainly compositional: when stripping its first letter or a pronoun
    /// suffix leaves a word three times more frequent than the name (وان → و+ان, فان → ف+ان), the name reading is rare.
    /// Names seen fewer than <see cref="CliticSegmenter.MinStemFrequency"/> times are always flagged.
    /// </summary>
    private bool IsProtectableName(string w, int count)
    {
        if (!CliticSegmenter.CouldSplit(w) || w.StartsWith("ال", StringComparison.Ordinal)) return false;
        if (count < CliticSegmenter.MinStemFrequency) return true; // too rare in the corpus to judge: trust the gazetteer (بايدن)
        int limit = Math.Max(CliticSegmenter.MinStemFrequency, 3 * count);
        var lookup = _counts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(w.AsSpan(1), out int rest) && rest >= limit) return false;
        foreach (var suffix in (string[])["ها", "هم", "ه", "نا", "كم"])
        {
            if (w.Length - suffix.Length >= 2 && w.EndsWith(suffix, StringComparison.Ordinal)
                && lookup.TryGetValue(w.AsSpan(0, w.Length - suffix.Length), out int stem) && stem >= limit) return false;
        }
        return true;
    }

    /// <summary>
    /// Writes the header lines (each prefixed with "# "), then every word with count ≥ <paramref name="minCount"/>
    /// and every name, most frequent first. Returns the number of entries written.
    /// </summary>
    public int WriteTo(TextWriter writer, int minCount, IEnumerable<string> header)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(header);
        foreach (var h in header) writer.Write("# " + h + "\n");
        var rows = new List<(string Word, int Count, bool Name)>();
        foreach (var (w, c) in _counts)
        {
            bool name = _names.Contains(w) && IsProtectableName(w, c);
            if (c >= minCount || name) rows.Add((w, c, name));
        }
        foreach (var n in _names)
        {
            if (!_counts.ContainsKey(n) && IsProtectableName(n, 0)) rows.Add((n, 0, true));
        }
        rows.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Word, b.Word));
        foreach (var (w, c, name) in rows)
        {
            writer.Write(w);
            writer.Write('\t');
            writer.Write(c.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.Write(name ? "\tN\n" : "\n");
        }
        return rows.Count;
    }
}
