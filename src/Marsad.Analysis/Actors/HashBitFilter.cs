using System.Runtime.CompilerServices;

namespace Marsad.Analysis.Actors;

/// <summary>
/// One bit per mixed hash over a set of 64-bit word hashes: a test that answers "certainly not in the set" with one
/// memory read, placed before the set or dictionary lookup on paths that run at every word (most words are in no set).
/// A true answer only means "maybe": the caller still asks the set. Immutable.
/// </summary>
internal sealed class HashBitFilter
{
    private readonly ulong[] _bits;
    private readonly int _mask;

    /// <summary>A filter of 2^<paramref name="log2Bits"/> bits over <paramref name="hashes"/>.</summary>
    public HashBitFilter(IEnumerable<ulong> hashes, int log2Bits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(log2Bits, 6);
        _mask = (1 << log2Bits) - 1;
        _bits = new ulong[1 << (log2Bits - 6)];
        foreach (ulong h in hashes)
        {
            int bit = Bit(h);
            _bits[bit >> 6] |= 1UL << bit;
        }
    }

    /// <summary>False when <paramref name="hash"/> is certainly not in the set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayContain(ulong hash)
    {
        int bit = Bit(hash);
        return (_bits[bit >> 6] & (1UL << bit)) != 0;
    }

    private int Bit(ulong hash) => (int)((hash ^ (hash >> 29)) & (uint)_mask);
}
