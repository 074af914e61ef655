namespace Marsad.Analysis.Tagging;

/// <summary>Settings of the document-level consistency pass (<see cref="NerConsistencyPass"/>).</summary>
public sealed record NerConsistencyOptions
{
    /// <summary>
    /// Sentences on each side of a sentence whose tagged names vote on it; <see cref="int.MaxValue"/> = the whole
    /// document, 0 = the pass is off.
    /// </summary>
    public int Window { get; init; } = int.MaxValue;
    /// <summary>Votes a single-word name needs before its untagged repeats get tagged (multi-word names need one).</summary>
    public int MinSingleWordVotes { get; init; } = 2;
    /// <summary>Longest name (in tokens) the pass looks for among untagged tokens.</summary>
    public int MaxNameTokens { get; init; } = 6;
    /// <summary>The whole-document pass that <see cref="EntityTagger.Recognize"/> uses by default.</summary>
    public static NerConsistencyOptions Document { get; } = new();
    /// <summary>No consistency pass.</summary>
    public static NerConsistencyOptions Off { get; } = new() { Window = 0 };
}

/// <summary>
/// One sense per document for names: after every sentence of a document (or of a window of nearby sentences) has been
/// tagged, the names found vote on each other.
/// <list type="number">
/// <item>Type: a tagged name (its normalized tokens, the first one without proclitics, so لموسكو = موسكو) whose
/// occurrences in the window were tagged with another type more often takes that type.</item>
/// <item>Repeats: a run of untagged tokens that spells a name tagged elsewhere in the window gets that name's majority
/// type (longest name first; a single word needs <see cref="NerConsistencyOptions.MinSingleWordVotes"/> votes).</item>
/// </list>
/// Votes always come from the tagger's own labels, never from labels the pass changed, so the result does not depend
/// on sentence order. Usage: <see cref="Clear"/>, <see cref="Add{TSource}"/> each sentence with its labels,
/// <see cref="Apply"/>, then read <see cref="LabelsOf"/>. Not thread-safe (reusable scratch buffers): one per thread.
/// </summary>
public sealed class NerConsistencyPass
{
    private readonly NerConsistencyOptions _options;
    private readonly int _types;
    private readonly int[] _typeOf;      // label → entity type index, −1 for O
    private readonly bool[] _isBegin;    // label is B-X
    private readonly int[] _beginOf, _insideOf;
    private readonly Dictionary<ulong, int> _slots = [];
    private int[] _votes = new int[256];
    private readonly NerDocumentWords _words = new();
    private int[] _labels = new int[256];   // the labels as corrected (the words keep the tagger's)
    private readonly List<(int Start, int End, ulong Key, ulong StemKey, int Type)> _chunks = [];
    private readonly List<int> _chunkStarts = [0];

