using System.Numerics.Tensors;

namespace Marsad.Analysis.Tagging;

/// <summary>Turns word embeddings into cluster levels for <see cref="WordClusters"/> (spherical k-means per level).</summary>
public static class EmbeddingClusters
{
    /// <summary>
    /// Clusters the first <paramref name="vocabulary"/> rows (unit-normalized copies) once per k of
    /// <paramref name="ks"/>; returns one id array per level.
    /// </summary>
    public static int[][] Build(WordEmbeddings embeddings, int vocabulary, IReadOnlyList<int> ks, int seed, int threads = 1, Action<string>? log = null, int iterations = 10)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(ks);
        int d = embeddings.Dimensions, v = Math.Min(vocabulary, embeddings.Words.Count);
        var unit = new float[v * d];
        for (int r = 0; r < v; r++)
        {
            var dst = unit.AsSpan(r * d, d);
            embeddings[r].CopyTo(dst);
            float norm = TensorPrimitives.Norm(dst);
            if (norm > 0) TensorPrimitives.Divide(dst, norm, dst);
        }
        var rng = new Random(seed);
        var levels = new int[ks.Count][];
        for (int l = 0; l < ks.Count; l++)
            levels[l] = v == 0 ? [] : SphericalKMeans.Cluster(unit, v, d, Math.Min(ks[l], v), iterations, rng, threads, log);
        return levels;
    }

    /// <summary>
    /// Appends the embedding levels to a base table (word → ids): words missing from one side get −1 there.
    /// </summary>
    public static Dictionary<string, int[]> Merge(IReadOnlyDictionary<string, int[]> baseTable, IReadOnlyList<string> words, int[][] levels)
    {
        ArgumentNullException.ThrowIfNull(baseTable);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(levels);
        const int BaseLevels = 2;
        int width = BaseLevels + levels.Length;
        var merged = new Dictionary<string, int[]>(StringComparer.Ordinal);
        int[] Row(string word)
        {
            if (!merged.TryGetValue(word, out var row))
            {
                row = new int[width];
                Array.Fill(row, -1);
                merged[word] = row;
            }
            return row;
        }
        foreach (var (word, ids) in baseTable)
            for (int l = 0; l < BaseLevels && l < ids.Length; l++) Row(word)[l] = ids[l];
        for (int r = 0; r < words.Count; r++)
        {
            var row = Row(words[r]);
            for (int l = 0; l < levels.Length; l++) row[BaseLevels + l] = levels[l][r];
        }
        return merged;
    }
}
