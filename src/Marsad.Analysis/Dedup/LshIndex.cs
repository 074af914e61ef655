namespace Marsad.Analysis.Dedup;

/// <summary>
/// Locality-sensitive hashing by banding (Broder; Leskovec, Rajaraman &amp; Ullman ch. 3): the signature is cut into
/// <c>bands</c> bands of <c>rows</c> values; documents that agree on a whole band become candidates. With 40 bands of
/// 3 rows a pair at Jaccard 0.5 is a candidate with probability 1 − (1 − 0.5³)⁴⁰ ≈ 0.995, at 0.3 ≈ 0.67, at 0.1 ≈ 0.04.
/// Storage: the signatures in one flat array (16-bit values) and one open-addressing table of document numbers, 4 bytes
/// per (document, band), placed by the band's hash; a probe checks the band against the stored signature, so the table
/// holds no keys and there are no false matches. Not thread-safe (one writer).
/// </summary>
public sealed class LshIndex
{
    private readonly int _bins, _bands, _rows;
    private int[] _slots;      // document + 1; 0 = empty. A slot holds no key: the band is checked against the stored signature.
    private int _used;
    private ushort[] _signatures;
    private int[] _sizes;
    private int _count;

    public LshIndex(int bins, int bands, int rows)
    {
        if (bands * rows > bins) throw new ArgumentException($"{bands} bands × {rows} rows need {bands * rows} signature values, have {bins}");
        _bins = bins;
        _bands = bands;
        _rows = rows;
        _slots = new int[1024];
        _signatures = new ushort[bins * 64];
        _sizes = new int[64];
    }

    /// <summary>Number of documents indexed.</summary>
    public int Count => _count;

    /// <summary>Bytes held by the index arrays (signatures, sizes, band table).</summary>
    public long Bytes => (long)_slots.Length * 4 + (long)_signatures.Length * 2 + (long)_sizes.Length * 4;

    /// <summary>The stored signature of document <paramref name="doc"/>.</summary>
    public ReadOnlySpan<ushort> Signature(int doc) => _signatures.AsSpan(doc * _bins, _bins);

    /// <summary>The stored shingle count of document <paramref name="doc"/>.</summary>
    public int Size(int doc) => _sizes[doc];

    private int Home(ReadOnlySpan<ushort> sig, int band, int mask)
    {
        ulong h = (ulong)(band + 1) * 0x9E3779B97F4A7C15UL;
        int start = band * _rows;
        for (int r = 0; r < _rows; r++) h = (h << 16 | h >> 48) ^ sig[start + r];
        return (int)(Shingler.Fmix(h) >> 32) & mask;
    }

    private bool SameBand(ReadOnlySpan<ushort> sig, int doc, int band)
    {
        int start = band * _rows;
        var other = _signatures.AsSpan(doc * _bins + start, _rows);
        return sig.Slice(start, _rows).SequenceEqual(other);
    }

    /// <summary>Adds a signature; returns its document number (0, 1, 2 … in order of adding).</summary>
    public int Add(ReadOnlySpan<ushort> sig, int size)
    {
        if (sig.Length != _bins) throw new ArgumentException("signature size differs from the index");
        int doc = _count++;
        if (_sizes.Length < _count)
        {
            // Grow by half, not double, so the spare capacity stays small (index memory per document is a target).
            int cap = _sizes.Length + _sizes.Length / 2 + 1;
            Array.Resize(ref _signatures, cap * _bins);
            Array.Resize(ref _sizes, cap);
        }
        sig.CopyTo(_signatures.AsSpan(doc * _bins));
        _sizes[doc] = size;
        if ((_used + _bands) * 5 > _slots.Length * 4) Grow(); // load factor up to 0.8
        for (int b = 0; b < _bands; b++) Insert(sig, b, doc);
        return doc;
    }

    private void Insert(ReadOnlySpan<ushort> sig, int band, int doc)
    {
        int mask = _slots.Length - 1;
        int i = Home(sig, band, mask);
        while (_slots[i] != 0) i = (i + 1) & mask;
        _slots[i] = doc + 1;
        _used++;
    }

    private void Grow()
    {
        int size = _slots.Length * 2;
        while ((_used + _bands) * 5 > size * 4) size *= 2;
        _slots = new int[size];
        _used = 0;
        // Slots carry no key, so the table is rebuilt from the stored signatures.
        for (int d = 0; d < _count - 1; d++)
        {
            var sig = Signature(d);
            for (int b = 0; b < _bands; b++) Insert(sig, b, d);
        }
    }

    /// <summary>
    /// Adds to <paramref name="into"/>, once each, every indexed document sharing at least one whole band with <paramref name="sig"/>.
    /// <paramref name="stamp"/> is caller scratch (grown as needed) that prevents repeats.
    /// </summary>
    public void Candidates(ReadOnlySpan<ushort> sig, ref int[] stamp, int stampValue, List<int> into)
    {
        if (stamp.Length < _count) Array.Resize(ref stamp, Math.Max(_count, stamp.Length * 2));
        int mask = _slots.Length - 1;
        for (int b = 0; b < _bands; b++)
        {
            int i = Home(sig, b, mask);
            while (_slots[i] != 0)
            {
                int d = _slots[i] - 1;
                if (stamp[d] != stampValue && SameBand(sig, d, b)) { stamp[d] = stampValue; into.Add(d); }
                i = (i + 1) & mask;
            }
        }
    }
}
