using System.Buffers;
using System.Globalization;
using static Marsad.Analysis.Text.ArabicLetters;

namespace Marsad.Analysis.Normalization;

/// <summary>
/// Folds Arabic text to one canonical spelling for matching and search, and keeps a map from every output
/// character back to the original. One pass, read and write indices, a 256-entry table for U+0600–U+06FF.
/// Rules, in the order a character meets them:
/// <list type="bullet">
/// <item>Diacritics are removed: tanween, fatha, damma, kasra, shadda, sukun (U+064B–U+065F, which also holds the
/// combining maddah and hamza above/below U+0653–U+0655), superscript (dagger) alef U+0670, the Quranic annotation
/// signs U+0610–U+061A and U+06D6–U+06ED.</item>
/// <item>Tatweel (kashida) U+0640 is removed.</item>
/// <item>Alef forms are unified: alef with madda above آ, alef with hamza above أ, alef with hamza below إ and
/// alef wasla ٱ → alef ا.</item>
/// <item>Hamza carriers are unified: waw with hamza above ؤ → waw و and yeh with hamza above ئ → yeh ي
/// (the carrier letter is kept, the hamza dropped, as spelling of hamza varies most between writers).
/// The lone hamza ء stays.</item>
/// <item>Optional (<see cref="ArabicNormalizerOptions.AlefMaqsuraToYeh"/>): alef maksura ى → yeh ي.</item>
/// <item>Optional (<see cref="ArabicNormalizerOptions.TehMarbutaToHeh"/>): teh marbuta ة → heh ه.</item>
/// <item>Persian letters common in web Arabic are unified: keheh ک → kaf ك, farsi yeh ی → yeh ي.</item>
/// <item>Arabic-Indic digits ٠–٩ (U+0660–U+0669) and extended (Persian) digits ۰–۹ (U+06F0–U+06F9) → ASCII 0–9;
/// the Arabic decimal separator ٫ → '.', thousands separator ٬ → ',', percent sign ٪ → '%'.</item>
/// <item>Presentation forms (Arabic Presentation Forms-A U+FB50–U+FDFF and -B U+FE70–U+FEFC) → their base
/// letters by Unicode compatibility decomposition; ligatures expand, e.g. lam-alef ﻻ → لا (1 → 2 characters),
/// and the expansion is then folded by the rules above.</item>
/// <item>Invisible marks are removed: zero-width space, non-joiner and joiner (U+200B–U+200D), left-to-right and
/// right-to-left marks (U+200E, U+200F), Arabic letter mark U+061C, bidi embeddings and overrides
/// (U+202A–U+202E), word joiner and invisible operators (U+2060–U+2064), bidi isolates (U+2066–U+2069),
/// zero-width no-break space / BOM U+FEFF and soft hyphen U+00AD.</item>
/// <item>Every other character (Latin, punctuation, whitespace, lone surrogates) is copied unchanged.</item>
/// </list>
/// Normalizing twice gives the same result as normalizing once. The normalizer never throws on any UTF-16 input.
/// Immutable and thread-safe. Rules follow Larkey et al. (light stemming normalisation) and Lucene's
/// ArabicNormalizer, extended as listed.
/// </summary>
public sealed class ArabicNormalizer
{
    private const int PresentationFirst = 0xFB50;
    private const int PresentationLast = 0xFEFF;

    private static readonly Lazy<string?[]> RawPresentationForms = new(LoadPresentationForms);

    // 256 entries for U+0600–U+06FF: the replacement, or '\0' to remove the character.
    private readonly char[] _arabicBlock;
    // U+FB50–U+FEFF: the folded expansion, or null when the character has no decomposition.
    private readonly string?[] _presentation;

