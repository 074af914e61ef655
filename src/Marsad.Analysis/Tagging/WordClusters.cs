using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Marsad.Analysis.Tagging;

/// <summary>
/// Distributional word clusters keyed by normalized word (<see cref="NerText.Normalize(ReadOnlySpan{char}, Span{char})"/>),
/// at several levels (columns): level 0 fine and level 1 coarse PPMI clusters (<see cref="WordClusterBuilder"/>),
/// then optional levels of k-means clusters of skip-gram embeddings (<see cref="EmbeddingTrainer"/>), coarse to fine.
/// A word may lack some levels (id −1). The default set is the embedded resource <c>ner/clusters.tsv</c>.
/// Immutable and thread-safe.
/// </summary>
public sealed class WordClusters
{
    private readonly FrozenDictionary<string, int> _rows;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int[] _ids;

    private WordClusters(FrozenDictionary<string, int> rows, int[] ids, int levels, int signatureLevel = -1)
    {
        _rows = rows;
        _lookup = rows.GetAlternateLookup<ReadOnlySpan<char>>();
        _ids = ids;
        Levels = levels;
        SignatureLevel = signatureLevel < levels ? signatureLevel : -1;
    }

    /// <summary>The comment line that marks the last column as <see cref="WordSignatures"/> codes rather than cluster ids.</summary>
    public const string SignatureMarker = "#! signature-level ";

    /// <summary>
    /// The level holding <see cref="WordSignatures"/> codes (always the last column), or −1 when the file has none.
    /// Levels before it are cluster ids.
    /// </summary>
    public int SignatureLevel { get; }

    /// <summary>Cluster levels, i.e. the levels before the signature column.</summary>
    public int ClusterLevels => SignatureLevel >= 0 ? SignatureLevel : Levels;

    /// <summary>Number of words with a cluster.</summary>
    public int Count => _rows.Count;

    /// <summary>Cluster ids per word (columns of the file after the word).</summary>
    public int Levels { get; }

    /// <summary>No clusters (used when the family is off).</summary>
    public static WordClusters Empty { get; } = new(FrozenDictionary<string, int>.Empty, [], 2);

    /// <summary>
    /// Looks up a normalized word. Returns false when the word has no cluster; otherwise the level-0 (fine) and
    /// level-1 (coarse) ids (−1 where the word lacks that level).
    /// </summary>
    public bool TryGet(ReadOnlySpan<char> normalizedWord, out int fine, out int coarse)
    {
        int row = Find(normalizedWord);
        fine = Get(row, 0);
        coarse = Get(row, 1);
        return row >= 0;
    }

    /// <summary>The row of a normalized word, or −1.</summary>
    public int Find(ReadOnlySpan<char> normalizedWord) => _lookup.TryGetValue(normalizedWord, out int row) ? row : -1;

    /// <summary>The cluster id of row <paramref name="row"/> at <paramref name="level"/>; −1 for no row, no such level, or none.</summary>
    public int Get(int row, int level) => row < 0 || (uint)level >= (uint)Levels ? -1 : _ids[row * Levels + level];

    /// <summary>
    /// Parses lines <c>word&lt;TAB&gt;id&lt;TAB&gt;id…</c> (at least two ids; every line of a file has the same count;
    /// −1 = none); '#' starts a comment line.
    /// </summary>
    /// <exception cref="FormatException">a line is malformed.</exception>
    // Reads fields from spans: the default file has 102k lines of 7 columns, and splitting each line into strings
    // was most of a cold start's ~150 ms here.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static WordClusters Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<int>();
        var lookup = rows.GetAlternateLookup<ReadOnlySpan<char>>();
        int levels = -1, signature = -1;
        foreach (var line in lines)
        {
            if (line.StartsWith(SignatureMarker, StringComparison.Ordinal) && int.TryParse(line.AsSpan(SignatureMarker.Length), out int sl)) signature = sl;
            if (line.Length == 0 || line[0] == '#') continue;
            var rest = line.AsSpan();
            int tab = rest.IndexOf('\t');
            if (tab <= 0) throw new FormatException($"bad cluster line: {line}");
            var word = rest[..tab];
            rest = rest[(tab + 1)..];
            bool duplicate = lookup.ContainsKey(word);
            int fields = 0;
            while (true)
            {
                tab = rest.IndexOf('\t');
                var field = tab < 0 ? rest : rest[..tab];
                if (!int.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out int id) || id < -1)
                    throw new FormatException($"bad cluster line: {line}");
                if (!duplicate) ids.Add(id);
                fields++;
                if (tab < 0) break;
                rest = rest[(tab + 1)..];
            }
            if (fields < 2 || (levels >= 0 && fields != levels)) throw new FormatException($"bad cluster line: {line}");
            levels = fields;
            if (!duplicate) rows.Add(word.ToString(), rows.Count);
        }
        return new WordClusters(rows.ToFrozenDictionary(StringComparer.Ordinal), [.. ids], Math.Max(levels, 2), signature);
    }

    /// <summary>Creates clusters from a word → (fine, coarse) table.</summary>
    public static WordClusters From(IReadOnlyDictionary<string, (int Fine, int Coarse)> table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return From(table.ToDictionary(p => p.Key, p => new[] { p.Value.Fine, p.Value.Coarse }, StringComparer.Ordinal));
    }

    /// <summary>Creates clusters from a word → ids table (every entry the same length, at least 2).</summary>
    public static WordClusters From(IReadOnlyDictionary<string, int[]> table)
    {
        ArgumentNullException.ThrowIfNull(table);
        int levels = table.Count == 0 ? 2 : table.Values.First().Length;
        var rows = new Dictionary<string, int>(table.Count, StringComparer.Ordinal);
        var ids = new int[table.Count * levels];
        foreach (var (word, row) in table.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (row.Length != levels || levels < 2) throw new ArgumentException("every word needs the same number (≥ 2) of cluster ids", nameof(table));
            row.CopyTo(ids, rows.Count * levels);
            rows[word] = rows.Count;
        }
        return new WordClusters(rows.ToFrozenDictionary(StringComparer.Ordinal), ids, levels);
    }

    /// <summary>The table as word → ids, for writing or merging.</summary>
    public Dictionary<string, int[]> ToTable()
    {
        var table = new Dictionary<string, int[]>(_rows.Count, StringComparer.Ordinal);
        foreach (var (word, row) in _rows) table[word] = _ids.AsSpan(row * Levels, Levels).ToArray();
        return table;
    }
}
