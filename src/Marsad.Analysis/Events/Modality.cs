using Marsad.Analysis.Tokenization;

namespace Marsad.Analysis.Events;

/// <summary>
/// Decides an event's modality from the words around its trigger, in this order of precedence:
/// <list type="bullet">
/// <item><b>negated</b>: لم، لن، لا، ليس/ليست، عدم، دون/بدون، غير within six words before the trigger (quote marks and the
/// auxiliaries يتم/تم/يكن/أي skipped; a comma, period, لكن or a new clause ends the scope), or نفى/ينفي … أن before it;</item>
/// <item><b>possible</b>: قد right before a present-tense verb, ربما, من المحتمل/من الممكن, يحتمل; محتمل after a noun;
/// a question (هل، ما إذا) about the event;</item>
/// <item><b>proposed</b>: the trigger itself proposes (اقترح), or اقترح/اقتراح/دعا إلى/عرض governs it;</item>
/// <item><b>planned</b>: the future prefix سـ, سوف, سيتم, من المقرر, من المفترض أن/يفترض أن, يعتزم/ينوي/يخطط, الاستعدادات/التحضير لـ,
/// a future light verb right before it (ستعقد قمة، سيجريان مباحثات), or المقبل/القادم/(المستقبل) القريب after it;</item>
/// <item>otherwise <b>asserted</b>.</item>
/// </list>
/// </summary>
public static class Modality
{
    private static readonly HashSet<string> Negators = WordSets.Of(["لم", "لن", "لا", "ليس", "ليست", "ليسوا", "لسنا", "عدم", "دون", "بدون", "غير", "لما"]);
    private static readonly HashSet<string> Transparent = WordSets.Of(["يتم", "تم", "تتم", "يكن", "تكن", "يكون", "اي", "يجر", "تجر", "بعد", "قط", "ابدا", "يعد", "تعد", "يحدث", "حتي", "حتى"]);
    private static readonly HashSet<string> Denials = WordSets.Of(["نفي", "ينفي", "نفت", "تنفي", "نفوا", "ينفون", "نفيا", "انكر", "ينكر", "انكرت", "تنكر"]);
    private static readonly HashSet<string> PlanCues = WordSets.Of(["سوف", "سيتم", "ستتم", "سيجري", "ستجري", "يعتزم", "تعتزم", "يعتزمان", "يعتزمون", "ينوي", "تنوي", "يخطط", "تخطط", "يزمع", "تزمع", "المقرر", "المزمع", "المرتقب", "المرتقبه", "المنتظر",
        "الاستعدادات", "الاستعداد", "التحضير", "التحضيرات", "للتحضير", "تحضيرا", "الترتيب", "للترتيب", "الاعداد", "للاعداد"]);
    // a future light verb right before its event noun: سيجريان مباحثات، ستعقد قمة، ستشن حملة، سيوقع اتفاقا (only right
    // before: «ستقوم بالتحقيق في الهجوم»، «سيحضر جنازة ضحايا الهجوم» plan the inquiry and the funeral, not the attack)
    private static readonly HashSet<string> FutureLightVerbs = WordSets.Of([
        "سيعقد", "ستعقد", "سيعقدان", "ستعقدان", "سيعقدون", "سنعقد", "سيجريان", "ستجريان", "سيجرون", "سنجري", "سيبدا", "ستبدا", "سيبدان",
        "ستبدان", "سيبداون", "سيشن", "ستشن", "سينفذ", "ستنفذ", "سيوقع", "ستوقع", "سيوقعان", "ستوقعان"]);
    private static readonly HashSet<string> Later = WordSets.Of(["المقبل", "المقبله", "القادم", "القادمه", "المقبلين", "المقبلتين", "القريب",
        // after the event noun: القمة المرتقبة، القمة المقررة في كندا، لا تزال مزمعة
        "المرتقب", "المرتقبه", "المقرر", "المقرره", "المزمع", "المزمعه", "مزمع", "مزمعه", "مقرر", "مقرره"]);
    private static readonly HashSet<string> ProposalCues = WordSets.Of(["اقترح", "يقترح", "اقترحت", "تقترح", "اقتراح", "باقتراح", "مقترح", "عرض", "يعرض", "عرضت", "تعرض"]);
    private static readonly HashSet<string> CallVerbs = WordSets.Of(["دعا", "يدعو", "دعت", "تدعو", "دعوا", "يدعون", "دعوه", "طالب", "يطالب", "طالبت", "تطالب"]);
    private static readonly HashSet<string> Possible = WordSets.Of(["ربما", "يحتمل", "يمكن", "المحتمل", "الممكن", "محتمل", "محتمله"]);

    /// <summary>The modality of the event triggered by <paramref name="match"/> in a sentence starting at word <paramref name="from"/>.</summary>
    public static EventModality Of(WordView[] words, int from, TriggerMatch match, TriggerEntry entry)
    {
        if (IsNegated(words, from, match)) return EventModality.Negated;
        if (IsPossible(words, from, match)) return EventModality.Possible;
        if ((entry.Flags & TriggerFlags.Proposes) != 0 || IsProposed(words, from, match)) return EventModality.Proposed;
        if (IsPlanned(words, from, match)) return EventModality.Planned;
        return EventModality.Asserted;
    }

