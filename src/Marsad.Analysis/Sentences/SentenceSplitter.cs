using System.Collections.Frozen;
using Marsad.Analysis.Text;
using Marsad.Analysis.Tokenization;
using static Marsad.Analysis.Text.ArabicLetters;

namespace Marsad.Analysis.Sentences;

/// <summary>
/// Groups tokens into sentences. A sentence is <c>[first token start, last token end)</c>, so no token ever
/// crosses a sentence boundary and sentences never overlap. Rules:
/// <list type="bullet">
/// <item>A line break (LF, CR, U+2028, U+2029) between two tokens always ends the sentence, and closes any open quote.</item>
/// <item>A terminator token ends the sentence: full stop ., !, ?, Arabic question mark ؟, Urdu full stop ۔,
/// runs of them (?! !!), and the ellipsis: … or a run of dots (.. ...). Arabic writers use ".." as a full stop,
/// so a run of dots is a terminator too, except before a lowercase Latin word or a comma.</item>
/// <item>Closing quotes and brackets right after a terminator belong to the sentence that ends (قال: «انتهى.»).</item>
/// <item>Not inside numbers: 3.5 and 1,000 are single number tokens.</item>
/// <item>Not after an abbreviation: a single letter (د. for doctor, أ. for professor, U.S.), هـ. (Hijri year)
/// or a known Latin abbreviation (Mr. Dr. Prof. St. Jr. vs. etc. Inc. Ltd. No. Gen. Col. …) followed by a word.
/// A single letter glued to a number (2018م.) is a year suffix, and its full stop does end the sentence.</item>
/// <item>Not inside quotes: a terminator inside « », “ ” or straight double quotes does not end the sentence
/// unless the quote closes right after it. A straight quote opens after whitespace or an opening bracket and
/// closes otherwise. A quote that has run for more than <see cref="MaxQuotedTokens"/> tokens is a quoted
/// paragraph, and its terminators end sentences again (so an unclosed quote cannot swallow a paragraph).</item>
/// </list>
/// Immutable and thread-safe; never throws.
/// </summary>
public sealed class SentenceSplitter
{
    /// <summary>A quote longer than this many tokens is running text: terminators inside it end sentences again.</summary>
    public const int MaxQuotedTokens = 60;

