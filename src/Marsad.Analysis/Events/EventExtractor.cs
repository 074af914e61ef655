using System.Globalization;
using Marsad.Analysis.Actors;
using Marsad.Analysis.Dates;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Text;
using Marsad.Analysis.Tokenization;

namespace Marsad.Analysis.Events;

/// <summary>
/// Codes events sentence by sentence, in this order for each trigger the <see cref="TriggerLexicon"/> finds:
/// <see cref="TriggerFilters"/> (does it tell an event of its own), <see cref="Modality"/>, the
/// <see cref="ArgumentRules"/> (source and target), <see cref="EventDating"/> (date), <see cref="EventSetting"/>
/// (location, meeting kind, topics); then the mentions of one event in one sentence are merged, a definite event noun
/// naming no party adds its span to the event it refers back to, an AGREE/COOPERATE noun without actors of its own takes
/// those of the event before it in the sentence (a meeting "resulted in an agreement"), and a proposal or invitation
/// followed by a meeting folds the meeting into itself (CAMEO 036). With the trained coder, each event is also an
/// <see cref="Coding.EventCandidate"/>. Immutable and thread-safe.
/// </summary>
public sealed class EventExtractor(TriggerLexicon lexicon, DateFinder dates, PlaceLexicon places, DemonymLexicon demonyms, GenericActorLexicon? agents = null)
{
    private readonly TriggerFilters filters = new(demonyms, agents);
    private readonly EventSetting setting = new(places);
    private readonly ArgumentRules arguments = new(demonyms, agents);

    /// <summary>Codes the events of one document.</summary>
    /// <param name="docId">Prefix for event ids.</param>
    /// <param name="text">Original text.</param>
    /// <param name="words">Word views of all tokens.</param>
    /// <param name="sentences">Sentence spans.</param>
    /// <param name="mentions">Actor mentions (any order).</param>
    /// <param name="actors">Actor look-up.</param>
    /// <param name="published">Publication date for resolving relative dates.</param>
    public List<EventRecord> Extract(string docId, string text, WordView[] words, IReadOnlyList<TextSpan> sentences,
        IReadOnlyList<ActorMention> mentions, IActorDirectory actors, DateOnly? published)
        => Extract(docId, text, words, sentences, ArgumentMentions.Read(text, words, mentions, actors), actors, published);

