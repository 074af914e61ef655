using System.Numerics.Tensors;

namespace Marsad.Analysis.Tagging;

/// <summary>Settings of <see cref="WordClusterBuilder"/>.</summary>
public sealed record WordClusterOptions
{
    /// <summary>How many of the most frequent words get a cluster.</summary>
    public int Vocabulary { get; init; } = 30_000;
    /// <summary>How many of the most frequent words serve as context features (per position slot).</summary>
    public int Contexts { get; init; } = 250;
    /// <summary>Dimension of the random projection of the PPMI vectors.</summary>
    public int Dimensions { get; init; } = 128;
    /// <summary>Number of fine clusters.</summary>
    public int FineClusters { get; init; } = 500;
    /// <summary>Number of coarse clusters.</summary>
    public int CoarseClusters { get; init; } = 50;
    /// <summary>k-means iterations (each granularity).</summary>
    public int Iterations { get; init; } = 12;
    /// <summary>Seed of the projection and of the k-means initialisation.</summary>
    public int Seed { get; init; } = 17;
}

/// <summary>
/// Computes distributional word clusters from raw text, with no outside model:
/// (1) tokenize into letter/digit runs and single punctuation marks, normalize;
/// (2) for the <see cref="WordClusterOptions.Vocabulary"/> most frequent words, count which of the
/// <see cref="WordClusterOptions.Contexts"/> most frequent words occur at offsets −2, −1, +1, +2 (4 slots);
/// (3) weight the counts by positive PMI, project them with a seeded Gaussian random matrix and L2-normalize;
/// (4) spherical k-means (k-means++ seeding) at two granularities. Deterministic for a given input order and seed.
/// Not thread-safe (a builder); single-threaded on purpose (the machine is shared).
/// </summary>
public sealed class WordClusterBuilder(WordClusterOptions options)
{
    private readonly RawCorpus _corpus = new();

    /// <summary>Tokens read so far.</summary>
    public long Tokens => _corpus.Tokens;

    /// <summary>Adds one document (its words never form contexts across documents).</summary>
    public void Add(ReadOnlySpan<char> text) => _corpus.Add(text);

    /// <summary>Runs the clustering. Returns word → (fine, coarse), for the most frequent words.</summary>
    public Dictionary<string, (int Fine, int Coarse)> Build(Action<string>? log = null)
    {
        var words = _corpus.Words;
        var stream = _corpus.Stream;
        int length = stream.Length;
        int[] byFreq = _corpus.ByFrequency();
        int v = Math.Min(options.Vocabulary, byFreq.Length);
        int c = Math.Min(options.Contexts, byFreq.Length);
        var targetIndex = new int[words.Count];
        var contextIndex = new int[words.Count];
        Array.Fill(targetIndex, -1);
        Array.Fill(contextIndex, -1);
        for (int r = 0; r < v; r++) targetIndex[byFreq[r]] = r;
        for (int r = 0; r < c; r++) contextIndex[byFreq[r]] = r;

        const int Slots = 4;
        int dims = Slots * c;
        var counts = new float[(long)v * dims];
        var colTotals = new double[dims];
        var rowTotals = new double[v];
        ReadOnlySpan<int> offsets = [-2, -1, 1, 2];
        for (int p = 0; p < length; p++)
        {
            int t = stream[p];
            if (t < 0 || targetIndex[t] < 0) continue;
            int row = targetIndex[t];
            for (int s = 0; s < Slots; s++)
            {
                int q = p + offsets[s];
                // A boundary (or the stream edge) cuts the context.
                bool cut = false;
                int step = offsets[s] < 0 ? -1 : 1;
                for (int k = p + step; k != q + step; k += step)
                    if (k < 0 || k >= length || stream[k] < 0) { cut = true; break; }
                if (cut) continue;
                int ctx = contextIndex[stream[q]];
                if (ctx < 0) continue;
                int col = s * c + ctx;
                counts[(long)row * dims + col]++;
                colTotals[col]++;
                rowTotals[row]++;
            }
        }
        log?.Invoke($"counted contexts for {v} words × {dims} features");

        double total = 0;
        foreach (var x in colTotals) total += x;
        var rng = new Random(options.Seed);
        int d = options.Dimensions;
        var projection = new float[dims * d];
        for (int i = 0; i < projection.Length; i++) projection[i] = (float)Gaussian(rng);
        var vectors = new float[(long)v * d];
        for (int row = 0; row < v; row++)
        {
            var dst = vectors.AsSpan(row * d, d);
            for (int col = 0; col < dims; col++)
            {
                float n = counts[(long)row * dims + col];
                if (n == 0) continue;
                double pmi = Math.Log(n * total / (rowTotals[row] * colTotals[col]));
                if (pmi <= 0) continue;
                TensorPrimitives.MultiplyAdd(projection.AsSpan(col * d, d), (float)pmi, dst, dst);
            }
            float norm = TensorPrimitives.Norm(dst);
            if (norm > 0) TensorPrimitives.Divide(dst, norm, dst);
        }
        counts = null!;
        log?.Invoke("projected PPMI vectors");

        int[] fine = SphericalKMeans.Cluster(vectors, v, d, Math.Min(options.FineClusters, v), options.Iterations, rng, 1, log);
        int[] coarse = SphericalKMeans.Cluster(vectors, v, d, Math.Min(options.CoarseClusters, v), options.Iterations, rng, 1, log);
        var result = new Dictionary<string, (int, int)>(v, StringComparer.Ordinal);
        for (int r = 0; r < v; r++) result[words[byFreq[r]]] = (fine[r], coarse[r]);
        return result;
    }

    private static double Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
