using System.Runtime.CompilerServices;

namespace Marsad.Analysis.Tagging;

/// <summary>
/// The tagger's own light text kernels: feature normalization, proclitic stripping, word shape and hashing.
/// They are deliberately independent of the general normalizer/segmenter so that a trained model keeps
/// meaning the same features when those stages change (the feature-template version pins this code).
/// All members are pure and thread-safe.
/// </summary>
public static class NerText
{
    /// <summary>
    /// Normalizes one token for features and lexicon matching; returns the number of chars written to <paramref name="dst"/>
    /// (at most <c>src.Length</c>). Rules: drop tashkeel (U+064B–U+0652, U+0670) and tatweel (U+0640);
    /// alef with hamza above/below, alef with madda and alef wasla → bare alef (U+0627); alef maqsura (U+0649) → yeh (U+064A);
    /// teh marbuta (U+0629) → heh (U+0647); Arabic-Indic and extended digits → ASCII digits; ASCII letters → lower case.
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> src, Span<char> dst)
    {
        int w = 0;
        for (int i = 0; i < src.Length; i++)
        {
            char c = src[i];
            switch (c)
            {
                case >= '\u064B' and <= '\u0652':
                case '\u0670':
                case '\u0640':
                case '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\uFEFF':
                    continue;
                case '\u0623' or '\u0625' or '\u0622' or '\u0671': c = '\u0627'; break;
                case '\u0649': c = '\u064A'; break;
                case '\u0629': c = '\u0647'; break;
                case >= '\u0660' and <= '\u0669': c = (char)('0' + (c - '\u0660')); break;
                case >= '\u06F0' and <= '\u06F9': c = (char)('0' + (c - '\u06F0')); break;
                case >= 'A' and <= 'Z': c = (char)(c + 32); break;
            }
            dst[w++] = c;
        }
        return w;
    }

    /// <summary>Normalizes to a new string (setup code and tests; hot paths use the span overload).</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<char> buf = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        int n = Normalize(text, buf);
        return new string(buf[..n]);
    }

    /// <summary>
    /// Light proclitic stripping of a normalized word: an optional conjunction (و ف), then an optional preposition
    /// (ب ل ك), then an optional article (ال; after ل the contraction لل counts as ل + ال). A clitic is removed only when
    /// at least <paramref name="minStem"/> letters remain. Returns the number of leading chars stripped and the
    /// proclitic pattern as a small code (bit 0 conj, bit 1 prep, bit 2 article).
    /// </summary>
    public static int StripProclitics(ReadOnlySpan<char> word, out int pattern, int minStem = 2)
    {
        int p = 0;
        pattern = 0;
        if (word.Length - p > minStem + 1 && word[p] is '\u0648' or '\u0641')
        {
            p++;
            pattern |= 1;
        }
        if (word.Length - p > minStem + 1 && word[p] is '\u0628' or '\u0644' or '\u0643')
        {
            // لل = ل + ال with the alef dropped.
            if (word[p] == '\u0644' && word.Length - p > minStem + 2 && word[p + 1] == '\u0644')
            {
                pattern |= 2 | 4;
                return p + 2;
            }
            p++;
            pattern |= 2;
        }
        if (word.Length - p > minStem + 2 && word[p] == '\u0627' && word[p + 1] == '\u0644')
        {
            p += 2;
            pattern |= 4;
        }
        return p;
    }

    /// <summary>A coarse word-shape code: script class × length bucket (see <see cref="ShapeClass"/>).</summary>
    public static int Shape(ReadOnlySpan<char> normalized)
    {
        int cls = ShapeClass(normalized);
        int len = normalized.Length;
        int bucket = len <= 2 ? len : len <= 4 ? 3 : len <= 6 ? 4 : len <= 9 ? 5 : 6;
        return cls * 8 + bucket;
    }

    /// <summary>0 empty, 1 Arabic letters, 2 Latin letters, 3 digits, 4 punctuation, 5 mixed letters+digits, 6 other.</summary>
    public static int ShapeClass(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return 0;
        bool ar = false, lat = false, dig = false, punct = false, other = false;
        foreach (char c in s)
        {
            if (c is >= '\u0621' and <= '\u064A' or >= '\u0671' and <= '\u06D3') ar = true;
            else if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z') lat = true;
            else if (c is >= '0' and <= '9') dig = true;
            else if (char.IsPunctuation(c) || char.IsSymbol(c)) punct = true;
            else other = true;
        }
        if (dig && (ar || lat)) return 5;
        if (ar && !lat && !dig && !punct && !other) return 1;
        if (lat && !ar && !dig && !punct && !other) return 2;
        if (dig && !punct && !other) return 3;
        if (punct && !ar && !lat && !dig) return 4;
        return 6;
    }

    /// <summary>
    /// Hashes of a token for document-level matching: its normalized form, and that form without proclitics
    /// (<see cref="StripProclitics"/>; equal to the first when nothing is stripped).
    /// </summary>
    public static void WordKeys(ReadOnlySpan<char> surface, out ulong norm, out ulong stem)
    {
        Span<char> buffer = stackalloc char[64];
        if (surface.Length > buffer.Length) surface = surface[..buffer.Length];
        var word = buffer[..Normalize(surface, buffer)];
        int strip = StripProclitics(word, out _);
        norm = Hash(word);
        stem = strip == 0 ? norm : Hash(word[strip..]);
    }

    /// <summary>64-bit FNV-1a over UTF-16 code units; stable across runs and platforms (it is stored in model files).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Hash(ReadOnlySpan<char> s)
    {
        ulong h = 14695981039346656037UL;
        for (int i = 0; i < s.Length; i++)
        {
            h ^= s[i];
            h *= 1099511628211UL;
        }
        return h;
    }

    /// <summary>Combines two hashes (order-sensitive), e.g. a template id with a value, or the tokens of an n-gram.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong a, ulong b)
    {
        ulong h = (a ^ 0x9E3779B97F4A7C15UL) * 0xBF58476D1CE4E5B9UL;
        h ^= b + 0x94D049BB133111EBUL + (h << 6) + (h >> 2);
        return Finalize(h);
    }

    /// <summary>A 64-bit avalanche (splitmix64 finalizer).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Finalize(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Splits a lexicon phrase on spaces and normalizes each word (setup code).</summary>
    public static string[] NormalizedWords(string phrase)
    {
        var parts = phrase.Split([' ', '\u00A0', '\t'], StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < parts.Length; i++) parts[i] = Normalize(parts[i]);
        return parts;
    }
}
