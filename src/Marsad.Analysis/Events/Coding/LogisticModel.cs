using System.Globalization;

namespace Marsad.Analysis.Events.Coding;

/// <summary>
/// Multinomial logistic regression over named binary features: small, exact to reproduce, and readable (every weight
/// has a feature name). Trained with AdaGrad and L2 in a fixed order from a seed. Immutable after training or loading.
/// </summary>
/// <remarks>Our own code rather than ML.NET: the coder has a few hundred examples and a few thousand sparse string
/// features, the model must load in milliseconds inside every analyze call without a native runtime, and a rule-writer
/// must be able to read the weights by name; a 100-line regression does all three.</remarks>
public sealed class LogisticModel
{
    private readonly Dictionary<string, float[]> _weights;

    private LogisticModel(string[] classes, Dictionary<string, float[]> weights)
    {
        Classes = classes;
        _weights = weights;
    }

    public IReadOnlyList<string> Classes { get; }

    public int FeatureCount => _weights.Count;

    /// <summary>Class probabilities for one example (written into <paramref name="probs"/>, one per class).</summary>
    public void Predict(string[] features, Span<double> probs)
    {
        int k = Classes.Count;
        probs[..k].Clear();
        foreach (var f in features)
            if (_weights.TryGetValue(f, out var w))
                for (int c = 0; c < k; c++) probs[c] += w[c];
        Softmax(probs[..k]);
    }

    /// <summary>The probability of class <paramref name="c"/> (binary models: 1 is the positive class).</summary>
    public double Probability(string[] features, int c)
    {
        Span<double> p = stackalloc double[Classes.Count];
        Predict(features, p);
        return p[c];
    }

    public static LogisticModel Train(string[] classes, IReadOnlyList<(string[] Features, int Label)> examples, int epochs = 30, double l2 = 1e-3,
        double rate = 0.3, int seed = 1, double decay = 0)
    {
        int k = classes.Length;
        var w = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var g2 = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (features, _) in examples)
            foreach (var f in features)
                if (!w.ContainsKey(f)) { w[f] = new double[k]; g2[f] = new double[k]; }
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var rng = new Random(seed);
        var p = new double[k];
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            rng.Shuffle(order);
            foreach (int i in order)
            {
                var (features, label) = examples[i];
                Array.Clear(p);
                foreach (var f in features) { var wf = w[f]; for (int c = 0; c < k; c++) p[c] += wf[c]; }
                Softmax(p);
                foreach (var f in features)
                {
                    var wf = w[f];
                    var gf = g2[f];
                    for (int c = 0; c < k; c++)
                    {
                        double grad = p[c] - (c == label ? 1 : 0) + l2 * wf[c];
                        gf[c] += grad * grad;
                        wf[c] -= rate * grad / Math.Sqrt(gf[c] + 1e-8);
                    }
                }
            }
            // Every weight shrinks once an epoch: the per-example L2 term above only touches a feature when it occurs, so a
            // word seen once would otherwise keep the weight that memorised its one example.
            if (decay > 0)
                foreach (var wf in w.Values)
                    for (int c = 0; c < k; c++) wf[c] *= 1 - decay;
        }
        var weights = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var (f, wf) in w)
            if (wf.Any(x => Math.Abs(x) > 1e-4)) weights[f] = wf.Select(x => (float)x).ToArray();
        return new LogisticModel(classes, weights);
    }

    /// <summary>
    /// Models trained from <paramref name="bags"/> seeds (seed, seed + 1, …) over the same examples, their weights averaged:
    /// one model as cheap to apply as each, with less of the variance a single shuffled order leaves.
    /// </summary>
    public static LogisticModel TrainAveraged(string[] classes, IReadOnlyList<(string[] Features, int Label)> examples, int bags, int epochs = 30,
        double l2 = 1e-3, double rate = 0.3, int seed = 1, double decay = 0)
    {
        if (bags <= 1) return Train(classes, examples, epochs, l2, rate, seed, decay);
        var models = new LogisticModel[bags];
        Parallel.For(0, bags, b => models[b] = Train(classes, examples, epochs, l2, rate, seed + b, decay));
        var sum = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var m in models)
            foreach (var (f, wf) in m._weights)
            {
                if (!sum.TryGetValue(f, out var acc)) sum[f] = acc = new float[classes.Length];
                for (int c = 0; c < acc.Length; c++) acc[c] += wf[c] / bags;
            }
        return new LogisticModel(classes, sum);
    }

    /// <summary>The features with the largest weight for a class (for people reading what the model learned).</summary>
    public IEnumerable<(string Feature, float Weight)> Top(int c, int n)
        => _weights.Select(kv => (kv.Key, kv.Value[c] - kv.Value.Average())).OrderByDescending(x => x.Item2).Take(n);

    /// <summary>Writes "classes\tA\tB…" then one "feature\tw_A\tw_B…" line per feature, sorted.</summary>
    public void Write(TextWriter w)
    {
        w.Write("classes\t");
        w.WriteLine(string.Join('\t', Classes));
        foreach (var kv in _weights.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            w.Write(kv.Key);
            foreach (var x in kv.Value) { w.Write('\t'); w.Write(x.ToString("G6", CultureInfo.InvariantCulture)); }
            w.WriteLine();
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote; lines up to an empty line or the end.</summary>
    public static LogisticModel Read(TextReader r)
    {
        var head = r.ReadLine() ?? throw new InvalidDataException("empty model");
        if (!head.StartsWith("classes\t", StringComparison.Ordinal)) throw new InvalidDataException("model: first line must list the classes");
        var classes = head.Split('\t')[1..];
        var weights = new Dictionary<string, float[]>(StringComparer.Ordinal);
        string? line;
        while (!string.IsNullOrEmpty(line = r.ReadLine()))
        {
            var parts = line.Split('\t');
            if (parts.Length != classes.Length + 1) throw new InvalidDataException($"model: line has {parts.Length - 1} weights, not {classes.Length}: {line}");
            var v = new float[classes.Length];
            for (int c = 0; c < v.Length; c++) v[c] = float.Parse(parts[c + 1], CultureInfo.InvariantCulture);
            weights[parts[0]] = v;
        }
        return new LogisticModel(classes, weights);
    }

    private static void Softmax(Span<double> z)
    {
        double max = double.NegativeInfinity;
        foreach (var x in z) max = Math.Max(max, x);
        double sum = 0;
        for (int i = 0; i < z.Length; i++) { z[i] = Math.Exp(z[i] - max); sum += z[i]; }
        for (int i = 0; i < z.Length; i++) z[i] /= sum;
    }
}
