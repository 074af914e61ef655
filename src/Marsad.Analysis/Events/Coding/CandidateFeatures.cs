using Marsad.Analysis.Documents;
using Marsad.Analysis.Tokenization;

namespace Marsad.Analysis.Events.Coding;

/// <summary>
/// The features the trained coder reads: for each actor mention around a trigger (position, distance, the preposition
/// or construct before it, voice and reported-speech cues between it and the trigger, its kind, the rules' reading)
/// and for the trigger itself (rule, words around it, quotation, negation, where in the document). Names are plain
/// strings so a rule-writer can read the learned weights.
/// </summary>
public static class CandidateFeatures
{
    private static readonly HashSet<string> StatementVerbs = WordSets.Of([
        "قال", "قالت", "قالوا", "يقول", "تقول", "اكد", "اكدت", "يؤكد", "تؤكد", "اوضح", "اوضحت", "اضاف", "اضافت", "صرح", "صرحت", "اعلن", "اعلنت",
        "اشار", "اشارت", "افاد", "افادت", "ذكر", "ذكرت", "شدد", "شددت", "اعتبر", "اعتبرت", "راي", "رات", "نقل", "نقلت", "كشف", "كشفت", "اعرب", "اعربت",
        "لفت", "لفتت", "تابع", "تابعت", "زعم", "زعمت", "ادعي", "ادعت", "كتب", "كتبت", "غرد", "غردت", "بحسب", "حسب", "وفق", "وفقا"]);
    private static readonly HashSet<string> Complementizers = WordSets.Of(["ان", "انه", "انها", "انهم", "بان", "بانه", "بانها"]);
    private static readonly HashSet<string> AgentCues = WordSets.Of(["قبل", "يد", "برصاص", "بنيران", "جراء", "بقصف", "بغاره", "بغارات", "بهجوم", "بصاروخ", "بصواريخ", "شنها", "شنته", "نفذها", "نفذته"]);
    private static readonly HashSet<string> PassiveCues = WordSets.Of(["تم", "جري", "يتم", "سيتم"]);
    // words of a match report: a document with several is about sport, where strikes, attacks and penalties are not events
    private static readonly HashSet<string> SportWords = WordSets.Of([
        "مباراه", "مباريات", "الدقيقه", "هدف", "الهدف", "اهداف", "لاعب", "لاعبين", "اللاعب", "الفريق", "فريق", "الدوري", "بطوله", "البطوله",
        "كاس", "المنتخب", "منتخب", "مدرب", "المدرب", "ركله", "جزاء", "الملعب", "ملعب", "الشوط", "تعادل", "نادي", "النادي", "الموسم", "كره"]);
    private static readonly HashSet<string> Negations = WordSets.Of(["لم", "لن", "لا", "ليس", "ليست", "دون", "بدون", "عدم", "نفي", "نفت"]);

    /// <summary>Features of the trigger at words [first, last] in the sentence [from, to).</summary>
    public static string[] Trigger(WordView[] words, int from, int to, int first, int last, TriggerMatch match, EventRecord rules,
        int mentionCount, int sentence, int sentenceCount, string register, string age = "")
    {
        string type = rules.Type.Name();
        var f = new List<string>(32) { "bias", "type=" + type, "rule=" + rules.Rule, "type|mod=" + type + "|" + rules.Modality.Name(),
            "word=" + words[first].Bare, "type|word=" + type + "|" + words[first].Bare };
        if (match.VerbForm) f.Add("verb|type=" + type);
        if (match.Future) f.Add("future");
        if (match.AfterPreposition) f.Add("after-prep");
        f.Add("sent=" + (sentence switch { 0 => "0", 1 => "1", 2 => "2", < 6 => "3-5", _ => "6+" }));
        f.Add("sent-rel=" + (sentenceCount <= 1 ? "only" : (sentence * 4 / sentenceCount) switch { 0 => "q1", 1 => "q2", 2 => "q3", _ => "q4" }));
        f.Add("mentions=" + Bucket(mentionCount));
        f.Add("len=" + Bucket((to - from) / 5));
        f.Add("rule-src=" + (rules.Source.Count > 0) + "|rule-tgt=" + (rules.Target.Count > 0));
        f.Add("type|rule-args=" + type + "|" + (rules.Source.Count > 0) + "|" + (rules.Target.Count > 0));
        if (register.Length > 0) { f.Add("register=" + register); f.Add("register|type=" + register + "|" + type); }
        if (rules.Date is not null) f.Add("dated");
        if (age.Length > 0) { f.Add("age=" + age); f.Add("type|age=" + type + "|" + age); }
        if (rules.Location is not null) f.Add("located");
        int quotes = 0;
        bool statement = false, negation = false;
        for (int i = from; i < first; i++)
        {
            var w = words[i];
            if (w.Kind == TokenKind.Quote) quotes++;
            if (IsStatement(w)) statement = true;
            if (i >= first - 3 && Negations.Contains(w.Bare)) negation = true;
        }
        if (quotes % 2 == 1) f.Add("in-quote|type=" + type);
        if (statement) f.Add("after-statement|type=" + type);
        if (negation) f.Add("negation-before");
        f.Add("prev=" + (first > from ? Word(words[first - 1]) : "<s>"));
        f.Add("next=" + (last + 1 < to ? Word(words[last + 1]) : "</s>"));
        f.Add("type|next=" + type + "|" + (last + 1 < to ? Word(words[last + 1]) : "</s>"));
        return [.. f];
    }

