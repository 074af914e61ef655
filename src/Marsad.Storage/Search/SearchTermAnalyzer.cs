using Marsad.Analysis.Normalization;
using Marsad.Analysis.Pipeline;
using Marsad.Analysis.Stemming;
using Marsad.Analysis.Tokenization;

namespace Marsad.Storage.Search;

/// <summary>A search term and the span of the original text it came from.</summary>
public readonly record struct IndexTerm(string Term, int Start, int End);

/// <summary>
/// Turns text into the terms both back ends index and query, so that spelling variants meet:
/// the project's tokenizer finds words, the project's normalizer folds letters (hamza forms of alef, teh marbuta,
/// alef maqsura, diacritics, tatweel), then two search-only foldings run and the project's light stemmer has the
/// last word. The same function runs over documents and queries; that is what makes them match.
/// <list type="bullet">
/// <item>Article: a leading ال (alef, lam), alone or after one of و ف ب ك, and the contraction لل (lam, lam)
/// are removed when at least three letters remain: للرئيس and والرئيس → رئيس, like الرئيس.</item>
/// <item>Country-name ending: a word of five or more letters ending in يا (yeh, alef) or يه (yeh, heh — teh marbuta
/// after normalization) ends in ي: سوريا and سورية → سوري; ليبيا, روسيا, تركيا likewise.</item>
/// <item>Spelling variants of transliterated names (ترامب / ترمب, أمريكي / أميركي) become one term, by the table of
/// <see cref="SpellingVariants"/> applied to the final term.</item>
/// </list>
/// Latin words are lower-cased; numbers are kept; punctuation is dropped. Thread-safe (the stages are).
/// Only three stages are used (tokenizer, normalizer, stemmer), so <see cref="Default"/> builds just those: opening a
/// store to search must not load the entity model, the actor registry and the event lexicons, which a whole
/// <see cref="AnalysisPipeline"/> loads and which cost a short command most of its start-up.
/// </summary>
public sealed class SearchTermAnalyzer
{
    private const char Alef = '\u0627';
    private const char Lam = '\u0644';
    private const char Yeh = '\u064A';
    private const char Heh = '\u0647';
    private const char Waw = '\u0648';
    private const char Feh = '\u0641';
    private const char Beh = '\u0628';
    private const char Kaf = '\u0643';

    private readonly ArabicTokenizer _tokenizer;
    private readonly ArabicNormalizer _normalizer;
    private readonly ArabicLightStemmer _stemmer;
    private readonly SpellingVariants _variants;

    /// <summary>An analyzer over the tokenizer, normalizer and stemmer of <paramref name="pipeline"/>.</summary>
    public SearchTermAnalyzer(AnalysisPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        (_tokenizer, _normalizer, _stemmer) = (pipeline.Tokenizer, pipeline.Normalizer, pipeline.Stemmer);
        _variants = SpellingVariants.BuiltIn;
    }