    /// <summary>Creates a pass for a model's label set (<c>O</c> plus <c>B-X</c>/<c>I-X</c> pairs).</summary>
    public NerConsistencyPass(IReadOnlyList<string> labels, NerConsistencyOptions options)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var types = new List<string>();
        _typeOf = new int[labels.Count];
        _isBegin = new bool[labels.Count];
        for (int j = 0; j < labels.Count; j++)
        {
            var label = labels[j];
            if (label.Length < 3 || label[1] != '-') { _typeOf[j] = -1; continue; }
            var type = label[2..];
            int t = types.IndexOf(type);
            if (t < 0) { t = types.Count; types.Add(type); }
            _typeOf[j] = t;
            _isBegin[j] = label[0] == 'B';
        }
        _types = types.Count;
        _beginOf = new int[_types];
        _insideOf = new int[_types];
        for (int j = 0; j < labels.Count; j++)
        {
            if (_typeOf[j] < 0) continue;
            if (_isBegin[j]) _beginOf[_typeOf[j]] = j;
            else _insideOf[_typeOf[j]] = j;
        }
    }

    /// <summary>Number of sentences added since <see cref="Clear"/>.</summary>
    public int Sentences => _words.Sentences;

    /// <summary>Forgets the current document.</summary>
    public void Clear()
    {
        _words.Clear();
        _chunks.Clear();
        _chunkStarts.Clear();
        _chunkStarts.Add(0);
    }

    /// <summary>Adds the next sentence of the document with the labels the tagger gave it.</summary>
    public void Add<TSource>(TSource tokens, ReadOnlySpan<int> labels) where TSource : INerTokenSource
    {
        int n = tokens.Count;
        int start = _words.Add(tokens, labels);
        if (_labels.Length < start + n) Array.Resize(ref _labels, Math.Max(start + n, _labels.Length * 2));
        labels[..n].CopyTo(_labels.AsSpan(start));
        // The sentence's names, keyed as in the vote table.
        int a = 0;
        while (a < n)
        {
            int t = _typeOf[labels[a]];
            if (t < 0) { a++; continue; }
            int b = a + 1;
            while (b < n && !_isBegin[labels[b]] && _typeOf[labels[b]] == t) b++;
            _chunks.Add((start + a, start + b, Key(_words.Norm, start + a, b - a), Key(_words.Stem, start + a, b - a), t));
            a = b;
        }
        _chunkStarts.Add(_chunks.Count);
    }

    /// <summary>The (possibly corrected) labels of sentence <paramref name="sentence"/>.</summary>
    public ReadOnlySpan<int> LabelsOf(int sentence) => _labels.AsSpan(_words.Start(sentence), _words.End(sentence) - _words.Start(sentence));

    /// <summary>Runs the pass over the added sentences; returns how many token labels it changed.</summary>
    public int Apply()
    {
        int sentences = Sentences;
        int window = _options.Window;
        if (window <= 0 || sentences == 0 || _types == 0) return 0;
        _slots.Clear();
        int changed = 0;
        // Sliding window of votes: sentences [lo, hi) are counted.
        int lo = 0, hi = 0;
        for (int s = 0; s < sentences; s++)
        {
            long wantLo = Math.Max(0L, (long)s - window), wantHi = Math.Min(sentences, (long)s + window + 1);
            while (hi < wantHi) Count(hi++, +1);
            while (lo < wantLo) Count(lo++, -1);
            changed += Retype(s) + Fill(s);
        }
        return changed;
    }

    private void Count(int sentence, int delta)
    {
        for (int c = _chunkStarts[sentence]; c < _chunkStarts[sentence + 1]; c++)
        {
            var (_, _, key, stemKey, type) = _chunks[c];
            Vote(key, type, delta);
            if (stemKey != key) Vote(stemKey, type, delta);
        }
    }

    private void Vote(ulong key, int type, int delta)
    {
        if (!_slots.TryGetValue(key, out int slot))
        {
            if (delta < 0) return;
            slot = _slots.Count;
            _slots[key] = slot;
            if (_votes.Length < (slot + 1) * _types) Array.Resize(ref _votes, Math.Max(_votes.Length * 2, (slot + 1) * _types));
            _votes.AsSpan(slot * _types, _types).Clear();
        }
        _votes[slot * _types + type] += delta;
    }

    /// <summary>
    /// The winning type for a name written one way (<paramref name="key"/>) or with its first word's proclitics
    /// stripped (<paramref name="stemKey"/>): the votes of whichever key has more of them (ambiguous stripping, as in
    /// باتروشيف → ب + اتروشيف, then cannot split the votes of one name).
    /// </summary>
    private int Winner(ulong key, ulong stemKey, out int votes)
    {
        int a = Winner(key, out votes, out int total);
        if (stemKey == key) return a;
        int b = Winner(stemKey, out int stemVotes, out int stemTotal);
        if (stemTotal > total) { votes = stemVotes; return b; }
        return a;
    }

    /// <summary>The winning type of a key and its votes, or −1 when nothing (or a tie for first place) was voted.</summary>
    private int Winner(ulong key, out int votes, out int total)
    {
        votes = total = 0;
        if (!_slots.TryGetValue(key, out int slot)) return -1;
        var v = _votes.AsSpan(slot * _types, _types);
        int best = -1;
        bool tie = false;
        for (int t = 0; t < v.Length; t++)
        {
            total += v[t];
            if (v[t] > votes) { votes = v[t]; best = t; tie = false; }
            else if (v[t] == votes && votes > 0) tie = true;
        }
        return tie ? -1 : best;
    }

    private int Retype(int sentence)
    {
        int changed = 0;
        for (int c = _chunkStarts[sentence]; c < _chunkStarts[sentence + 1]; c++)
        {
            var (a, b, key, stemKey, type) = _chunks[c];
            int winner = Winner(key, stemKey, out _);
            if (winner < 0 || winner == type) continue;
            _labels[a] = _beginOf[winner];
            for (int i = a + 1; i < b; i++) _labels[i] = _insideOf[winner];
            changed += b - a;
        }
        return changed;
    }

    private int Fill(int sentence)
    {
        int changed = 0;
        int start = _words.Start(sentence), end = _words.End(sentence);
        int i = start;
        while (i < end)
        {
            if (_typeOf[_labels[i]] >= 0) { i++; continue; }
            int taken = 0;
            int longest = Math.Min(_options.MaxNameTokens, end - i);
            // The untagged run starting here (at most MaxNameTokens long); try its longest prefix first.
            int run = 1;
            while (run < longest && _typeOf[_labels[i + run]] < 0) run++;
            for (int len = run; len >= 1 && taken == 0; len--)
            {
                int winner = Winner(Key(_words.Norm, i, len), Key(_words.Stem, i, len), out int votes);
                if (winner < 0 || votes < (len == 1 ? _options.MinSingleWordVotes : 1)) continue;
                _labels[i] = _beginOf[winner];
                for (int k = i + 1; k < i + len; k++) _labels[k] = _insideOf[winner];
                taken = len;
            }
            changed += taken;
            i += Math.Max(taken, 1);
        }
        return changed;
    }

    /// <summary>Key of a name: the first token's hash from <paramref name="firstWord"/>, then the normalized forms of the rest.</summary>
    private ulong Key(ulong[] firstWord, int first, int length)
    {
        ulong h = firstWord[first];
        for (int k = 1; k < length; k++) h = NerText.Combine(h, _words.Norm[first + k]);
        return NerText.Combine(h, (ulong)length);
    }
}