    private static bool IsNegated(WordView[] w, int from, TriggerMatch m)
    {
        int seen = 0;
        for (int i = m.First - 1; i >= from && seen < 6; i--)
        {
            var v = w[i];
            if (v.Kind == TokenKind.Quote) continue;
            if (v.IsPunct) break;
            string b = v.Bare;
            if (Negators.Contains(b))
            {
                // "ولا سيما" (especially) is not a negation
                if (b == "لا" && i + 1 < w.Length && w[i + 1].Bare == "سيما") return false;
                return true;
            }
            if (b is "لكن" or "بل" or "ان" or "انه" or "الذي" or "التي") break;
            if (!Transparent.Contains(b)) seen++;
        }
        // نفى … أن … trigger
        for (int i = m.First - 1; i >= from && i >= m.First - 10; i--)
        {
            if (w[i].IsPunct && w[i].Kind != TokenKind.Quote && w[i].Norm is "." or "؛") break;
            if (Denials.Contains(w[i].Bare)) return true;
        }
        return false;
    }

    // a relative pronoun or clause punctuation ends the look-back of a cue ("مكان لقاء محتمل في براغ التي استضافت قمة")
    private static bool EndsLookBack(WordView v) => v.IsPunct && v.Kind != TokenKind.Quote || v.Bare is "التي" or "الذي" or "اللذان" or "الذين" or "اللتان";

    private static bool IsPossible(WordView[] w, int from, TriggerMatch m)
    {
        if (m.First - 1 >= from && w[m.First - 1].Bare == "قد" && IsPresentVerb(w[m.First])) return true;
        for (int i = m.First - 1; i >= from && i >= m.First - 4 && !EndsLookBack(w[i]); i--)
            if (Possible.Contains(w[i].Bare)) return true;
        // a question is not an assertion: "ردا على سؤال عما إذا تم التوصل إلى تفاهم"
        for (int i = m.First - 1; i >= from && i >= m.First - 10 && !EndsLookBack(w[i]); i--)
            if (w[i].Bare is "اذا" or "هل" or "عما") return true;
        for (int i = m.Last + 1; i < w.Length && i <= m.Last + 2; i++)
            if (w[i].Bare is "محتمل" or "محتمله") return true;
        return false;
    }

    private static bool IsPresentVerb(WordView v) => v.Bare.Length >= 4 && v.Bare[0] is 'ي' or 'ت' or 'ن';

    private static bool IsProposed(WordView[] w, int from, TriggerMatch m)
    {
        for (int i = m.First - 1; i >= from && i >= m.First - 5; i--)
        {
            var v = w[i];
            if (EndsLookBack(v)) break;
            if (ProposalCues.Contains(v.Bare) || v.Has("اقتراح")) return true;
            if (CallVerbs.Contains(v.Bare) && i + 1 < w.Length && (w[i + 1].Bare is "الي" or "إلى" || i + 2 < w.Length && w[i + 2].Bare is "الي")) return true;
        }
        for (int i = m.Last + 1; i < w.Length && i <= m.Last + 2; i++)
            if (w[i].Bare is "مقترحه" or "مقترح" or "المقترحه" or "المقترح") return true;
        return false;
    }

    private static bool IsPlanned(WordView[] w, int from, TriggerMatch m)
    {
        if (m.Future) return true;
        if (m.First - 1 >= from && FutureLightVerbs.Contains(w[m.First - 1].Bare)) return true;
        // what is supposed to happen (من المفترض أن تعقد، يفترض أن يلتقي) has not happened yet; المفترض alone is "alleged"
        for (int i = m.First - 2; i >= from && i >= m.First - 5; i--)
        {
            if (EndsLookBack(w[i])) break;
            if (w[i + 1].Bare is "ان" && (w[i].Bare == "يفترض" || w[i].Bare == "المفترض" && i > from && w[i - 1].Bare == "من")) return true;
        }
        for (int i = m.First - 1; i >= from && i >= m.First - 6; i--)
        {
            var v = w[i];
            if (EndsLookBack(v)) break;
            if (PlanCues.Contains(v.Bare)) return true;
            if (v.Bare.Length >= 4 && v.Bare[0] == 'س' && v.Bare[1] is 'ي' or 'ت' && (v.Bare.EndsWith("تم", StringComparison.Ordinal) || v.Bare.EndsWith("جري", StringComparison.Ordinal))) return true;
        }
        for (int i = m.Last + 1; i < w.Length && i <= m.Last + 6; i++)
        {
            if (w[i].IsPunct && w[i].Kind != TokenKind.Quote) break;
            if (Later.Contains(w[i].Bare)) return true;
        }
        return false;
    }
}