    /// <summary>Creates a normalizer with the given optional rules.</summary>
    /// <exception cref="ArgumentNullException">options is null.</exception>
    public ArabicNormalizer(ArabicNormalizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _arabicBlock = BuildArabicTable(options);
        var raw = RawPresentationForms.Value;
        _presentation = new string?[raw.Length];
        int max = 1;
        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i] is not { } r) continue;
            var folded = new char[r.Length];
            int n = 0;
            foreach (char c in r)
            {
                char m = c is >= '\u0600' and <= '\u06FF' ? _arabicBlock[c - 0x600] : c;
                if (m != '\0') folded[n++] = m;
            }
            _presentation[i] = new string(folded, 0, n);
            max = Math.Max(max, n);
        }
        MaxExpansion = max;
    }

    /// <summary>The optional rules in force.</summary>
    public ArabicNormalizerOptions Options { get; }

    /// <summary>The largest number of characters one input character can become (a presentation-form ligature).</summary>
    public int MaxExpansion { get; }

    /// <summary>Normalizes <paramref name="text"/> and records, for each output character, its original offset.</summary>
    /// <exception cref="ArgumentNullException">text is null.</exception>
    public NormalizedText Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int capacity = MaxOutputLength(text);
        char[] buffer = ArrayPool<char>.Shared.Rent(Math.Max(capacity, 1));
        int[] map = new int[capacity];
        try
        {
            int n = Normalize(text, buffer, map);
            // The map may be longer than the text (removed characters); NormalizedText reads only the first n entries.
            return new NormalizedText(new string(buffer, 0, n), map, text.Length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Normalizes a span (for example one token) to a new string, without an offset map.</summary>
    public string NormalizeToString(ReadOnlySpan<char> text)
    {
        int capacity = MaxOutputLength(text);
        if (capacity <= 256)
        {
            Span<char> buffer = stackalloc char[256];
            int n = Normalize(text, buffer, default);
            return new string(buffer[..n]);
        }
        char[] rented = ArrayPool<char>.Shared.Rent(capacity);
        try
        {
            int n = Normalize(text, rented, default);
            return new string(rented, 0, n);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// An upper bound on the normalized length of <paramref name="source"/>: its length plus what its presentation-form
    /// ligatures add when they expand (found with a vectorized search; most text has none).
    /// </summary>
    public int MaxOutputLength(ReadOnlySpan<char> source)
    {
        long length = source.Length;
        var rest = source;
        int k;
        while ((k = rest.IndexOfAnyInRange((char)PresentationFirst, (char)PresentationLast)) >= 0)
        {
            if (_presentation[rest[k] - PresentationFirst] is { Length: > 1 } expansion) length += expansion.Length - 1;
            rest = rest[(k + 1)..];
        }
        return checked((int)length);
    }

    /// <summary>
    /// The kernel: normalizes <paramref name="source"/> into <paramref name="destination"/> in one pass and returns
    /// the number of characters written. When <paramref name="offsets"/> is not empty, <c>offsets[j]</c> receives the
    /// index in <paramref name="source"/> of the character that produced output character <c>j</c> (both characters of
    /// an expanded ligature get the ligature's index, so the map is non-decreasing).
    /// </summary>
    /// <exception cref="ArgumentException">destination (or a non-empty offsets) is shorter than <see cref="MaxOutputLength"/>.</exception>
    public int Normalize(ReadOnlySpan<char> source, Span<char> destination, Span<int> offsets)
    {
        int need = MaxOutputLength(source);
        if (destination.Length < need) throw new ArgumentException($"destination needs {need} characters", nameof(destination));
        bool map = !offsets.IsEmpty;
        if (map && offsets.Length < need) throw new ArgumentException($"offsets needs {need} entries", nameof(offsets));
        char[] table = _arabicBlock;
        int w = 0;
        for (int r = 0; r < source.Length; r++)
        {
            char c = source[r];
            if (c < '\u0600')
            {
                if (c == SoftHyphen) continue;
            }
            else if (c <= '\u06FF')
            {
                c = table[c - 0x600];
                if (c == '\0') continue;
            }
            else if (c >= '\u200B' && c <= '\u2069')
            {
                if (IsInvisible(c)) continue;
            }
            else if (c >= PresentationFirst && c <= PresentationLast)
            {
                if (c == ZeroWidthNoBreakSpace) continue;
                if (_presentation[c - PresentationFirst] is { } expansion)
                {
                    foreach (char e in expansion)
                    {
                        if (map) offsets[w] = r;
                        destination[w++] = e;
                    }
                    continue;
                }
            }
            if (map) offsets[w] = r;
            destination[w++] = c;
        }
        return w;
    }

    /// <summary>True for the zero-width and bidi control characters that normalization removes.</summary>
    public static bool IsInvisible(char c) =>
        c is (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or (>= '\u2060' and <= '\u2064')
            or (>= '\u2066' and <= '\u2069') or ArabicLetterMark or ZeroWidthNoBreakSpace or SoftHyphen;

    private static char[] BuildArabicTable(ArabicNormalizerOptions options)
    {
        var t = new char[256];
        for (int i = 0; i < 256; i++) t[i] = (char)(0x600 + i);
        void Remove(int from, int to) { for (int c = from; c <= to; c++) t[c - 0x600] = '\0'; }
        // Diacritics, Quranic marks, tatweel, Arabic letter mark.
        Remove(0x064B, 0x065F);
        Remove(SuperscriptAlef, SuperscriptAlef);
        Remove(0x0610, 0x061A);
        Remove(0x06D6, 0x06ED);
        Remove(Tatweel, Tatweel);
        Remove(ArabicLetterMark, ArabicLetterMark);
        // Alef forms and hamza carriers.
        t[AlefWithMaddaAbove - 0x600] = Alef;
        t[AlefWithHamzaAbove - 0x600] = Alef;
        t[AlefWithHamzaBelow - 0x600] = Alef;
        t[AlefWasla - 0x600] = Alef;
        t[WawWithHamzaAbove - 0x600] = Waw;
        t[YehWithHamzaAbove - 0x600] = Yeh;
        // Persian letters.
        t[Keheh - 0x600] = Kaf;
        t[FarsiYeh - 0x600] = Yeh;
        // Optional foldings.
        if (options.AlefMaqsuraToYeh) t[AlefMaksura - 0x600] = Yeh;
        if (options.TehMarbutaToHeh) t[TehMarbuta - 0x600] = Heh;
        // Digits and number punctuation.
        for (int d = 0; d < 10; d++)
        {
            t[ArabicIndicDigitZero + d - 0x600] = (char)('0' + d);
            t[ExtendedArabicIndicDigitZero + d - 0x600] = (char)('0' + d);
        }
        t[ArabicDecimalSeparator - 0x600] = '.';
        t[ArabicThousandsSeparator - 0x600] = ',';
        t[ArabicPercentSign - 0x600] = '%';
        return t;
    }

    private static string?[] LoadPresentationForms()
    {
        var forms = new string?[PresentationLast - PresentationFirst + 1];
        using var stream = typeof(ArabicNormalizer).Assembly.GetManifestResourceStream("Marsad.Resources.unicode.presentation_forms.tsv")
            ?? throw new InvalidOperationException("embedded resource Marsad.Resources.unicode.presentation_forms.tsv is missing");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            int tab = line.IndexOf('\t');
            int cp = int.Parse(line.AsSpan(0, tab), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var parts = line[(tab + 1)..].Split(' ');
            var chars = new char[parts.Length];
            for (int i = 0; i < parts.Length; i++) chars[i] = (char)int.Parse(parts[i], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            forms[cp - PresentationFirst] = new string(chars);
        }
        return forms;
    }
}
