using System.Buffers;
using System.Globalization;
using static Marsad.Analysis.Text.ArabicLetters;

namespace Marsad.Analysis.Tokenization;

/// <summary>
/// Splits original (un-normalized) text into tokens whose offsets point into it. Token kinds:
/// <list type="bullet">
/// <item><see cref="TokenKind.ArabicWord"/>: a run of Arabic letters (U+0621–U+064A, U+066E–U+06D3, U+06D5,
/// U+06EE–U+06FF letters, the supplement and extended-A blocks, presentation forms) with their diacritics,
/// tatweel, and zero-width or bidi marks (ZWNJ, ZWJ, soft hyphen, RLM …) between two of its letters.</item>
/// <item><see cref="TokenKind.LatinWord"/>: a run of letters of any other script, digits after the first letter
/// (G20, COVID19) and an apostrophe between letters (O'Brien).</item>
/// <item><see cref="TokenKind.Number"/>: ASCII, Arabic-Indic or Persian digits, with inner separators . , ٫ ٬
/// followed by a digit (3.5, 1,000, ١٩, ٣٫٥).</item>
/// <item><see cref="TokenKind.Url"/>: http://, https:// or www. up to whitespace, without trailing punctuation.</item>
/// <item><see cref="TokenKind.Email"/>: local@domain.tld.</item>
/// <item><see cref="TokenKind.Hashtag"/>: # followed by letters, digits or _ (Arabic or Latin).</item>
/// <item><see cref="TokenKind.Quote"/>: one quotation mark: " ' “ ” « » ‘ ’ ‹ › „ ‟ ‚ ` ″.</item>
/// <item><see cref="TokenKind.Punctuation"/>: one punctuation character; a run of dots (.. ...) or of ! ? ؟ is
/// one token.</item>
/// <item><see cref="TokenKind.Symbol"/>: anything else that is not whitespace (currency, math, emoji: a surrogate
/// pair stays together; a lone surrogate is a token of its own).</item>
/// </list>
/// Whitespace and invisible marks (bidi controls, zero-width characters) between tokens are skipped.
/// Tokens never overlap and are in text order. The kernel (<see cref="Enumerate"/>) allocates nothing.
/// Immutable and thread-safe; never throws on any UTF-16 input.
/// </summary>
public sealed class ArabicTokenizer
{
    /// <summary>Tokenizes <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentNullException">text is null.</exception>
    public IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(text.Length / 5 + 4);
        foreach (var t in Enumerate(text)) tokens.Add(t);
        return tokens;
    }

    /// <summary>The allocation-free kernel: enumerates the tokens of a span.</summary>
    public static TokenEnumerator Enumerate(ReadOnlySpan<char> text) => new(text);

    /// <summary>Counts tokens without storing them (benchmarks, throughput).</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        int n = 0;
        foreach (var _ in Enumerate(text)) n++;
        return n;
    }

    /// <summary>Enumerates tokens of a span; a <c>ref struct</c>, so <c>foreach</c> over it allocates nothing.</summary>
    public ref struct TokenEnumerator
    {
        private readonly ReadOnlySpan<char> _text;
        private int _pos;

        internal TokenEnumerator(ReadOnlySpan<char> text)
        {
            _text = text;
            _pos = 0;
            Current = default;
        }

        /// <summary>The current token.</summary>
        public Token Current { get; private set; }

        /// <summary>Returns this enumerator (for <c>foreach</c>).</summary>
        public readonly TokenEnumerator GetEnumerator() => this;

        /// <summary>Advances to the next token.</summary>
        public bool MoveNext()
        {
            var text = _text;
            int i = _pos;
            while (true)
            {
                if (i >= text.Length) { _pos = i; return false; }
                int skip = text[i..].IndexOfAnyExcept(CharClasses.Blank);
                if (skip < 0) { _pos = text.Length; return false; }
                i += skip;
                char c = text[i];
                var cls = CharClasses.Of(c);
                if (cls is CharClass.Space or CharClass.Invisible or CharClass.Joiner) { i++; continue; }
                int end = ReadToken(text, i, c, cls, out var kind);
                Current = new Token(i, end, kind);
                _pos = end;
                return true;
            }
        }
    }

    private static int ReadToken(ReadOnlySpan<char> text, int start, char c, CharClass cls, out TokenKind kind)
    {
        switch (cls)
        {
            case CharClass.Arabic:
            case CharClass.Mark when c >= '\u0600':
                kind = TokenKind.ArabicWord;
                return ReadArabicWord(text, start);
            case CharClass.Digit:
                kind = TokenKind.Number;
                return ReadNumber(text, start);
            case CharClass.Latin:
                {
                    int url = TryReadUrl(text, start);
                    if (url > 0) { kind = TokenKind.Url; return url; }
                    int mail = TryReadEmail(text, start);
                    if (mail > 0) { kind = TokenKind.Email; return mail; }
                    kind = TokenKind.LatinWord;
                    return ReadLatinWord(text, start);
                }
            case CharClass.Quote:
                kind = TokenKind.Quote;
                return start + 1;
            case CharClass.Punctuation:
                {
                    if (c == '#')
                    {
                        int h = ReadHashtag(text, start);
                        if (h > start + 1) { kind = TokenKind.Hashtag; return h; }
                    }
                    kind = TokenKind.Punctuation;
                    int e = start + 1;
                    if (c == '.') { while (e < text.Length && text[e] == '.') e++; }
                    else if (IsTerminatorMark(c)) { while (e < text.Length && IsTerminatorMark(text[e])) e++; }
                    return e;
                }
            default:
                kind = TokenKind.Symbol;
                if (char.IsHighSurrogate(c) && start + 1 < text.Length && char.IsLowSurrogate(text[start + 1])) return start + 2;
                return start + 1;
        }
    }

    private static bool IsTerminatorMark(char c) => c is '!' or '?' or ArabicQuestionMark;

    private static int ReadArabicWord(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length)
        {
            // Fast, vectorized skip over the core block: letters U+0621–U+064A and diacritics U+064B–U+065F.
            int run = text[i..].IndexOfAnyExceptInRange('\u0621', '\u065F');
            if (run < 0) return text.Length;
            i += run;
            var cls = CharClasses.Of(text[i]);
            if (cls is CharClass.Arabic or CharClass.Mark) { i++; continue; }
            if (cls is CharClass.Joiner or CharClass.Invisible && i + 1 < text.Length && CharClasses.Of(text[i + 1]) is CharClass.Arabic or CharClass.Mark) { i++; continue; }
            return i;
        }
        return i;
    }

    private static int ReadNumber(ReadOnlySpan<char> text, int i)
    {
        i++;
        while (i < text.Length)
        {
            char c = text[i];
            if (CharClasses.Of(c) == CharClass.Digit) { i++; continue; }
            if (c is '.' or ',' or ArabicDecimalSeparator or ArabicThousandsSeparator && i + 1 < text.Length && CharClasses.Of(text[i + 1]) == CharClass.Digit)
            {
                i += 2;
                continue;
            }
            break;
        }
        return i;
    }

    private static int ReadLatinWord(ReadOnlySpan<char> text, int i)
    {
        i++;
        while (i < text.Length)
        {
            char c = text[i];
            var cls = CharClasses.Of(c);
            if (cls is CharClass.Latin or CharClass.Digit || (cls == CharClass.Mark && c < '\u0600')) { i++; continue; }
            if (c is '\'' or '\u2019' && i + 1 < text.Length && CharClasses.Of(text[i + 1]) == CharClass.Latin) { i += 2; continue; }
            break;
        }
        return i;
    }

    private static int ReadHashtag(ReadOnlySpan<char> text, int start)
    {
        int i = start + 1;
        while (i < text.Length)
        {
            char c = text[i];
            var cls = CharClasses.Of(c);
            if (cls is CharClass.Arabic or CharClass.Mark or CharClass.Latin or CharClass.Digit || c == '_') { i++; continue; }
            if (cls == CharClass.Joiner && i + 1 < text.Length && CharClasses.Of(text[i + 1]) == CharClass.Arabic) { i++; continue; }
            break;
        }
        return i;
    }

    private static int TryReadUrl(ReadOnlySpan<char> text, int start)
    {
        var rest = text[start..];
        int head;
        if (rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) head = 8;
        else if (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) head = 7;
        else if (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) head = 4;
        else return 0;
        int len = rest.IndexOfAny(CharClasses.UrlStop);
        if (len < 0) len = rest.Length;
        int open = 0, close = 0;
        for (int k = 0; k < len; k++) { if (rest[k] == '(') open++; else if (rest[k] == ')') close++; }
        while (len > head)
        {
            char last = rest[len - 1];
            if (last == ')' && close > open) { close--; len--; continue; }
            if (CharClasses.UrlTrailing.Contains(last)) { len--; continue; }
            break;
        }
        if (len <= head) return 0;
        return start + len;
    }

    private static int TryReadEmail(ReadOnlySpan<char> text, int start)
    {
        var rest = text[start..];
        int at = rest.IndexOfAnyExcept(CharClasses.EmailLocal);
        if (at <= 0 || at >= rest.Length || rest[at] != '@') return 0;
        int i = at + 1, dots = 0, lastLabelStart = i;
        while (i < rest.Length)
        {
            char c = rest[i];
            if (char.IsAsciiLetterOrDigit(c) || c == '-') { i++; continue; }
            if (c == '.' && i + 1 < rest.Length && char.IsAsciiLetterOrDigit(rest[i + 1]) && i > lastLabelStart) { dots++; i++; lastLabelStart = i; continue; }
            break;
        }
        if (dots == 0 || i - lastLabelStart < 2) return 0;
        return start + i;
    }
}