    /// <summary>Features of an actor mention (words [a.First, a.Last]) relative to the trigger at [first, last].</summary>
    public static string[] Mention(WordView[] words, int from, int to, int first, int last, TriggerMatch match, EventRecord rules,
        ArgumentMention a, ArgumentRole ruleRole, bool previousSentence, int rankBefore, int rankAfter)
    {
        string type = rules.Type.Name();
        var f = new List<string>(40) { "bias", "rule=" + ruleRole, "rule|type=" + ruleRole + "|" + type, "kind=" + a.Actor.Kind,
            "kind|type=" + a.Actor.Kind + "|" + type, "mkind=" + a.MentionKind };
        if (previousSentence)
        {
            f.Add("prev-sentence");
            f.Add("prev-sentence|type=" + type);
            return [.. f];
        }
        string pos = a.Last < first ? "before" : a.First > last ? "after" : "overlap";
        // a mention after the trigger starts at its title (الرئيس الإيراني، حسن روحاني): the title is no gap
        int lo = pos == "before" ? a.Last + 1 : last + 1, hi = pos == "before" ? first : Math.Max(lo, a.HeadFirst);
        int gap = 0;
        bool statement = false, comp = false, punct = false, quote = false, agent = false, passive = false;
        for (int i = lo; i < hi; i++)
        {
            var w = words[i];
            if (w.IsPunct) { punct |= w.Kind != TokenKind.Quote; quote |= w.Kind == TokenKind.Quote; continue; }
            gap++;
            if (IsStatement(w)) statement = true;
            if (Complementizers.Contains(w.Bare)) comp = true;
            if (AgentCues.Contains(w.Bare)) agent = true;
            if (PassiveCues.Contains(w.Bare)) passive = true;
        }
        string dist = gap switch { 0 => "0", 1 => "1", 2 or 3 => "2-3", < 7 => "4-6", < 11 => "7-10", _ => "11+" };
        string prep = a.Prep.Length == 0 ? "-" : a.Prep;
        string verb = match.VerbForm ? "verb" : "noun";
        f.Add("pos=" + pos);
        f.Add("pos|dist=" + pos + "|" + dist);
        f.Add("pos|type=" + pos + "|" + type);
        f.Add("pos|prep=" + pos + "|" + prep);
        f.Add("pos|prep|type=" + pos + "|" + prep + "|" + type);
        f.Add("pos|verb=" + pos + "|" + verb);
        f.Add("pos|verb|dist=" + pos + "|" + verb + "|" + dist);
        f.Add("pos|kind=" + pos + "|" + a.Actor.Kind);
        f.Add("pos|mkind=" + pos + "|" + a.MentionKind);
        f.Add("pos|rule=" + pos + "|" + ruleRole);
        f.Add("prep=" + prep);
        f.Add("pos|prep|kind=" + pos + "|" + prep + "|" + a.Actor.Kind);
        f.Add("pos|kind|type=" + pos + "|" + a.Actor.Kind + "|" + type);
        f.Add("pos|dist|type=" + pos + "|" + dist + "|" + type);
        // the trigger word itself: voice is rarely written, but some words carry it (أصيب، اغتيل are passive, so the
        // first name after them is the victim)
        f.Add("tword|pos=" + words[first].Bare + "|" + pos + (pos == "after" && rankAfter == 0 ? "|first" : pos == "before" && rankBefore == 0 ? "|last" : ""));
        if (a.Conj) f.Add("conj|pos=" + pos);
        if (statement) f.Add("statement-between|pos=" + pos);
        if (comp) f.Add("complementizer-between|pos=" + pos);
        if (punct) f.Add("punct-between|pos=" + pos);
        if (quote) f.Add("quote-between|pos=" + pos);
        if (agent) f.Add("agent-cue|pos=" + pos + "|" + type);
        if (passive) f.Add("passive-cue|pos=" + pos);
        if (pos == "before" && rankBefore == 0) f.Add("nearest-before|type=" + type);
        if (pos == "after" && rankAfter == 0) f.Add("nearest-after|type=" + type);
        if (pos == "after" && rankAfter == 1) f.Add("second-after|type=" + type);
        if (pos == "after" && gap == 0 && !match.VerbForm && prep == "-") f.Add("construct|type=" + type);
        if (pos == "after" && gap == 0 && a.MentionKind == Actors.ActorMentionKind.Demonym) f.Add("adjective-after|type=" + type);
        int head = a.HeadFirst;
        f.Add("wbefore=" + (head > from ? Word(words[head - 1]) : "<s>"));
        f.Add("wbefore|pos=" + (head > from ? Word(words[head - 1]) : "<s>") + "|" + pos);
        if (a.Actor.IsMedia) f.Add("media");
        return [.. f];
    }

