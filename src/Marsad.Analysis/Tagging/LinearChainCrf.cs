namespace Marsad.Analysis.Tagging;

/// <summary>
/// Forward–backward of a first-order linear-chain CRF over the same scores and transitions the tagger's Viterbi
/// decodes (<see cref="EntityTagger.Score"/>, <see cref="NerModel.Transitions"/>): the label marginals of each token,
/// the expected transition counts and log Z, and from them the gradient of the sentence's log-likelihood
/// (empirical − expected counts). Forbidden BIO transitions have probability 0 (weight −∞).
/// <para>Works in probability space with one scale per position (Rabiner): the emissions of token i are
/// <c>exp(score − max_i)</c>, each α row is renormalized to sum 1, and log Z is the sum of the logs of those sums
/// plus the maxima. This needs one <c>exp</c> per token and label instead of one per label pair, and cannot overflow.</para>
/// The buffers grow with the longest sentence seen and are reused, so a training step allocates nothing.
/// Not thread-safe: one instance per trainer.
/// </summary>
internal sealed class LinearChainCrf(int labels)
{
    private readonly int _l = labels;
    private double[] _emit = [];
    private double[] _alpha = [];
    private double[] _beta = [];
    private double[] _norm = [];
    private readonly double[] _expTrans = new double[(labels + 1) * labels];

    /// <summary><c>Node[i × labels + c]</c> = P(y_i = c | x) after <see cref="ForwardBackward"/>.</summary>
    internal double[] Node = [];
    /// <summary><c>Edge[p × labels + c]</c> = Σ_i P(y_{i−1} = p, y_i = c | x); row <c>labels</c> is the sentence start.</summary>
    internal readonly double[] Edge = new double[(labels + 1) * labels];

    private void Ensure(int n)
    {
        if (_emit.Length >= n * _l) return;
        int size = Math.Max(n, 64) * 2 * _l;
        _emit = new double[size];
        _alpha = new double[size];
        _beta = new double[size];
        Node = new double[size];
        _norm = new double[size / _l];
    }

    /// <summary>
    /// Fills <see cref="Node"/> and <see cref="Edge"/> for a sentence of <paramref name="n"/> tokens whose label scores
    /// are <c>scores[i × labels + c]</c>; returns log Z.
    /// </summary>
    internal double ForwardBackward(ReadOnlySpan<float> scores, int n, ReadOnlySpan<float> transitions, ReadOnlySpan<bool> allowed, bool useTransitions)
    {
        int l = _l;
        Ensure(n);
        var et = _expTrans.AsSpan();
        for (int k = 0; k < et.Length; k++) et[k] = allowed[k] ? (useTransitions ? Math.Exp(transitions[k]) : 1.0) : 0.0;
        var emit = _emit.AsSpan(0, n * l);
        var alpha = _alpha.AsSpan(0, n * l);
        var beta = _beta.AsSpan(0, n * l);
        var norm = _norm.AsSpan(0, n);
        double logZ = 0;
        for (int i = 0; i < n; i++)
        {
            var s = scores.Slice(i * l, l);
            float max = s[0];
            for (int c = 1; c < l; c++) if (s[c] > max) max = s[c];
            for (int c = 0; c < l; c++) emit[i * l + c] = Math.Exp((double)s[c] - max);
            logZ += max;
        }

        // Forward: α_i(c) = e_i(c) Σ_p α_{i−1}(p) T(p, c), each row scaled to sum 1.
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int c = 0; c < l; c++)
            {
                double a;
                if (i == 0) a = et[l * l + c];
                else
                {
                    a = 0;
                    int prev = (i - 1) * l;
                    for (int p = 0; p < l; p++) a += alpha[prev + p] * et[p * l + c];
                }
                a *= emit[i * l + c];
                alpha[i * l + c] = a;
                sum += a;
            }
            norm[i] = sum;
            double inv = 1.0 / sum;
            for (int c = 0; c < l; c++) alpha[i * l + c] *= inv;
            logZ += Math.Log(sum);
        }

        // Backward with the forward scales, so that α_i(c) β_i(c) is the marginal itself.
        beta.Slice((n - 1) * l, l).Fill(1.0);
        for (int i = n - 2; i >= 0; i--)
        {
            int next = (i + 1) * l;
            double inv = 1.0 / norm[i + 1];
            for (int p = 0; p < l; p++)
            {
                double b = 0;
                for (int c = 0; c < l; c++) b += et[p * l + c] * emit[next + c] * beta[next + c];
                beta[i * l + p] = b * inv;
            }
        }

        var node = Node.AsSpan(0, n * l);
        for (int k = 0; k < node.Length; k++) node[k] = alpha[k] * beta[k];
        var edge = Edge.AsSpan();
        edge.Clear();
        for (int c = 0; c < l; c++) edge[l * l + c] = node[c];
        for (int i = 1; i < n; i++)
        {
            int prev = (i - 1) * l, cur = i * l;
            double inv = 1.0 / norm[i];
            for (int c = 0; c < l; c++)
            {
                double right = emit[cur + c] * beta[cur + c] * inv;
                if (right == 0) continue;
                for (int p = 0; p < l; p++) edge[p * l + c] += alpha[prev + p] * et[p * l + c] * right;
            }
        }
        return logZ;
    }

    /// <summary>Score of the gold path (features plus transitions), the numerator of the likelihood in log space.</summary>
    internal double GoldScore(ReadOnlySpan<float> scores, ReadOnlySpan<int> gold, ReadOnlySpan<float> transitions, bool useTransitions)
    {
        int l = _l;
        double total = 0;
        for (int i = 0; i < gold.Length; i++)
        {
            total += scores[i * l + gold[i]];
            if (useTransitions) total += transitions[(i == 0 ? l : gold[i - 1]) * l + gold[i]];
        }
        return total;
    }

    /// <summary>
    /// The gradient of the log-likelihood for each feature of token <paramref name="i"/>, per label: 1 for the gold label
    /// minus the label's marginal.
    /// </summary>
    internal void TokenGradient(int i, int gold, Span<double> grad)
    {
        for (int c = 0; c < _l; c++) grad[c] = (c == gold ? 1.0 : 0.0) - Node[i * _l + c];
    }

    /// <summary>The gradient for the transition weights: gold transition counts − <see cref="Edge"/>.</summary>
    internal void TransitionGradient(ReadOnlySpan<int> gold, Span<double> grad)
    {
        int l = _l;
        for (int k = 0; k < grad.Length; k++) grad[k] = -Edge[k];
        for (int i = 0; i < gold.Length; i++) grad[(i == 0 ? l : gold[i - 1]) * l + gold[i]] += 1;
    }
}
