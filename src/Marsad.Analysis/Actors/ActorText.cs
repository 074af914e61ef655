using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace Marsad.Analysis.Actors;

/// <summary>
/// Matching keys for actor names: Arabic letter folding, word splitting and 64-bit word hashes. Registry entries and
/// document words go through the same folding, so "الأميركي" meets "الأمريكي" and "سورية" meets "سوريا".
/// Folding rules (applied per character, then per word):
/// <list type="bullet">
/// <item>drop harakat (U+064B–U+065F), superscript alef (U+0670), tatweel (U+0640) and zero-width/bidi marks;</item>
/// <item>alef with hamza above/below, alef with madda, alef wasla → alef (U+0627);</item>
/// <item>alef maksura (U+0649) and yeh with hamza (U+0626) → yeh (U+064A); waw with hamza (U+0624) → waw;</item>
/// <item>teh marbuta (U+0629) → heh (U+0647); Persian kaf/yeh → Arabic kaf/yeh;</item>
/// <item>the letter run "اميرك" → "امريك" (أميركي/أمريكي);</item>
/// <item>whole-word variants: سوريه → سوريا, ديمتري → دميتري, بوتن → بوتين (see <see cref="WordVariants"/>).</item>
/// </list>
/// Thread-safe (static, immutable).
/// </summary>
internal static class ActorText
{
    private static readonly FrozenDictionary<string, string> WordVariants = new Dictionary<string, string>
    {
        ["سوريه"] = "سوريا",
        ["ديمتري"] = "دميتري",
        ["ديميتري"] = "دميتري",
        ["سيرجي"] = "سيرغي",
        ["سيرجيه"] = "سيرغي",
        ["سيرغيه"] = "سيرغي",
        ["سيرغيي"] = "سيرغي",
        ["الامريكان"] = "الامريكيون",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<ulong, ulong> HashVariants =
        WordVariants.ToFrozenDictionary(kv => RawHash(kv.Key), kv => RawHash(kv.Value));

    /// <summary>Folds one character; returns '\0' for a character to drop.</summary>
    public static char Fold(char c)
    {
        switch (c)
        {
            case '\u0623': case '\u0625': case '\u0622': case '\u0671': return '\u0627';
            case '\u0649': case '\u0626': case '\u06CC': return '\u064A';
            case '\u0624': return '\u0648';
            case '\u0629': return '\u0647';
            case '\u06A9': return '\u0643';
            case '\u0640': case '\u0670': case '\u200C': case '\u200D': case '\u200E': case '\u200F': case '\u061C': return '\0';
        }
        if (c >= '\u064B' && c <= '\u065F')
            return '\0';
        return c;
    }

    private static bool IsWordCharSlow(char c) =>
        (c >= '\u0621' && c <= '\u065F') || (c >= '\u066E' && c <= '\u06D3') || c == '\u0670' || c == '\u0640'
        || char.IsLetterOrDigit(c) || c == '\u200C' || c == '\u200D';

    /// <summary>Marks a character that is not part of a word in <see cref="FoldTable"/>.</summary>
    internal const char NotWord = '\uFFFF';

    /// <summary>
    /// Every UTF-16 unit's fate in one lookup (the hot loops read this instead of branching per rule):
    /// <see cref="NotWord"/>, '\0' for a word character that folding drops, else the folded character (lower-cased
    /// outside the Arabic block). U+FFFF itself is a noncharacter, so the marker is never a real folded value.
    /// </summary>
    internal static readonly char[] FoldTable = BuildFoldTable();

    private static char[] BuildFoldTable()
    {
        var table = new char[65536];
        for (int c = 0; c < table.Length; c++)
        {
            char ch = (char)c;
            if (!IsWordCharSlow(ch) || ch == NotWord)
            {
                table[c] = NotWord;
                continue;
            }
            char f = Fold(ch);
            table[c] = f == '\0' ? '\0' : f is >= '\u0600' and <= '\u06FF' ? f : char.ToLowerInvariant(f);
        }
        return table;
    }

    /// <summary>True for characters that belong inside a word (Arabic letters and marks, Latin letters, digits, ZWNJ).</summary>
    public static bool IsWordChar(char c) => FoldTable[c] != NotWord;

    /// <summary>Folds a word into <paramref name="dst"/> and returns the folded length (never longer than the input).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int FoldWord(ReadOnlySpan<char> word, Span<char> dst)
    {
        var table = FoldTable;
        int n = 0;
        foreach (char ch in word)
        {
            char f = table[ch];
            if (f == '\0' || f == NotWord)
                continue;
            dst[n++] = f;
            // اميرك → امريك
            if (f == '\u0643' && n >= 5)
                FixAmerican(dst, n);
        }
        return n;
    }

    /// <summary>The run "اميرك" ending at <paramref name="n"/> becomes "امريك"; true when it did.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool FixAmerican(Span<char> dst, int n)
    {
        if (dst[n - 2] == '\u0631' && dst[n - 3] == '\u064A' && dst[n - 4] == '\u0645' && dst[n - 5] == '\u0627')
        {
            dst[n - 4] = '\u0645'; dst[n - 3] = '\u0631'; dst[n - 2] = '\u064A';
            return true;
        }
        return false;
    }

    /// <summary>FNV-1a 64 over the folded characters (no variant mapping).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong RawHash(ReadOnlySpan<char> folded)
    {
        ulong h = HashSeed;
        foreach (char c in folded)
            h = HashStep(h, c);
        return HashEnd(h);
    }

    /// <summary>Start value of <see cref="RawHash"/>, for loops that hash while they fold.</summary>
    internal const ulong HashSeed = 14695981039346656037UL;

    /// <summary>One character of <see cref="RawHash"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong HashStep(ulong h, char c) => (h ^ c) * 1099511628211UL;

    /// <summary>Last step of <see cref="RawHash"/> (0 is reserved).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong HashEnd(ulong h) => h == 0 ? 1 : h;

    // The few variant spellings: most words skip the dictionary lookup.
    private static readonly HashBitFilter VariantFilter = new(HashVariants.Keys, log2Bits: 6);

    /// <summary>Hash of a folded word after whole-word variant mapping.</summary>
    public static ulong WordHash(ReadOnlySpan<char> folded) => MapVariant(RawHash(folded));

    /// <summary>The hash of a word's variant spelling's canonical form, or the hash itself.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MapVariant(ulong rawHash) =>
        VariantFilter.MayContain(rawHash) && HashVariants.TryGetValue(rawHash, out var v) ? v : rawHash;

    /// <summary>Extends a word-sequence hash by one word hash.</summary>
    public static ulong Combine(ulong seq, ulong word) => unchecked((seq ^ word) * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL + (seq << 7));

    /// <summary>Start value of a sequence hash.</summary>
    public const ulong SeqSeed = 0x51_7C_C1_B7_27_22_0A_95UL;

    /// <summary>Folds and splits a phrase into word hashes (setup path: allocation is fine).</summary>
    public static List<ulong> PhraseHashes(string phrase)
    {
        var list = new List<ulong>();
        Span<char> buf = stackalloc char[64];
        int i = 0;
        while (i < phrase.Length)
        {
            while (i < phrase.Length && !IsWordChar(phrase[i])) i++;
            int s = i;
            while (i < phrase.Length && IsWordChar(phrase[i])) i++;
            if (i > s)
            {
                var w = phrase.AsSpan(s, i - s);
                var dst = w.Length <= buf.Length ? buf : new char[w.Length];
                int n = FoldWord(w, dst);
                if (n > 0)
                    list.Add(WordHash(dst[..n]));
            }
        }
        return list;
    }

    /// <summary>Folded form of a phrase as a string, words joined by one space (setup and tests).</summary>
    public static string FoldPhrase(string phrase)
    {
        var parts = new List<string>();
        int i = 0;
        while (i < phrase.Length)
        {
            while (i < phrase.Length && !IsWordChar(phrase[i])) i++;
            int s = i;
            while (i < phrase.Length && IsWordChar(phrase[i])) i++;
            if (i > s)
            {
                var dst = new char[i - s];
                int n = FoldWord(phrase.AsSpan(s, i - s), dst);
                if (n > 0)
                {
                    var w = new string(dst, 0, n);
                    parts.Add(WordVariants.TryGetValue(w, out var v) ? v : w);
                }
            }
        }
        return string.Join(' ', parts);
    }

    /// <summary>Sequence hash of a list of word hashes.</summary>
    public static ulong SeqHash(IReadOnlyList<ulong> words, int count)
    {
        ulong h = SeqSeed;
        for (int i = 0; i < count; i++)
            h = Combine(h, words[i]);
        return h;
    }
}
