using System.Globalization;
using Marsad.Analysis.Actors;
using Marsad.Analysis.Dates;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Text;
using Marsad.Analysis.Tokenization;

namespace Marsad.Analysis.Events;

/// <summary>
/// Codes events sentence by sentence: triggers from the <see cref="TriggerLexicon"/>, then for each trigger its
/// modality, source and target actors, date, location and topics, with the spans that support them.
/// Argument rules (Arabic VSO and SVO):
/// <list type="bullet">
/// <item>a verb's source is the first unprepositioned actor after it (VSO), else the nearest one before it (SVO);</item>
/// <item>a noun's source is the actor right after it (genitive: اجتماع بولتون), else, for a noun with a pronoun suffix
/// (اجتماعه) or none after it, the nearest unprepositioned actor before it;</item>
/// <item>the target is the first actor after the trigger governed by مع، بـ، لـ، إلى، على، ضد، من (or a direct object after the
/// source); for symmetric events an actor joined by و to the source is the co-participant;</item>
/// <item>بين X و Y names both participants; "بمبادرة من X" makes X the source; a dual (الجانبان، الرئيسان، المسؤولان)
/// refers to the participants of the previous event;</item>
/// <item>an AGREE/COOPERATE noun without actors of its own takes those of the event before it in the sentence (a meeting
/// "resulted in an agreement");</item>
/// <item>a proposal or invitation (اقترح، دعا) followed by a meeting folds the meeting into itself (CAMEO 036);</item>
/// <item>news agencies and outlets are never sources or targets (they relay).</item>
/// </list>
/// Immutable and thread-safe.
/// </summary>
public sealed class EventExtractor(TriggerLexicon lexicon, DateFinder dates, PlaceLexicon places, DemonymLexicon demonyms, GenericActorLexicon? agents = null)
{
    private readonly TriggerFilters filters = new(demonyms, agents);
    private readonly EventSetting setting = new(places);
    private static readonly HashSet<string> TargetPreps = WordSets.Of(["مع", "ب", "ل", "الي", "إلى", "على", "علي", "ضد", "من", "لدي", "تجاه", "حيال"]);
    private static readonly HashSet<string> StandalonePreps = WordSets.Of(["مع", "الي", "على", "علي", "ضد", "عن", "من", "في", "بين", "لدي", "حول", "عبر", "تجاه", "حيال", "بشان", "خلال", "منذ", "بعد", "قبل", "عقب", "وفق", "وفقا", "بحسب", "حسب"]);
    private static readonly HashSet<string> LocativeNouns = WordSets.Of([
        "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي", "قرب", "بالقرب", "محيط", "ضواحي", "انحاء", "داخل", "خارج",
        "اراضي", "حدود", "مدينه", "بلده", "قريه", "منطقه", "محافظه", "اقليم", "ولايه", "عاصمه", "مقاطعه", "ريف",
    ]);
    private static readonly HashSet<string> Duals = WordSets.Of(["الجانبان", "الجانبين", "الرئيسان", "الرئيسين", "المسؤولان", "المسؤولين", "البلدان", "البلدين", "الطرفان", "الطرفين", "الوزيران", "الوزيرين", "الزعيمان", "الزعيمين"]);
    private static readonly HashSet<string> TitleWords =
    WordSets.Of([
        "رئيس", "الرئيس", "وزير", "وزيره", "الوزير", "مستشار", "مستشاره", "نائب", "نائبه", "مساعد", "مساعده", "سكرتير", "امين", "الامين", "المتحدث", "المتحدثه",
        "باسم", "الرسمي", "الخارجيه", "الدفاع", "الامن", "القومي", "مجلس", "نظيره", "نظيرها", "نظيرهم", "المسؤول", "المسؤوله", "السفير", "السفيره", "وكيل", "وكيله",
        "الاول", "الوزراء", "حكومه", "رئيسه", "زعيم", "ممثل", "مبعوث", "المبعوث", "الخاص", "العام", "الامين", "قائد", "رئاسه", "اداره", "اداره", "الكرملين", "الابيض", "البيت",
        "للامن", "للشؤون", "الدوليه", "سيناتور", "النائب", "عضو", "العاصمه", "الحاكم", "حاكم", "ملك", "الملك", "امير", "الامير", "ولي", "العهد", "المرشد", "القائم", "باعمال",
        "سفير", "سفيري", "سفيرا", "سفراء", "قنصل", "ممثلو", "ممثلي", "مسؤول", "مسؤولو", "مسؤولي", "قاده", "زعماء", "رؤساء", "وزراء", "وزيري", "مستشاري", "متحدث", "متحدثه",
    ]);

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
        => Extract(docId, text, words, sentences, Arguments(text, words, mentions, actors), actors, published);