    /// <summary>Codes the events of one document from its argument mentions (<see cref="ArgumentMentions.Read"/>; read, never changed).</summary>
    internal List<EventRecord> Extract(string docId, string text, WordView[] words, IReadOnlyList<TextSpan> sentences,
        List<ArgumentMention> allArgs, IActorDirectory actors, DateOnly? published, List<Coding.EventCandidate>? candidates = null)
    {
        var sentenceMatches = new List<TriggerMatch>();
        // word range of the last sentence long enough to code, whose mentions a candidate may take (read only for candidates)
        int previousFrom = 0, previousTo = 0;
        int sentenceIndex = -1;
        var events = new List<EventRecord>();
        var issuers = ArgumentRules.StatementIssuers(words, allArgs);
        string register = candidates is null ? "" : Coding.CandidateFeatures.Register(words);
        List<ArgumentMention>? lastParticipants = null;
        var documentTop = candidates is null ? null : DocumentTop(allArgs, 2);
        var matches = new List<TriggerMatch>();
        int tokenIndex = 0;
        // the date of the account the previous sentence told, for a sentence that goes on with it (وأضاف أن …)
        DateExpression? told = null;
        foreach (var sentence in sentences)
        {
            while (tokenIndex < words.Length && words[tokenIndex].End <= sentence.Start) tokenIndex++;
            int from = tokenIndex, to = from;
            while (to < words.Length && words[to].Start < sentence.End) to++;
            tokenIndex = to;
            sentenceIndex++;
            if (to - from < 2) continue;
            var inherited = EventDating.ContinuesStatement(words, from, to) ? told : null;
            told = inherited;
            matches.Clear();
            lexicon.Match(words, from, to, matches);
            int beforeFrom = previousFrom, beforeTo = previousTo;
            (previousFrom, previousTo) = (from, to);
            if (matches.Count == 0) continue;
            var best = TriggerLexicon.SelectBest(matches);
            var args = allArgs.FindAll(a => a.First >= from && a.Last < to);
            sentenceMatches.Clear();
            var dateExprs = dates.Find(text, words, from, to, published);
            var sentenceEvents = new List<(EventRecord Record, List<ArgumentMention> Src, List<ArgumentMention> Tgt)>();
            for (int m = 0; m < best.Count; m++)
            {
                var match = best[m];
                var entry = match.Entry;
                string cameo = entry.Cameo, rule = entry.Id;
                var type = entry.Type;
                string? mode = entry.Mode;
                // a proposal or invitation followed by a meeting: the meeting is what is proposed (CAMEO 036)
                if ((entry.Flags & (TriggerFlags.Proposes | TriggerFlags.Invites)) != 0)
                {
                    for (int n = m + 1; n < best.Count && best[n].First - match.Last <= 7; n++)
                    {
                        if (best[n].Entry.Type != PloverType.Consult) continue;
                        cameo = "036";
                        if (type == PloverType.Request) mode = "meet";
                        rule = entry.Id + "+" + best[n].Entry.Id;
                        best.RemoveAt(n);
                        break;
                    }
                }
                if (TriggerFilters.IsDateWordOnly(match, dateExprs)) continue;
                if ((entry.Flags & TriggerFlags.NeedsCrowd) != 0 && !filters.CrowdGathers(text, words, from, to, match)) continue;
                var modality = Modality.Of(words, from, match, entry);
                // "سترد على أي هجمات تستهدفها"، "هددت بشن غارات": an act any one of which would be answered, or the act a
                // threat announces, has not happened (a negated one is kept: لم يوجه أي اتهامات)
                if (modality != EventModality.Negated && (TriggerFilters.UnderAny(words, from, match) || TriggerFilters.ThreatObject(words, best, m))) continue;
                // "عقب اللقاء"، "إن المحادثات كانت بناءة": a definite noun naming no party of its own refers back to the
                // event of its type told before; it is one more mention of that event, not a new one with arguments
                // taken from around it
                if (modality == EventModality.Asserted && filters.RefersBack(text, words, to, match, args))
                {
                    var span = new TextSpan(words[match.First].Start, words[match.Last].End);
                    int k = sentenceEvents.FindLastIndex(e => SameKind(e.Record, type, mode));
                    if (k >= 0)
                    {
                        var d = sentenceEvents[k];
                        sentenceEvents[k] = (d.Record with { Evidence = [.. d.Record.Evidence, span] }, d.Src, d.Tgt);
                        continue;
                    }
                    k = events.FindLastIndex(e => SameKind(e, type, mode));
                    if (k >= 0)
                    {
                        events[k] = events[k] with { Evidence = [.. events[k].Evidence, span] };
                        continue;
                    }
                }
                var (src, tgt) = arguments.FindActors(words, from, to, match, args, lastParticipants, dateExprs);
                // an evaluative word (بناءة، مثمرة) is an event only as someone's judgement of something: a statement verb
                // gives the speaker, and the word must judge a meeting or be predicated (وصف … بـ، كانت، تعد)
                if ((entry.Flags & TriggerFlags.NeedsSpeaker) != 0 && !TriggerFilters.JudgesSomething(words, from, match, best)) continue;
                if (!arguments.SpeakerAsSource(words, from, match, args, actors, issuers, ref src, ref tgt) && (entry.Flags & TriggerFlags.NeedsSpeaker) != 0) continue;
                arguments.NationalityTarget(words, to, match, ref src, actors, ref tgt);
                if (agents is not null)
                {
                    arguments.GenericActors(text, words, from, to, match, ref src, ref tgt);
                    // "اعتقلت الشرطة الروسية": the nationality read as the target belongs to the police that act
                    var agentSrc = src;
                    bool InsideAgent(ArgumentMention t) => agentSrc.Exists(a => a.Actor.Kind == "agent" && a.First <= t.First && t.Last <= a.Last);
                    if (tgt.Exists(InsideAgent)) tgt = tgt.FindAll(t => !InsideAgent(t));
                }
                // "قال الوزير إن المحادثات كانت بناءة" judges talks and praises no one: an evaluative word is support only
                // for another party named with it (its target); أشاد بـ، رحب بـ، أثنى على are verbs and name theirs
                if ((entry.Flags & TriggerFlags.NeedsSpeaker) != 0 && tgt.Count == 0) continue;
                if (src.Count == 0 && tgt.Count == 0 && (type is PloverType.Agree or PloverType.Cooperate or PloverType.Support) && sentenceEvents.Count > 0)
                {
                    var prev = sentenceEvents[^1];
                    src = [.. prev.Src, .. prev.Tgt];
                    tgt = [];
                }
                var date = EventDating.NearestDate(words, dateExprs, match, modality, published);
                // "وأوضح أن الجانب الروسي أشار إلى …" after a dated account: a reported past event without a date of its
                // own happened on the occasion that account dated
                if (date is null && inherited is not null && modality == EventModality.Asserted && EventDating.IsVerbalAct(type) && !EventDating.InRelativeClause(words, from, match.First))
                    date = inherited;
                string? dateValue = date?.For(modality, published);
                var (location, locSpan) = setting.FindLocation(words, from, to, match, type);
                if ((entry.Flags & TriggerFlags.Meeting) != 0 && location is not null)
                    (mode, cameo) = EventSetting.RefineMeeting(location, src, tgt, mode, cameo);
                var topics = type == PloverType.Consult ? EventSetting.Topics(text, words, match, to, args, dateExprs) : [];
                var evidence = new List<TextSpan> { new(words[match.First].Start, words[match.Last].End) };
                foreach (var a in src) evidence.Add(new TextSpan(a.Start, a.End));
                foreach (var a in tgt) evidence.Add(new TextSpan(a.Start, a.End));
                if (date is not null) evidence.Add(new TextSpan(date.Start, date.End));
                if (locSpan is { } ls) evidence.Add(ls);
                var record = new EventRecord
                {
                    Id = docId + "-e" + (events.Count + sentenceEvents.Count + 1).ToString(CultureInfo.InvariantCulture),
                    Type = type,
                    Mode = mode,
                    Cameo = cameo,
                    Source = Refs(src),
                    Target = Refs(tgt),
                    Date = dateValue,
                    DateText = date?.Text,
                    DateKind = date?.Kind,
                    Location = location,
                    Topics = topics,
                    Modality = modality,
                    Trigger = new TriggerInfo(text[words[match.First].Start..words[match.Last].End], words[match.First].Start, words[match.Last].End),
                    Rule = rule,
                    Evidence = evidence,
                };
                // the same event told twice in one sentence (قد يلتقيان في قمة): keep one, with both pieces of evidence
                // (التقى بوتين مع بايدن وبحثا …: a later mention whose actors are among an earlier one's is the same event)
                int dup = sentenceEvents.FindIndex(e => e.Record.Type == type && e.Record.Modality == modality && Within(src, tgt, e.Src, e.Tgt));
                if (dup >= 0)
                {
                    var d = sentenceEvents[dup];
                    sentenceEvents[dup] = (d.Record with { Evidence = [.. d.Record.Evidence, .. evidence], Date = d.Record.Date ?? record.Date, DateText = d.Record.DateText ?? record.DateText, DateKind = d.Record.DateText is null ? record.DateKind : d.Record.DateKind, Location = d.Record.Location ?? record.Location }, d.Src, d.Tgt);
                    continue;
                }
                sentenceEvents.Add((record, src, tgt));
                sentenceMatches.Add(match);
                if (src.Count + tgt.Count >= 2 && modality != EventModality.Negated && (entry.Flags & TriggerFlags.Symmetric) != 0) lastParticipants = [.. src, .. tgt];
            }
            var before = candidates is null || sentenceEvents.Count == 0 ? null : allArgs.FindAll(a => a.First >= beforeFrom && a.Last < beforeTo);
            var adjectives = candidates is null || sentenceEvents.Count == 0 ? null : NationalityAdjectives(words, from, to, args, actors);
            for (int i = 0; i < sentenceEvents.Count; i++)
            {
                var e = sentenceEvents[i];
                events.Add(e.Record);
                candidates?.Add(Coding.EventCandidates.Build(words, from, to, sentenceMatches[i], e.Record, args, before!, e.Src, e.Tgt,
                    sentenceIndex, sentences.Count, register, documentTop, adjectives, Coding.CandidateFeatures.Age(e.Record.Date, published)));
            }
            if (LastDate(sentenceEvents, dateExprs) is { } own) told = own;
        }
        return events;
    }