/// <summary>Character classes of the tokenizer.</summary>
internal enum CharClass : byte
{
    Other, Space, Invisible, Joiner, Arabic, Mark, Latin, Digit, Quote, Punctuation,
}

/// <summary>Character classification: a table for U+0000–U+06FF, range tests above.</summary>
internal static class CharClasses
{
    private static readonly CharClass[] Table = BuildTable();

    /// <summary>ASCII spaces and line breaks skipped before each token (vectorized).</summary>
    public static readonly SearchValues<char> Blank = SearchValues.Create(" \t\r\n\f\v\u00A0");
    /// <summary>Characters that end a URL.</summary>
    public static readonly SearchValues<char> UrlStop = SearchValues.Create(" \t\r\n\f\v\u00A0\"<>«»“”‘’‹›`\u060C\u061B\u061F\u200B\u200E\u200F");
    /// <summary>Characters trimmed from the end of a URL.</summary>
    public static readonly SearchValues<char> UrlTrailing = SearchValues.Create(".,;:!?'\u060C\u061B\u061F");
    /// <summary>Characters of the local part of an e-mail address.</summary>
    public static readonly SearchValues<char> EmailLocal = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-");

    public static CharClass Of(char c)
    {
        if (c < '\u0700') return Table[c];
        return Slow(c);
    }