    /// <summary>Codes the events of one document from its argument mentions (<see cref="Arguments"/>; read, never changed).</summary>
    internal List<EventRecord> Extract(string docId, string text, WordView[] words, IReadOnlyList<TextSpan> sentences,
        List<ArgumentMention> allArgs, IActorDirectory actors, DateOnly? published, List<Coding.EventCandidate>? candidates = null)
    {
        var sentenceMatches = new List<TriggerMatch>();
        // word range of the last sentence long enough to code, whose mentions a candidate may take (read only for candidates)
        int previousFrom = 0, previousTo = 0;
        int sentenceIndex = -1;
        var events = new List<EventRecord>();
        var issuers = StatementIssuers(words, allArgs);
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
                var (src, tgt) = FindActors(words, from, to, match, args, lastParticipants, dateExprs);
                // an evaluative word (بناءة، مثمرة) is an event only as someone's judgement of something: a statement verb
                // gives the speaker, and the word must judge a meeting or be predicated (وصف … بـ، كانت، تعد)
                if ((entry.Flags & TriggerFlags.NeedsSpeaker) != 0 && !TriggerFilters.JudgesSomething(words, from, match, best)) continue;
                if (!SpeakerAsSource(words, from, match, args, actors, issuers, ref src, ref tgt) && (entry.Flags & TriggerFlags.NeedsSpeaker) != 0) continue;
                NationalityTarget(words, to, match, ref src, actors, ref tgt);
                if (agents is not null)
                {
                    GenericActors(text, words, from, to, match, ref src, ref tgt);
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
            else if (i - 2 >= from && !words[i - 2].IsPunct && StandalonePreps.Contains(words[i - 2].Bare)) prep = words[i - 2].Bare;
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

    /// <summary>Turns actor mentions into argument mentions with their governing preposition, collapsing title chains.</summary>
    internal static List<ArgumentMention> Arguments(string text, WordView[] words, IReadOnlyList<ActorMention> mentions, IActorDirectory actors)
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
                int k = first - 1, steps = 0;
                while (k >= 0 && steps < 6 && !words[k].IsPunct && IsTitle(words[k]) && !Overlaps(raw, k)) { head = k; k--; steps++; }
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

    private static bool Expressive(PloverType type) => type is PloverType.Agree or PloverType.Support or PloverType.Reject
        or PloverType.Accuse or PloverType.Threaten or PloverType.Request;
    private static readonly HashSet<string> StatementVerbs =
    WordSets.Of([
        "اعلن", "اعلنت", "اكد", "اكدت", "اعرب", "اعربت", "وصف", "وصفت", "اعتبر", "اعتبرت", "تعتبر", "يعتبر", "شدد", "شددت", "اشار", "اشارت",
        "اوضح", "اوضحت", "قال", "قالت", "ابدي", "ابدت", "جدد", "جددت", "عبر", "عبرت",
    ]);

    /// <summary>Who issued each statement: "بيان صادر عن X", "بيان لـX", "بيان X" (word index of بيان, the issuer).</summary>
    private static List<(int At, ArgumentMention Issuer)> StatementIssuers(WordView[] words, List<ArgumentMention> args)
    {
        var list = new List<(int, ArgumentMention)>();
        for (int i = 0; i < words.Length; i++)
        {
            // an indefinite بيان names its issuer right after it (بيان لمجلس…، بيان الكرملين، بيان صادر عن …); البيان refers back
            if (!words[i].Has("بيان") || words[i].Bare.StartsWith("ال", StringComparison.Ordinal)) continue;
            int k = i;
            int at = k + 1 < words.Length && words[k + 1].Bare is "صادر" or "صدر" ? k + 3 : k + 1;
            var issuer = args.Find(a => a.HeadFirst == at && !a.Actor.IsMedia && a.Actor.Kind != "person");
            if (issuer is not null) list.Add((i, issuer));
        }
        return list;
    }

    private bool SpeakerAsSource(WordView[] words, int from, TriggerMatch match, List<ArgumentMention> args, IActorDirectory actors,
        List<(int At, ArgumentMention Issuer)> issuers, ref List<ArgumentMention> src, ref List<ArgumentMention> tgt)
    {
        var entry = match.Entry;
        if (!Expressive(entry.Type) || match.VerbForm) return false;
        int verb = -1;
        for (int i = match.First - 1; i >= from && i >= match.First - 16; i--)
        {
            if (words[i].IsPunct && words[i].Kind != TokenKind.Quote && words[i].Norm is "." or "؛") break;
            if (StatementVerbs.Contains(words[i].Norm) || StatementVerbs.Contains(words[i].Bare)) { verb = i; break; }
        }
        if (verb < 0) return false;
        // the subject right after the verb (VSO), else the one before it (SVO)
        var speaker = args.Find(a => a.HeadFirst > verb && a.HeadFirst <= verb + 1 && a.Last < match.First && a.Prep.Length == 0 && !a.Actor.IsMedia && a.Actor.Kind != "city")
            ?? args.FindLast(a => a.Last < verb && a.Last >= verb - 6 && a.Prep.Length == 0 && !a.Actor.IsMedia);
        // "قالت المتحدثة ماريا زاخاروفا إن روسيا سترد": a reported act with a subject of its own is that subject's act
        // (an evaluative word stays the speaker's judgement)
        var own = (entry.Flags & TriggerFlags.NeedsSpeaker) == 0 ? ClauseSubject(words, verb, match, args) : null;
        if (own is not null) speaker = own;
        if (speaker is null) return true;
        // "أعلنت بساكي أن الإدارة الأميركية تعتبر …": a body's view reported by a named person is that person's statement
        if (speaker.Actor.Kind != "person" && own is null)
        {
            for (int i = Math.Min(verb, speaker.HeadFirst) - 1; i >= from && i >= verb - 30; i--)
            {
                if (!IsStatementVerb(words[i])) continue;
                int v2 = i;
                var outer = args.Find(a => a.HeadFirst > v2 && a.HeadFirst <= v2 + 1 && a.Prep.Length == 0 && a.Actor.Kind == "person")
                    ?? args.FindLast(a => a.Last < v2 && a.Last >= v2 - 3 && a.Prep.Length == 0 && a.Actor.Kind == "person");
                if (outer is not null) speaker = outer;
                break;
            }
        }
        // "الجانب الروسي أشار …" inside a statement of a Russian body (بيان صادر عن مجلس الأمن الروسي): that body speaks
        if (speaker.Actor.Kind != "person" && (speaker.MentionKind is ActorMentionKind.Demonym or ActorMentionKind.Coreference || speaker.Actor.Kind == "country" || speaker.Actor.Ref.Id.EndsWith("-gov", StringComparison.Ordinal)))
        {
            (int At, ArgumentMention Issuer)? last = null;
            foreach (var x in issuers) if (x.At < match.First && x.At >= match.First - 120) last = x;
            if (last is { } li && li.Issuer.Actor.Ref.Country == speaker.Actor.Ref.Country) speaker = li.Issuer with { };
        }
        var others = new List<ArgumentMention>();
        foreach (var a in src) if (a.Actor.Ref.Id != speaker.Actor.Ref.Id) others.Add(a);
        foreach (var a in tgt) if (a.Actor.Ref.Id != speaker.Actor.Ref.Id) others.Add(a);
        // actors named between the statement verb and the trigger ("أكد لبومبيو استعداد روسيا", "الاتصالات مع الولايات المتحدة تعد تطورا إيجابيا")
        foreach (var a in args)
            if (a.HeadFirst > verb && a.Last < match.First && a.Actor.Ref.Id != speaker.Actor.Ref.Id && !a.Actor.IsMedia && a.Actor.Kind != "city" && !others.Exists(o => o.Actor.Ref.Id == a.Actor.Ref.Id))
                others.Add(a);
        var foreign = others.FindAll(a => a.Actor.Ref.Country != speaker.Actor.Ref.Country);
        if (foreign.Count == 0)
        {
            // nationality words in between: "وصفت زاخاروفا المحادثات بين وزيري الخارجية الروسي والأمريكي بالبناءة"
            for (int i = verb + 1; i < match.First; i++)
            {
                var c = demonyms.CountryOf(words[i]);
                if (c is not null && c != speaker.Actor.Ref.Country && actors.TryGetCountry(c, out var ca) && !foreign.Exists(f => f.Actor.Ref.Id == ca.Ref.Id))
                    foreign.Add(new ArgumentMention(i, i, words[i].Start, words[i].End, ca, "", false));
            }
        }
        src = [speaker];
        tgt = foreign; // the speaker's own side is not its target; a nationality word after the trigger may still fill it
        return true;
    }

    private static readonly HashSet<string> ReportComplementizers = WordSets.Of(["ان", "انه", "انها", "بان", "بانه", "بانها"]);

    /// <summary>
    /// The subject of the reported clause a trigger is the predicate of: the unprepositioned actor right after the last
    /// أن/إن/بأن between the statement verb and the trigger, at most one word (لن، قد، سوف) before it ("… بأن الولايات
    /// المتحدة سترد"), or null. A trigger further on ("أن موسكو أعادت إلى الأذهان عدم قبول …") is left to the speaker.
    /// </summary>
    private static ArgumentMention? ClauseSubject(WordView[] words, int verb, TriggerMatch match, List<ArgumentMention> args)
    {
        for (int i = match.First - 1; i > verb; i--)
        {
            if (!ReportComplementizers.Contains(words[i].Norm) && !ReportComplementizers.Contains(words[i].Bare)) continue;
            int c = i;
            return args.Find(a => a.HeadFirst == c + 1 && a.Prep.Length == 0 && a.Last < match.First && a.Last >= match.First - 2 && !a.Actor.IsMedia && a.Actor.Kind != "city");
        }
        return null;
    }

    /// <summary>
    /// Unnamed actors fill empty sides: the trigger itself when it is a role noun (المتظاهرون), the word after a verb
    /// (قتل مسلحون) or right before it (المتظاهرون رددوا); for attacks and coercion, the role noun after the source is the
    /// target (قتل مسلحون ثلاثة جنود).
    /// </summary>
    private void GenericActors(string text, WordView[] words, int from, int to, TriggerMatch match, ref List<ArgumentMention> src, ref List<ArgumentMention> tgt)
    {
        int srcAt = -1;
        // after a noun of harm (مقتل، إصابة، اغتيال، خطف) the role noun is the victim, not the agent
        bool victimAfter = match.Entry.Type == PloverType.Assault && !match.VerbForm;
        // a role noun that is (part of) the trigger is its actor: "المتظاهرون"، "أحرق متظاهرون أعلام إسرائيل" — not a named
        // actor read from around it (after a noun of harm the role noun is the victim: left to the rules below)
        if (!victimAfter)
        {
            for (int i = match.First; i <= match.Last; i++)
            {
                if (words[i].IsPunct || AgentAt(text, words, i, to) is not { } own) continue;
                if (!src.Exists(x => x.First <= i && i <= x.Last)) src = [own];
                tgt.RemoveAll(x => x.First <= i && i <= x.Last);
                srcAt = i;
                break;
            }
        }
        bool fromAgentPhrase = false;
        if (AgentPhrase(words, to, match) is int agentAt && !src.Exists(x => x.HeadFirst >= agentAt))
        {
            for (int i = agentAt; i < to && i <= agentAt + 2; i++)
            {
                if (words[i].IsPunct || AgentAt(text, words, i, to) is not { } a) continue;
                // a named subject before a passive with an agent phrase is the one acted on
                if (tgt.Count == 0 && src.Count > 0) tgt = src;
                src = [a];
                srcAt = i;
                fromAgentPhrase = true;
                break;
            }
        }
        // "قام عدد من جنود المارينز بقتل …"، "قامت قوة من الشرطة بمداهمة …": the subject of قام does the act named by the
        // بـ noun after it
        if (src.Count == 0 && DoVerbBefore(words, from, match) is int doAt)
        {
            for (int i = doAt + 1; i < match.First && src.Count == 0; i++)
                if (!words[i].IsPunct && AgentAt(text, words, i, to) is { } a) { src = [a]; srcAt = i; }
            for (int i = doAt - 1; i >= from && i >= doAt - 3 && src.Count == 0; i--)
                if (!words[i].IsPunct && AgentAt(text, words, i, to) is { } a) { src = [a]; srcAt = i; }
        }
        if (src.Count == 0)
        {
            bool subjectBefore = victimAfter || match.VerbForm && AgreesWithSubjectBefore(words[match.First]);
            int[] candidates = subjectBefore ? [match.First - 1, match.First - 2, match.First - 3] : [match.First, match.Last + 1, match.Last + 2, match.First - 1, match.First - 2];
            foreach (int i in candidates)
            {
                if (i < from || i >= to || words[i].IsPunct) continue;
                if (AgentAt(text, words, i, to) is not { } a) continue;
                src = [a];
                srcAt = i;
                break;
            }
        }
        if (tgt.Count == 0 && match.Entry.Type is PloverType.Assault or PloverType.Coerce)
        {
            int startAt = Math.Max(match.Last, srcAt) + 1;
            // the victim comes right after the trigger when the agent is named after it: "قتل شرطي بنيران مسلحين"
            if (victimAfter || fromAgentPhrase) startAt = match.Last + 1;
            for (int i = startAt; i < to && i <= startAt + 4; i++)
            {
                if (words[i].IsPunct) break;
                if (AgentAt(text, words, i, to) is not { } a || src.Exists(x => x.First == i) || fromAgentPhrase && i >= srcAt) continue;
                tgt = [a];
                break;
            }
        }
    }

    /// <summary>A role noun at word i as an argument; a nationality adjective right after it gives it a country (الشرطة الروسية).</summary>
    private ArgumentMention? AgentAt(string text, WordView[] words, int i, int to)
    {
        string? country = i + 1 < to ? demonyms.CountryOf(words[i + 1]) : null;
        if (agents!.Match(text, words[i], country) is not { } a) return null;
        int last = country is null ? i : i + 1;
        return new ArgumentMention(i, last, words[i].Start, words[last].End, a, "", false);
    }

    private static bool NationalityTargets(PloverType type) => type is PloverType.Accuse or PloverType.Reject or PloverType.Sanction
        or PloverType.Threaten or PloverType.Coerce or PloverType.Assault;

    /// <summary>
    /// Nationality words right after the trigger name the target: "عدم جواز التدخل الأمريكي", "طرد 10 دبلوماسيين روس"
    /// (right after the trigger they outrank a later prepositional target); for a meeting or agreement without a target,
    /// "قمة روسية – أمريكية" names the parties other than the source.
    /// </summary>
    private void NationalityTarget(WordView[] words, int to, TriggerMatch match, ref List<ArgumentMention> src, IActorDirectory actors, ref List<ArgumentMention> tgt)
    {
        var type = match.Entry.Type;
        if (NationalityTargets(type))
        {
            for (int i = match.Last + 1; i < to && i <= match.Last + 3; i++)
            {
                if (tgt.Count > 0 && i > match.Last + 1) return;
                if (words[i].IsPunct) break;
                var country = demonyms.CountryOf(words[i]);
                if (country is null) continue;
                if (src.Exists(a => a.Actor.Ref.Country == country)) return;
                if (actors.TryGetCountry(country, out var actor))
                    tgt = [new ArgumentMention(i, i, words[i].Start, words[i].End, actor, "", false)];
                return;
            }
            return;
        }
        if (type is not (PloverType.Consult or PloverType.Agree) || tgt.Count > 0) return;
        var found = new List<ArgumentMention>();
        for (int i = match.Last + 1; i < to && i <= match.Last + 6; i++)
        {
            if (words[i].IsPunct && words[i].Norm is not ("–" or "-" or "/")) break;
            var country = demonyms.CountryOf(words[i]);
            if (country is null || src.Exists(a => a.Actor.Ref.Country == country) || found.Exists(f => f.Actor.Ref.Country == country)) continue;
            if (actors.TryGetCountry(country, out var actor))
                found.Add(new ArgumentMention(i, i, words[i].Start, words[i].End, actor, "", false));
        }
        if (found.Count > 0 && src.Count > 0) tgt = found;
        // "المحادثات بين وزيري الخارجية الروسي والأمريكي", "قمة روسية – أمريكية" with no actor named: the two countries
        else if (found.Count >= 2 && src.Count == 0)
        {
            src = [found[0]];
            tgt = found.GetRange(1, found.Count - 1);
        }
    }

    private (List<ArgumentMention> Src, List<ArgumentMention> Tgt) FindActors(WordView[] words, int from, int to, TriggerMatch match,
        List<ArgumentMention> args, List<ArgumentMention>? lastParticipants, List<DateExpression> dateExprs)
    {
        var entry = match.Entry;
        bool sym = (entry.Flags & TriggerFlags.Symmetric) != 0;
        var src = new List<ArgumentMention>();
        var tgt = new List<ArgumentMention>();
        // outlets relay and cities are places (a capital standing for its government is linked to the government);
        // a city may only be the target of an attack, a protest or coercion
        bool cityTargets = entry.Type is PloverType.Assault or PloverType.Protest or PloverType.Coerce;
        var usable = args.FindAll(a => !a.Actor.IsMedia && (cityTargets || a.Actor.Kind != "city"));

        // بمبادرة من X, near the trigger
        ArgumentMention? initiator = null;
        for (int i = Math.Max(from, match.First - 10); i + 1 < to && i <= match.Last + 4; i++)
            if (words[i].Has("مبادره") && words[i + 1].Bare == "من")
            {
                initiator = usable.Find(a => a.HeadFirst >= i + 2 && a.HeadFirst <= i + 4);
                break;
            }
        // بين X و Y right after the trigger (punctuation, a date, "بمبادرة من X" and جرى may come between)
        for (int i = match.Last + 1, counted = 0; i < to && counted <= 2; i++)
        {
            var wi = words[i];
            if (wi.Bare != "بين")
            {
                bool skip = wi.IsPunct || wi.Has("مبادره") || wi.Bare is "من" or "جري" or "جرت" or "تم"
                    || initiator is not null && i >= initiator.HeadFirst && i <= initiator.Last
                    || dateExprs.Exists(d => i >= d.FirstToken && i <= d.LastToken);
                if (!skip) counted++;
                continue;
            }
            var x = usable.Find(a => a.HeadFirst > i && a.HeadFirst <= i + 4);
            if (x is null) break;
            // "بين الرئيسين، بوتين وبايدن": the names after the dual; a dual linked to two actors shares one span
            var y = usable.Find(a => a != x && (a.Start == x.Start && a.End == x.End || a.First > x.Last && a.Conj && a.HeadFirst <= x.Last + 4));
            if (y is not null && y.Start == x.Start)
            {
                var x2 = usable.Find(a => a.First > x.Last && a.HeadFirst <= x.Last + 3 && a.Actor.Ref.Id == x.Actor.Ref.Id || a.First > x.Last && a.HeadFirst <= x.Last + 3 && a.Actor.Ref.Id == y.Actor.Ref.Id);
                if (x2 is not null) { var y2 = usable.Find(a => a.First > x2.Last && a.Conj && a.HeadFirst <= x2.Last + 3); if (y2 is not null) { x = x2; y = y2; } }
            }
            else if (y is null)
            {
                var x2 = usable.Find(a => a.First > x.Last && a.HeadFirst <= x.Last + 3 && a.Prep.Length == 0);
                var y2 = x2 is null ? null : usable.Find(a => a.First > x2.Last && a.Conj && a.HeadFirst <= x2.Last + 3);
                if (y2 is null) break;
                x = x2!;
                y = y2;
            }
            if (initiator is not null && sym)
            {
                // the participant from the initiator's side is the source: "بمبادرة من الجانب الأمريكي … بين X و Y"
                bool xSide = x.Actor.Ref.Country is not null && x.Actor.Ref.Country == initiator.Actor.Ref.Country;
                bool ySide = y.Actor.Ref.Country is not null && y.Actor.Ref.Country == initiator.Actor.Ref.Country;
                if (ySide && !xSide) { src.Add(y); tgt.Add(x); }
                else if (xSide && !ySide) { src.Add(x); tgt.Add(y); }
                else { src.Add(initiator); tgt.Add(x.Actor.Ref.Id == initiator.Actor.Ref.Id ? y : x); }
            }
            else
            {
                src.Add(x);
                if (sym) tgt.Add(y); else src.Add(y);
            }
            return (src, tgt);
        }

        bool verb = match.VerbForm;
        bool possessive = !verb && HasPronounSuffix(words[match.First]);
        ArgumentMention? s = null;
        if (verb)
        {
            // a verb agreeing with a plural or dual subject (هاجموا، فجرا، يتظاهرون) follows that subject: what comes after it
            // is its object
            if (!AgreesWithSubjectBefore(words[match.First]))
                s = usable.Find(a => a.HeadFirst > match.First && a.HeadFirst <= match.Last + 8 && a.Prep.Length == 0 && !a.Conj && !EventDating.CrossesComplementizer(words, match.First, a.HeadFirst)
                && !(a.First > match.First && a.Last < match.Last && match.MatchedWords == 1));
            // SVO: an unprepositioned actor right before the verb is its subject ("موسكو وواشنطن توصلتا")
            int before = usable.FindLastIndex(a => a.Last < match.First && a.Last >= match.First - 2 && a.Prep.Length == 0);
            if (before >= 0)
            {
                while (before > 0 && usable[before].Conj && usable[before - 1].Last >= usable[before].HeadFirst - 2) before--;
                if (usable[before].Prep.Length == 0) s = usable[before];
            }
        }
        else if (!possessive)
        {
            s = usable.Find(a => a.HeadFirst > match.Last && a.HeadFirst <= match.Last + 2 && a.Prep.Length == 0);
        }
        // a dual right at the trigger (الجانبان بحثا، التقى المسؤولان) refers to the participants of the previous event,
        // also when actor linking resolved it to one of them (وبحث الرئيسان → one president)
        if (s is not null && lastParticipants is not null && IsDual(words[s.HeadFirst])) s = null;
        if (s is null && lastParticipants is not null)
        {
            for (int i = Math.Max(from, match.First - 2); i <= Math.Min(to - 1, match.Last + 2); i++)
                if (IsDual(words[i]))
                {
                    src.Add(lastParticipants[0]);
                    for (int k = 1; k < lastParticipants.Count; k++)
                        if (sym) tgt.Add(lastParticipants[k]); else src.Add(lastParticipants[k]);
                    return (src, tgt);
                }
        }
        // A meeting noun inside a prepositional phrase ("الاستعدادات للقمة", "خلال لقاء") is not the clause's act: it takes
        // no subject from afar, unless a pronoun suffix names its owner (في اجتماعه). Agentive nouns (باقتراح) still do.
        bool governed = !verb && !possessive && entry.Type == PloverType.Consult && (match.AfterPreposition
            || match.First > from && StandalonePreps.Contains(words[match.First - 1].Bare));
        // A passive (تم التوصل، جرى الاتصال) names no agent: none is taken from afar.
        bool passive = match.First > from && words[match.First - 1].Bare is "تم" or "يتم" or "تتم" or "جري" or "جرت" or "يجري" or "تجري";
        if (s is null && !governed && !passive)
        {
            // nearest before, at the head of a coordinated chain, never from outside a quotation the trigger is in
            int window = possessive ? 60 : 14; // اجتماعه / محادثاته: the owner is the sentence's subject, however far
            int idx = usable.FindLastIndex(a => a.Last < match.First && a.Last >= match.First - window && a.Prep.Length == 0 && !a.Conj
                && !QuoteBetween(words, a.Last, match.First));
            // "وصفت زاخاروفا المحادثات …": the subject of a statement verb describes the event, it does not take part in it
            if (idx >= 0 && !possessive && usable[idx].HeadFirst > from && IsStatementVerb(words[usable[idx].HeadFirst - 1]) && usable[idx].Last >= match.First - 1)
                idx = -1;
            if (idx >= 0) s = usable[idx];
        }
        if (s is null && lastParticipants is not null)
        {
            for (int i = Math.Max(from, match.First - 3); i <= Math.Min(to - 1, match.Last + 3); i++)
                if (IsDual(words[i]))
                {
                    src.Add(lastParticipants[0]);
                    for (int k = 1; k < lastParticipants.Count; k++)
                        if (sym) tgt.Add(lastParticipants[k]); else src.Add(lastParticipants[k]);
                    return (src, tgt);
                }
        }
        // the agent of a passive or a noun of harm: "تم اغتصابها من قبل ضباط"، "قتل على يد مسلحين"، "قتل بنيران الجيش"
        // (what stood as the subject is then the one acted on: "13 إثيوبياً خطفوا على أيدي مسلحين")
        ArgumentMention? patient = null;
        if (AgentPhrase(words, to, match) is int agentAt && usable.Find(a => a.HeadFirst >= agentAt && a.HeadFirst <= agentAt + 2) is { } agent)
        {
            if (s is not null && s.Actor.Ref.Id != agent.Actor.Ref.Id) patient = s;
            s = agent;
        }
        if (s is not null)
        {
            src.Add(s);
            // و-joined co-participants right after the source
            var cur = s;
            while (true)
            {
                var next = usable.Find(a => a.First > cur.Last && a.HeadFirst <= cur.Last + 2 && a.Conj);
                if (next is null || next.Actor.Ref.Id == s.Actor.Ref.Id) break;
                if (sym) tgt.Add(next); else src.Add(next);
                cur = next;
            }
        }
        if (tgt.Count == 0)
        {
            int after = s is not null && s.First > match.First ? s.Last : verb ? match.First : match.Last;
            var t = usable.Find(a => a.HeadFirst > after && a.HeadFirst <= after + 12 && (TargetPreps.Contains(a.Prep) || verb && a.Prep.Length == 0 && !a.Conj)
                && (s is null || a.Actor.Ref.Id != s.Actor.Ref.Id) && !EventDating.CrossesComplementizer(words, after, a.HeadFirst)
                && !(a.Prep == "مع" && verb && ObjectBetween(words, after, a.HeadFirst, args, dateExprs)));
            if (t is not null)
            {
                tgt.Add(t);
                var cur = t;
                while (true)
                {
                    var next = usable.Find(a => a.First > cur.Last && a.HeadFirst <= cur.Last + 2 && a.Conj);
                    if (next is null) break;
                    tgt.Add(next);
                    cur = next;
                }
            }
        }
        if (patient is not null && tgt.Count == 0) tgt.Add(patient);
        if (initiator is not null && sym && src.Count > 0 && src[0].Actor.Ref.Id != initiator.Actor.Ref.Id)
        {
            // the initiator's side is the source: its own participant when one is named, else the initiator itself
            var others = new List<ArgumentMention>(src.Count + tgt.Count);
            others.AddRange(src);
            others.AddRange(tgt);
            var own = others.Find(o => o.Actor.Ref.Country is not null && o.Actor.Ref.Country == initiator.Actor.Ref.Country);
            src = [own ?? initiator];
            tgt = others.FindAll(o => o.Actor.Ref.Id != src[0].Actor.Ref.Id && (own is not null || o.Actor.Ref.Country != initiator.Actor.Ref.Country));
            if (tgt.Count == 0) tgt = others.FindAll(o => o.Actor.Ref.Id != src[0].Actor.Ref.Id);
        }
        src.RemoveAll(a => a.Actor.Kind == "city");
        // never the same actor on both sides
        tgt.RemoveAll(t => src.Exists(x => x.Actor.Ref.Id == t.Actor.Ref.Id));
        return (src, tgt);
    }

    /// <summary>
    /// "بحثت نولاند في موسكو الاتصالات المستقبلية مع بايدن": a definite object noun between the verb and مع takes the
    /// مع phrase (contacts with Biden), so it is not the verb's co-participant. Actors, dates and في-places do not count.
    /// </summary>
    private static bool ObjectBetween(WordView[] words, int a, int b, List<ArgumentMention> args, List<DateExpression> dateExprs)
    {
        for (int i = a + 1; i < b; i++)
        {
            var w = words[i];
            if (w.Kind != TokenKind.ArabicWord || !w.Bare.StartsWith("ال", StringComparison.Ordinal) || w.Bare.Length < 5) continue;
            int k = i;
            if (args.Exists(x => k >= x.HeadFirst && k <= x.Last) || dateExprs.Exists(d => k >= d.FirstToken && k <= d.LastToken)) continue;
            if (i > 0 && words[i - 1].Bare is "في" or "الي" or "من" or "عن" or "علي" or "على") continue;
            return true;
        }
        return false;
    }

    // true when a quotation opens between a and b and is still open at b (the trigger is quoted, the actor is not)
    private static bool QuoteBetween(WordView[] words, int a, int b)
    {
        int marks = 0;
        for (int i = a + 1; i < b; i++)
            if (words[i].Kind == TokenKind.Quote) marks++;
        return marks % 2 == 1;
    }

    private static bool IsStatementVerb(WordView w) => StatementVerbs.Contains(w.Norm) || StatementVerbs.Contains(w.Bare);

    private static bool IsDual(WordView w)
    {
        foreach (var f in w.Forms)
            if (Duals.Contains(f.Text)) return true;
        return false;
    }

    private static bool HasPronounSuffix(WordView w)
    {
        string n = w.Bare;
        return n.Length >= 5 && (n.EndsWith('ه') && !n.EndsWith("اه", StringComparison.Ordinal) && (n.EndsWith("ته", StringComparison.Ordinal) || n.EndsWith("ئه", StringComparison.Ordinal) || n.EndsWith("عه", StringComparison.Ordinal) || n.EndsWith("اته", StringComparison.Ordinal)) || n.EndsWith("ها", StringComparison.Ordinal) || n.EndsWith("هم", StringComparison.Ordinal) || n.EndsWith("هما", StringComparison.Ordinal));
    }

    /// <summary>
    /// The word after an agent phrase within ten words after the trigger (من قبل، على يد، على أيدي، بنيران، برصاص), or null;
    /// the phrase names who did the act whatever the trigger's voice.
    /// </summary>
    private static readonly HashSet<string> DoVerbs = WordSets.Of(["قام", "قامت", "قاموا", "قاما", "قامتا", "يقوم", "تقوم", "يقومون", "يقومان", "تقومان"]);

    /// <summary>
    /// The index of قام/تقوم … within eight words before a trigger read as a بـ noun (قام … بقتل), with no sentence
    /// punctuation between; null otherwise.
    /// </summary>
    private static int? DoVerbBefore(WordView[] words, int from, TriggerMatch match)
    {
        if (!match.AfterPreposition || words[match.First].Bare.Length < 2 || words[match.First].Bare[0] != 'ب') return null;
        for (int i = match.First - 1; i >= from && i >= match.First - 8; i--)
        {
            if (words[i].Norm is "." or "؛" or ":" or "،" or ",") return null;
            if (DoVerbs.Contains(words[i].Bare)) return i;
        }
        return null;
    }

    private static readonly HashSet<string> ClauseLinks = WordSets.Of(["بينما", "فيما", "حيث", "ثم", "كما", "لكن", "بعد", "قبل", "عندما", "حين", "اثر", "عقب"]);

    internal static int? AgentPhrase(WordView[] words, int to, TriggerMatch match)
    {
        for (int i = match.Last + 1; i < to && i <= match.Last + 10; i++)
        {
            var w = words[i];
            if (w.Norm is "." or "؛" or ":" or "،" or "," || ClauseWords.Complementizers.Contains(w.Bare) || ClauseLinks.Contains(w.Bare)) return null;
            if (w.Norm is "بنيران" or "برصاص") return i + 1;
            if (i + 1 >= to) return null;
            string next = words[i + 1].Norm;
            if (w.Bare == "من" && next == "قبل" || w.Bare is "علي" or "على" && next is "يد" or "ايدي") return i + 2;
        }
        return null;
    }

    /// <summary>
    /// True for a verb carrying a plural or dual subject ending (فعلوا، فعلا، فعلتا، يفعلون، يفعلان): in Arabic a verb before
    /// its subject stays singular (هاجم المستوطنون), so such a verb has its subject before it (المستوطنون هاجموا) or in itself.
    /// </summary>
    internal static bool AgreesWithSubjectBefore(WordView w)
    {
        if (w.Kind != TokenKind.ArabicWord) return false;
        foreach (var f in w.Forms)
        {
            if ((f.Kind & FormKind.Verb) == 0) continue;
            string t = f.Text;
            // فعلوا، فعلا، فعلتا، يفعلا (a singular verb ending in ا is a three-letter one: دعا، بدا)
            if (t.Length >= 4 && t[^1] == 'ا' && t[^2] != 'ا') return true;
            if (t.Length >= 5 && t[0] is 'ي' or 'ت' && (t.EndsWith("ون", StringComparison.Ordinal) || t.EndsWith("ان", StringComparison.Ordinal))) return true;
        }
        return false;
    }

}
