using Marsad.Analysis.Dates;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Text;
using Marsad.Analysis.Tokenization;

namespace Marsad.Analysis.Events;

/// <summary>
/// The trigger rules' tests of whether a trigger the lexicon found tells an event of its own: a back-reference to an
/// event told before (عقب اللقاء), a kind of act rather than one that happened (أي هجمات), what a threat announces
/// (هدد بقصف), a gathering that is no rally (قمة تجمع الرئيسين), a date word (فجر), an evaluative word that judges
/// nothing. Each is one small rule, tested on its own. Immutable and thread-safe.
/// </summary>
internal sealed class TriggerFilters(DemonymLexicon demonyms, GenericActorLexicon? agents)
{
    /// <summary>
    /// True for a definite noun trigger (اللقاء، المحادثات، بالاجتماع) that names no party of its own: no actor or role
    /// noun in it, no actor in genitive right after it, no مع/بين phrase and no nationality adjective right after it.
    /// </summary>
    public bool RefersBack(string text, WordView[] words, int to, TriggerMatch match, List<ArgumentMention> args)
    {
        if (match.VerbForm) return false;
        string b = words[match.First].Bare;
        bool definite = b.Length >= 5 && (b.StartsWith("ال", StringComparison.Ordinal) || b.StartsWith("لل", StringComparison.Ordinal)
            || b[0] is 'ب' or 'ك' && b[1] == 'ا' && b[2] == 'ل');
        if (!definite) return false;
        if (args.Exists(a => a.HeadFirst >= match.First && a.HeadFirst <= match.Last + 1 && !a.Actor.IsMedia)) return false;
        // a role noun (المتظاهرون، المسلحون) names its party
        for (int i = match.First; i <= match.Last; i++)
            if (agents?.Match(text, words[i]) is not null) return false;
        for (int i = match.Last + 1; i < to && i <= match.Last + 3; i++)
        {
            if (words[i].Bare is "مع" or "بين") return false;
            if (i == match.Last + 1 && demonyms.CountryOf(words[i]) is not null) return false;
        }
        return true;
    }

    private static readonly HashSet<string> AnyWords = WordSets.Of(["اي", "ايه", "اية"]);

    /// <summary>
    /// True when أي/أية (any) stands within three words before the trigger in its clause (أي هجمات إلكترونية تستهدف …):
    /// the trigger names a kind of act, not one that happened. أي right after a comma or a bracket means "that is".
    /// </summary>
    public static bool UnderAny(WordView[] words, int from, TriggerMatch match)
    {
        for (int i = match.First - 1, seen = 0; i >= from && seen < 3; i--)
        {
            var w = words[i];
            if (w.IsPunct) { if (w.Kind == TokenKind.Quote) continue; return false; }
            if (ClauseWords.Complementizers.Contains(w.Bare) || ClauseWords.RelativePronouns.Contains(w.Bare)) return false;
            seen++;
            if (!AnyWords.Contains(w.Bare) && !AnyWords.Contains(w.Norm)) continue;
            return i == from || !(words[i - 1].IsPunct && words[i - 1].Kind != TokenKind.Quote);
        }
        return false;
    }

    /// <summary>
    /// True when the trigger follows a threat in its clause within three words (هدد بقصف، توعدت بشن هجمات، سترد على
    /// هجوم): it is what the threat announces. A complementizer or punctuation between ends the threat's reach.
    /// </summary>
    public static bool ThreatObject(WordView[] words, List<TriggerMatch> triggers, int at)
    {
        var match = triggers[at];
        if (match.Entry.Type == PloverType.Threaten || at == 0) return false;
        var prev = triggers[at - 1];
        if (prev.Entry.Type != PloverType.Threaten || match.First - prev.Last > 4) return false;
        for (int i = prev.Last + 1; i < match.First; i++)
            if (words[i].IsPunct && words[i].Kind != TokenKind.Quote || ClauseWords.Complementizers.Contains(words[i].Bare)) return false;
        return true;
    }

    private static readonly HashSet<string> CrowdWords = WordSets.Of([
        "مئات", "الاف", "الوف", "عشرات", "المئات", "العشرات", "الالاف", "مليون", "ملايين", "الملايين", "عدد", "عددا", "نحو", "حوالي", "قرابه",
        "اكثر", "حشود", "الحشود", "حشد", "جموع", "الجموع", "جماهير", "الجماهير", "الناس", "انصار", "مناصرو", "مناصري", "مؤيدو", "مؤيدي", "معارضو", "معارضي",
        "الشبان", "شبان", "النساء", "نساء", "اللاجئين", "لاجئون", "لاجئين",
    ]);

