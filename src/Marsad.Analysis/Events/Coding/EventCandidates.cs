using Marsad.Analysis.Documents;

namespace Marsad.Analysis.Events.Coding;

/// <summary>Builds an <see cref="EventCandidate"/> from what the trigger rules saw in one sentence.</summary>
internal static class EventCandidates
{
    /// <remarks><paramref name="args"/> are the actor mentions of the trigger's sentence (words [from, to)), <paramref name="previous"/>
    /// those of the sentence before (for back-references), <paramref name="src"/> and <paramref name="tgt"/> the rules' own reading.</remarks>
    public static EventCandidate Build(WordView[] words, int from, int to, TriggerMatch match, EventRecord rules, List<ArgumentMention> args,
        List<ArgumentMention> previous, List<ArgumentMention> src, List<ArgumentMention> tgt, int sentence, int sentenceCount, string register,
        IReadOnlyList<ArgumentMention>? documentTop = null, IReadOnlyList<ArgumentMention>? adjectives = null, string age = "")
    {
        var mentions = new List<ArgumentCandidate>(args.Count + previous.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int before = 0, after = 0;
        // nearest first on each side, so the rank features count outward from the trigger
        for (int i = args.Count - 1; i >= 0; i--)
        {
            var a = args[i];
            if (a.Last >= match.First) continue;
            mentions.Add(Make(a, false, before++, -1));
        }
        foreach (var a in args)
        {
            if (a.Last < match.First) continue;
            mentions.Add(Make(a, false, -1, a.First > match.Last ? after++ : -1));
        }
        // actors the rules made themselves (a role noun such as الشرطة with the nationality after it, a nationality adjective,
        // the last meeting's parties): not among the sentence's linked mentions, so the model sees them only if added here
        foreach (var a in RuleMade(src, args)) mentions.Add(Make(a, a.First < from, -1, -1, ruleMade: true));
        foreach (var a in RuleMade(tgt, args)) mentions.Add(Make(a, a.First < from, -1, -1, ruleMade: true));
        // nationality adjectives outside the linked mentions (صواريخ إسرائيلية): the country they name may be a party
        if (adjectives is not null)
            foreach (var a in adjectives)
                if (!src.Exists(x => x.First == a.First) && !tgt.Exists(x => x.First == a.First))
                    mentions.Add(Make(a, false, -1, -1, adjective: true));
        foreach (var a in previous)
            if (!args.Exists(x => x.Actor.Ref.Id == a.Actor.Ref.Id) && seen.Add(a.Actor.Ref.Id))
                mentions.Add(Make(a, true, -1, -1));
        // the document's most mentioned actors: an unnamed party is often the one the whole article is about (the army's
        // offensive is against the Houthis the article names elsewhere)
        if (documentTop is not null)
            for (int r = 0; r < documentTop.Count; r++)
            {
                var a = documentTop[r];
                if (mentions.Exists(m => m.Actor.Id == a.Actor.Ref.Id)) continue; // the event already has it
                var f = CandidateFeatures.DocumentActor(rules, a, r, src.Count > 0, tgt.Count > 0);
                mentions.Add(new ArgumentCandidate(a.Actor.Ref, a.Actor.Kind, ArgumentRole.None, f, MentionOrigin.DocumentTop));
            }
        var trigger = CandidateFeatures.Trigger(words, from, to, match.First, match.Last, match, rules, args.Count, sentence, sentenceCount, register, age);
        return new EventCandidate(rules, mentions, trigger, sentence);

        ArgumentCandidate Make(ArgumentMention a, bool prev, int rankBefore, int rankAfter, bool ruleMade = false, bool adjective = false)
        {
            var role = src.Contains(a) ? ArgumentRole.Source : tgt.Contains(a) ? ArgumentRole.Target : ArgumentRole.None;
            var features = CandidateFeatures.Mention(words, from, to, match.First, match.Last, match, rules, a, role, prev, rankBefore, rankAfter);
            if (ruleMade) features = CandidateFeatures.RuleMade(features, rules, role);
            if (adjective) features = CandidateFeatures.Adjective(features, rules);
            var origin = prev ? MentionOrigin.PreviousSentence : ruleMade ? MentionOrigin.RuleMade : adjective ? MentionOrigin.Adjective : MentionOrigin.Sentence;
            return new ArgumentCandidate(a.Actor.Ref, a.Actor.Kind, role, features, origin, a.Conj && !prev);
        }

        static IEnumerable<ArgumentMention> RuleMade(List<ArgumentMention> side, List<ArgumentMention> args)
        {
            foreach (var a in side)
                if (!args.Contains(a)) yield return a;
        }
    }
}
