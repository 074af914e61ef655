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
    private const int Boundary = -1;
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _words = [];
    private readonly List<int> _counts = [];
    private int[] _stream = new int[1 << 20];
    private int _length;

    /// <summary>Tokens read so far.</summary>
    public long Tokens { get; private set; }

    /// <summary>Adds one document (its words never form contexts across documents).</summary>
    public void Add(ReadOnlySpan<char> text)
    {
        Span<char> buf = stackalloc char[64];
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int s = i;
            if (char.IsLetterOrDigit(c))
            {
                while (i < text.Length && i - s < 60 && (char.IsLetterOrDigit(text[i]) || text[i] is >= '\u064B' and <= '\u0652' or '\u0640' or '\u0670')) i++;
            }
            else i++;
            int n = NerText.Normalize(text[s..i], buf);
            if (n == 0) continue;
            var alt = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!alt.TryGetValue(buf[..n], out int id))
            {
                id = _words.Count;
                var w = new string(buf[..n]);
                _ids[w] = id;
                _words.Add(w);
                _counts.Add(0);
            }
            _counts[id]++;
            Push(id);
            Tokens++;
        }
        Push(Boundary);
    }

    private void Push(int id)
    {
        if (_length == _stream.Length) Array.Resize(ref _stream, _stream.Length * 2);
        _stream[_length++] = id;
    }

    /// <summary>Runs the clustering. Returns word → (fine, coarse), for the most frequent words.</summary>
    public Dictionary<string, (int Fine, int Coarse)> Build(Action<string>? log = null)
    {
        int[] byFreq = Enumerable.Range(0, _words.Count).OrderByDescending(i => _counts[i]).ThenBy(i => _words[i], StringComparer.Ordinal).ToArray();
        int v = Math.Min(options.Vocabulary, byFreq.Length);
        int c = Math.Min(options.Contexts, byFreq.Length);
        var targetIndex = new int[_words.Count];
        var contextIndex = new int[_words.Count];
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
        for (int p = 0; p < _length; p++)
        {
            int t = _stream[p];
            if (t < 0 || targetIndex[t] < 0) continue;
            int row = targetIndex[t];
            for (int s = 0; s < Slots; s++)
            {
                int q = p + offsets[s];
                // A boundary (or the stream edge) cuts the context.
                bool cut = false;
                int step = offsets[s] < 0 ? -1 : 1;
                for (int k = p + step; k != q + step; k += step)
                    if (k < 0 || k >= _length || _stream[k] < 0) { cut = true; break; }
                if (cut) continue;
                int ctx = contextIndex[_stream[q]];
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

        int[] fine = KMeans(vectors, v, d, Math.Min(options.FineClusters, v), rng, log);
        int[] coarse = KMeans(vectors, v, d, Math.Min(options.CoarseClusters, v), rng, log);
        var result = new Dictionary<string, (int, int)>(v, StringComparer.Ordinal);
        for (int r = 0; r < v; r++) result[_words[byFreq[r]]] = (fine[r], coarse[r]);
        return result;
    }

    private int[] KMeans(float[] vectors, int n, int d, int k, Random rng, Action<string>? log)
    {
        var centroids = new float[k * d];
        // k-means++ seeding on a sample (full D² sampling over all points).
        var best = new float[n];
        Array.Fill(best, float.MaxValue);
        int first = rng.Next(n);
        vectors.AsSpan(first * d, d).CopyTo(centroids.AsSpan(0, d));
        for (int j = 1; j < k; j++)
        {
            var prev = centroids.AsSpan((j - 1) * d, d);
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                float dist = 1 - TensorPrimitives.Dot(vectors.AsSpan(i * d, d), prev);
                if (dist < best[i]) best[i] = dist;
                sum += Math.Max(best[i], 0);
            }
            double pick = rng.NextDouble() * sum;
            int chosen = n - 1;
            for (int i = 0; i < n; i++)
            {
                pick -= Math.Max(best[i], 0);
                if (pick <= 0) { chosen = i; break; }
            }
            vectors.AsSpan(chosen * d, d).CopyTo(centroids.AsSpan(j * d, d));
        }
        var assign = new int[n];
        var scores = new float[k];
        for (int iter = 0; iter < options.Iterations; iter++)
        {
            int changed = 0;
            for (int i = 0; i < n; i++)
            {
                var x = vectors.AsSpan(i * d, d);
                for (int j = 0; j < k; j++) scores[j] = TensorPrimitives.Dot(x, centroids.AsSpan(j * d, d));
                int a = TensorPrimitives.IndexOfMax(scores);
                if (a != assign[i] || iter == 0) { changed++; assign[i] = a; }
            }
            Array.Clear(centroids);
            for (int i = 0; i < n; i++)
            {
                var cdst = centroids.AsSpan(assign[i] * d, d);
                TensorPrimitives.Add(cdst, vectors.AsSpan(i * d, d), cdst);
            }
            for (int j = 0; j < k; j++)
            {
                var cj = centroids.AsSpan(j * d, d);
                float norm = TensorPrimitives.Norm(cj);
                if (norm > 0) TensorPrimitives.Divide(cj, norm, cj);
                else vectors.AsSpan(rng.Next(n) * d, d).CopyTo(cj); // re-seed an empty cluster
            }
            log?.Invoke($"k-means k={k} iteration {iter + 1}: {changed} changed");
            if (iter > 0 && changed == 0) break;
        }
        return assign;
    }

    private static double Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
