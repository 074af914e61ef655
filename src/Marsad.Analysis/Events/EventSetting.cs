using Marsad.Analysis.Dates;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Text;
using Marsad.Analysis.Tokenization;

namespace Marsad.Analysis.Events;

/// <summary>
/// Where an event took place (a place after في، or a country after إلى for a visit), what a meeting's place makes of
/// it (a visit, hosting, a third-party meeting), and what talks were about. Immutable and thread-safe.
/// </summary>
internal sealed class EventSetting(PlaceLexicon places)
{
    /// <summary>The most specific place named after في (or, for a meeting, a country after إلى) near the trigger, with its span.</summary>
    public (LocationInfo?, TextSpan?) FindLocation(WordView[] words, int from, int to, TriggerMatch match, PloverType type)
    {
        int lo = Math.Max(from, match.First - 8), hi = Math.Min(to - 1, match.Last + 14);
        LocationInfo? country = null;
        TextSpan? countrySpan = null;
        for (int i = lo; i <= hi; i++)
        {
            string b = words[i].Bare;
            bool inWord = b is "في" or "فى";
            bool toWord = b is "الي" or "إلى" && type == PloverType.Consult;
            int start = i + 1;
            if (!inWord && !toWord)
            {
                // "بجنيف" / "فى براغ" written as one token
                continue;
            }
            for (int k = start; k <= Math.Min(hi, start + 3); k++)
            {
                int end = places.Match(words, k, to, out var place);
                if (end < 0 || place is null) continue;
                var span = new TextSpan(words[k].Start, words[end].End);
                if (!place.IsCountry) return (place.Info, span);
                if (toWord && country is null) { country = place.Info; countrySpan = span; }
                break;
            }
        }
        return (country, countrySpan);
    }

    /// <summary>A meeting of two countries' actors in the target's country is a visit (042), in the source's a hosting (043), elsewhere third-party (044).</summary>
    public static (string? Mode, string Cameo) RefineMeeting(LocationInfo loc, List<ArgumentMention> src, List<ArgumentMention> tgt, string? mode, string cameo)
    {
        if (loc.Country is null || src.Count == 0 || tgt.Count == 0) return (mode, cameo);
        string? sc = src[0].Actor.Ref.Country, tc = tgt[0].Actor.Ref.Country;
        if (sc is null || tc is null || sc == tc) return (mode, cameo);
        if (loc.Country == tc) return ("visit", "042");
        if (loc.Country == sc) return ("visit", "043");
        return ("third-party", "044");
    }

    private static readonly HashSet<string> TopicCues = WordSets.Of(["بحث", "بحثا", "بحثت", "بحثوا", "ناقش", "ناقشا", "ناقشت", "ناقشوا", "تناول", "تناولت", "تناولا", "حول", "بشان", "يبحث", "يناقش", "سيبحث", "لمناقشه", "لبحث", "تبادلا", "تبادل"]);

    private static readonly HashSet<string> TopicLead = WordSets.Of(["الاوضاع", "الوضع", "قضايا", "القضايا", "مسائل", "المسائل", "ملف", "موضوع", "ملفات", "في", "الاستعدادات", "التحضير", "عدد", "من", "جمله", "عددا", "خلاله", "كل", "الي", "بالاضافه", "وكذلك", "كذلك", "ايضا"]);

    /// <summary>The phrases after a discussion cue (بحث، ناقش، حول، بشأن …) up to the clause's end: what the talks were about.</summary>
    public static List<string> Topics(string text, WordView[] words, TriggerMatch match, int to, List<ArgumentMention> args, List<DateExpression> dates)
    {
        int cue = -1;
        for (int i = match.First; i < to && i <= match.Last + 12; i++)
            if (TopicCues.Contains(words[i].Bare) || TopicCues.Contains(words[i].Norm)) { cue = i; break; }
        if (cue < 0) return [];
        var topics = new List<string>();
        int startTok = -1, endTok = -1;
        for (int i = cue + 1; i < to && topics.Count < 8; i++)
        {
            var w = words[i];
            bool inActor = args.Exists(a => i >= a.HeadFirst && i <= a.Last && a.Actor.Kind is "person" or "media");
            bool inDate = dates.Exists(d => i >= d.FirstToken && i <= d.LastToken);
            bool boundary = w.IsPunct && w.Norm is "،" or "," or "؛" or "." or ":" || w.Bare is "حيث" or "لكن" or "كما" || inActor || inDate || w.Bare == "مع";
            bool conj = w.Kind == TokenKind.ArabicWord && w.Norm.Length > 3 && w.Norm[0] == 'و' && startTok >= 0;
            if (boundary || conj)
            {
                Flush();
                if (w.IsPunct && w.Norm is "." or "؛" or ":") break;
                if (w.Bare is "حيث" or "لكن" or "كما") break;
                if (!conj) continue;
            }
            if (w.IsPunct) continue;
            string core = conj ? w.Norm[1..] : w.Bare;
            if (startTok < 0 && (TopicLead.Contains(core) || TopicLead.Contains(w.Norm))) continue;
            if (startTok < 0) startTok = i;
            endTok = i;
            if (endTok - startTok >= 4) Flush();
        }
        Flush();
        return topics;

        void Flush()
        {
            if (startTok < 0) return;
            int s = words[startTok].Start;
            if (words[startTok].Norm.Length > 3 && words[startTok].Norm[0] == 'و') s++;
            topics.Add(text[s..words[endTok].End]);
            startTok = endTok = -1;
        }
    }
}
