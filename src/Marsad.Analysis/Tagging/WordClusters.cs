using System.Collections.Frozen;

namespace Marsad.Analysis.Tagging;

/// <summary>
/// Distributional word clusters at two granularities (fine and coarse), keyed by normalized word
/// (<see cref="NerText.Normalize(ReadOnlySpan{char}, Span{char})"/>). Built by <see cref="WordClusterBuilder"/>;
/// the default set is the embedded resource <c>ner/clusters.tsv</c>. Immutable and thread-safe.
/// </summary>
public sealed class WordClusters
{
    private readonly FrozenDictionary<string, int> _clusters;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private WordClusters(FrozenDictionary<string, int> clusters)
    {
        _clusters = clusters;
        _lookup = clusters.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of words with a cluster.</summary>
    public int Count => _clusters.Count;

    /// <summary>No clusters (used when the family is off).</summary>
    public static WordClusters Empty { get; } = new(FrozenDictionary<string, int>.Empty);

    /// <summary>
    /// Looks up a normalized word. Returns false when the word has no cluster; otherwise the fine and coarse ids (≥ 0).
    /// </summary>
    public bool TryGet(ReadOnlySpan<char> normalizedWord, out int fine, out int coarse)
    {
        if (_lookup.TryGetValue(normalizedWord, out int packed))
        {
            fine = packed >> 16;
            coarse = packed & 0xFFFF;
            return true;
        }
        fine = coarse = -1;
        return false;
    }

    /// <summary>Parses lines <c>word&lt;TAB&gt;fine&lt;TAB&gt;coarse</c>; '#' starts a comment line.</summary>
    /// <exception cref="FormatException">a line is malformed.</exception>
    public static WordClusters Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (parts.Length < 3 || !int.TryParse(parts[1], out int fine) || !int.TryParse(parts[2], out int coarse))
                throw new FormatException($"bad cluster line: {line}");
            map[parts[0]] = (fine << 16) | (coarse & 0xFFFF);
        }
        return new WordClusters(map.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Creates clusters from a word → (fine, coarse) table.</summary>
    public static WordClusters From(IReadOnlyDictionary<string, (int Fine, int Coarse)> table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var map = new Dictionary<string, int>(table.Count, StringComparer.Ordinal);
        foreach (var (word, (fine, coarse)) in table) map[word] = (fine << 16) | (coarse & 0xFFFF);
        return new WordClusters(map.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
