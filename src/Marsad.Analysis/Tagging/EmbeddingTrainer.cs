using System.Numerics.Tensors;

namespace Marsad.Analysis.Tagging;

/// <summary>Settings of <see cref="EmbeddingTrainer"/>.</summary>
public sealed record EmbeddingOptions
{
    /// <summary>Vector length.</summary>
    public int Dimensions { get; init; } = 100;
    /// <summary>Largest context offset; each centre word draws its own window of 1..Window (nearer words count more).</summary>
    public int Window { get; init; } = 5;
    /// <summary>Negative samples per positive pair.</summary>
    public int Negatives { get; init; } = 5;
    /// <summary>Words seen fewer times are dropped from the text.</summary>
    public int MinCount { get; init; } = 5;
    /// <summary>At most this many words (the most frequent) get a vector.</summary>
    public int MaxVocabulary { get; init; } = 200_000;
    /// <summary>Passes over the text.</summary>
    public int Epochs { get; init; } = 3;
    /// <summary>Starting learning rate (decays linearly to almost 0).</summary>
    public float LearningRate { get; init; } = 0.025f;
    /// <summary>Frequent-word down-sampling threshold (Mikolov et al. 2013); 0 = keep every word.</summary>
    public double Subsample { get; init; } = 1e-4;
    /// <summary>Worker threads (lock-free shared updates); 1 gives the same vectors every run for a seed.</summary>
    public int Threads { get; init; } = 1;
    /// <summary>Seed of the initial vectors and of every random draw.</summary>
    public int Seed { get; init; } = 1;
}

/// <summary>Word vectors: <see cref="Words"/>[i] has the row <c>Vectors[i*Dimensions .. (i+1)*Dimensions)</c>; words by falling frequency.</summary>
public sealed record WordEmbeddings(IReadOnlyList<string> Words, float[] Vectors, int Dimensions)
{
    /// <summary>The vector of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<float> this[int row] => Vectors.AsSpan(row * Dimensions, Dimensions);
}

/// <summary>
/// Skip-gram with negative sampling (Mikolov et al. 2013), written here: each kept word's vector is trained to
/// predict the words around it against noise words drawn from the unigram distribution raised to ¾. Vector math uses
/// <see cref="TensorPrimitives"/> (SIMD). With several threads the workers split the text and update the shared
/// tables without locks (Hogwild), so only a one-thread run is bit-for-bit reproducible.
/// </summary>
public sealed class EmbeddingTrainer(EmbeddingOptions options)
{
    private const int TableSize = 1 << 24;
    private const float MaxExp = 6f;

