using Marsad.Analysis.Documents;
using Marsad.Analysis.Events;
using Marsad.Analysis.Text;
using Marsad.Analysis.Tokenization;

namespace Marsad.Analysis.Quotes;

/// <summary>
/// Finds direct quotes (“…” «…» "…", three words or more, introduced or followed by a speech verb) and reported speech
/// (a speech verb — قال، أكد، أضاف، أوضح، أشار، ذكر، أعلن … — followed by إن/أن), and attributes each to a speaker:
/// the actor after the verb (VSO) or before it (SVO); for "نقل X عن Y (قوله)" the speaker is Y and X is the relay
/// (<c>via</c>); for a statement (بيان صادر عن X، بيان لـX، البيان) the issuer. A relay is also read from
/// "لوكالة/للوكالة X"، "وفقا لما أوردته وكالة X"، "نقله موقع X"; a definite "الوكالة" refers to the last agency named.
/// Immutable and thread-safe.
/// </summary>
public sealed class QuoteExtractor
{
    private static readonly HashSet<string> SpeechVerbs =
    WordSets.Of([
        "قال", "قالت", "يقول", "تقول", "قالوا", "اضاف", "اضافت", "يضيف", "تضيف", "اكد", "اكدت", "يؤكد", "تؤكد", "اوضح", "اوضحت", "يوضح",
        "اشار", "اشارت", "يشير", "تشير", "ذكر", "ذكرت", "يذكر", "صرح", "صرحت", "اعلن", "اعلنت", "يعلن", "لفت", "لفتت", "شدد", "شددت",
        "تابع", "تابعت", "اعتبر", "اعتبرت", "كشف", "كشفت", "وصف", "وصفت", "كتب", "كتبت", "افاد", "افادت", "نقل", "نقلت", "قوله", "قولها",
        "مضيفا", "مضيفه", "مؤكدا", "مؤكده", "مشيرا", "مشيره", "موضحا", "موضحه", "لافتا", "مشددا", "جاء", "اعرب", "اعربت", "ابلغ",
    ]);
    private static readonly HashSet<string> Complementizers = WordSets.Of(["ان", "انه", "انها", "انهم", "انهما", "اننا"]);
    private static readonly HashSet<string> OutletWords = WordSets.Of(["وكاله", "الوكاله", "موقع", "صحيفه", "شبكه", "قناه", "وكالات", "اذاعه"]);

