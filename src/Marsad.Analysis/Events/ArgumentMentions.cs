using Marsad.Analysis.Actors;
using Marsad.Analysis.Dates;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Text;
using Marsad.Analysis.Tokenization;

namespace Marsad.Analysis.Events;

/// <summary>
/// A document's actor mentions as the argument rules read them: each with the preposition or construct that governs
/// it, a title chain (وزير الخارجية الروسي سيرغي لافروف) collapsed into the mention of the person it names. Stateless.
/// </summary>
internal static class ArgumentMentions
{
    public static readonly HashSet<string> StandalonePreps = WordSets.Of(["مع", "الي", "على", "علي", "ضد", "عن", "من", "في", "بين", "لدي", "حول", "عبر", "تجاه", "حيال", "بشان", "خلال", "منذ", "بعد", "قبل", "عقب", "وفق", "وفقا", "بحسب", "حسب"]);

    public static readonly HashSet<string> LocativeNouns = WordSets.Of([
        "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي", "قرب", "بالقرب", "محيط", "ضواحي", "انحاء", "داخل", "خارج",
        "اراضي", "حدود", "مدينه", "بلده", "قريه", "منطقه", "محافظه", "اقليم", "ولايه", "عاصمه", "مقاطعه", "ريف",
    ]);

    /// <summary>Turns actor mentions into argument mentions with their governing preposition, collapsing title chains.</summary>
    public static List<ArgumentMention> Read(string text, WordView[] words, IReadOnlyList<ActorMention> mentions, IActorDirectory actors)
    {
        var sorted = new List<ActorMention>(mentions);
        sorted.Sort((a, b) => a.Start.CompareTo(b.Start));
        var raw = new List<ArgumentMention>();
        int t = 0;
        foreach (var m in sorted)
        {
            if (!actors.TryGet(m.ActorId, out var actor)) continue;
            while (t < words.Length && words[t].End <= m.Start) t++;
            if (t >= words.Length) break;
            int first = t, last = t;
            while (last + 1 < words.Length && words[last + 1].Start < m.End) last++;
            // walk back over title words: "مع نظيره الأميركي جون بولتون"
            int head = first;
            string clitic = m.Start > words[first].Start ? text[words[first].Start..m.Start] : "";
            if (clitic.Length == 0)
            {
                head = TitleStart(words, first - 1, first, raw);
                // "الرئيس الإيراني، حسن روحاني": a comma between the title and the name it introduces
                if (head == first && actor.Kind == "person" && first >= 2 && words[first - 1].Norm is "،" or ",")
                    head = TitleStart(words, first - 2, first, raw);
                if (head < first)
                {
                    var hw = words[head];
                    string core = TitleCore(hw);
                    clitic = hw.Norm.Length > core.Length ? hw.Norm[..(hw.Norm.Length - core.Length)] : "";
                }
            }
            string prep = "";
            bool conj = false;
            foreach (char c in clitic)
            {
                if (c is 'و' or 'ف') conj = true;
                else if (c is 'ب' or 'ل' or 'ك') prep = c.ToString();
            }
            if (prep.Length == 0 && head > 0)
            {
                var p = words[head - 1];
                if (!p.IsPunct && StandalonePreps.Contains(p.Bare)) prep = p.Bare;
                // "شمال باكستان", "وسط الصومال", "قرب بغداد": a place phrase, never a subject or an object
                else if (!p.IsPunct && LocativeNouns.Contains(p.Bare)) prep = "في";
                if (p.Norm == "و") conj = true;
            }
            raw.Add(new ArgumentMention(first, last, m.Start, m.End, actor, prep, conj) { HeadFirst = head, MentionKind = m.Kind });
        }
        // collapse appositive chains: "مجلس الأمن الروسي نيكولاي باتروشيف" (no preposition, conjunction or punctuation between)
        var result = new List<ArgumentMention>();
        foreach (var a in raw)
        {
            if (result.Count > 0)
            {
                var prev = result[^1];
                // only a name or a nationality renames what is before it: in "اتهمت الحكومة الفلسطينية إسرائيل" the
                // country after the subject is the object
                bool adjacent = a.HeadFirst <= prev.Last + 1 && a.Prep.Length == 0 && !a.Conj
                    && (a.Actor.Kind == "person" || a.MentionKind == ActorMentionKind.Demonym);
                // "مساعد الرئيس الروسي، يوري أوشاكوف": a name after a comma renames a title or a body
                if (!adjacent && a.HeadFirst == prev.Last + 2 && a.Prep.Length == 0 && !a.Conj && a.Actor.Kind == "person"
                    && words[prev.Last + 1].Norm is "،" or "," && (prev.Actor.Kind != "person" || prev.MentionKind is ActorMentionKind.Title or ActorMentionKind.Coreference))
                    adjacent = true;
                if (adjacent)
                {
                    bool preferNew = a.Actor.Kind == "person" && prev.Actor.Kind != "person";
                    result[^1] = preferNew
                        ? a with { Prep = prev.Prep, Conj = prev.Conj, HeadFirst = prev.HeadFirst }
                        : prev with { Last = a.Last };
                    continue;
                }
            }
            result.Add(a);
        }
        return result;
    }

