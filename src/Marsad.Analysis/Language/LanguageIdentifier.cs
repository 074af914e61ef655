using System.Collections.Frozen;
using Marsad.Analysis.Documents;

namespace Marsad.Analysis.Language;

/// <summary>A language decision: ISO 639-1 code (ar, fa, ur, en, fr) or "und", and a confidence in [0, 1].</summary>
public readonly record struct LanguageGuess(string Code, double Confidence)
{
    public bool IsArabic => Code == "ar";
}

/// <summary>
/// Identifies the language of a document, by majority over its letters, so a short line in another language (an
/// Urdu-script source line, an English quote) does not change the verdict. Two steps:
/// <list type="number">
/// <item><b>Script</b>: letters are counted as Arabic script, Latin or other; the script holding most letters wins.</item>
/// <item><b>Language inside the script</b>.
///   Arabic script: letters only Persian and Urdu write (پ چ ژ گ ک ی, U+06CC FARSI YEH, U+06A9 KEHEH) and letters only Urdu
///   writes (ٹ ڈ ڑ ں ے ہ ۃ ھ) against letters Arabic writes and they do not (ة TEH MARBUTA, ي YEH, ك KAF, ى ALEF MAKSURA,
///   أ إ), plus function words of each language (في من على / است این را / کے ہے میں), each word counting three letters.
///   Latin script: character trigrams and function words of English and French against Spanish, German, Italian and
///   Turkish profiles; the best profile wins, and anything but en/fr is reported "und".</item>
/// </list>
/// Arabic script also wins a mixed document where it holds ≥ 30 % of the letters and at least 200 of them.
/// Confidence = share of letters in the winning script × the winner's share of the in-script evidence.
/// Pure and thread-safe; no allocation per character.
/// </summary>
public sealed class LanguageIdentifier
{
    /// <summary>With fewer letters the verdict is weak: Arabic script gives "ar" with confidence ≤ 0.3, anything else "und".</summary>
    public int MinLetters { get; init; } = 12;

    private static readonly FrozenSet<string> ArabicWords = Set("في من على إلى الى أن ان عن مع التي الذي هذا هذه كان قد لم لا ما بين بعد قبل حيث وقال قال إن أو كما ذلك هو هي منذ خلال عند وفي");
    private static readonly FrozenSet<string> PersianWords = Set("است این را که می از به با برای آن یک هم تا شد شده بود کرد های ها اند نیز خود باید");
    private static readonly FrozenSet<string> UrduWords = Set("کے کی ہے میں اور نے سے کو پر ہیں یہ کہ تھا تھی گیا ایک بھی کا وہ نہیں کیا");

    private static readonly (string Code, FrozenSet<string> Words, FrozenDictionary<string, int> Trigrams)[] LatinProfiles =
    [
        ("en", Set("the of and to in is that for was on with said by as at from his it are be has have were an which will not this"),
            Tri("the he_ _th ing and nd_ _an ng_ _of of_ _to ed_ to_ er_ _in re_ is_ on_ tha hat at_ _wa was _re ion for _fo ent as_ _be ly_ ter his _ha ver")),
        ("fr", Set("le la les de des et est un une du en que qui dans pour pas au sur par il ne se ce sont aux avec plus été"),
            Tri("es_ _de de_ le_ ent _le nt_ la_ _la s_d _pa ion on_ re_ _et et_ que _qu ue_ les _co tio e_l e_d ait _un our ur_ men ans _po ons par _en")),
        ("es", Set("el los las del y que por con para una es se al lo como más pero sus fue han este esta no puede ser hay está son"),
            Tri("de_ _de os_ la_ el_ _la ión _el _co es_ que _qu ue_ ent as_ _en ado _lo los _se del _po ra_ ara aci ón_ con nte ien _es ida ar_ _no no_ _pu _ar ndo ón_ _ha")),
        ("de", Set("der die und das ist nicht mit den von zu ein eine sich auf dem des für im werden wird auch"),
            Tri("en_ er_ _di die der ie_ _de ch_ ein sch ich und _un nd_ _ei cht te_ den ine gen _da ung _zu ers _ge ste")),
        ("it", Set("il di che la per non una sono gli della del con nel è le alla anche come"),
            Tri("di_ _di la_ _de che _ch to_ re_ _co ne_ _la he_ _il il_ zio ent del ell lla _pe per _in _no no_ one are")),
        ("tr", Set("ve bir bu da de için ile olan çok daha gibi olarak ama sonra kadar"),
            Tri("lar ler _bi in_ an_ bir eri _ve ve_ ın_ da_ _ka leri ara _ol ini _de en_ nin _ba yor ası dan")),
    ];