    /// <summary>Finds the quotes of one document.</summary>
    public List<QuoteRecord> Extract(string text, WordView[] words, IReadOnlyList<TextSpan> sentences, List<ArgumentMention> args)
    {
        var quotes = new List<QuoteRecord>();
        var sentenceOf = new int[words.Length];
        {
            int s = 0;
            for (int i = 0; i < words.Length; i++)
            {
                while (s + 1 < sentences.Count && words[i].Start >= sentences[s].End) s++;
                sentenceOf[i] = s;
            }
        }
        ActorRef? lastIssuer = null, lastAgency = null, lastSpeaker = null;
        int lastSpeakerAt = -1000;
        // outlets named anywhere before a quote ("ونقلت وكالة الأنباء الروسية الرسمية عن باتروشيف") are what a later
        // "الوكالة" refers to
        var agencies = new List<(int At, ActorRef Ref)>();
        {
            ActorRef? none = null;
            for (int k = 0; k < words.Length; k++)
            {
                if (words[k].Kind != TokenKind.ArabicWord || !words[k].Has("وكاله") || words[k].Bare.StartsWith("ال", StringComparison.Ordinal) || words[k].Bare.StartsWith("لل", StringComparison.Ordinal)) continue;
                if (Outlet(text, words, k, Math.Min(words.Length, k + 6), ref none) is { } r) agencies.Add((k, r));
            }
        }
        ActorRef? AgencyBefore(int at)
        {
            ActorRef? found = null;
            foreach (var (pos, r) in agencies) if (pos < at) found = r;
            return found;
        }
        var usedVerbs = new HashSet<int>();
        var coveredStarts = new HashSet<int>();

        // direct quotes
        int open = -1;
        char openChar = '\0';
        for (int i = 0; i < words.Length; i++)
        {
            if (words[i].Kind != TokenKind.Quote) continue;
            char c = text[words[i].Start];
            if (open < 0)
            {
                if (c == '»') continue;
                open = i;
                openChar = c;
                continue;
            }
            bool closes = openChar == '«' ? c == '»' : c != '«' && c != '»';
            if (!closes) continue;
            int o = open, cl = i;
            open = -1;
            int wordsInside = 0;
            for (int k = o + 1; k < cl; k++) if (!words[k].IsPunct) wordsInside++;
            if (wordsInside < 3 || cl - o > 400) continue;
            int verb = FindVerbBefore(words, o, sentenceOf) ;
            if (verb < 0) verb = FindVerbAfter(words, cl, sentenceOf);
            if (verb < 0) continue;
            usedVerbs.Add(verb);
            lastAgency = AgencyBefore(verb) ?? lastAgency;
            var (speaker, via) = Attribute(text, words, verb, o, args, ref lastIssuer, ref lastAgency);
            // "وقال: “…”" with no subject: the speaker of the quote just before goes on
            if (speaker is null && lastSpeaker is not null && o - lastSpeakerAt < 80) speaker = lastSpeaker;
            if (speaker is null)
                for (int k = verb - 1; k >= 0 && k >= verb - 50; k--)
                {
                    if (words[k].Kind != TokenKind.ArabicWord || !IsSpeechVerb(words[k])) continue;
                    int kk = k;
                    var subject = args.Find(a => a.HeadFirst == kk + 1 && a.Prep.Length == 0 && !a.Actor.IsMedia);
                    if (subject is not null) { speaker = subject.Actor.Ref; break; }
                }
            if (speaker is not null) { lastSpeaker = speaker; lastSpeakerAt = cl; }
            int ts = words[o].End, te = words[cl].Start;
            while (ts < te && char.IsWhiteSpace(text[ts])) ts++;
            while (te > ts && char.IsWhiteSpace(text[te - 1])) te--;
            if (te <= ts) continue;
            coveredStarts.Add(o);
            quotes.Add(new QuoteRecord(speaker, text[ts..te], true, via, ts, te));
        }

        // reported speech: verb … إن/أن …
        for (int v = 0; v < words.Length; v++)
        {
            if (words[v].Kind != TokenKind.ArabicWord || !IsSpeechVerb(words[v])) continue;
            int comp = -1;
            for (int k = v + 1; k < words.Length && k <= v + 16 && sentenceOf[k] == sentenceOf[v]; k++)
            {
                if (words[k].Kind == TokenKind.Quote) break;
                if (Complementizers.Contains(words[k].Bare) || Complementizers.Contains(words[k].Norm)) { comp = k; break; }
            }
            if (comp < 0) continue;
            if (comp + 1 < words.Length && words[comp + 1].Kind == TokenKind.Quote) continue; // a direct quote follows
            int end = comp;
            while (end + 1 < words.Length && sentenceOf[end + 1] == sentenceOf[v] && words[end + 1].Kind != TokenKind.Quote) end++;
            if (end - comp < 3) continue;
            int ts = words[comp].Start, te = words[end].End;
            if (words[end].IsPunct && end > comp) te = words[end - 1].End;
            if (quotes.Exists(q => q.Start == ts || (q.Start <= ts && q.End >= te))) continue;
            lastAgency = AgencyBefore(v) ?? lastAgency;
            var (speaker, via) = Attribute(text, words, v, comp, args, ref lastIssuer, ref lastAgency);
            if (speaker is null) continue;
            quotes.Add(new QuoteRecord(speaker, text[ts..te], false, via, ts, te));
        }
        quotes.Sort((a, b) => a.Start.CompareTo(b.Start));
        return quotes;
    }

    private static bool IsSpeechVerb(WordView w) => SpeechVerbs.Contains(w.Bare) || SpeechVerbs.Contains(w.Norm);

    private static int FindVerbBefore(WordView[] words, int open, int[] sentenceOf)
    {
        // back to the sentence start (a short quoted name such as "تاس" on the way does not stop the search)
        for (int k = open - 1; k >= 0 && k >= open - 40; k--)
        {
            if (words[k].Norm == "." && k < open - 1) return -1;
            if (words[k].Kind == TokenKind.Quote) continue;
            if (words[k].Kind == TokenKind.ArabicWord && IsSpeechVerb(words[k])) return k;
            if (words[k].Bare is "بيان" or "البيان" && k < open) return k;
        }
        return -1;
    }

    private static int FindVerbAfter(WordView[] words, int close, int[] sentenceOf)
    {
        for (int k = close + 1; k < words.Length && k <= close + 6; k++)
        {
            if (words[k].Kind == TokenKind.Quote || words[k].Norm == ".") return -1;
            if (words[k].Kind == TokenKind.ArabicWord && IsSpeechVerb(words[k])) return k;
        }
        return -1;
    }

