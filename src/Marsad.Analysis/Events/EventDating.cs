using Marsad.Analysis.Dates;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Text;
using Marsad.Analysis.Tokenization;

namespace Marsad.Analysis.Events;

/// <summary>
/// Which date words date an event (<see cref="NearestDate"/>), and when a sentence goes on with the account the sentence
/// before dated (<see cref="ContinuesStatement"/>). Stateless.
/// </summary>
internal static class EventDating
{
    private static readonly HashSet<string> ContinuationVerbs = WordSets.Of([
        "اضاف", "اضافت", "اوضح", "اوضحت", "تابع", "تابعت", "اردف", "اردفت", "استطرد", "استطردت", "لفت", "لفتت", "اشار", "اشارت",
        "اكد", "اكدت", "شدد", "شددت", "مضي", "مضت", "استدرك", "استدركت",
    ]);

    /// <summary>
    /// True when the sentence opens (after quote marks) with a speech verb that goes on with what was being told:
    /// وأضاف، وأوضح، وتابع، وأردف، ولفت … (the speaker and the occasion are those of the sentence before).
    /// </summary>
    public static bool ContinuesStatement(WordView[] words, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (words[i].IsPunct) continue;
            return words[i].Kind == TokenKind.ArabicWord && ContinuationVerbs.Contains(words[i].Bare);
        }
        return false;
    }

    /// <summary>
    /// Verbal acts (what is said, agreed, asked, rejected on an occasion), as opposed to material ones (sanctions,
    /// expulsions, attacks, aid, protests), which a statement may report without their having happened that day.
    /// </summary>
    public static bool IsVerbalAct(PloverType type) => type is PloverType.Consult or PloverType.Agree or PloverType.Support
        or PloverType.Request or PloverType.Accuse or PloverType.Reject or PloverType.Threaten or PloverType.Concede or PloverType.Cooperate;

    /// <summary>True when a relative pronoun (التي، الذي …) stands between the sentence start and the trigger: a background
    /// clause ("الاتهامات التي على أساسها فرض …") tells something that happened before.</summary>
    public static bool InRelativeClause(WordView[] words, int from, int trigger)
    {
        for (int i = from; i < trigger; i++)
            if (ClauseWords.RelativePronouns.Contains(words[i].Bare)) return true;
        return false;
    }

    /// <summary>
    /// The date of an event: among the expressions within 14 words of the trigger (words inside parentheses not counted;
    /// one across أن/إن, in another clause, only when the event's own clause has none),
    /// the most precise one (a day over a month over a year), then the nearest, an expression before the trigger winning ties.
    /// An expression that resolves after publication never dates an asserted event (it dates a plan, a deadline, a
    /// target year: «تستهدف عام 2030»).
    /// </summary>
    public static DateExpression? NearestDate(WordView[] words, List<DateExpression> exprs, TriggerMatch match, EventModality modality, DateOnly? published)
    {
        DateExpression? best = null;
        int bestScore = int.MaxValue;
        foreach (var d in exprs)
        {
            if (d.Value is not null && d.For(modality, published) is null) continue;
            int a = d.LastToken < match.First ? d.LastToken : match.Last;
            int b = d.LastToken < match.First ? match.First : d.FirstToken;
            int dist = 0, depth = 0;
            for (int i = a + 1; i < b; i++)
            {
                var w = words[i];
                if (w.Norm == "(") { depth++; continue; }
                if (w.Norm == ")") { depth = Math.Max(0, depth - 1); continue; }
                if (depth == 0 && !w.IsPunct) dist++;
            }
            if (dist > 14) continue;
            int score = (int)d.Precision * 100 + dist * 2 + (d.FirstToken > match.Last ? 1 : 0);
            // "أعلن اليوم أن … قد يلتقيان في يونيو": a date across أن belongs to the announcement; it dates the event
            // only when the event's own clause has none
            if (CrossesComplementizer(words, a, b)) score += 1000;
            if (d.Value is null) score += 50;
            if (score >= bestScore) continue;
            best = d;
            bestScore = score;
        }
        return best;
    }

    public static bool CrossesComplementizer(WordView[] words, int a, int b)
    {
        for (int i = a + 1; i < b; i++)
            if (ClauseWords.Complementizers.Contains(words[i].Bare) || words[i].Norm is "." or ":" or "؛") return true;
        return false;
    }
}