    private static readonly HashSet<string> RallySettings = WordSets.Of([
        "امام", "قرب", "بالقرب", "وسط", "خارج", "عند", "في", "ساحه", "الساحه", "ميدان", "احتجاجا", "تنديدا", "تضامنا", "للمطالبه", "للاحتجاج",
        "للتنديد", "رافعين", "حاملين", "مرددين", "هاتفين", "مطالبين", "حاشد", "حاشدا", "احتجاجي", "احتجاجيا", "شعبي", "شعبيا",
    ]);

    private static readonly HashSet<string> CrowdSectors = WordSets.Of(["agent:cvl", "agent:lab", "agent:edu", "agent:opp"]);

    /// <summary>
    /// A gathering verb (تجمع، احتشد، تجمهر) is a rally only when a crowd gathers: a plural or dual ending (تجمعوا، يحتشدون),
    /// or within three words after it (two before, in its clause) a crowd word (آلاف، عدد من، الحشود، a number), a civilian
    /// role noun (المتظاهرون، الطلاب), a nominative plural (الفلسطينيون) or a rally setting (أمام، في، وسط، احتجاجا، حاشد).
    /// Otherwise تجمع is "brings together" (قمة تجمع الرئيسين، تجمع بين البلدين) and احتشدت القوات is troops massing.
    /// </summary>
    public bool CrowdGathers(string text, WordView[] words, int from, int to, TriggerMatch match)
    {
        if (ArgumentRules.AgreesWithSubjectBefore(words[match.First])) return true;
        for (int i = match.Last + 1, seen = 0; i < to && seen < 3; i++)
        {
            var w = words[i];
            if (w.IsPunct) { if (w.Kind == TokenKind.Quote) continue; break; }
            seen++;
            if (IsCrowd(text, w) || RallySettings.Contains(w.Bare)) return true;
            if (w.Kind == TokenKind.ArabicWord && w.Bare.Length >= 6 && w.Bare.EndsWith("ون", StringComparison.Ordinal)) return true;
        }
        for (int i = match.First - 1, seen = 0; i >= from && seen < 2; i--)
        {
            var w = words[i];
            if (w.IsPunct) { if (w.Kind == TokenKind.Quote) continue; break; }
            seen++;
            if (IsCrowd(text, w)) return true;
        }
        return false;
    }

    private bool IsCrowd(string text, WordView w)
        => w.Kind == TokenKind.Number || CrowdWords.Contains(w.Bare) || agents?.Match(text, w) is { } a && CrowdSectors.Contains(a.Ref.Id);

    public static bool IsDateWordOnly(TriggerMatch match, List<DateExpression> dateExprs)
    {
        foreach (var d in dateExprs)
            if (match.First >= d.FirstToken && match.Last <= d.LastToken) return true;
        return false;
    }

    /// <summary>
    /// An expressive noun (readiness, praise, rejection, accusation: "أعلن بومبيو عن إمكانية تعاون واشنطن وموسكو") governed
    /// by a statement verb is the speaker's act: the speaker is the source and the other actors named are the targets
    /// (the speaker's own country dropped).
    /// </summary>
    public static bool JudgesSomething(WordView[] words, int from, TriggerMatch match, List<TriggerMatch> triggers)
    {
        foreach (var t in triggers)
            if (t.Entry.Type == PloverType.Consult && t.Last < match.First && t.Last >= match.First - 20) return true;
        for (int i = match.First - 1; i >= from && i >= match.First - 2; i--)
            if (words[i].Bare is "كانت" or "كان" or "تعد" or "يعد" or "تعتبر" or "يعتبر" or "اعتبرها" or "وصفها") return true;
        var w = words[match.First];
        return w.Bare.Length > 2 && w.Bare[0] == 'ب' && w.Bare[1] == 'ا' && w.Bare[2] == 'ل'
            || match.First > from && words[match.First - 1].Kind == TokenKind.Quote && match.First - 2 >= from && words[match.First - 2].Norm.EndsWith('ب');
    }
}