    private static (ActorRef? Speaker, ActorRef? Via) Attribute(string text, WordView[] words, int verb, int limit,
        List<ArgumentMention> args, ref ActorRef? lastIssuer, ref ActorRef? lastAgency)
    {
        ActorRef? speaker = null, via = null;
        // "نقل أوشاكوف عن بوتين قوله": the relay verb governs قوله
        if (words[verb].Bare is "قوله" or "قولها")
            for (int k = verb - 1; k >= 0 && k >= verb - 10; k--)
                if (words[k].Bare is "نقل" or "نقلت") { verb = k; break; }
        // relay: نقل(ت) X عن Y
        if (words[verb].Bare is "نقل" or "نقلت")
        {
            int an = -1;
            for (int k = verb + 1; k < words.Length && k <= verb + 10; k++)
                if (words[k].Bare == "عن") { an = k; break; }
            if (an > 0)
            {
                var y = args.Find(a => a.HeadFirst > an && a.HeadFirst <= an + 5);
                var x = args.Find(a => a.HeadFirst > verb && a.Last < an);
                if (y is not null) speaker = y.Actor.Ref;
                via = x?.Actor.Ref ?? Outlet(text, words, verb + 1, an, ref lastAgency);
                if (via is not null && x?.Actor.IsMedia == true) lastAgency = via;
                if (speaker is not null) return (speaker, via);
            }
        }
        // statement: بيان صادر عن X / بيان لـX / البيان
        if (limit < verb) limit = Math.Min(words.Length, verb + 9); // "«…»، قال لافروف": the speaker follows the verb
        int stmt = -1;
        for (int k = Math.Max(0, verb - 2); k < limit && k <= verb + 4; k++)
            if (words[k].Has("بيان")) { stmt = k; break; }
        var after = args.Find(a => a.HeadFirst > verb && a.HeadFirst < limit && a.HeadFirst <= verb + 8 && (a.Prep.Length == 0 || stmt >= 0) && !a.Actor.IsMedia);
        if (stmt >= 0 && (after is null || after.Actor.Kind != "person"))
        {
            speaker = after?.Actor.Ref ?? lastIssuer;
            if (after is not null) lastIssuer = after.Actor.Ref;
        }
        else if (after is not null && !CrossesComplementizer(words, verb, after.HeadFirst))
            speaker = after.Actor.Ref;
        else
        {
            var before = args.FindLast(a => a.Last < verb && a.Last >= verb - 10 && a.Prep.Length == 0 && !a.Actor.IsMedia);
            speaker = before?.Actor.Ref;
        }
        // relay named between the verb and the quote, or just before the verb
        via ??= MediaArg(args, verb - 12, limit) ?? Outlet(text, words, Math.Max(0, verb - 12), limit, ref lastAgency);
        return (speaker, via);
    }

    private static ActorRef? MediaArg(List<ArgumentMention> args, int from, int to)
    {
        var m = args.Find(a => a.Actor.IsMedia && a.First >= from && a.Last < to);
        return m?.Actor.Ref;
    }

    private static bool CrossesComplementizer(WordView[] words, int a, int b)
    {
        for (int i = a + 1; i < b; i++)
            if (Complementizers.Contains(words[i].Bare)) return true;
        return false;
    }

    // "لوكالة الأنباء الروسية", "وكالة أنباء تاس": the outlet phrase as text (up to four words)
    private static ActorRef? Outlet(string text, WordView[] words, int from, int to, ref ActorRef? lastAgency)
    {
        for (int k = Math.Max(0, from); k < to && k < words.Length; k++)
        {
            var w = words[k];
            if (w.Kind != TokenKind.ArabicWord) continue;
            string? core = null;
            foreach (var f in w.Forms)
                if (OutletWords.Contains(f.Text)) { core = f.Text; break; }
            if (core is null) continue;
            int end = k;
            while (end + 1 < to && end - k < 4 && words[end + 1].Kind == TokenKind.ArabicWord && words[end + 1].Bare is not ("عن" or "ان" or "انه" or "قوله" or "في")) end++;
            bool definite = w.Bare.StartsWith("ال", StringComparison.Ordinal) || w.Bare.StartsWith("لل", StringComparison.Ordinal);
            if (definite && lastAgency is not null) return lastAgency; // "للوكالة الروسية": the agency named before
            int s = w.End - core.Length; // drop proclitics ل/و
            if (s < w.Start) s = w.Start;
            string name = text[s..words[end].End];
            var r = new ActorRef("media:" + name, null, name, null);
            if (!definite) lastAgency = r;
            return r;
        }
        return null;
    }
}
