using Marsad.Analysis.Actors;
using Marsad.Analysis.Dates;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Text;
using Marsad.Analysis.Tokenization;

namespace Marsad.Analysis.Events;

/// <summary>
/// The argument rules (Arabic VSO and SVO), which read a trigger's source and target from the words around it:
/// <list type="bullet">
/// <item>a verb's source is the first unprepositioned actor after it (VSO), else the nearest one before it (SVO);</item>
/// <item>a noun's source is the actor right after it (genitive: اجتماع بولتون), else, for a noun with a pronoun suffix
/// (اجتماعه) or none after it, the nearest unprepositioned actor before it;</item>
/// <item>the target is the first actor after the trigger governed by مع، بـ، لـ، إلى، على، ضد، من (or a direct object after the
/// source); for symmetric events an actor joined by و to the source is the co-participant;</item>
/// <item>بين X و Y names both participants; "بمبادرة من X" makes X the source; a dual (الجانبان، الرئيسان، المسؤولان)
/// refers to the participants of the previous event;</item>
/// <item>a statement's speaker is the source of an expressive act it reports; a nationality after the trigger is its
/// target; a role noun (الشرطة، المسلحون) is an actor of its own;</item>
/// <item>news agencies and outlets are never sources or targets (they relay).</item>
/// </list>
/// The trained coder reads these as candidates, not as decisions. Immutable and thread-safe.
/// </summary>
internal sealed class ArgumentRules(DemonymLexicon demonyms, GenericActorLexicon? agents)
{
    private static readonly HashSet<string> TargetPreps = WordSets.Of(["مع", "ب", "ل", "الي", "إلى", "على", "علي", "ضد", "من", "لدي", "تجاه", "حيال"]);

    private static readonly HashSet<string> Duals = WordSets.Of(["الجانبان", "الجانبين", "الرئيسان", "الرئيسين", "المسؤولان", "المسؤولين", "البلدان", "البلدين", "الطرفان", "الطرفين", "الوزيران", "الوزيرين", "الزعيمان", "الزعيمين"]);

    private static bool Expressive(PloverType type) => type is PloverType.Agree or PloverType.Support or PloverType.Reject
        or PloverType.Accuse or PloverType.Threaten or PloverType.Request;

    private static readonly HashSet<string> StatementVerbs =
    WordSets.Of([
        "اعلن", "اعلنت", "اكد", "اكدت", "اعرب", "اعربت", "وصف", "وصفت", "اعتبر", "اعتبرت", "تعتبر", "يعتبر", "شدد", "شددت", "اشار", "اشارت",
        "اوضح", "اوضحت", "قال", "قالت", "ابدي", "ابدت", "جدد", "جددت", "عبر", "عبرت",
    ]);

    /// <summary>Who issued each statement: "بيان صادر عن X", "بيان لـX", "بيان X" (word index of بيان, the issuer).</summary>
    public static List<(int At, ArgumentMention Issuer)> StatementIssuers(WordView[] words, List<ArgumentMention> args)
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

    public bool SpeakerAsSource(WordView[] words, int from, TriggerMatch match, List<ArgumentMention> args, IActorDirectory actors,
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
    public void GenericActors(string text, WordView[] words, int from, int to, TriggerMatch match, ref List<ArgumentMention> src, ref List<ArgumentMention> tgt)
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
    public void NationalityTarget(WordView[] words, int to, TriggerMatch match, ref List<ArgumentMention> src, IActorDirectory actors, ref List<ArgumentMention> tgt)
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

    public (List<ArgumentMention> Src, List<ArgumentMention> Tgt) FindActors(WordView[] words, int from, int to, TriggerMatch match,
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
        if (s is null && lastParticipants is not null && DualNear(2)) return TakeParticipants(lastParticipants);
        // A meeting noun inside a prepositional phrase ("الاستعدادات للقمة", "خلال لقاء") is not the clause's act: it takes
        // no subject from afar, unless a pronoun suffix names its owner (في اجتماعه). Agentive nouns (باقتراح) still do.
        bool governed = !verb && !possessive && entry.Type == PloverType.Consult && (match.AfterPreposition
            || match.First > from && ArgumentMentions.StandalonePreps.Contains(words[match.First - 1].Bare));
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
        if (s is null && lastParticipants is not null && DualNear(3)) return TakeParticipants(lastParticipants);
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

        // a dual (الجانبان، الرئيسان) within reach words of the trigger
        bool DualNear(int reach)
        {
            for (int i = Math.Max(from, match.First - reach); i <= Math.Min(to - 1, match.Last + reach); i++)
                if (IsDual(words[i])) return true;
            return false;
        }
        // the previous event's participants: the first as source, the others as co-participants (symmetric) or sources
        (List<ArgumentMention> Src, List<ArgumentMention> Tgt) TakeParticipants(List<ArgumentMention> last)
        {
            src.Add(last[0]);
            for (int k = 1; k < last.Count; k++)
                if (sym) tgt.Add(last[k]); else src.Add(last[k]);
            return (src, tgt);
        }
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

    /// <summary>
    /// The word where the agent of a passive or an act noun starts (قتل ثلاثة برصاص الجيش، تم اعتقاله من قبل الشرطة، على يد
    /// مسلحين), within ten words after the trigger and in its clause; null when there is none.
    /// </summary>
    public static int? AgentPhrase(WordView[] words, int to, TriggerMatch match)
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
    public static bool AgreesWithSubjectBefore(WordView w)
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
