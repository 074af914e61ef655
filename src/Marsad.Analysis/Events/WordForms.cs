using Marsad.Analysis.Normalization;
using Marsad.Analysis.Tokenization;

namespace Marsad.Analysis.Events;

/// <summary>What a candidate reading of a word may match in a lexicon.</summary>
[Flags]
public enum FormKind : byte
{
    None = 0,
    /// <summary>May match a verb form (no article or preposition was stripped).</summary>
    Verb = 1,
    /// <summary>May match a noun form.</summary>
    Noun = 2,
    /// <summary>The future prefix سـ was stripped (a planned verb).</summary>
    Future = 4,
}

/// <summary>One reading of a word after stripping clitics.</summary>
public readonly record struct WordForm(string Text, FormKind Kind);

/// <summary>
/// A token seen by the event, date and quote stages: its span, its normalized form and the readings obtained by
/// stripping clitics. Proclitics stripped: و ف (conjunctions), then سـ before a present-tense prefix (future, verbs
/// only), or ب ل ك (prepositions, nouns only) and ال / لل (article, nouns only); enclitic pronouns ه ها هما هم هن كم نا
/// (with ت restored to ة/ه), and the tanween alef of an accusative noun (اتفاقا → اتفاق).
/// </summary>
public sealed class WordView
{
    private static readonly string[] Suffixes = ["هما", "هم", "هن", "ها", "كم", "نا", "ه"];

    public WordView(int start, int end, TokenKind kind, string norm)
    {
        Start = start;
        End = end;
        Kind = kind;
        Norm = norm;
        Forms = kind == TokenKind.ArabicWord ? Readings(norm) : [new WordForm(norm, FormKind.Noun | FormKind.Verb)];
        Bare = kind == TokenKind.ArabicWord && norm.Length >= 3 && (norm[0] == 'و' || norm[0] == 'ف') ? norm[1..] : norm;
    }

    public int Start { get; }
    public int End { get; }
    public TokenKind Kind { get; }
    /// <summary>The normalized surface.</summary>
    public string Norm { get; }
    /// <summary>Readings, the full word first.</summary>
    public WordForm[] Forms { get; }

    /// <summary>True for punctuation and quote marks.</summary>
    public bool IsPunct => Kind is TokenKind.Punctuation or TokenKind.Quote or TokenKind.Symbol;

    /// <summary>True when one of the readings equals <paramref name="word"/>.</summary>
    public bool Has(string word)
    {
        foreach (var f in Forms)
            if (f.Text == word) return true;
        return false;
    }

    /// <summary>The conjunction-free reading (و/ف stripped when the word is long enough), else the word.</summary>
    public string Bare { get; private init; } = "";

    private static WordForm[] Readings(string w)
    {
        var list = new List<WordForm>(8) { new(w, FormKind.Verb | FormKind.Noun) };
        if (w.Length >= 3 && (w[0] == 'و' || w[0] == 'ف'))
            list.Add(new WordForm(w[1..], FormKind.Verb | FormKind.Noun));
        int n = list.Count;
        for (int i = 0; i < n; i++)
        {
            string s = list[i].Text;
            if (s.Length >= 4 && s[0] == 'س' && s[1] is 'ي' or 'ت' or 'ن' or 'ا')
                list.Add(new WordForm(s[1..], FormKind.Verb | FormKind.Future));
            if (s.Length >= 4 && s[0] == 'ل' && s[1] == 'ل')
            {
                list.Add(new WordForm(s[2..], FormKind.Noun)); // لل = ل + ال (للقمة)
                list.Add(new WordForm(s[1..], FormKind.Noun)); // or ل before a word starting with ل (للقاء)
            }
            else if (s.Length >= 4 && s[0] is 'ب' or 'ل' or 'ك')
            {
                string p = s[1..];
                list.Add(new WordForm(p, FormKind.Noun));
                if (p.Length >= 4 && p[0] == 'ا' && p[1] == 'ل') list.Add(new WordForm(p[2..], FormKind.Noun));
            }
            if (s.Length >= 4 && s[0] == 'ا' && s[1] == 'ل')
                list.Add(new WordForm(s[2..], FormKind.Noun));
        }
        n = list.Count;
        for (int i = 0; i < n; i++)
        {
            var f = list[i];
            string s = f.Text;
            foreach (var suf in Suffixes)
            {
                if (s.Length - suf.Length < 3 || !s.EndsWith(suf, StringComparison.Ordinal)) continue;
                string b = s[..^suf.Length];
                list.Add(new WordForm(b, f.Kind & ~FormKind.Future | (f.Kind & FormKind.Future)));
                if (b[^1] == 'ت')
                {
                    list.Add(new WordForm(string.Concat(b.AsSpan(0, b.Length - 1), "ه"), FormKind.Noun));
                    list.Add(new WordForm(string.Concat(b.AsSpan(0, b.Length - 1), "ة"), FormKind.Noun));
                }
                if (b[^1] == 'ا' && b.Length >= 3) // لقاؤه/لقائه are written with hamza; التقاه → التقى
                    list.Add(new WordForm(string.Concat(b.AsSpan(0, b.Length - 1), "ي"), FormKind.Verb));
                break;
            }
            if ((f.Kind & FormKind.Noun) != 0 && s.Length >= 4 && s[^1] == 'ا')
                list.Add(new WordForm(s[..^1], FormKind.Noun));
            if ((f.Kind & FormKind.Noun) != 0 && s.Length >= 4 && (s[^1] == 'ء' || s[^1] == 'ئ' || s[^1] == 'ؤ'))
                list.Add(new WordForm(string.Concat(s.AsSpan(0, s.Length - 1), "ء"), FormKind.Noun));
        }
        // لقائه / لقاؤه: a hamza carrier before a suffix (ئ ؤ, or ي و when the normalizer folds carriers) is the word's ء.
        n = list.Count;
        for (int i = 0; i < n; i++)
        {
            string s = list[i].Text;
            if (s.Length >= 4 && (s[^1] == 'ئ' || s[^1] == 'ؤ' || (s[^1] == 'ي' || s[^1] == 'و') && s[^2] == 'ا') && s.Length < w.Length)
                list.Add(new WordForm(string.Concat(s.AsSpan(0, s.Length - 1), "ء"), FormKind.Noun));
        }
        return [.. list];
    }

    /// <summary>Builds the views of all tokens of a document (normalizing each token once).</summary>
    public static WordView[] Build(string text, IReadOnlyList<Token> tokens, ArabicNormalizer normalizer)
    {
        var views = new WordView[tokens.Count];
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var kind = t.Kind;
            var span = text.AsSpan(t.Start, t.Length);
            if (kind == TokenKind.Punctuation && span.Length == 1 && span[0] is '"' or '“' or '”' or '«' or '»' or '\'') kind = TokenKind.Quote;
            string norm = kind == TokenKind.ArabicWord ? normalizer.NormalizeToString(span) : span.ToString();
            views[i] = new WordView(t.Start, t.End, kind, norm);
        }
        return views;
    }
}