    /// <summary>
    /// Nationality adjectives of the sentence outside every actor mention (طائرات حربية إسرائيلية، الاتفاق النووي
    /// الإيراني، مواقع إيرانية), each as a mention of its country with the preposition of the noun it describes: candidates
    /// for the trained coder, which learns when such a word names a party.
    /// </summary>
    private List<ArgumentMention> NationalityAdjectives(WordView[] words, int from, int to, List<ArgumentMention> args, IActorDirectory actors)
    {
        var list = new List<ArgumentMention>();
        for (int i = from + 1; i < to; i++)
        {
            if (words[i].IsPunct || demonyms.CountryOf(words[i]) is not { } iso || !actors.TryGetCountry(iso, out var country)) continue;
            bool inside = false;
            foreach (var a in args)
                if (i >= a.HeadFirst && i <= a.Last) { inside = true; break; }
            if (inside) continue;
            // the noun it describes stands right before it: its preposition is glued to it (بمواقع إيرانية) or stands
            // before it (على مواقع إيرانية)
            var noun = words[i - 1];
            string prep = "";
            if (!noun.IsPunct && noun.Norm.Length > noun.Bare.Length && noun.Norm[0] is 'ب' or 'ل') prep = noun.Norm[0].ToString();
            else if (i - 2 >= from && !words[i - 2].IsPunct && ArgumentMentions.StandalonePreps.Contains(words[i - 2].Bare)) prep = words[i - 2].Bare;
            list.Add(new ArgumentMention(i, i, words[i].Start, words[i].End, country, prep, false) { MentionKind = ActorMentionKind.Demonym });
        }
        return list;
    }