    // the first of the title words that end at word k (at most six), or none: the given head
    private static int TitleStart(WordView[] words, int k, int head, List<ArgumentMention> raw)
    {
        for (int steps = 0; k >= 0 && steps < 6 && !words[k].IsPunct && IsTitle(words[k]) && !Overlaps(raw, k); k--, steps++) head = k;
        return head;
    }

    private static bool Overlaps(List<ArgumentMention> raw, int k) => raw.Count > 0 && raw[^1].Last >= k;

    private static bool IsTitle(WordView w)
    {
        if (w.Kind != TokenKind.ArabicWord) return false;
        foreach (var f in w.Forms)
        {
            if (TitleWords.Contains(f.Text)) return true;
            // nationality adjectives: الأمريكي، الروسية
            if (f.Text.Length >= 6 && f.Kind == (FormKind.Verb | FormKind.Noun) && f.Text.StartsWith("ال", StringComparison.Ordinal) && (f.Text.EndsWith('ي') || f.Text.EndsWith("يه", StringComparison.Ordinal))) return true;
        }
        return false;
    }

    private static string TitleCore(WordView w)
    {
        foreach (var f in w.Forms)
            if (TitleWords.Contains(f.Text)) return f.Text;
        return w.Norm;
    }

    private static readonly HashSet<string> TitleWords =
    WordSets.Of([
        "رئيس", "الرئيس", "وزير", "وزيره", "الوزير", "مستشار", "مستشاره", "نائب", "نائبه", "مساعد", "مساعده", "سكرتير", "امين", "الامين", "المتحدث", "المتحدثه",
        "باسم", "الرسمي", "الخارجيه", "الدفاع", "الامن", "القومي", "مجلس", "نظيره", "نظيرها", "نظيرهم", "المسؤول", "المسؤوله", "السفير", "السفيره", "وكيل", "وكيله",
        "الاول", "الوزراء", "حكومه", "رئيسه", "زعيم", "ممثل", "مبعوث", "المبعوث", "الخاص", "العام", "الامين", "قائد", "رئاسه", "اداره", "اداره", "الكرملين", "الابيض", "البيت",
        "للامن", "للشؤون", "الدوليه", "سيناتور", "النائب", "عضو", "العاصمه", "الحاكم", "حاكم", "ملك", "الملك", "امير", "الامير", "ولي", "العهد", "المرشد", "القائم", "باعمال",
        "سفير", "سفيري", "سفيرا", "سفراء", "قنصل", "ممثلو", "ممثلي", "مسؤول", "مسؤولو", "مسؤولي", "قاده", "زعماء", "رؤساء", "وزراء", "وزيري", "مستشاري", "متحدث", "متحدثه",
    ]);
}