    /// <summary>Trains vectors for the frequent words of <paramref name="corpus"/>.</summary>
    public WordEmbeddings Train(RawCorpus corpus, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        int[] byFreq = corpus.ByFrequency();
        int v = 0;
        while (v < byFreq.Length && v < options.MaxVocabulary && corpus.Counts[byFreq[v]] >= options.MinCount) v++;
        if (v == 0) return new WordEmbeddings([], [], options.Dimensions);
        var index = new int[corpus.Words.Count];
        Array.Fill(index, -1);
        var words = new string[v];
        var counts = new long[v];
        for (int r = 0; r < v; r++) { index[byFreq[r]] = r; words[r] = corpus.Words[byFreq[r]]; counts[r] = corpus.Counts[byFreq[r]]; }

        // The text over the vocabulary: unknown words dropped, document ends kept.
        var raw = corpus.Stream;
        var text = new int[raw.Length];
        int length = 0;
        long kept = 0;
        foreach (int id in raw)
        {
            int w = id < 0 ? -1 : index[id];
            if (w < 0 && id >= 0) continue;
            text[length++] = w;
            if (w >= 0) kept++;
        }

        var keep = new float[v];
        for (int r = 0; r < v; r++)
        {
            double f = counts[r] / (double)kept, t = options.Subsample;
            keep[r] = t <= 0 ? 1f : (float)Math.Min(1.0, (Math.Sqrt(f / t) + 1) * t / f);
        }
        var table = NoiseTable(counts);

        int d = options.Dimensions;
        var input = new float[(long)v * d];
        var output = new float[(long)v * d];
        var init = new Rng((ulong)options.Seed);
        for (long i = 0; i < input.Length; i++) input[i] = (init.NextFloat() - 0.5f) / d;

        int threads = Math.Max(1, options.Threads);
        long total = (long)options.Epochs * kept, done = 0;
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            int part = t;
            workers[t] = new Thread(() =>
            {
                int from = (int)((long)length * part / threads), to = (int)((long)length * (part + 1) / threads);
                var rng = new Rng((ulong)options.Seed * 7919UL + (ulong)part + 1);
                var sentence = new int[1024];
                var grad = new float[d];
                for (int epoch = 0; epoch < options.Epochs; epoch++)
                {
                    int p = from;
                    while (p < to)
                    {
                        // One chunk: up to the next document end (or 1,024 kept words), down-sampled.
                        int n = 0, seen = 0;
                        while (p < to && text[p] >= 0 && n < sentence.Length)
                        {
                            int w = text[p++];
                            seen++;
                            if (keep[w] >= 1f || rng.NextFloat() < keep[w]) sentence[n++] = w;
                        }
                        if (p < to && text[p] < 0) p++;
                        long progress = Interlocked.Add(ref done, seen);
                        float alpha = options.LearningRate * Math.Max(1e-4f, 1f - (float)progress / total);
                        TrainChunk(sentence.AsSpan(0, n), input, output, grad, table, alpha, ref rng);
                    }
                    if (part == 0) log?.Invoke($"embeddings: epoch {epoch + 1} of {options.Epochs} done ({Interlocked.Read(ref done):N0} words)");
                }
            }, 16 << 20) { IsBackground = true, Name = $"sgns-{part}" };
            workers[t].Start();
        }
        foreach (var w in workers) w.Join();
        return new WordEmbeddings(words, input, d);
    }

    private void TrainChunk(ReadOnlySpan<int> sentence, float[] input, float[] output, float[] grad, int[] table, float alpha, ref Rng rng)
    {
        int d = options.Dimensions;
        for (int i = 0; i < sentence.Length; i++)
        {
            int centre = sentence[i];
            int b = (int)(rng.Next() % (ulong)options.Window);
            int lo = Math.Max(0, i - options.Window + b), hi = Math.Min(sentence.Length - 1, i + options.Window - b);
            for (int j = lo; j <= hi; j++)
            {
                if (j == i) continue;
                var l1 = input.AsSpan(sentence[j] * d, d);
                Array.Clear(grad);
                for (int s = 0; s <= options.Negatives; s++)
                {
                    int target;
                    float label;
                    if (s == 0) { target = centre; label = 1f; }
                    else
                    {
                        target = table[(int)(rng.Next() & (TableSize - 1))];
                        if (target == centre) continue;
                        label = 0f;
                    }
                    var l2 = output.AsSpan(target * d, d);
                    float f = TensorPrimitives.Dot(l1, l2);
                    float g = f > MaxExp ? label - 1f : f < -MaxExp ? label : label - 1f / (1f + MathF.Exp(-f));
                    g *= alpha;
                    TensorPrimitives.MultiplyAdd(l2, g, grad, grad);
                    TensorPrimitives.MultiplyAdd(l1, g, l2, l2);
                }
                TensorPrimitives.Add(l1, grad, l1);
            }
        }
    }

    /// <summary>A table of word rows in proportion to count^¾: a uniform draw from it is a noise word.</summary>
    private static int[] NoiseTable(long[] counts)
    {
        double norm = 0;
        foreach (long c in counts) norm += Math.Pow(c, 0.75);
        var table = new int[TableSize];
        int w = 0;
        double cumulative = Math.Pow(counts[0], 0.75) / norm;
        for (int i = 0; i < TableSize; i++)
        {
            table[i] = w;
            if ((i + 1) / (double)TableSize > cumulative && w < counts.Length - 1)
            {
                w++;
                cumulative += Math.Pow(counts[w], 0.75) / norm;
            }
        }
        return table;
    }

    /// <summary>xorshift64* generator: small, fast, and the same sequence on every platform.</summary>
    private struct Rng(ulong seed)
    {
        private ulong _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed * 0x9E3779B97F4A7C15UL;

        public ulong Next()
        {
            _state ^= _state >> 12;
            _state ^= _state << 25;
            _state ^= _state >> 27;
            return _state * 0x2545F4914F6CDD1DUL;
        }

        public float NextFloat() => (Next() >> 40) * (1f / (1 << 24));
    }
}
