namespace Marsad.Analysis.Tagging;

/// <summary>
/// Non-local features for the second stage of a two-stage tagger (Krishnan &amp; Manning 2006, "An effective two-stage
/// model for exploiting non-local dependencies in named entity recognition"): for each token, how the first stage
/// labelled the occurrences of the same word (as written, and with its proclitics stripped) in the sentences around
/// it. (The first stage's own label of the token, as an extra feature, made dev F1 worse: 0.7226 against 0.7256.)
/// The second stage is trained on
/// first-stage labels of held-out folds (see <see cref="PerceptronTrainer"/>), so it learns how far to trust them.
/// Usage: <see cref="Clear"/>, <see cref="Add{TSource}"/> each sentence with its first-stage labels,
/// <see cref="Compute"/>, then <see cref="Append"/> per sentence. Not thread-safe (reusable buffers): one per thread.
/// </summary>
public sealed class NerDocumentFeatures
{
    /// <summary>Most document features one token gets.</summary>
    internal const int PerToken = 24;
    private const ulong NormVotes = 0xD0C0_0001, NormShare = 0xD0C0_0002, StemVotes = 0xD0C0_0003, StemShare = 0xD0C0_0004;

    private readonly int _labels;
    private readonly Dictionary<ulong, int> _slots = [];
    private int[] _counts = new int[1024];
    private readonly NerDocumentWords _words = new();
    private uint[] _features = new uint[256 * PerToken];
    private int[] _featureCount = new int[256];
    // First-stage features kept per token, so the second stage does not extract them again.
    private uint[] _kept = new uint[256 * 64];
    private int[] _keptStart = new int[257];
    private int _keptTokens;

    /// <summary>Creates the buffers for a model with <paramref name="labels"/> labels (label 0 is O).</summary>
    public NerDocumentFeatures(int labels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(labels, 1);
        _labels = labels;
    }

    /// <summary>Number of sentences added since <see cref="Clear"/>.</summary>
    public int Sentences => _words.Sentences;

    /// <summary>Forgets the current document.</summary>
    public void Clear()
    {
        _words.Clear();
        _keptTokens = 0;
    }

    /// <summary>
    /// Keeps the features the workspace holds for the sentence added last (call right after tagging it), so
    /// <see cref="Restore"/> can give them back to the second stage. Either every sentence is kept or none.
    /// </summary>
    internal void Keep(NerWorkspace ws)
    {
        int a = _words.Start(_words.Sentences - 1), n = _words.Tokens - a;
        if (_keptTokens != a) throw new InvalidOperationException("features must be kept for every sentence, in order");
        if (_keptStart.Length < a + n + 1) Array.Resize(ref _keptStart, Math.Max(_keptStart.Length * 2, a + n + 1));
        int at = _keptStart[a];
        for (int i = 0; i < n; i++)
        {
            int c = ws.FeatureCount[i];
            if (_kept.Length < at + c) Array.Resize(ref _kept, Math.Max(_kept.Length * 2, at + c));
            ws.Features.AsSpan(i * NerWorkspace.MaxFeaturesPerToken, c).CopyTo(_kept.AsSpan(at));
            at += c;
            _keptStart[a + i + 1] = at;
        }
        _keptTokens = a + n;
    }

    /// <summary>True when <see cref="Keep"/> stored the features of sentence <paramref name="sentence"/>.</summary>
    internal bool HasKept(int sentence) => _words.End(sentence) <= _keptTokens && _words.End(sentence) > _words.Start(sentence);

    /// <summary>Puts the kept first-stage features of a sentence back into the workspace.</summary>
    internal void Restore(int sentence, NerWorkspace ws, int labels)
    {
        int a = _words.Start(sentence), n = _words.End(sentence) - a;
        ws.Ensure(n, labels);
        for (int i = 0; i < n; i++)
        {
            var kept = _kept.AsSpan(_keptStart[a + i], _keptStart[a + i + 1] - _keptStart[a + i]);
            kept.CopyTo(ws.Features.AsSpan(i * NerWorkspace.MaxFeaturesPerToken));
            ws.FeatureCount[i] = kept.Length;
        }
    }

