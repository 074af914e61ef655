using Marsad.Analysis.Documents;

namespace Marsad.Analysis.Dedup;

/// <summary>
/// A document's dedup fingerprint: a one-permutation MinHash signature (16-bit values, b-bit minwise hashing),
/// the number of shingles, and a hash of the whole normalized word sequence for exact duplicates.
/// </summary>
public sealed record Fingerprint(ushort[] Signature, int Shingles, ulong ExactHash);

/// <summary>
/// One-permutation MinHash (Li, Owen &amp; Zhang 2012) with rotation densification (Shrivastava &amp; Li 2014):
/// each shingle is hashed once, its high bits pick one of K bins and the bin keeps the smallest low bits.
/// Empty bins (short texts) borrow the value of the next non-empty bin, salted by the distance, so two documents
/// still agree in a bin with probability ≈ their Jaccard similarity. Values are cut to 16 bits (b-bit minwise
/// hashing, Li &amp; König 2010): a random agreement has probability 1/65536, negligible at K = 128.
/// Pure and thread-safe.
/// </summary>
public sealed class MinHasher
{
    public MinHasher(int bins = 128, int shingleSize = 5)
    {
        if (bins is < 8 or > 1024) throw new ArgumentOutOfRangeException(nameof(bins));
        Bins = bins;
        ShingleSize = shingleSize;
    }

    public int Bins { get; }
    public int ShingleSize { get; }

    private struct Sink : IShingleSink
    {
        public uint[] Mins;
        public int Bins;
        public int Count;
        public ulong Exact;

        public void Add(ulong shingle)
        {
            ulong h = shingle; // already a finalized hash
            int bin = (int)(((h >> 32) * (ulong)Bins) >> 32);
            uint v = (uint)h;
            if (v < Mins[bin]) Mins[bin] = v;
            Count++;
            Exact = (ulong.RotateLeft(Exact, 5) ^ shingle) * 0x9E3779B97F4A7C15UL;
        }
    }

    /// <summary>Fingerprints <paramref name="text"/> minus the removed spans (sorted by start).</summary>
    public Fingerprint Fingerprint(ReadOnlySpan<char> text, IReadOnlyList<RemovedSpan>? removed = null)
    {
        var mins = System.Buffers.ArrayPool<uint>.Shared.Rent(Bins);
        try
        {
            Array.Fill(mins, uint.MaxValue, 0, Bins);
            var sink = new Sink { Mins = mins, Bins = Bins };
            Shingler.Shingles(text, removed, ShingleSize, ref sink);
            var sig = new ushort[Bins];
            if (sink.Count == 0) return new Fingerprint(sig, 0, 0);
            for (int i = 0; i < Bins; i++)
            {
                uint v = mins[i];
                int d = 0;
                while (v == uint.MaxValue && d < Bins)
                {
                    d++;
                    v = mins[(i + d) % Bins];
                }
                if (d > 0) v = (uint)Shingler.Fmix(v + (ulong)d * 0x9E3779B97F4A7C15UL);
                sig[i] = (ushort)(v >> 16);
            }
            return new Fingerprint(sig, sink.Count, sink.Exact);
        }
        finally
        {
            System.Buffers.ArrayPool<uint>.Shared.Return(mins);
        }
    }

    /// <summary>Estimated Jaccard similarity of two signatures of the same size.</summary>
    public static double Jaccard(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("signatures differ in size");
        int same = 0;
        for (int i = 0; i < a.Length; i++) if (a[i] == b[i]) same++;
        return (double)same / a.Length;
    }

    /// <summary>Estimated share of the smaller set contained in the larger, from Jaccard and the set sizes.</summary>
    public static double Containment(double jaccard, int sizeA, int sizeB)
    {
        int min = Math.Min(sizeA, sizeB);
        if (min == 0) return 0;
        double inter = jaccard * (sizeA + sizeB) / (1 + jaccard);
        return Math.Min(1, inter / min);
    }
}
