using Marsad.Analysis.Documents;

namespace Marsad.Analysis.Dedup;

/// <summary>Dedup settings. Defaults were chosen on <c>marsad eval dedup</c>.</summary>
public sealed record DuplicateDetectorOptions
{
    /// <summary>Words per shingle.</summary>
    public int ShingleSize { get; init; } = 5;
    /// <summary>MinHash bins (signature values).</summary>
    public int Bins { get; init; } = 128;
    public int Bands { get; init; } = 40;
    public int Rows { get; init; } = 3;
    /// <summary>Estimated Jaccard at or above which two documents are near-duplicates.</summary>
    public double Threshold { get; init; } = 0.55;
    /// <summary>Estimated containment (smaller in larger) at or above which a document is a duplicate of a larger one.</summary>
    public double ContainmentThreshold { get; init; } = 0.85;
    /// <summary>Containment only counts when the Jaccard estimate is at least this (below it the estimate is noise).</summary>
    public double ContainmentMinJaccard { get; init; } = 0.3;
    /// <summary>Documents with fewer shingles are only matched exactly.</summary>
    public int MinShingles { get; init; } = 10;
}

/// <summary>How a document matched an earlier one.</summary>
public enum DuplicateKind { Exact, Near, Contained }

/// <summary>A match: the earlier document's number, the kind, and the estimated similarity.</summary>
public readonly record struct DuplicateMatch(int Original, DuplicateKind Kind, double Jaccard, double Containment);

/// <summary>
/// Finds, for each new document, the first-seen earlier document it duplicates: exact (same normalized word sequence),
/// near (MinHash Jaccard ≥ threshold, candidates by LSH banding) or contained (the same article inside more page
/// furniture). Documents are numbered in the order they are offered. Holds the index: one writer at a time (not
/// thread-safe); fingerprints can be computed in parallel with <see cref="Fingerprint"/>.
/// </summary>
public sealed class DuplicateDetector
{
    private readonly DuplicateDetectorOptions _options;
    private readonly MinHasher _hasher;
    private readonly LshIndex _index;
    private readonly Dictionary<ulong, int> _exact = new();
    private readonly List<int> _candidates = new();
    private int[] _stamp = new int[1024];
    private int _stampValue;

    public DuplicateDetector(DuplicateDetectorOptions? options = null)
    {
        _options = options ?? new DuplicateDetectorOptions();
        _hasher = new MinHasher(_options.Bins, _options.ShingleSize);
        _index = new LshIndex(_options.Bins, _options.Bands, _options.Rows);
    }

    public DuplicateDetectorOptions Options => _options;

    /// <summary>Number of documents offered so far.</summary>
    public int Count { get; private set; }

    /// <summary>Approximate bytes of index memory (LSH arrays plus the exact-hash table).</summary>
    public long IndexBytes => _index.Bytes + _exact.Count * 24L;

    /// <summary>Fingerprints a text (thread-safe; call from any thread, then <see cref="Add"/> in order).</summary>
    public Fingerprint Fingerprint(ReadOnlySpan<char> text, IReadOnlyList<RemovedSpan>? removed = null)
        => _hasher.Fingerprint(text, SortedOrNull(removed));

    private static IReadOnlyList<RemovedSpan>? SortedOrNull(IReadOnlyList<RemovedSpan>? removed)
    {
        if (removed is null || removed.Count == 0) return null;
        for (int i = 1; i < removed.Count; i++)
            if (removed[i].Start < removed[i - 1].Start) return removed.OrderBy(r => r.Start).ToList();
        return removed;
    }

    /// <summary>Checks a fingerprint against everything seen, then adds it. Returns the match, or null for a new document.</summary>
    public DuplicateMatch? Add(Fingerprint fp)
    {
        ArgumentNullException.ThrowIfNull(fp);
        int self = Count++;
        if (fp.Shingles == 0) { _index.Add(fp.Signature, 0); return null; }
        if (_exact.TryGetValue(fp.ExactHash, out var first))
        {
            _index.Add(fp.Signature, fp.Shingles);
            return new DuplicateMatch(first, DuplicateKind.Exact, 1, 1);
        }
        _exact[fp.ExactHash] = self;
        DuplicateMatch? best = null;
        if (fp.Shingles >= _options.MinShingles)
        {
            _candidates.Clear();
            if (++_stampValue == int.MaxValue) { Array.Clear(_stamp); _stampValue = 1; }
            _index.Candidates(fp.Signature, ref _stamp, _stampValue, _candidates);
            _candidates.Sort(); // first-seen wins among equally good matches
            foreach (var c in _candidates)
            {
                int size = _index.Size(c);
                if (size < _options.MinShingles) continue;
                double j = MinHasher.Jaccard(fp.Signature, _index.Signature(c));
                double cont = MinHasher.Containment(j, fp.Shingles, size);
                DuplicateKind? kind = j >= _options.Threshold ? DuplicateKind.Near
                    : j >= _options.ContainmentMinJaccard && cont >= _options.ContainmentThreshold ? DuplicateKind.Contained
                    : null;
                if (kind is null) continue;
                if (best is null || j > best.Value.Jaccard + 0.1) best = new DuplicateMatch(c, kind.Value, j, cont);
            }
        }
        _index.Add(fp.Signature, fp.Shingles);
        return best;
    }
}