    /// <summary>Adds the next sentence with its first-stage labels.</summary>
    public void Add<TSource>(TSource tokens, ReadOnlySpan<int> labels) where TSource : INerTokenSource
    {
        int end = _words.Add(tokens, labels) + tokens.Count;
        if (_featureCount.Length < end)
        {
            Array.Resize(ref _featureCount, Math.Max(end, _featureCount.Length * 2));
            Array.Resize(ref _features, _featureCount.Length * PerToken);
        }
    }

    /// <summary>Computes every token's features, counting labels over <paramref name="window"/> sentences on each side.</summary>
    public void Compute(int window)
    {
        int sentences = Sentences;
        _slots.Clear();
        int lo = 0, hi = 0;
        for (int s = 0; s < sentences; s++)
        {
            long wantLo = Math.Max(0L, (long)s - window), wantHi = Math.Min(sentences, (long)s + window + 1);
            while (hi < wantHi) Count(hi++, +1);
            while (lo < wantLo) Count(lo++, -1);
            int a = _words.Start(s), b = _words.End(s);
            for (int t = a; t < b; t++) Emit(t);
        }
    }

    /// <summary>Appends sentence <paramref name="sentence"/>'s features to those already extracted into <paramref name="ws"/>.</summary>
    internal void Append(int sentence, NerWorkspace ws)
    {
        int a = _words.Start(sentence), n = _words.End(sentence) - a;
        for (int i = 0; i < n; i++)
        {
            int have = ws.FeatureCount[i];
            int add = Math.Min(_featureCount[a + i], NerWorkspace.MaxFeaturesPerToken - have);
            _features.AsSpan((a + i) * PerToken, add).CopyTo(ws.Features.AsSpan(i * NerWorkspace.MaxFeaturesPerToken + have));
            ws.FeatureCount[i] = have + add;
        }
    }

    private void Count(int sentence, int delta)
    {
        var norm = _words.Norm;
        var stem = _words.Stem;
        var first = _words.Labels;
        for (int t = _words.Start(sentence); t < _words.End(sentence); t++)
        {
            Vote(norm[t], first[t], delta);
            if (stem[t] != norm[t]) Vote(stem[t], first[t], delta);
        }
    }

    private void Vote(ulong key, int label, int delta)
    {
        if (!_slots.TryGetValue(key, out int slot))
        {
            slot = _slots.Count;
            _slots[key] = slot;
            if (_counts.Length < (slot + 1) * _labels) Array.Resize(ref _counts, Math.Max(_counts.Length * 2, (slot + 1) * _labels));
            _counts.AsSpan(slot * _labels, _labels).Clear();
        }
        _counts[slot * _labels + label] += delta;
    }

    private void Emit(int t)
    {
        var f = _features.AsSpan(t * PerToken, PerToken);
        int k = 0;
        ulong norm = _words.Norm[t], stem = _words.Stem[t];
        k = EmitVotes(f, k, norm, NormVotes, NormShare);
        if (stem != norm) k = EmitVotes(f, k, stem, StemVotes, StemShare);

        _featureCount[t] = k;
    }

    /// <summary>
    /// Votes of the occurrences in the window, this one included (so a word seen once carries its own first-stage
    /// label): per entity label with a count bucket, and the share of occurrences tagged as any entity.
    /// </summary>
    private int EmitVotes(Span<uint> f, int k, ulong key, ulong votesTemplate, ulong shareTemplate)
    {
        if (!_slots.TryGetValue(key, out int slot)) return k;
        var counts = _counts.AsSpan(slot * _labels, _labels);
        int others = 0, entity = 0;
        for (int j = 0; j < counts.Length; j++)
        {
            int c = counts[j];
            others += c;
            if (j == 0 || c <= 0) continue;
            entity += c;
            if (k < f.Length - 4) f[k++] = (uint)NerText.Combine(votesTemplate, (ulong)(j * 8 + Bucket(c)));
        }
        if (others > 0)
        {
            int share = entity == 0 ? 0 : entity == others ? 4 : 1 + 3 * entity / (others + 1);
            f[k++] = (uint)NerText.Combine(shareTemplate, (ulong)share);
        }
        return k;
    }

    private static int Bucket(int count) => count switch { 1 => 0, 2 => 1, <= 4 => 2, _ => 3 };
}