    private static CharClass Slow(char c)
    {
        if (c is (>= '\u0750' and <= '\u077F') or (>= '\u08A0' and <= '\u08FF') or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFC'))
            return c is (>= '\u08D3' and <= '\u08FF') ? CharClass.Mark : CharClass.Arabic;
        if (c is '\u200C' or '\u200D') return CharClass.Joiner;
        if (c is (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or (>= '\u2060' and <= '\u2064') or (>= '\u2066' and <= '\u2069') or '\uFEFF')
            return CharClass.Invisible;
        if (c is '“' or '”' or '‘' or '’' or '‹' or '›' or '„' or '‟' or '‚' or '″' or '‛') return CharClass.Quote;
        if (char.IsSurrogate(c)) return CharClass.Other;
        return FromCategory(c);
    }

    private static CharClass FromCategory(char c)
    {
        if (char.IsWhiteSpace(c)) return CharClass.Space;
        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter:
                return CharClass.Latin;
            case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark:
                return CharClass.Mark;
            case UnicodeCategory.DecimalDigitNumber:
                return CharClass.Digit;
            case UnicodeCategory.Format:
                return CharClass.Invisible;
            case UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
                or UnicodeCategory.OtherPunctuation:
                return CharClass.Punctuation;
            default:
                return CharClass.Other;
        }
    }

    private static CharClass[] BuildTable()
    {
        var t = new CharClass[0x700];
        for (int c = 0; c < t.Length; c++) t[c] = FromCategory((char)c);
        for (int c = 0x0600; c <= 0x06FF; c++)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory((char)c);
            t[c] = cat switch
            {
                UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter => CharClass.Arabic,
                UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => CharClass.Mark,
                UnicodeCategory.DecimalDigitNumber => CharClass.Digit,
                UnicodeCategory.Format => CharClass.Invisible,
                UnicodeCategory.OtherPunctuation => CharClass.Punctuation,
                _ => CharClass.Other,
            };
        }
        t[Tatweel] = CharClass.Arabic;
        t['"'] = CharClass.Quote;
        t['\''] = CharClass.Quote;
        t['`'] = CharClass.Quote;
        t['«'] = CharClass.Quote;
        t['»'] = CharClass.Quote;
        t['\u00AD'] = CharClass.Invisible;
        return t;
    }
}