    /// <summary>A nationality adjective outside the linked mentions: its mention features plus that mark.</summary>
    public static string[] Adjective(string[] mentionFeatures, EventRecord rules)
        => [.. mentionFeatures, "adjective", "adjective|type=" + rules.Type.Name()];

    /// <summary>An actor the rules made themselves (not a linked mention): its mention features plus that mark.</summary>
    public static string[] RuleMade(string[] mentionFeatures, EventRecord rules, ArgumentRole ruleRole)
        => [.. mentionFeatures, "rule-made|" + ruleRole, "rule-made|" + ruleRole + "|" + rules.Type.Name()];

    /// <summary>
    /// One of the document's most mentioned actors (<paramref name="rank"/> 0 = most) offered to an event that does not
    /// mention it: its rank and kind with the event type, and which sides the rules filled.
    /// </summary>
    public static string[] DocumentActor(EventRecord rules, ArgumentMention a, int rank, bool rulesSource, bool rulesTarget)
    {
        string type = rules.Type.Name();
        return ["bias", "doc-top", "doc-top|type=" + type, "doc-top|rank=" + rank, "doc-top|kind|type=" + a.Actor.Kind + "|" + type,
            "doc-top|args=" + (rulesSource ? "S" : "-") + (rulesTarget ? "T" : "-") + "|" + type];
    }

    /// <summary>
    /// How long before publication an event's date lies (the guideline records background events of the last twelve
    /// months only): "future", "week", "month", "year", "older", or empty when the event or the document is undated.
    /// </summary>
    public static string Age(string? date, DateOnly? published)
    {
        if (date is null || published is not { } pub || date.Length < 4 || !int.TryParse(date.AsSpan(0, 4), out int year) || year is < 1 or > 9999) return "";
        int month = date.Length >= 7 && int.TryParse(date.AsSpan(5, 2), out int m) && m is >= 1 and <= 12 ? m : 0;
        int day = month > 0 && date.Length >= 10 && int.TryParse(date.AsSpan(8, 2), out int d) && d >= 1 && d <= DateTime.DaysInMonth(year, month) ? d : 0;
        // the latest day the date can name, so a month or a year is not older than it may be
        var last = month == 0 ? new DateOnly(year, 12, 31) : day == 0 ? new DateOnly(year, month, DateTime.DaysInMonth(year, month)) : new DateOnly(year, month, day);
        var first = month == 0 ? new DateOnly(year, 1, 1) : day == 0 ? new DateOnly(year, month, 1) : last;
        if (first > pub) return "future";
        int days = pub.DayNumber - last.DayNumber;
        return days switch { <= 7 => "week", <= 31 => "month", <= 366 => "year", _ => "older" };
    }

    /// <summary>The document's register for the trigger model: "sport" when match-report words recur, else empty.</summary>
    public static string Register(WordView[] words)
    {
        int sport = 0;
        foreach (var w in words)
            if (!w.IsPunct && SportWords.Contains(w.Bare) && ++sport >= 4) return "sport";
        return "";
    }

    private static bool IsStatement(WordView w) => StatementVerbs.Contains(w.Bare) || StatementVerbs.Contains(w.Norm);

    private static string Word(WordView w) => w.IsPunct ? "<p>" : w.Bare;

    private static string Bucket(int n) => n switch { 0 => "0", 1 => "1", 2 => "2", < 5 => "3-4", < 9 => "5-8", _ => "9+" };
}
