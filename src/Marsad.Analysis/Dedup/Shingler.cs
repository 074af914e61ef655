using Marsad.Analysis.Documents;

namespace Marsad.Analysis.Dedup;

/// <summary>
/// Turns text into hashed word shingles over a matching normalization, in one pass with no allocation:
/// <list type="bullet">
/// <item>words are runs of letters and digits; everything else separates words;</item>
/// <item>diacritics (U+064B–U+0652, U+0670) and tatweel (U+0640) are dropped inside words;</item>
/// <item>alef forms أ إ آ ٱ → ا, teh marbuta ة → ه, alef maksura ى → ي, Persian yeh/keheh ی ک → ي ك;</item>
/// <item>Arabic-Indic and Persian digits → ASCII digits; Latin letters lower-cased;</item>
/// <item>a word hash is FNV-1a (64-bit) over the normalized characters; a shingle hash mixes the last k word hashes.</item>
/// </list>
/// Spans listed as removed are skipped (the words inside them do not exist for dedup).
/// </summary>
public static class Shingler
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    // Fold for every UTF-16 code unit, computed once (128 KB): the hot loop does one load per character.
    private static readonly char[] FoldTable = BuildFoldTable();

    private static char[] BuildFoldTable()
    {
        var t = new char[65536];
        for (int c = 0; c < t.Length; c++) t[c] = FoldSlow((char)c);
        return t;
    }

    /// <summary>Normalized form of one character, or '\0' for a separator, or '\uFFFF' for a character to drop inside a word.</summary>
    public static char Fold(char c) => FoldTable[c];

    private static char FoldSlow(char c)
    {
        if (c < 0x80)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') return c;
            if (c is >= 'A' and <= 'Z') return (char)(c + 32);
            return '\0';
        }
        if (c >= '\u0600' && c <= '\u06FF')
        {
            switch (c)
            {
                case '\u0623': case '\u0625': case '\u0622': case '\u0671': return '\u0627';
                case '\u0629': return '\u0647';
                case '\u0649': case '\u06CC': return '\u064A';
                case '\u06A9': return '\u0643';
                case '\u0640': return '\uFFFF';
            }
            if (c >= '\u064B' && c <= '\u0652' || c == '\u0670') return '\uFFFF';
            if (c >= '\u0660' && c <= '\u0669') return (char)('0' + (c - '\u0660'));
            if (c >= '\u06F0' && c <= '\u06F9') return (char)('0' + (c - '\u06F0'));
            return char.IsLetter(c) ? c : '\0';
        }
        if (c is '\u200C' or '\u200D' or '\u200E' or '\u200F') return '\uFFFF';
        return char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '\0';
    }

    /// <summary>
    /// Calls <paramref name="sink"/> with each shingle hash of <paramref name="k"/> consecutive words (texts shorter
    /// than k words give one shingle of all their words). Returns the number of words.
    /// </summary>
    public static int Shingles<TSink>(ReadOnlySpan<char> text, IReadOnlyList<RemovedSpan>? removed, int k, ref TSink sink)
        where TSink : struct, IShingleSink
    {
        if (k is < 1 or > 16) throw new ArgumentOutOfRangeException(nameof(k), "shingle size must be 1..16 words");
        Span<ulong> window = stackalloc ulong[16];
        var table = FoldTable;
        int words = 0;
        ulong h = FnvOffset;
        bool inWord = false;
        int nextRemoved = 0;
        int removedCount = removed?.Count ?? 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (removedCount > 0 && i < text.Length)
            {
                // Removed spans are given sorted by start; jump over one when we enter it.
                while (nextRemoved < removedCount && removed![nextRemoved].End <= i) nextRemoved++;
                if (nextRemoved < removedCount && removed![nextRemoved].Start <= i)
                {
                    if (inWord) { Emit(ref sink, window, ref words, h, k); inWord = false; h = FnvOffset; }
                    i = removed![nextRemoved].End - 1;
                    continue;
                }
            }
            char f = i < text.Length ? table[text[i]] : '\0';
            if (f == '\uFFFF') continue;
            if (f == '\0')
            {
                if (inWord) { Emit(ref sink, window, ref words, h, k); inWord = false; h = FnvOffset; }
                continue;
            }
            inWord = true;
            h = (h ^ f) * FnvPrime;
        }
        if (words > 0 && words < k) sink.Add(Mix(window, words));
        return words;
    }

    private static void Emit<TSink>(ref TSink sink, Span<ulong> window, ref int words, ulong wordHash, int k) where TSink : struct, IShingleSink
    {
        // Shift the window left by one word when full.
        if (words >= k) window[..k][1..].CopyTo(window);
        window[Math.Min(words, k - 1)] = wordHash;
        words++;
        if (words >= k) sink.Add(Mix(window, k));
    }

    private static ulong Mix(ReadOnlySpan<ulong> window, int n)
    {
        // Position-dependent combination (each word rotated by its place), then one finalizer.
        ulong h = (ulong)n * 0x9E3779B97F4A7C15UL;
        for (int j = 0; j < n; j++) h ^= ulong.RotateLeft(window[j], 13 * j + 1) * (0xFF51AFD7ED558CCDUL + 2 * (ulong)j);
        return Fmix(h);
    }

    /// <summary>MurmurHash3's 64-bit finalizer: a fast, well-spread bijection.</summary>
    public static ulong Fmix(ulong k)
    {
        k ^= k >> 33;
        k *= 0xFF51AFD7ED558CCDUL;
        k ^= k >> 33;
        k *= 0xC4CEB9FE1A85EC53UL;
        k ^= k >> 33;
        return k;
    }
}

/// <summary>Receives shingle hashes (a struct, so the JIT inlines the call).</summary>
public interface IShingleSink
{
    void Add(ulong shingleHash);
}
