using System.Collections.Frozen;
using Marsad.Analysis.Normalization;
using static Marsad.Analysis.Text.ArabicLetters;

namespace Marsad.Analysis.Tokenization;

/// <summary>
/// Splits an Arabic word into clitic segments where a <see cref="WordLexicon"/> says the rest is a word.
/// Segments carry offsets into the original text (diacritics stay with the letter they follow).
/// Analyses considered, all in normalized space (<see cref="WordLexicon.NormalizerOptions"/>: teh marbuta kept):
/// <list type="bullet">
/// <item>an optional conjunction و or ف, then an optional preposition ب، ل، ك or the future marker س,
/// then an optional article ال; after the preposition ل the article is written ل (لل = ل + ال);</item>
/// <item>an optional pronoun suffix (هما، هم، هن، ها، كم، نا، ه) when there is no article
/// (ي، ك، كن and كما are left alone: they end too many nisba adjectives, nouns and verbs, عربي، ملك، تمكن);</item>
/// <item>the stem that remains must be in the lexicon with frequency ≥ <see cref="MinStemFrequency"/> and at least
/// 3 letters long, or one of a few two-letter function words (في من عن مع ما لا لم لن قد هو هي …): و+في, but كسر
/// is not ك+سر; the future marker س must precede an imperfect verb (ي ت ن; not ا, so ساهم stays whole);</item>
/// <item>no split at all when the word is a name in the lexicon (gazetteer tokens: بولتون، كمال) or a listed
/// function word (كان، كما، لكن، بين، الذي، الله, and verbs that begin with ال such as التقى، ألغى …);</item>
/// <item>no conjunction or preposition split when the whole word itself takes the article often enough to be a
/// noun (الولاية is frequent, so ولاية stays whole; likewise بحث، لجنة، كبير);</item>
/// <item>ك (like) is split only from a stem more frequent than the whole word (كلاعب → ك+لاعب, كتبت stays);</item>
/// <item>of the analyses left, the one with the most frequent stem wins; then, while another analysis splits that
/// stem further and its stem is at least 1/20 as frequent (any frequency when it only adds the article), the finer
/// one wins: للصحفيين → ل+ال+صحفيين,
/// بالإضافة → ب+ال+إضافة, ونظيره → و+نظير+ه, while للبنان → ل+لبنان and بيانها → بيان+ها.</item>
/// </list>
/// Immutable and thread-safe.
/// </summary>
public sealed class CliticSegmenter
{
    /// <summary>Most segments one word can have: conjunction, preposition, article, stem, suffix.</summary>
    public const int MaxSegments = 5;
    /// <summary>The least lexicon frequency a stem needs.</summary>
    public const int MinStemFrequency = 10;
    private const int MaxWordLength = 48;

    private static readonly string[] PronounSuffixes = ["هما", "هم", "هن", "ها", "كم", "نا", "ه"];

    // Frequent words that begin with a clitic letter (or end like a suffix) but are one word, normalized like the
    // lexicon. Found by reading the analyses of the 6,000 most frequent corpus words.
    private static readonly FrozenSet<string> FunctionWords = FrozenSet.Create(StringComparer.Ordinal,
        // و
        "وافق", "وافقت", "وافقوا", "واس", "ولي",
        // ف
        "فعلا", "فقط", "في", "فيه", "فيها", "فيما", "فيهم", "فوق", "فان", "فانه", "فهو", "فهي",
        // ب
        "بات", "باتت", "بدل", "بدا", "بين", "بعد", "بعض", "بل", "بها", "به", "بهم", "بنا", "بي", "بك", "بكم", "بينما",
        "بينها", "بينهم", "بسبب", "بدون", "بان", "بانه",
        // ل
        "لدينا", "لديكم", "لكن", "لكنه", "لكنها", "لكنهم", "ليس", "ليست", "لدي", "لقد", "لذلك", "لذا", "لماذا", "لما",
        "لن", "لم", "لا", "لو", "لولا", "لان", "لاي", "لها", "له", "لهم", "لهما", "لنا", "لي", "لك", "لكم", "لديه",
        "لديها", "لديهم",
        // ك
        "كلم", "كان", "كانت", "كانوا", "كانا", "كنت", "كنا", "كنتم", "كافة", "كافه", "كندا", "كما", "كذلك", "كل",
        "كلا", "كلها", "كله", "كيف", "كي", "كلما",
        // س
        "سانا", "سوف", "سوي", "سيما",
        // ال (relative pronouns, الله, verbs that begin with ال, آلاف/آلية)
        "التقي", "التقت", "التقوا", "التقيا", "التزم", "التزمت", "التحق", "التحقت", "التمس", "القي", "القت", "الغي",
        "الغت", "الاف", "الية", "الة", "الات", "الذي", "التي", "الذين", "اللذان", "اللتان", "اللاتي", "اللواتي",
        "الله", "الي", "الا", "الان", "اللهم",
        // words ending like a pronoun suffix
        "هذه", "جنيه", "احيانا", "شبه");