    // Letters that mark one Latin-script language (present in its profile order: en, fr, es, de, it, tr).
    private static readonly string[] MarkLetters = ["", "àâçèêëîïôùûœ", "ñáíóú¿¡", "äöüß", "ìòù", "çğışöü"];

    private static string Marks(int profile) => MarkLetters[profile];

    private static FrozenSet<string> Set(string words) => words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    private static FrozenDictionary<string, int> Tri(string trigrams)
    {
        var list = trigrams.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < list.Length; i++) d.TryAdd(list[i].Replace('_', ' '), list.Length - i); // earlier = more frequent = heavier
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Identifies the language of <paramref name="text"/> minus the <paramref name="removed"/> spans.</summary>
    public LanguageGuess Identify(string text, IReadOnlyList<RemovedSpan>? removed)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (removed is null || removed.Count == 0) return Identify(text.AsSpan());
        var counts = new Counts();
        int pos = 0;
        var sorted = removed.OrderBy(r => r.Start).ToList();
        foreach (var r in sorted)
        {
            int s = Math.Clamp(r.Start, 0, text.Length);
            if (s > pos) Count(text.AsSpan(pos, s - pos), ref counts);
            pos = Math.Max(pos, Math.Clamp(r.End, 0, text.Length));
        }
        if (pos < text.Length) Count(text.AsSpan(pos), ref counts);
        return Decide(ref counts);
    }

    /// <summary>Identifies the language of <paramref name="text"/>.</summary>
    public LanguageGuess Identify(ReadOnlySpan<char> text)
    {
        var counts = new Counts();
        Count(text, ref counts);
        return Decide(ref counts);
    }

    private const int MaxLettersCounted = 20000;
    private const int MixedArabicLetters = 200;

    private struct Counts
    {
        public int ArabicScript, Latin, Other;
        public int ArLetters, FaUrLetters, UrLetters;
        public int ArWords, FaWords, UrWords;
        public double[]? LatinScores;
    }

    private static void Count(ReadOnlySpan<char> text, ref Counts c)
    {
        c.LatinScores ??= new double[LatinProfiles.Length];
        var arWords = ArabicWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var faWords = PersianWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var urWords = UrduWords.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[32];
        int i = 0;
        while (i < text.Length)
        {
            // The verdict is settled long before this many letters; long documents stop counting here.
            if (c.ArabicScript + c.Latin + c.Other > MaxLettersCounted) break;
            char ch = text[i];
            if (!char.IsLetter(ch)) { i++; continue; }
            int start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || text[i] is '\u064B' or '\u064C' or '\u064D' or '\u064E' or '\u064F' or '\u0650' or '\u0651' or '\u0652' or '\u0640' or '\u200C')) i++;
            var word = text[start..i];
            int arabicScript = 0, latin = 0;
            foreach (var w in word)
            {
                if (w >= '\u0600' && w <= '\u06FF' || w >= '\uFB50' && w <= '\uFEFF')
                {
                    if (!char.IsLetter(w)) continue;
                    arabicScript++;
                    switch (w)
                    {
                        case '\u0629': case '\u064A': case '\u0643': case '\u0649': case '\u0623': case '\u0625': c.ArLetters++; break;
                        case '\u067E': case '\u0686': case '\u0698': case '\u06AF': case '\u06A9': case '\u06CC': c.FaUrLetters++; break;
                        case '\u0679': case '\u0688': case '\u0691': case '\u06BA': case '\u06D2': case '\u06C1': case '\u06C3': case '\u06BE': c.UrLetters++; break;
                    }
                }
                else if (w < '\u0250' && char.IsLetter(w)) latin++;
                else if (char.IsLetter(w)) c.Other++;
            }
            c.ArabicScript += arabicScript;
            c.Latin += latin;
            if (arabicScript > 0)
            {
                if (arWords.Contains(word)) c.ArWords++;
                else if (urWords.Contains(word)) c.UrWords++;
                else if (faWords.Contains(word)) c.FaWords++;
            }
            else if (latin > 0 && word.Length <= lower.Length)
            {
                int n = word.ToLowerInvariant(lower);
                var lw = lower[..n];
                ScoreLatinWord(lw, c.LatinScores!);
            }
        }
    }

    private static void ScoreLatinWord(ReadOnlySpan<char> word, double[] scores)
    {
        Span<char> padded = stackalloc char[word.Length + 2];
        padded[0] = ' ';
        word.CopyTo(padded[1..]);
        padded[^1] = ' ';
        for (int p = 0; p < LatinProfiles.Length; p++)
        {
            var (_, words, tri) = LatinProfiles[p];
            var wl = words.GetAlternateLookup<ReadOnlySpan<char>>();
            var tl = tri.GetAlternateLookup<ReadOnlySpan<char>>();
            double s = 0;
            if (wl.Contains(word)) s += 20;
            foreach (var ch in word)
                if (ch >= '\u00C0' && Marks(p).Contains(ch)) s += 6;
            for (int k = 0; k + 3 <= padded.Length; k++)
                if (tl.TryGetValue(padded.Slice(k, 3), out int weight)) s += 1 + weight / 10.0;
            scores[p] += s;
        }
    }

    private LanguageGuess Decide(ref Counts c)
    {
        int letters = c.ArabicScript + c.Latin + c.Other;
        if (letters == 0) return new LanguageGuess("und", 0);
        if (letters < MinLetters)
        {
            // Too little to tell languages apart; a few Arabic-script letters with no Persian/Urdu letter count as Arabic, weakly.
            bool fewArabic = c.ArabicScript * 2 > letters && c.FaUrLetters + c.UrLetters == 0;
            return fewArabic ? new LanguageGuess("ar", Math.Round(0.3 * c.ArabicScript / letters, 3)) : new LanguageGuess("und", 0);
        }
        // Arabic script wins outright by majority, and also when it holds a substantial part of a mixed document
        // (an Arabic article with long English quotes, lists of names or leftover page code).
        bool arabicScript = c.ArabicScript >= c.Latin && c.ArabicScript >= c.Other
            || c.ArabicScript >= MixedArabicLetters && c.ArabicScript * 10 >= letters * 3;
        if (arabicScript)
        {
            double script = (double)c.ArabicScript / letters;
            double ar = c.ArLetters + 3.0 * c.ArWords;
            double ur = c.UrLetters + 3.0 * c.UrWords;
            double fa = c.FaUrLetters + 3.0 * c.FaWords;
            double total = ar + ur + fa + 1;
            // Persian and Urdu share most extra letters; Urdu-only letters or words decide between them.
            double faur = fa + ur;
            if (ar >= faur) return new LanguageGuess("ar", Math.Round(script * (ar + 1) / total, 3));
            string code = ur >= 0.25 * faur ? "ur" : "fa";
            return new LanguageGuess(code, Math.Round(script * faur / total, 3));
        }
        if (c.Latin >= c.Other)
        {
            double script = (double)c.Latin / letters;
            int best = 0;
            double sum = 0;
            for (int p = 0; p < LatinProfiles.Length; p++)
            {
                sum += c.LatinScores![p];
                if (c.LatinScores[p] > c.LatinScores[best]) best = p;
            }
            if (sum <= 0) return new LanguageGuess("und", Math.Round(script * 0.5, 3));
            var code = LatinProfiles[best].Code;
            double share = c.LatinScores![best] / sum;
            // Profiles overlap a lot (shared trigrams), so the share is rescaled: a clear winner holds ~40 % of all points.
            double conf = Math.Min(1, share * 2.2);
            return new LanguageGuess(code is "en" or "fr" ? code : "und", Math.Round(script * conf, 3));
        }
        return new LanguageGuess("und", Math.Round((double)c.Other / letters, 3));
    }
}