    /// <summary>The document's most mentioned actors (at least twice; media and cities left out), most mentioned first.</summary>
    private static List<ArgumentMention> DocumentTop(List<ArgumentMention> args, int n)
    {
        var counts = new Dictionary<string, (ArgumentMention First, int Count)>(StringComparer.Ordinal);
        foreach (var a in args)
        {
            if (a.Actor.IsMedia || a.Actor.Kind == "city") continue;
            counts[a.Actor.Ref.Id] = counts.TryGetValue(a.Actor.Ref.Id, out var c) ? (c.First, c.Count + 1) : (a, 1);
        }
        var list = new List<(ArgumentMention First, int Count)>(counts.Values);
        list.RemoveAll(x => x.Count < 2);
        list.Sort((x, y) => y.Count != x.Count ? y.Count.CompareTo(x.Count) : x.First.First.CompareTo(y.First.First));
        var top = new List<ArgumentMention>(n);
        for (int i = 0; i < list.Count && i < n; i++) top.Add(list[i].First);
        return top;
    }

    /// <summary>An earlier event a back-reference may mention: the same type, not negated, the same mode when the trigger has one.</summary>
    private static bool SameKind(EventRecord e, PloverType type, string? mode)
        => e.Type == type && e.Modality != EventModality.Negated && (mode is null || e.Mode == mode);

    /// <summary>The date expression of the last dated asserted event of a sentence (the account's occasion), if any.</summary>
    private static DateExpression? LastDate(List<(EventRecord Record, List<ArgumentMention> Src, List<ArgumentMention> Tgt)> sentenceEvents, List<DateExpression> dateExprs)
    {
        for (int i = sentenceEvents.Count - 1; i >= 0; i--)
        {
            var r = sentenceEvents[i].Record;
            if (r.Date is null || r.Modality != EventModality.Asserted) continue;
            foreach (var d in dateExprs)
                if (d.Value == r.Date && d.Text == r.DateText) return d;
        }
        return null;
    }

    private static bool Within(List<ArgumentMention> src, List<ArgumentMention> tgt, List<ArgumentMention> bigSrc, List<ArgumentMention> bigTgt)
    {
        foreach (var x in src)
            if (!bigSrc.Exists(y => y.Actor.Ref.Id == x.Actor.Ref.Id) && !bigTgt.Exists(y => y.Actor.Ref.Id == x.Actor.Ref.Id)) return false;
        foreach (var x in tgt)
            if (!bigSrc.Exists(y => y.Actor.Ref.Id == x.Actor.Ref.Id) && !bigTgt.Exists(y => y.Actor.Ref.Id == x.Actor.Ref.Id)) return false;
        return true;
    }

    private static List<ActorRef> Refs(List<ArgumentMention> list)
    {
        var refs = new List<ActorRef>(list.Count);
        foreach (var a in list)
            if (!refs.Exists(r => r.Id == a.Actor.Ref.Id)) refs.Add(a.Actor.Ref);
        return refs;
    }

}