    // The only two-letter stems a clitic may be split from (و+في، ف+لا، ب+ما، و+هو …); any other stem needs 3 letters.
    private static readonly FrozenSet<string> TwoLetterStems = FrozenSet.Create(StringComparer.Ordinal,
        "في", "من", "عن", "مع", "ما", "لا", "لم", "لن", "قد", "هو", "هي", "هم", "لو", "ان", "او", "اي", "كل", "ثم", "بل", "هل", "اذ", "ذا", "به", "له");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TwoLetterStemLookup = TwoLetterStems.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly ArabicNormalizer _normalizer = new(WordLexicon.NormalizerOptions);

    private readonly WordLexicon? _lexicon;

    /// <summary>A segmenter over the embedded default lexicon (loaded on first use, about 0.1 s).</summary>
    public CliticSegmenter() { }

    /// <summary>A segmenter over <paramref name="lexicon"/>.</summary>
    public CliticSegmenter(WordLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
    }

    /// <summary>The lexicon that decides what is a word.</summary>
    public WordLexicon Lexicon => _lexicon ?? WordLexicon.Default;

    /// <summary>The segments of <paramref name="token"/> in <paramref name="text"/>; one stem segment when nothing splits.</summary>
    public IReadOnlyList<Segment> Segment(string text, Token token)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<Segment> buffer = stackalloc Segment[MaxSegments];
        int n = Segment(text, token, buffer);
        var result = new Segment[n];
        buffer[..n].CopyTo(result);
        return result;
    }

    /// <summary>The allocation-free kernel: writes the segments of <paramref name="token"/> to
    /// <paramref name="destination"/> (at least <see cref="MaxSegments"/> long) and returns how many.</summary>
    public int Segment(ReadOnlySpan<char> text, Token token, Span<Segment> destination)
    {
        if (destination.Length < MaxSegments) throw new ArgumentException($"destination needs {MaxSegments} entries", nameof(destination));
        destination[0] = new Segment(token.Start, token.End, SegmentRole.Stem);
        if (token.Kind != TokenKind.ArabicWord || token.Start < 0 || token.End > text.Length || token.Length > MaxWordLength) return 1;
        var surface = text[token.Start..token.End];
        if (_normalizer.MaxOutputLength(surface) > MaxWordLength * 2) return 1;
        Span<char> norm = stackalloc char[MaxWordLength * 2];
        Span<int> map = stackalloc int[MaxWordLength * 2];
        int len = _normalizer.Normalize(surface, norm, map);
        var w = norm[..len];
        if (!Analyze(w, out var best)) return 1;

        // Boundaries in normalized space → original offsets; give up when a boundary falls inside one original character.
        Span<int> cuts = stackalloc int[MaxSegments + 1];
        Span<SegmentRole> roles = stackalloc SegmentRole[MaxSegments];
        int count = 0, pos = 0;
        if (best.Conj) { cuts[count] = pos; roles[count++] = SegmentRole.Proclitic; pos += 1; }
        if (best.Prep) { cuts[count] = pos; roles[count++] = SegmentRole.Proclitic; pos += 1; }
        if (best.Article > 0) { cuts[count] = pos; roles[count++] = SegmentRole.Article; pos += best.Article; }
        cuts[count] = pos; roles[count++] = SegmentRole.Stem;
        if (best.Suffix > 0) { cuts[count] = len - best.Suffix; roles[count++] = SegmentRole.Suffix; }
        int prevStart = -1;
        for (int k = 0; k < count; k++)
        {
            int start = k == 0 ? token.Start : token.Start + map[cuts[k]]; // leading marks belong to the first segment
            if (start <= prevStart) { destination[0] = new Segment(token.Start, token.End, SegmentRole.Stem); return 1; }
            prevStart = start;
            cuts[k] = start;
        }
        for (int k = 0; k < count; k++)
        {
            int end = k + 1 < count ? cuts[k + 1] : token.End;
            destination[k] = new Segment(cuts[k], end, roles[k]);
        }
        return count;
    }

    /// <summary>Segments a normalized word and returns the segment texts joined by '+' (tests, lexicon reviews).</summary>
    public string Explain(ReadOnlySpan<char> normalizedWord)
    {
        if (!Analyze(normalizedWord, out var a)) return normalizedWord.ToString();
        var parts = new List<string>(MaxSegments);
        int pos = 0;
        if (a.Conj) parts.Add(normalizedWord.Slice(pos++, 1).ToString());
        if (a.Prep) parts.Add(normalizedWord.Slice(pos++, 1).ToString());
        if (a.Article > 0) { parts.Add("ال"); pos += a.Article; } // لل: the article is written ل but glossed ال
        parts.Add(normalizedWord[pos..^a.Suffix].ToString());
        if (a.Suffix > 0) parts.Add(normalizedWord[^a.Suffix..].ToString());
        return string.Join('+', parts);
    }

    private readonly record struct Analysis(bool Conj, bool Prep, int Article, int Suffix, int StemStart, int StemLength, int StemFrequency)
    {
        public int Clitics => (Conj ? 1 : 0) + (Prep ? 1 : 0) + (Article > 0 ? 1 : 0) + (Suffix > 0 ? 1 : 0);

        /// <summary>True when this analysis splits <paramref name="other"/>'s stem further (its stem lies inside it).</summary>
        public bool Refines(Analysis other) =>
            StemStart >= other.StemStart && StemStart + StemLength <= other.StemStart + other.StemLength
            && StemLength < other.StemLength && Clitics > other.Clitics;
    }

    private const int MaxCandidates = 64;

    private bool Analyze(ReadOnlySpan<char> w, out Analysis best)
    {
        best = default;
        if (w.Length < 3 || w.Length > MaxWordLength) return false;
        if (Lexicon.IsName(w) || IsFunctionWord(w)) return false;
        Span<Analysis> candidates = stackalloc Analysis[MaxCandidates];
        int count = 0;
        bool isNoun = TakesArticle(w);
        int wholeFrequency = Lexicon.Frequency(w);
        for (int conj = 0; conj <= 1; conj++)
        {
            if (conj == 1 && w[0] is not (Waw or Feh)) continue;
            var afterConj = w[conj..];
            if (conj == 1 && (Lexicon.IsName(afterConj) || IsFunctionWord(afterConj)))
            {
                // و/ف + a name or function word is that and nothing else: وفيه → و+فيه, وكان → و+كان, وبولتون → و+بولتون.
                count = 0;
                Consider(w, conj, 0, 0, afterConj.Length, 0, isNoun, wholeFrequency, candidates, ref count);
                if (count == 1) { best = candidates[0]; return true; }
                continue;
            }
            for (int prep = 0; prep <= 1; prep++)
            {
                if (prep == 1 && (afterConj.Length < 3 || afterConj[0] is not (Beh or Lam or Kaf or Seen))) continue;
                var afterPrep = afterConj[prep..];
                bool future = prep == 1 && afterConj[0] == Seen;
                if (future && (afterPrep.Length < 3 || afterPrep[0] is not (Yeh or Teh or Noon))) continue;
                for (int art = 0; art <= 2; art++)
                {
                    if (art > 0 && future) continue;
                    if (art == 1 && !(prep == 1 && afterConj[0] == Lam && afterPrep.Length > 2 && afterPrep[0] == Lam)) continue;
                    if (art == 2 && !(afterPrep.Length > 3 && afterPrep[0] == Alef && afterPrep[1] == Lam && !(prep == 1 && afterConj[0] == Lam))) continue;
                    var afterArt = afterPrep[art..];
                    for (int s = -1; s < PronounSuffixes.Length; s++)
                    {
                        int suffix = 0;
                        if (s >= 0)
                        {
                            if (art > 0) break;
                            var suf = PronounSuffixes[s];
                            if (!afterArt.EndsWith(suf, StringComparison.Ordinal)) continue;
                            suffix = suf.Length;
                        }
                        Consider(w, conj, prep, art, afterArt.Length - suffix, suffix, isNoun, wholeFrequency, candidates, ref count);
                    }
                }
            }
        }
        if (count == 0) return false;

        // The most frequent stem wins; then, while another analysis splits that stem further and its own stem is not
        // much rarer (≥ 1/20), take the finer one: و+نظيره → و+نظير+ه, ب+الإضافة → ب+ال+إضافة, but بيان+ها
        // stays (ب+يان+ها has a rare stem).
        best = candidates[0];
        for (int i = 1; i < count; i++) if (candidates[i].StemFrequency > best.StemFrequency) best = candidates[i];
        bool refined = true;
        while (refined)
        {
            refined = false;
            Analysis next = default;
            for (int i = 0; i < count; i++)
            {
                var c = candidates[i];
                // Splitting off only the article needs no frequency check: definite forms are often far more frequent
                // than bare ones (الولايات / ولايات), and a known stem after ال is reliable.
                bool onlyArticle = c.Article > 0 && best.Article == 0 && c.Conj == best.Conj && c.Prep == best.Prep && c.Suffix == best.Suffix;
                if (c.Refines(best) && (onlyArticle || (long)c.StemFrequency * 20 >= best.StemFrequency) && (!refined || c.StemFrequency > next.StemFrequency))
                {
                    next = c;
                    refined = true;
                }
            }
            if (refined) best = next;
        }
        return true;
    }

    private void Consider(ReadOnlySpan<char> w, int conj, int prep, int art, int stemLength, int suffix, bool wholeIsNoun, int wholeFrequency,
        Span<Analysis> candidates, ref int count)
    {
        int prefix = conj + prep + art;
        if (prefix == 0 && suffix == 0) return;
        if (count >= candidates.Length) return;
        if (stemLength < 2 || (stemLength == 2 && !TwoLetterStemLookup.Contains(w.Slice(prefix, 2)))) return;
        if ((conj + prep) > 0 && wholeIsNoun) return;
        var stem = w.Slice(prefix, stemLength);
        if (suffix > 0 && (Lexicon.IsName(w[prefix..]) || IsFunctionWord(w[prefix..]))) return;
        if (suffix > 0 && prefix > 0 && IsFunctionWord(w[..^suffix])) return; // بعدها is بعد+ها, not ب+عد+ها
        int f = Lexicon.Frequency(stem);
        if (f < MinStemFrequency) return;
        // ك (like) is a rare proclitic: split it only from a stem more frequent than the whole word (كلاعب, not كتبت).
        if (prep == 1 && w[conj] == Kaf && (long)f * 2 < wholeFrequency) return;
        candidates[count++] = new Analysis(conj == 1, prep == 1, art, suffix, prefix, stemLength, f);
    }

    /// <summary>True when the word with the article in front (ال + word) is frequent enough that the word is a noun.</summary>
    private bool TakesArticle(ReadOnlySpan<char> w)
    {
        if (w.Length + 2 > MaxWordLength) return false;
        Span<char> buf = stackalloc char[MaxWordLength + 2];
        buf[0] = Alef; buf[1] = Lam;
        w.CopyTo(buf[2..]);
        int withArticle = Lexicon.Frequency(buf[..(w.Length + 2)]);
        if (withArticle < 3) return false;
        return withArticle * 20 >= Lexicon.Frequency(w);
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FunctionWordLookup = FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsFunctionWord(ReadOnlySpan<char> w) => FunctionWordLookup.Contains(w);

    /// <summary>True when a normalized word could be split at all (starts with a clitic letter or ends with a pronoun
    /// suffix); the lexicon builder keeps only such names.</summary>
    public static bool CouldSplit(ReadOnlySpan<char> normalizedWord)
    {
        if (normalizedWord.Length < 3) return false;
        if (normalizedWord[0] is Waw or Feh or Beh or Lam or Kaf or Seen || normalizedWord.StartsWith("ال", StringComparison.Ordinal)) return true;
        foreach (var s in PronounSuffixes) if (normalizedWord.EndsWith(s, StringComparison.Ordinal)) return true;
        return false;
    }
}