    /// <summary>An analyzer over these three stages alone (no models are loaded) and a spelling-variant table (default: the built-in one).</summary>
    public SearchTermAnalyzer(ArabicTokenizer tokenizer, ArabicNormalizer normalizer, ArabicLightStemmer stemmer, SpellingVariants? variants = null)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(normalizer);
        ArgumentNullException.ThrowIfNull(stemmer);
        (_tokenizer, _normalizer, _stemmer) = (tokenizer, normalizer, stemmer);
        _variants = variants ?? SpellingVariants.BuiltIn;
    }

    /// <summary>
    /// The light query-analysis path: the stages a default <see cref="AnalysisPipelineBuilder"/> would use for terms
    /// (tokenizer, normalizer with <see cref="AnalysisPipelineBuilder.NormalizerOptions"/>'s default, stemmer), built
    /// without the rest of the pipeline. Terms and <see cref="Signature"/> equal those of an analyzer over the full pipeline.
    /// </summary>
    public static SearchTermAnalyzer CreateLight(SpellingVariants? variants = null) =>
        new(new ArabicTokenizer(), new ArabicNormalizer(new AnalysisPipelineBuilder().NormalizerOptions), new ArabicLightStemmer(), variants);

    /// <summary>
    /// A fingerprint of what this analyzer does: the hash of the terms it makes from a fixed probe text full of clitics,
    /// letter variants and inflections. A store records it with its index; when the normalizer, tokenizer or stemmer
    /// changes, the fingerprint changes and the index is rebuilt instead of silently missing matches.
    /// </summary>
    public string Signature => _signature ??= ComputeSignature();

    private string? _signature;

    private string ComputeSignature()
    {
        const string probe = "والرئيس للرئيس بالرئيس الأمريكية الأميركيّة سورية سوريا إلى مستشفى ـ المعلمون والمعلمات فسيكتبونها " +
                             "بكتابهم لمدارسنا استقبلتهم وزيرة الخارجيةِ الروسيّ Reuters CNN 2021 ٢٠٢١ قالوا يقول تقول اتفاقيات ترامب ترمب نتانياهو";
        var bytes = System.Text.Encoding.UTF8.GetBytes(TermString(probe));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16];
    }

    /// <summary>A shared analyzer with the default pipeline's term stages (<see cref="CreateLight"/>), built on first use.</summary>
    public static SearchTermAnalyzer Default => LazyDefault.Value;

    private static readonly Lazy<SearchTermAnalyzer> LazyDefault = new(() => CreateLight());

    /// <summary>Every term of <paramref name="text"/>, in order, with its original span.</summary>
    public List<IndexTerm> Terms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = _tokenizer.Tokenize(text);
        var terms = new List<IndexTerm>(tokens.Count);
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind is TokenKind.Punctuation or TokenKind.Quote or TokenKind.Symbol) continue;
            string? term = Term(text.AsSpan(t.Start, t.Length), t.Kind);
            if (term is not null) terms.Add(new IndexTerm(term, t.Start, t.End));
        }
        return terms;
    }

    /// <summary>The terms of <paramref name="text"/> joined by single spaces (the form the indexes store).</summary>
    public string TermString(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var terms = Terms(text);
        return string.Join(' ', terms.Select(t => t.Term));
    }

    /// <summary>The search term of one token's surface, or null when nothing searchable is left.</summary>
    public string? Term(ReadOnlySpan<char> surface, TokenKind kind)
    {
        if (kind is TokenKind.LatinWord or TokenKind.Url or TokenKind.Email or TokenKind.Hashtag)
        {
            var lower = surface.ToString().ToLowerInvariant();
            return Clean(lower);
        }
        string norm = _normalizer.NormalizeToString(surface);
        ReadOnlySpan<char> w = norm;
        w = StripArticle(w);
        string folded = FoldCountryEnding(w);
        string stem = _stemmer.Stem(folded);
        string? term = Clean(stem.Length == 0 ? folded : stem);
        return term is null ? null : _variants.Fold(term);
    }

    /// <summary>
    /// A word's letters as the analyzer reads them before stemming (normalized, article removed), or null when the word
    /// is not all Arabic letters; <see cref="SpellingVariants"/> compares names by them.
    /// </summary>
    public string? FoldedLetters(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        string norm = _normalizer.NormalizeToString(word);
        var w = StripArticle(norm);
        foreach (char c in w)
            if (c is < '\u0621' or > '\u064A') return null;
        return w.Length == 0 ? null : w.ToString();
    }

    /// <summary>Removes characters the index treats as separators (spaces, quotes), so a term is always one index token.</summary>
    private static string? Clean(string term)
    {
        if (term.Length == 0) return null;
        if (term.AsSpan().IndexOfAny(" \t\r\n\"'\\*:^(){}+-,.") < 0) return term;
        var chars = term.Where(c => !" \t\r\n\"'\\*:^(){}+-,.".Contains(c)).ToArray();
        return chars.Length == 0 ? null : new string(chars);
    }

    private static ReadOnlySpan<char> StripArticle(ReadOnlySpan<char> w)
    {
        int p = 0;
        if (w.Length > 3 && w[0] is Waw or Feh or Beh or Kaf && w[1] == Alef && w[2] == Lam) p = 3;      // وال فال بال كال
        else if (w.Length > 2 && w[0] == Alef && w[1] == Lam) p = 2;                                      // ال
        else if (w.Length > 2 && w[0] == Lam && w[1] == Lam) p = 2;                                       // لل
        else if (w.Length > 3 && w[0] is Waw or Feh && w[1] == Lam && w[2] == Lam) p = 3;                // ولل فلل
        return w.Length - p >= 3 ? w[p..] : w;
    }

    private static string FoldCountryEnding(ReadOnlySpan<char> w)
    {
        if (w.Length >= 5 && w[^2] == Yeh && w[^1] is Alef or Heh) return w[..^1].ToString();
        return w.ToString();
    }
}