    private static readonly FrozenSet<string> LatinAbbreviations = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "inc", "ltd", "co", "corp", "no", "gen", "col",
        "lt", "sgt", "capt", "gov", "sen", "rep", "rev", "fig", "approx", "dept", "est", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "u.s", "u.k", "u.n");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LatinAbbreviationLookup =
        LatinAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Splits the tokens of <paramref name="text"/> into sentences.</summary>
    /// <exception cref="ArgumentNullException">text or tokens is null.</exception>
    public IReadOnlyList<TextSpan> Split(string text, IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var result = new List<TextSpan>(tokens.Count / 20 + 1);
        var sink = new ListSink(result);
        Split(text, tokens, ref sink);
        return result;
    }

    /// <summary>The kernel: reports each sentence to <paramref name="sink"/>, allocation-free.</summary>
    public static void Split<TSink>(ReadOnlySpan<char> text, IReadOnlyList<Token> tokens, ref TSink sink) where TSink : ISentenceSink, allows ref struct
    {
        int start = -1;
        int quoteDepth = 0;
        bool straightOpen = false;
        bool pendingEnd = false; // a terminator was seen; the sentence ends after any closing quotes/brackets
        int quoteStart = -1;     // token index where the open quote began
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if ((uint)t.Start > (uint)text.Length || (uint)t.End > (uint)text.Length || t.End < t.Start) continue;
            if (start >= 0)
            {
                var prev = tokens[i - 1];
                if (prev.End <= t.Start && HasLineBreak(text[prev.End..t.Start]))
                {
                    sink.Add(new TextSpan(start, prev.End));
                    start = -1; quoteDepth = 0; straightOpen = false; pendingEnd = false;
                }
                else if (pendingEnd)
                {
                    if (IsClosing(text, t, straightOpen, quoteDepth))
                    {
                        UpdateQuotes(text, t, ref quoteDepth, ref straightOpen);
                        continue;
                    }
                    sink.Add(new TextSpan(start, prev.End));
                    start = -1; pendingEnd = false;
                }
            }
            if (start < 0) start = t.Start;
            UpdateQuotes(text, t, ref quoteDepth, ref straightOpen);
            bool inQuote = quoteDepth > 0 || straightOpen;
            if (!inQuote) quoteStart = -1;
            else if (quoteStart < 0) quoteStart = i;
            if (t.Kind == TokenKind.Punctuation && IsTerminator(text, tokens, i))
            {
                if (!inQuote || i - quoteStart > MaxQuotedTokens) pendingEnd = true;
                else if (i + 1 < tokens.Count && IsClosingQuote(text, tokens[i + 1], straightOpen) && ClosesAll(text, tokens[i + 1], quoteDepth, straightOpen))
                    pendingEnd = true;
            }
        }
        if (start >= 0) sink.Add(new TextSpan(start, tokens[^1].End));
    }

    private static readonly System.Buffers.SearchValues<char> LineBreaks = System.Buffers.SearchValues.Create("\n\r\u2028\u2029");

    private static bool HasLineBreak(ReadOnlySpan<char> gap) => gap.IndexOfAny(LineBreaks) >= 0;

    private static bool IsTerminator(ReadOnlySpan<char> text, IReadOnlyList<Token> tokens, int i)
    {
        var t = tokens[i];
        char c = text[t.Start];
        if (c is '!' or '?' or ArabicQuestionMark or ArabicFullStop or HorizontalEllipsis) return true;
        if (c != '.') return false;
        bool hasNext = i + 1 < tokens.Count;
        if (t.Length > 1)
        {
            // ".." and "...": a full stop unless the text clearly goes on (a lowercase word or a comma).
            if (!hasNext) return true;
            var n = tokens[i + 1];
            char nc = text[n.Start];
            return !(char.IsAsciiLetterLower(nc) || nc is ',' or ArabicComma);
        }
        if (i == 0 || !hasNext) return true;
        var w = tokens[i - 1];
        if (w.End != t.Start) return true; // "word ." : a spaced full stop is never an abbreviation
        var word = text[w.Start..w.End];
        var next = tokens[i + 1];
        bool nextIsWord = next.Kind is TokenKind.ArabicWord or TokenKind.LatinWord or TokenKind.Number;
        if (!nextIsWord) return true;
        if (w.Kind == TokenKind.ArabicWord)
        {
            bool glued = i >= 2 && tokens[i - 2].End == w.Start && tokens[i - 2].Kind == TokenKind.Number;
            if (glued) return true;
            int letters = CountLetters(word);
            return letters > 1; // د. أ. هـ. : a one-letter abbreviation
        }
        if (w.Kind == TokenKind.LatinWord)
        {
            if (word.Length == 1) return false;
            if (LatinAbbreviationLookup.Contains(word)) return false;
            // U.S. / e.g. : a letter-dot-letter chain before this dot
            if (i >= 3 && tokens[i - 2].End == w.Start && text[tokens[i - 2].Start] == '.' && tokens[i - 3].Length == 1) return false;
            return true;
        }
        return true;
    }

    private static int CountLetters(ReadOnlySpan<char> word)
    {
        int n = 0;
        foreach (char c in word) if (c is >= '\u0621' and <= '\u064A' && c != Tatweel) n++;
        return n;
    }

    private static bool IsClosingQuote(ReadOnlySpan<char> text, Token t, bool straightOpen)
    {
        if (t.Kind != TokenKind.Quote) return false;
        char c = text[t.Start];
        return c is '»' or '”' or '›' or '’' || (c == '"' && straightOpen);
    }

    private static bool ClosesAll(ReadOnlySpan<char> text, Token t, int depth, bool straightOpen)
    {
        char c = text[t.Start];
        if (c == '"') return depth == 0;
        return depth <= 1 && !straightOpen;
    }

    private static bool IsClosing(ReadOnlySpan<char> text, Token t, bool straightOpen, int depth)
    {
        if (IsClosingQuote(text, t, straightOpen)) return true;
        if (t.Kind == TokenKind.Quote && text[t.Start] == '"' && depth == 0) return false;
        return t.Kind == TokenKind.Punctuation && t.Length == 1 && text[t.Start] is ')' or ']' or '}';
    }

    private static void UpdateQuotes(ReadOnlySpan<char> text, Token t, ref int depth, ref bool straightOpen)
    {
        if (t.Kind != TokenKind.Quote) return;
        switch (text[t.Start])
        {
            case '«' or '“' or '‹' or '„':
                depth++;
                break;
            case '»' or '”' or '›':
                if (depth > 0) depth--;
                break;
            case '"':
                if (straightOpen) straightOpen = false;
                else
                {
                    char before = t.Start == 0 ? ' ' : text[t.Start - 1];
                    straightOpen = char.IsWhiteSpace(before) || before is '(' or '[' or ':' or '«';
                }
                break;
        }
    }

    private readonly struct ListSink(List<TextSpan> list) : ISentenceSink
    {
        public void Add(TextSpan sentence) => list.Add(sentence);
    }
}

/// <summary>Receives sentences from the allocation-free <see cref="SentenceSplitter"/> kernel.</summary>
public interface ISentenceSink
{
    /// <summary>Called once per sentence, in text order.</summary>
    void Add(TextSpan sentence);
}
