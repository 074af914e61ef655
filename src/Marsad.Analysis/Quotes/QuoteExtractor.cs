using Marsad.Analysis.Documents;
using Marsad.Analysis.Events;
using Marsad.Analysis.Text;
using Marsad.Analysis.Tokenization;

namespace Marsad.Analysis.Quotes;

/// <summary>
/// Finds the quotes of a document (docs/annotation-guide.md sections 10 and 13): utterances attributed to a speaker,
/// direct (“…” «…» "…") or reported (a speech verb — قال، أكد، أضاف، أوضح، صرح، أشار، اعتبر، شدد … — then إن/أن).
/// <list type="bullet">
/// <item>A quotation must be an utterance: a quoted name, title or term («قناة "الجزيرة"»، «ما يعرف بـ"…"») or a
/// short phrase quoted inside a clause is not one; neither is remembered private dialogue («فقال لي: "…"»).</item>
/// <item>Reported speech starts at its إن/أن and runs to the end of
/// the sentence or the next speech verb; quoted words inside it (قال إن الحكومة تدرك "…") belong to it.</item>
/// <item>The speaker is the subject of the attribution verb (after it, or before it in «المصادر أشارت»); a verb with
/// no subject (وأضاف، مضيفا) continues the last named speaker; a definite back-reference (الوزارة، البيان، الشرطة)
/// likewise.</item>
/// <item>«قال لـX» / «في حديث لـX» makes X the relay (<c>via</c>), never the speaker; «نقلت X عن Y (قوله)» and
/// «على لسان Y»: Y speaks, X relays. An outlet that is the subject of the verb speaks for itself.</item>
/// <item>Places never speak: a city as the subject is its country («قالت موسكو» → Russia).</item>
/// </list>
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
        "قائلا", "قائله", "معتبرا", "معتبره", "لافته", "مشدده", "اردف", "اردفت", "بين", "بينت", "يرى", "ترى", "راى", "رات", "يضيف",
        "اعتبرت", "يعتبر", "تعتبر", "اكدوا", "اضافوا", "اوضحوا", "ذكروا", "اعلنوا", "يقولون", "يضيفون",
    ]);
    // speech verbs that never have a subject of their own: the clause's speaker goes on
    private static readonly HashSet<string> Participles = WordSets.Of([
        "مضيفا", "مضيفه", "مؤكدا", "مؤكده", "مشيرا", "مشيره", "موضحا", "موضحه", "لافتا", "لافته", "مشددا", "مشدده", "قائلا", "قائله",
        "معتبرا", "معتبره", "قوله", "قولها",
    ]);
    // "بين" and "راى" are common words in other senses: speech verbs only when a complementizer follows at once
    private static readonly HashSet<string> WeakVerbs = WordSets.Of(["بين", "بينت", "يرى", "ترى", "راى", "رات", "جاء"]);
    private static readonly HashSet<string> Complementizers = WordSets.Of(["ان", "انه", "انها", "انهم", "انهما", "اننا", "انني", "انهن"]);
    private static readonly HashSet<string> OutletWords = WordSets.Of(["وكاله", "الوكاله", "موقع", "صحيفه", "شبكه", "قناه", "وكالات", "اذاعه", "فرانس"]); // لفرانس برس، لفرانس24: the outlet told
    // a quoted span right after one of these names something («قناة "الجزيرة"»، «ما يعرف بـ"…"»، «عملية "غصن الزيتون"»)
    private static readonly HashSet<string> NamingWords = WordSets.Of([
        "قناه", "وكاله", "صحيفه", "جريده", "مجله", "موقع", "شبكه", "اذاعه", "تلفزيون", "شركه", "مجموعه", "جائزه", "مسمي", "اسم",
        "بعنوان", "عنوان", "عباره", "شعار", "وسم", "هاشتاغ", "هاشتاق", "عمليه", "حمله", "مشروع", "برنامج", "فيلم", "كتاب", "مسلسل",
        "روايه", "اغنيه", "طراز", "نوع", "ماركه", "منظمه", "حزب", "حركه", "جماعه", "تنظيم", "كتائب", "لواء", "ولايه", "منطقه", "مدينه",
        "بلده", "قريه", "مخيم", "مبادره", "خطه", "صفقه", "مؤتمر", "منتدي", "مهرجان", "مسابقه", "بطوله", "دوري", "نادي", "فريق", "تطبيق",
        "منصه", "حساب", "صفحه", "مراسل", "مراسله", "مراسلتنا", "مراسلنا", "يسمي", "تسمي", "سمي", "يعرف", "تعرف", "عرف", "بات", "لقب",
        "تحالف", "ائتلاف", "قائمه", "لائحه", "مركز", "معهد", "جامعه", "مستشفي", "مجلس", "هيئه", "سفينه", "مسجد", "كنيسه", "سجن",
    ]);
    private static readonly HashSet<string> Negators = WordSets.Of(["لم", "لا", "لن", "ما", "ولم", "ولا", "ولن", "وما", "دون", "بدون"]);
    // "بعد أن", "إلا أن", "حتى وإن", "كيف أنها": not the complementizer of the verb before
    private static readonly HashSet<string> NotSpeechLead = WordSets.Of(["بعد", "قبل", "الا", "حتي", "كيف", "رغم", "منذ", "لو", "بعدما", "غير", "يجب", "يمكن", "بد", "اجل", "من"]);
    // «وقال فيها»، «جاء فيه»: a preposition with a pronoun, never a subject
    private static readonly HashSet<string> PronounPreps = WordSets.Of(["فيها", "فيه", "فيهم", "عنها", "عنه", "منها", "منه", "عليها", "عليه", "بها", "به"]);
    private static readonly HashSet<string> Addressees = WordSets.Of(["لي", "له", "لها", "لهم", "لنا", "لك", "لهما"]);
    // definite back-references to a speaker already named: «وقالت الوزارة»، «وأضاف البيان»
    private static readonly HashSet<string> Anaphors = WordSets.Of([
        "الوزاره", "الهيئه", "المنظمه", "الشرطه", "الصحيفه", "الشبكه", "البيان", "الحركه", "الجماعه", "الحزب", "الوكاله", "المتحدث",
        "المتحدثه", "الوزير", "الوزيره", "المصدر", "المصادر", "الجيش", "القياده", "المجلس", "اللجنه", "السلطات", "الحكومه", "الرئيس",
        "البحريه", "الاتحاد", "المرصد", "المسؤول", "الرئاسه", "الخارجيه", "الداخليه", "التحالف", "البعثه", "السفاره", "المكتب",
        "التقرير", "النيابه", "المحكمه", "الشركه", "الصندوق", "المفوضيه", "الامين", "المبعوث", "السفير", "القائد", "الزعيم",
    ]);
    private static readonly HashSet<string> PersonAnaphors = WordSets.Of([
        "المتحدث", "المتحدثه", "الوزير", "الوزيره", "الرئيس", "المسؤول", "الامين", "المبعوث", "السفير", "القائد", "الزعيم",
    ]);
    // words a verb and its subject may be separated by (adverbs of time, "من جهته")
    private static readonly HashSet<string> Skippable = WordSets.Of([
        "اليوم", "امس", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "ايضا", "كذلك", "مؤخرا", "سابقا",
        "مجددا", "اليوم", "صباح", "مساء", "الليله", "الماضي", "الاسبوع", "الشهر", "الماضيه", "بدوره", "بدورها", "جهته", "جهتها", "جانبه", "جانبها", "من", "بدوره",
    ]);

    // single words that follow a speech verb and are no one's name (adverbs, participles, months, nouns of reporting);
    // measured as the junk among tune's unknown-name speakers
    private static readonly HashSet<string> NotNames = WordSets.Of([
        "هنا", "هناك", "نفسي", "بانه", "بانها", "باسي", "باسى", "بأسى", "بقوله", "بقولها", "قائلا", "قائله", "مضيفا", "مضيفه", "مدافعا", "مؤكدا", "مؤكده",
        "معتبرا", "معتبره", "مشيرا", "مشيره", "موضحا", "موضحه", "صحيفه", "وكاله", "مجموعه", "تحقيق", "اخرون", "اخر", "بانتظام", "تعرض",
        "عاما", "ايضا", "لذلك", "لكن", "لكنه", "لكنها", "لفرانس", "رئيسها", "رئيسه", "مهندسه", "لم", "وهي", "وهو", "نهايه", "بدايه", "منتصف",
        "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر",
        "كانون", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب", "ايلول", "تشرين",
    ]);

    private static bool IsNotName(WordView w) => NotNames.Contains(w.Bare) || NotNames.Contains(w.Norm);

    private static readonly HashSet<string> CommonSubjects = WordSets.Of([
        "مصدر", "مصادر", "مسؤول", "مسؤولون", "مسؤولين", "دبلوماسي", "دبلوماسيون", "ناشط", "ناشطون", "نشطاء", "شاهد", "شهود", "خبير",
        "خبراء", "متحدث", "متحدثه", "محلل", "محللون", "مراقب", "مراقبون", "سكان", "مواطن", "تقرير", "تقارير", "بيان", "وسائل", "مصادرنا",
        "احد", "عده", "بعض", "مراسل", "مراسله", "مراسلتنا", "مراسلنا", "عضو", "رئيس", "وزير", "نائب", "قائد", "زعيم", "مستشار", "سفير",
    ]);
    private readonly DemonymLexicon? _demonyms;

    /// <summary>Creates the extractor; <paramref name="demonyms"/> reads «مسؤول أميركي» as the United States.</summary>
    public QuoteExtractor(DemonymLexicon? demonyms = null) => _demonyms = demonyms;

    /// <summary>Finds the quotes of one document.</summary>
    /// <param name="text">Original text.</param>
    /// <param name="words">Word views of the text.</param>
    /// <param name="sentences">Sentence spans.</param>
    /// <param name="args">Actor mentions as the argument finder reads them.</param>
    /// <param name="directory">Resolves a city speaker to its country; null to keep the city's country code only.</param>
    /// <param name="people">Person names the entity tagger found (linked or not); a subject inside one that no actor
    /// covers still names the speaker.</param>
    public List<QuoteRecord> Extract(string text, WordView[] words, IReadOnlyList<TextSpan> sentences, List<ArgumentMention> args,
        IActorDirectory? directory = null, IReadOnlyList<TextSpan>? people = null)
    {
        var sentenceOf = new int[words.Length];
        var breakBefore = new bool[words.Length]; // a paragraph break between word i-1 and word i
        {
            int s = 0;
            for (int i = 0; i < words.Length; i++)
            {
                while (s + 1 < sentences.Count && words[i].Start >= sentences[s].End) s++;
                sentenceOf[i] = s;
                if (i > 0 && text.AsSpan(words[i - 1].End, words[i].Start - words[i - 1].End).Contains('\n')) breakBefore[i] = true;
            }
        }
        var argAt = new ArgumentMention?[words.Length];
        foreach (var a in args)
            if (a.HeadFirst >= 0 && a.HeadFirst < words.Length && argAt[a.HeadFirst] is null) argAt[a.HeadFirst] = a;

        var direct = DirectSpans(text, words, breakBefore);
        var cands = new List<Candidate>();
        var consumed = new bool[direct.Count];

        // reported speech: verb … إن/أن …, with any quoted words inside it
        for (int v = 0; v < words.Length; v++)
        {
            if (!IsSpeechVerb(words[v]) || IsNegated(words, v) || Impersonal(words, v)) continue;
            int comp = FindComplementizer(words, v, sentenceOf, breakBefore);
            if (comp < 0 || cands.Count > 0 && cands[^1].First == comp) continue; // "نقلت X عن Y قوله إن": one quote
            int first = comp + 1, end = ReportedEnd(words, first, sentenceOf, breakBefore);
            if (end < first) continue;
            // «قال إن "…"»: the whole of it in quotation marks is a direct quote
            int d = direct.FindIndex(x => x.Open == first);
            if (d >= 0 && direct[d].Close >= end - 1)
            {
                consumed[d] = true;
                cands.Add(new Candidate(v, direct[d].Open + 1, direct[d].Close - 1, true, direct[d].Open));
                continue;
            }
            int content = 0;
            for (int k = first; k <= end; k++) if (!words[k].IsPunct) content++;
            if (content < 3) continue;
            for (int i = 0; i < direct.Count; i++)
                if (direct[i].Open >= first && direct[i].Open <= end) consumed[i] = true;
            // the text keeps its إن/أن (as the seeds' gold writes it); the tune gold's first words follow within a few letters
            cands.Add(new Candidate(v, comp, end, false, first));
        }

        // direct quotes
        for (int i = 0; i < direct.Count; i++)
        {
            if (consumed[i]) continue;
            var (o, cl) = direct[i];
            if (cands.Exists(c => c.First <= o && c.Last >= o)) continue;
            int inside = 0;
            for (int k = o + 1; k < cl; k++) if (!words[k].IsPunct) inside++;
            if (inside < 3 || cl - o > 400) continue;
            if (IsNameOrTerm(words, o, inside)) continue;
            int verb = FindVerbBefore(words, o, breakBefore);
            if (verb < 0) verb = FindVerbAfter(words, cl);
            if (verb < 0 || IsNegated(words, verb) || IsDialogue(words, verb)) continue;
            cands.Add(new Candidate(verb, o + 1, cl - 1, true, o));
        }

        cands.Sort((a, b) => a.First.CompareTo(b.First));
        var quotes = new List<QuoteRecord>(cands.Count);
        var state = new State();
        foreach (var c in cands)
        {
            if (c.Last < c.First) continue;
            int ts = words[c.First].Start, te = words[c.Last].End;
            if (c.Direct && c.Open + 1 == c.First)
            {
                ts = words[c.Open].End;
                te = c.Last + 1 < words.Length ? words[c.Last + 1].Start : text.Length;
            }
            while (ts < te && char.IsWhiteSpace(text[ts])) ts++;
            while (te > ts && (char.IsWhiteSpace(text[te - 1]) || (!c.Direct && text[te - 1] is '.' or '،' or ','))) te--;
            if (te <= ts) continue;
            var (speaker, via, named) = Attribute(text, words, c.Verb, c.Direct ? Math.Min(c.Open, c.First) : c.First, args, argAt, sentenceOf, directory, people, state);
            if (speaker is null && !c.Direct && !named) continue;
            if (speaker is null && named) state.LastSpeaker = null; // the last named speaker is one the actor list does not know
            if (speaker is not null)
            {
                state.LastSpeaker = speaker;
                state.LastSentence = sentenceOf[c.Verb];
                state.LastSpeakerIsPerson = IsPerson(speaker, args);
            }
            quotes.Add(new QuoteRecord(speaker, text[ts..te], c.Direct, via, ts, te));
        }
        return quotes;
    }

    private readonly record struct Candidate(int Verb, int First, int Last, bool Direct, int Open);

    private sealed class State
    {
        public ActorRef? LastSpeaker, LastIssuer, LastAgency, MainCountry;
        public readonly Dictionary<string, ActorRef> Bodies = new(StringComparer.Ordinal);
        public int LastSentence = -1000;
        public bool LastSpeakerIsPerson;
    }

    /// <summary>Pairs quotation marks; a quote does not run past its paragraph (an unclosed quote ends there).
    /// <c>Close</c> is the closing mark, or the first word after the paragraph when the quote is left open.</summary>
    private static List<(int Open, int Close)> DirectSpans(string text, WordView[] words, bool[] breakBefore)
    {
        var spans = new List<(int, int)>();
        int open = -1;
        char openChar = '\0';
        for (int i = 0; i < words.Length; i++)
        {
            if (open >= 0 && breakBefore[i])
            {
                if (i - 1 > open) spans.Add((open, i));
                open = -1;
            }
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
            spans.Add((open, i));
            open = -1;
        }
        if (open >= 0 && words.Length - 1 > open) spans.Add((open, words.Length));
        return spans;
    }

    private static bool IsSpeechVerb(WordView w) => w.Kind == TokenKind.ArabicWord && (SpeechVerbs.Contains(w.Bare) || SpeechVerbs.Contains(w.Norm));

    private static bool IsParticiple(WordView w) => Participles.Contains(w.Bare) || Participles.Contains(w.Norm);

    // "لم يذكر"، "ما قالت إنه" (what it called …): not an attribution
    private static bool IsNegated(WordView[] words, int v)
        => v > 0 && words[v - 1].Kind == TokenKind.ArabicWord && Negators.Contains(words[v - 1].Norm);

    // "يذكر أن" / "ويذكر أن": the article's own background ("it is worth noting")
    // "مما يقولون إنها" (what they call …): a relative clause, not an attribution
    private static bool Impersonal(WordView[] words, int v)
        => words[v].Bare is "يذكر" or "يشار" or "يعتبر" && v + 1 < words.Length && Complementizers.Contains(words[v + 1].Norm)
           || v > 0 && words[v - 1].Norm is "مما" or "عما"
           || v + 1 < words.Length && Speechless.Contains(words[v + 1].Bare);

    // subjects that point at evidence, not speakers: «وتشير استطلاعات الرأي إلى أن»، «يوضح السجل التهديفي»
    private static readonly HashSet<string> Speechless = WordSets.Of([
        "استطلاعات", "استطلاع", "التغييرات", "السجل", "الارقام", "الاحصاءات", "احصاءات", "المؤشرات", "مؤشرات", "الدلائل", "المعطيات",
        "التوقعات", "البيانات", "الصور", "اللقطات", "الادله",
    ]);

    // "فقال لي: «…»"، "وقالت له": remembered private dialogue, not news quotation
    private static bool IsDialogue(WordView[] words, int v)
    {
        var w = words[v];
        if (w.Norm.Length > w.Bare.Length && w.Norm[0] == 'ف') return true;
        for (int k = v + 1; k < words.Length && k <= v + 3; k++)
        {
            if (words[k].IsPunct) break;
            if (Addressees.Contains(words[k].Norm)) return true;
        }
        return false;
    }

    private static int FindComplementizer(WordView[] words, int v, int[] sentenceOf, bool[] breakBefore)
    {
        bool weak = WeakVerbs.Contains(words[v].Bare) || WeakVerbs.Contains(words[v].Norm);
        int limit = weak ? v + 2 : v + 16;
        for (int k = v + 1; k < words.Length && k <= limit && sentenceOf[k] == sentenceOf[v] && !breakBefore[k]; k++)
        {
            var w = words[k];
            if (w.Norm is ":" or "." or "؟" or "?" or "!") return -1;
            if (w.Kind == TokenKind.Quote) return -1;
            if (k > v + 1 && IsSpeechVerb(w) && !IsParticiple(w)) return -1; // another verb's clause
            if (!Complementizers.Contains(w.Norm) && !(w.Norm is "الي" && k + 1 < words.Length && Complementizers.Contains(words[k + 1].Norm))) continue;
            if (w.Norm is "الي") k++;
            if (k > v + 1 && words[k - 1].Kind == TokenKind.ArabicWord && NotSpeechLead.Contains(words[k - 1].Bare)) return -1;
            return k;
        }
        return -1;
    }

    // reported speech runs to the sentence end, or to the next speech verb that opens its own clause (", مضيفا أن")
    private static int ReportedEnd(WordView[] words, int first, int[] sentenceOf, bool[] breakBefore)
    {
        int end = first - 1;
        for (int k = first; k < words.Length && sentenceOf[k] == sentenceOf[first] && (k == first || !breakBefore[k]); k++)
        {
            if (k > first && IsSpeechVerb(words[k]) && words[k - 1].IsPunct && FollowedByComplementizer(words, k)) break;
            end = k;
        }
        while (end >= first && words[end].IsPunct && words[end].Kind != TokenKind.Quote) end--;
        return end;
    }

    private static bool FollowedByComplementizer(WordView[] words, int k)
    {
        for (int j = k + 1; j < words.Length && j <= k + 3; j++)
            if (Complementizers.Contains(words[j].Norm) || words[j].Kind == TokenKind.Quote || words[j].Norm == ":") return true;
        return false;
    }

    // «قناة "الجزيرة"»، «ما يعرف بـ"…"»، «وصفه بأنه "غير بناء"»: a name or a term, not an utterance
    private static bool IsNameOrTerm(WordView[] words, int open, int inside)
    {
        if (open == 0) return false;
        var prev = words[open - 1];
        if (prev.Kind == TokenKind.ArabicWord)
        {
            foreach (var f in prev.Forms)
                if (NamingWords.Contains(f.Text)) return inside <= 8;
            if (prev.Norm is "ل" or "ب" or "لل" or "وال") return true; // لـ"سكاي نيوز عربية"
        }
        if (prev.Kind == TokenKind.LatinWord || prev.Norm is "(" ) return inside <= 6;
        // a short quotation not introduced by a colon, comma, speech verb or complementizer is a quoted term
        if (inside <= 5)
        {
            if (prev.Norm is ":" or "،" or ",") return false;
            if (prev.Kind == TokenKind.ArabicWord && (IsSpeechVerb(prev) || Complementizers.Contains(prev.Norm) || prev.Bare is "بالقول" or "فيها" or "فيه")) return false;
            return true;
        }
        return false;
    }

    private static int FindVerbBefore(WordView[] words, int open, bool[] breakBefore)
    {
        // back to the sentence start (a short quoted name such as "تاس" on the way does not stop the search)
        int statement = -1;
        for (int k = open - 1; k >= 0 && k >= open - 40; k--)
        {
            if (words[k].Norm == "." && k < open - 1) return statement;
            if (words[k].Kind == TokenKind.Quote) { if (breakBefore[k + 1]) return statement; continue; }
            if (IsSpeechVerb(words[k]) && !(WeakVerbs.Contains(words[k].Bare) && k < open - 2)) return k;
            // «وقالت وزارة الدفاع في بيان: "…"»: the verb before the statement noun still governs the quote
            if (words[k].Bare is "بيان" or "البيان" && statement < 0) statement = k;
            if (statement >= 0 && k <= statement - 8) return statement;
            if (breakBefore[k]) return statement;
        }
        return statement;
    }

    private static int FindVerbAfter(WordView[] words, int close)
    {
        for (int k = close + 1; k < words.Length && k <= close + 6; k++)
        {
            if (words[k].Kind == TokenKind.Quote || words[k].Norm == ".") return -1;
            if (IsSpeechVerb(words[k]) && !WeakVerbs.Contains(words[k].Bare)) return k;
        }
        return -1;
    }

    /// <summary>The speaker and relay of the quote whose attribution verb is <paramref name="verb"/>; <c>Named</c>
    /// is true when the text gives a subject even if it is not an actor (a private person, «مصادر»).</summary>
    private (ActorRef? Speaker, ActorRef? Via, bool Named) Attribute(string text, WordView[] words, int verb, int limit,
        List<ArgumentMention> args, ArgumentMention?[] argAt, int[] sentenceOf, IActorDirectory? directory, IReadOnlyList<TextSpan>? people, State st)
    {
        ActorRef? speaker = null, via = null;
        // "نقل أوشاكوف عن بوتين قوله": the relay verb governs قوله
        if (words[verb].Bare is "قوله" or "قولها")
            for (int k = verb - 1; k >= 0 && k >= verb - 10; k--)
                if (words[k].Bare is "نقل" or "نقلت") { verb = k; break; }
        // relay: نقل(ت) X عن Y / على لسان Y
        if (words[verb].Bare is "نقل" or "نقلت")
        {
            int an = -1;
            for (int k = verb + 1; k < words.Length && k <= verb + 10; k++)
                if (words[k].Bare == "عن" || words[k].Bare == "لسان") { an = k; break; }
            if (an > 0)
            {
                var y = args.Find(a => a.HeadFirst > an && a.HeadFirst <= an + 5 && !a.Actor.IsMedia);
                var x = args.Find(a => a.HeadFirst > verb && a.Last < an);
                via = x?.Actor.Ref ?? Outlet(text, words, verb + 1, an, ref st.LastAgency);
                if (via is not null && x?.Actor.IsMedia == true) st.LastAgency = via;
                if (y is not null) return (Speak(y.Actor, directory), via, true);
                if (an + 1 < words.Length && words[an + 1].Kind == TokenKind.ArabicWord && words[an + 1].Bare is not ("مصادر" or "مصدر"))
                {
                    // "عن روحاني" unlinked, or "عن المتحدث": back-reference
                    if (Anaphors.Contains(words[an + 1].Norm) && st.LastSpeaker is not null) return (st.LastSpeaker, via, true);
                }
                return (null, via, true);
            }
        }
        if (limit <= verb) limit = Math.Min(words.Length, verb + 12); // "«…»، قال لافروف": the speaker follows the verb

        // statement: بيان صادر عن X / بيان لـX / البيان
        int stmt = -1;
        for (int k = Math.Max(0, verb - 2); k < limit && k <= verb + 4; k++)
            if (words[k].Has("بيان")) { stmt = k; break; }
        if (stmt >= 0)
        {
            var issuer = args.Find(a => a.HeadFirst > stmt && a.HeadFirst < limit && a.HeadFirst <= stmt + 5 && !a.Actor.IsMedia);
            if (issuer is not null && issuer.Actor.Kind != "person" && (issuer.Prep.Length > 0 || issuer.HeadFirst > verb && words[stmt].Has("بيان") && stmt > verb))
            {
                st.LastIssuer = Speak(issuer.Actor, directory);
                return (st.LastIssuer, Via(text, words, args, verb, limit, st), true);
            }
        }

        // the subject after the verb: past time words and adjuncts ("في بيان", "لـCNN", "للصحفيين"), the first actor with
        // no preposition; an unlinked noun subject («وقالت الشرطة», «وقال مسؤول أميركي») is read as a noun phrase
        bool named = false;
        for (int k = verb + 1; k < limit && k <= verb + 12 && sentenceOf[k] == sentenceOf[verb]; k++)
        {
            var w = words[k];
            if (Complementizers.Contains(w.Norm) || w.Norm is ":" or "." || w.Kind == TokenKind.Quote) break;
            var a = argAt[k];
            if (a is not null)
            {
                if (a.Prep.Length == 0 && !a.Conj) { speaker = Speak(a.Actor, directory); named = true; break; }
                k = a.Last; // "لوكالة فرانس برس", "في مؤتمر مع نظيره"
                continue;
            }
            if (w.IsPunct || w.Kind != TokenKind.ArabicWord || Skippable.Contains(w.Bare) || Skippable.Contains(w.Norm)) continue;
            if (IsPrepositionLike(w)) { k = SkipPhrase(words, argAt, k, limit); continue; }
            // an unlinked noun: the subject's phrase runs until punctuation or the complementizer
            named = true;
            bool genitive = false;
            int j = k + 1;
            for (; j < limit && j <= k + 5; j++)
            {
                var x = words[j];
                if (x.IsPunct || Complementizers.Contains(x.Norm)) break;
                if (argAt[j] is { } m)
                {
                    // «مسؤول أميركي» (demonym), «القيادة العامة للجيش السوري» (the body it belongs to)
                    if (m.Prep.Length == 0 && !m.Conj || m.Prep == "ل" && !m.Actor.IsMedia) speaker = Speak(m.Actor, directory);
                    j = m.Last;
                    break;
                }
                // «بيان صادر عن الوزارة»
                if (x.Bare == "عن" && j + 1 < limit && Anaphors.Contains(words[j + 1].Norm))
                {
                    speaker = BackReference(words, args, verb, words[j + 1].Norm, sentenceOf, directory, st);
                    if (speaker is not null) break;
                }
                if (x.Kind == TokenKind.ArabicWord && speaker is null && directory is not null && _demonyms?.CountryOf(x) is { } iso
                    && directory.TryGetCountry(iso, out var country))
                {
                    speaker = country.Ref; // «مسؤول أميركي», «وزارة الدفاع الصينية», «البحرية اليونانية»
                    continue;
                }
                if (x.Kind == TokenKind.ArabicWord && !Skippable.Contains(x.Bare) && x.Bare is not ("ذاته" or "ذاتها" or "نفسه" or "نفسها")) genitive = true;
            }
            // «وأكدت وايت أن»: a name the actor list does not know is still the speaker
            if (speaker is null && j == k + 1 && !w.Bare.StartsWith("ال", StringComparison.Ordinal) && !CommonSubjects.Contains(w.Bare)
                && !IsNotName(w)
                && !w.Bare.Any(char.IsDigit) && !PronounPreps.Contains(w.Norm)
                && !Anaphors.Contains(w.Norm) && w.Bare.Length >= 3 && (j >= words.Length || words[j].IsPunct || Complementizers.Contains(words[j].Norm)))
                speaker = new ActorRef("name:" + text[w.Start..w.End], null, text[w.Start..w.End], null);
            // «وزير البترول المصري، طارق الملا،»: a name in apposition after a comma is the speaker
            int after = j;
            while (after < limit && after < words.Length && words[after].Norm is "،" or ",") after++;
            var app = after < limit && after > j ? argAt[after] ?? args.Find(x => x.First == after) : null;
            if (app is not null && app.Prep.Length == 0 && !app.Conj && !app.Actor.IsMedia
                && (speaker is null || app.Actor.Kind == "person"))
                speaker = Speak(app.Actor, directory);
            // a person named further on in a long title: «أركان حرب المنطقة العسكرية الخامسة العميد عمر جوهر»; else a titled
            // person the actor list does not know: «وزير الإدارة المحلية، عبدالرقيب فتح،»، or one the tagger found
            else if (app is null && (speaker is null || IsCountry(speaker, directory)))
            {
                if (PersonInPhrase(words, argAt, k, limit) is { } person) speaker = Speak(person.Actor, directory);
                else if ((TitledName(text, words, argAt, k, limit) ?? TaggedPerson(text, words, args, people, k, verb)) is { } name) speaker = name;
            }
            if (speaker is null && !genitive && Anaphors.Contains(w.Norm))
                speaker = BackReference(words, args, verb, w.Norm, sentenceOf, directory, st);
            // «وقالت الشرطة»، «وأكد مصدر عسكري»، «وذكر الادعاء في البحرين»: an unnamed state body or official speaks for
            // the country the phrase places it in, else the country the article is about
            if (speaker is null && StandsForState(words, k, j))
            {
                // «وذكر الادعاء في بيان» after «قال الادعاء في البحرين»: the same body speaks again
                string body = w.Bare.StartsWith("ال", StringComparison.Ordinal) ? w.Bare : "ال" + w.Bare;
                speaker = PlaceInPhrase(args, k, j + 6, limit, directory)
                    ?? st.Bodies.GetValueOrDefault(body) ?? (st.MainCountry ??= MainCountry(args, directory));
                if (speaker is not null) st.Bodies[body] = speaker;
            }
            // an organization the actor list does not know speaks under its name as written («قالت المفوضية العليا
            // للانتخابات في العراق»); the same head word alone later («وقالت المفوضية») refers back to it
            else if (speaker is null && OrgHeads.Contains(w.Bare.StartsWith("ال", StringComparison.Ordinal) ? w.Bare[2..] : w.Bare))
            {
                string body = w.Bare.StartsWith("ال", StringComparison.Ordinal) ? w.Bare : "ال" + w.Bare;
                bool alone = j == k + 1 || words[k + 1].IsPunct || IsPrepositionLike(words[k + 1]) || Skippable.Contains(words[k + 1].Bare);
                speaker = alone ? st.Bodies.GetValueOrDefault(body) : PhraseName(text, words, k, j);
                if (speaker is not null) st.Bodies[body] = speaker;
            }
            break;
        }
        if (!named)
        {
            // no subject after the verb: «المصادر أشارت» (subject before) or a pronoun (وأضاف، مضيفا، حيث قال)
            var w = words[verb];
            bool clauseStart = w.Norm.Length > w.Bare.Length || IsParticiple(w) || verb == 0 || words[verb - 1].IsPunct
                || words[verb - 1].Bare is "كما" or "ثم" or "حيث" or "قد" or "بل" or "فيما" or "بينما" or "لكنه" or "لكنها" or "بدوره" or "بدورها" or "جانبه" or "جانبها" or "جهته" or "جهتها";
            // «وكان وزير الخارجية المصري سامح شكري قد قال»: the subject stands before قد
            if (clauseStart && verb > 0 && words[verb - 1].Bare == "قد" && SubjectBefore(words, args, verb, sentenceOf) is { } beforeQad)
            {
                speaker = Speak(beforeQad.Actor, directory);
                named = true;
            }
            else if (!clauseStart)
            {
                var before = SubjectBefore(words, args, verb, sentenceOf);
                if (before is not null) speaker = Speak(before.Actor, directory);
                // «المصادر أشارت»، «مصدر عسكري آخر يقول»: an unnamed body or official as the subject before the verb
                else if (ClauseStart(words, verb, sentenceOf) is int s0 && StandsForState(words, s0, verb))
                    speaker = PlaceInPhrase(args, s0, verb, verb, directory) ?? (st.MainCountry ??= MainCountry(args, directory));
                named = true;
            }
            // «رد عليه الرئيس الإيراني، حسن روحاني قائلا»: the actor right before the participle is its subject
            else if (IsParticiple(w) && ActorRightBefore(words, args, verb, sentenceOf) is { } subject) speaker = Speak(subject.Actor, directory);
            else if (IsParticiple(w) && st.LastSpeaker is not null && sentenceOf[verb] - st.LastSentence <= 1) speaker = st.LastSpeaker;
            else if (IsParticiple(w)) speaker = ClauseSpeaker(words, args, verb, sentenceOf, directory) ?? RecentSubject(words, args, argAt, verb, sentenceOf, st.LastSentence, directory) ?? st.LastSpeaker;
            else speaker = RecentSubject(words, args, argAt, verb, sentenceOf, st.LastSentence, directory) ?? st.LastSpeaker;
        }
        return (speaker, Via(text, words, args, verb, limit, st), named || speaker is not null);
    }

    /// <summary>
    /// «وأكد المتحدث باسم الشرطة مختار علي وقوع الهجوم. وقال "…"»: a speech verb that introduced no quotation still
    /// names who speaks; a later verb with no subject goes on with that subject when it is more recent than the last
    /// quotation's speaker (this sentence or the one before, after the last quotation's sentence).
    /// </summary>
    private static ActorRef? RecentSubject(WordView[] words, List<ArgumentMention> args, ArgumentMention?[] argAt, int verb, int[] sentenceOf, int lastSentence, IActorDirectory? directory)
    {
        for (int k = verb - 1; k >= 0 && sentenceOf[k] >= sentenceOf[verb] - 1 && sentenceOf[k] > lastSentence; k--)
        {
            if (!IsSpeechVerb(words[k]) || WeakVerbs.Contains(words[k].Bare)) continue; // «جاء ذلك في مقابلة لـX مع Y»: no subject of its own
            // «لكن ترامب يعتبر الاتفاق ضعيفا»: a person named before the verb
            if (SubjectBefore(words, args, k, sentenceOf) is { Actor.Kind: "person" } before) return Speak(before.Actor, directory);
            for (int j = k + 1; j < verb && j <= k + 8; j++)
            {
                var x = words[j];
                if (x.IsPunct || x.Kind == TokenKind.Quote || Complementizers.Contains(x.Norm)) break;
                if (argAt[j] is not { } a) continue;
                if (a.Actor.IsMedia) break; // "لشبكة CNN فريد زكريا": the outlet's interviewer, not the speaker
                // a country or a city here is most often the adjective of an unlinked subject's title (المتحدث باسم الخارجية
                // الإيرانية بهرام قاسمي): only a person or a body is taken
                if (a.Prep.Length == 0 && !a.Conj && a.Actor.Kind is "person" or "organization") return Speak(a.Actor, directory);
                j = a.Last; // "باسم الشرطة": inside the subject's title
            }
        }
        return null;
    }

    // the first word of the clause that ends at the verb: back to punctuation or the sentence start, at most five words
    private static int? ClauseStart(WordView[] words, int verb, int[] sentenceOf)
    {
        int s0 = verb;
        while (s0 > 0 && verb - s0 < 5 && sentenceOf[s0 - 1] == sentenceOf[verb] && !words[s0 - 1].IsPunct && words[s0 - 1].Kind != TokenKind.Quote) s0--;
        if (s0 == verb || verb - s0 >= 5 && s0 > 0 && sentenceOf[s0 - 1] == sentenceOf[verb] && !words[s0 - 1].IsPunct) return null;
        // «وكانت اللجنة الأمنية قالت»: an auxiliary before the subject
        if (words[s0].Bare is "كانت" or "كان" && s0 + 1 < verb) s0++;
        return s0;
    }

    // an actor with no preposition ending at most two words (a comma) before the verb, in its sentence
    private static ArgumentMention? ActorRightBefore(WordView[] words, List<ArgumentMention> args, int verb, int[] sentenceOf)
    {
        var a = args.FindLast(x => x.Last < verb && x.Last >= verb - 2 && sentenceOf[x.Last] == sentenceOf[verb]);
        if (a is null || a.Prep.Length > 0 || a.Actor.IsMedia) return null;
        for (int k = a.Last + 1; k < verb; k++)
            if (!words[k].IsPunct) return null;
        return a;
    }

    // heads of organization names («منظمة …»، «الاتحاد …»، «اللجنة …»), without the article
    private static readonly HashSet<string> OrgHeads = WordSets.Of([
        "منظمه", "اتحاد", "لجنه", "مفوضيه", "جمعيه", "نقابه", "هيئه", "جبهه", "رابطه", "مؤسسه", "منظمات", "جامعه",
    ]);

    // the subject phrase words[k..j) as written, up to six words, as a name speaker
    private static ActorRef? PhraseName(string text, WordView[] words, int k, int j)
    {
        int e = Math.Min(j, k + 6) - 1;
        // «المفوضية العليا للانتخابات في»، «… الاثنين»، «المنظمة بيان»: a trailing preposition, day or statement is not the name
        while (e > k && (words[e].IsPunct || words[e].Kind != TokenKind.ArabicWord || Skippable.Contains(words[e].Bare)
            || Prepositions.Contains(words[e].Bare) || words[e].Bare is "بيان" or "بيانا" or "يوم"))
            e--;
        if (e <= k) return null;
        string name = text[words[k].Start..words[e].End];
        return new ActorRef("name:" + name, null, name, null);
    }

    // the first person with no preposition in the subject phrase (up to إن/أن, a colon or a quotation mark)
    private static ArgumentMention? PersonInPhrase(WordView[] words, ArgumentMention?[] argAt, int k, int limit)
    {
        for (int i = k; i < limit && i <= k + 12; i++)
        {
            var w = words[i];
            if (Complementizers.Contains(w.Norm) || w.Norm is ":" or "." || w.Kind == TokenKind.Quote) break;
            if (argAt[i] is { } a)
            {
                if (a.Actor.Kind == "person" && a.Prep.Length == 0 && !a.Conj) return a;
                i = a.Last;
            }
        }
        return null;
    }

    /// <summary>The subject word at <paramref name="k"/> lies in a person name the tagger found but the linker did not
    /// resolve («وقال إينجه»، «وأكد الأحمد»): the person named in full before whose name holds it, else the name as written.</summary>
    private static ActorRef? TaggedPerson(string text, WordView[] words, List<ArgumentMention> args, IReadOnlyList<TextSpan>? people, int k, int verb)
    {
        if (people is null || IsNotName(words[k])) return null;
        foreach (var p in people)
        {
            if (p.Start > words[k].Start || p.End < words[k].End) continue;
            string name = text[p.Start..p.End];
            string bare = words[k].Norm.Length > words[k].Bare.Length ? words[k].Bare : words[k].Norm;
            for (int i = args.Count - 1; i >= 0; i--)
            {
                var a = args[i];
                if (a.Last >= verb || a.Actor.Kind != "person") continue;
                string? ar = a.Actor.Ref.NameAr;
                if (ar is not null && (ar.EndsWith(name, StringComparison.Ordinal) || Normalize(ar).EndsWith(" " + bare, StringComparison.Ordinal))) return a.Actor.Ref;
            }
            return new ActorRef("name:" + name, null, name, null);
        }
        return null;
    }

    // the shared folding of alef forms, ta marbuta and alef maqsura, enough to compare a name's last word
    private static string Normalize(string s)
    {
        var c = s.ToCharArray();
        for (int i = 0; i < c.Length; i++)
            c[i] = c[i] switch { 'أ' or 'إ' or 'آ' => 'ا', 'ة' => 'ه', 'ى' => 'ي', _ => c[i] };
        return new string(c);
    }

    // rank titles written right before a name: «العميد عمر جوهر»، «اللواء خليفة حفتر»، «الدكتور …»
    private static readonly HashSet<string> RankTitles = WordSets.Of([
        "العميد", "اللواء", "العقيد", "المقدم", "الرائد", "النقيب", "الفريق", "المشير", "الدكتور", "الدكتوره", "الشيخ", "المهندس", "الاستاذ",
        "الاستاذه", "القاضي", "المستشار", "السيد", "السيده", "الامير", "الاميره", "الحاخام", "الاب", "المطران",
    ]);
    // bodies and unnamed officials of a state: they speak for their country (guide section 4)
    private static readonly HashSet<string> StateBodies = WordSets.Of([
        "الشرطه", "الهيئه", "الوزاره", "التحقيقات", "النيابه", "الادعاء", "السلطات", "الحكومه", "الجيش", "الرئاسه", "المديريه", "الداخليه",
        "الخارجيه", "القياده", "المركز", "الاجهزه", "الاستخبارات", "الامن", "القوات",
    ]);
    private static readonly HashSet<string> Officials = WordSets.Of([
        "مصدر", "مصادر", "مسؤول", "مسؤل", "مسؤولون", "مسؤولين", "متحدث", "المصدر", "المصادر", "المسؤول", "المسؤولون", "ناطق",
    ]);
    private static readonly HashSet<string> OfficialQualifiers = WordSets.Of([
        "عسكري", "عسكريه", "امني", "امنيه", "حكومي", "حكوميه", "رسمي", "رسميه", "دبلوماسي", "دبلوماسيه", "العسكري", "العسكريه", "الامني",
        "الامنيه", "الحكومي", "الرسمي", "باسم", "بالمكتب", "بالوزاره", "بالجيش", "ذاتها", "ذاته", "نفسه", "نفسها",
    ]);

    // the subject phrase words[k..j) names a state body or a qualified unnamed official («مصدر عسكري»، «المصدر الأمني»)
    private static bool StandsForState(WordView[] words, int k, int j)
    {
        var w = words[k];
        if (StateBodies.Contains(w.Norm) || StateBodies.Contains(w.Bare)) return true;
        // «بيان الوزارة»، «بيان صادر عن الجيش»، «تقرير الشرطة»: a statement of a state body
        if (w.Has("بيان") || w.Has("تقرير"))
        {
            for (int i = k + 1; i < j && i <= k + 3; i++)
                if (StateBodies.Contains(words[i].Norm) || StateBodies.Contains(words[i].Bare)) return true;
            return false;
        }
        if (!Officials.Contains(w.Norm) && !Officials.Contains(w.Bare)) return false;
        for (int i = k + 1; i < j && i <= k + 3; i++)
            if (OfficialQualifiers.Contains(words[i].Norm) || OfficialQualifiers.Contains(words[i].Bare)) return true;
        return false;
    }

    // «الادعاء في البحرين»، «مصدر عسكري في ليبيا»: a country or city named in the subject phrase
    private static ActorRef? PlaceInPhrase(List<ArgumentMention> args, int from, int to, int limit, IActorDirectory? directory)
    {
        foreach (var a in args)
            if (a.HeadFirst > from && a.HeadFirst <= to && a.HeadFirst < limit && a.Actor.Kind is "country" or "city" && a.Prep is "في" or "ب")
                return Speak(a.Actor, directory);
        return null;
    }

    // the country the article is about: the one its country and city mentions name most often (the first on a tie)
    private static ActorRef? MainCountry(List<ArgumentMention> args, IActorDirectory? directory)
    {
        var counts = new Dictionary<string, (int N, int First, ActorRef Ref)>(StringComparer.Ordinal);
        foreach (var a in args)
        {
            if (a.Actor.IsMedia || a.Actor.Kind == "person" || a.Actor.Ref.Country is null) continue;
            // a body of a state (وزارة الدفاع اليمنية) counts for its country
            var r = a.Actor.Kind is "country" or "city" ? Speak(a.Actor, directory)
                : directory is not null && directory.TryGetCountry(a.Actor.Ref.Country, out var c0) ? c0.Ref : null;
            if (r is null) continue;
            counts[r.Id] = counts.TryGetValue(r.Id, out var c) ? (c.N + 1, c.First, c.Ref) : (1, a.First, r);
        }
        ActorRef? best = null;
        int bestN = 0, bestFirst = int.MaxValue;
        foreach (var (n, first, r) in counts.Values)
            if (n > bestN || n == bestN && first < bestFirst) (best, bestN, bestFirst) = (r, n, first);
        return best;
    }

    private static bool IsCountry(ActorRef r, IActorDirectory? directory)
        => directory is not null && r.Country is not null && directory.TryGetCountry(r.Country, out var c) && c.Ref.Id == r.Id;

    /// <summary>A person the actor list does not know, named in the subject phrase that starts at <paramref name="k"/>:
    /// after a rank title («العميد عمر جوهر») or after a comma that closes a title («وزير الإدارة المحلية، عبدالرقيب فتح،»).
    /// The name is one to four words that end at punctuation, إن/أن or an adjunct («خلال»، «في»، «لوكالة»).</summary>
    private static ActorRef? TitledName(string text, WordView[] words, ArgumentMention?[] argAt, int k, int limit)
    {
        for (int i = k; i < limit && i <= k + 12; i++)
        {
            var w = words[i];
            if (Complementizers.Contains(w.Norm) || w.Norm is ":" or "." || w.Kind == TokenKind.Quote) break;
            bool rank = RankTitles.Contains(w.Norm) || RankTitles.Contains(w.Bare);
            bool comma = w.Norm is "،" or "," && i > k;
            if (!rank && !comma) continue;
            int n = 0, e = i + 1;
            for (; e < limit && e < words.Length && n < 4; e++, n++)
            {
                var x = words[e];
                if (x.Kind != TokenKind.ArabicWord || argAt[e] is not null || Complementizers.Contains(x.Norm) || IsPrepositionLike(x)
                    || Skippable.Contains(x.Bare) || Anaphors.Contains(x.Norm) || CommonSubjects.Contains(x.Bare) || RankTitles.Contains(x.Norm)
                    || x.Bare is "الذي" or "التي" or "الذين" or "وهو" or "وهي" or "قائلا" or "قائله") break;
                // a name's first word is not definite («طارق الملا» yes, «الأمين العام» no), nor a time word («نهاية يناير»)
                if (n == 0 && (x.Bare.StartsWith("ال", StringComparison.Ordinal) && !rank || IsNotName(x))) break;
            }
            if (n == 0 || e >= words.Length) continue;
            var end = words[e];
            bool closed = end.IsPunct || Complementizers.Contains(end.Norm) || IsPrepositionLike(end) || Skippable.Contains(end.Bare);
            if (!closed || comma && n == 1 && !(end.Norm is "،" or ",")) continue;
            string name = text[words[i + 1].Start..words[e - 1].End];
            return new ActorRef("name:" + name, null, name, null);
        }
        return null;
    }

    // «وقالت الوزارة», «وأضاف البيان»: the body named before whose name holds the noun, or for «الوزير», «المتحدث»
    // the person who spoke last
    private static ActorRef? BackReference(WordView[] words, List<ArgumentMention> args, int verb, string noun, int[] sentenceOf,
        IActorDirectory? directory, State st)
    {
        string stem = noun[2..];
        for (int i = args.Count - 1; i >= 0; i--)
        {
            var a = args[i];
            if (a.Last >= verb) continue;
            if (sentenceOf[verb] - sentenceOf[a.Last] > 4) break;
            // «وقالت الصحيفة»: an outlet speaks when the text makes it the subject; otherwise outlets only relay
            if (a.Actor.Kind == "person" || a.Actor.IsMedia && !OutletWords.Contains(stem)) continue;
            // an outlet's noun stands before its name (صحيفة هاأرتس، وكالة "وفا")
            for (int k = a.Actor.IsMedia ? Math.Max(0, a.HeadFirst - 2) : a.HeadFirst; k <= a.Last; k++)
                if (words[k].Has(stem) || words[k].Has(noun)) return Speak(a.Actor, directory);
        }
        if (noun is "البيان" or "التقرير") return st.LastIssuer ?? (st.LastSpeakerIsPerson ? null : st.LastSpeaker);
        if (!PersonAnaphors.Contains(noun)) return null;
        // «وأضاف الوزير»: the last person named with that title («وزير الخارجية الفرنسي جان إيف لودريان»)
        for (int i = args.Count - 1; i >= 0; i--)
        {
            var a = args[i];
            if (a.Last >= verb || a.Actor.Kind != "person") continue;
            if (sentenceOf[verb] - sentenceOf[a.Last] > 6) break;
            for (int k = a.HeadFirst; k < a.First; k++)
                if (words[k].Has(stem) || words[k].Has(noun)) return a.Actor.Ref;
        }
        return st.LastSpeakerIsPerson ? st.LastSpeaker : null;
    }

    private static ActorRef? Via(string text, WordView[] words, List<ArgumentMention> args, int verb, int limit, State st)
        => MediaArg(args, verb - 12, limit) ?? Outlet(text, words, Math.Max(0, verb - 12), limit, ref st.LastAgency);

    // prepositions written as words (the clitic ones, لـ بـ, are read from the word's form)
    private static readonly HashSet<string> Prepositions = WordSets.Of(["في", "خلال", "عبر", "امام", "لدي", "عن", "مع", "علي", "بعد", "اثر", "عقب", "حسب", "وفق", "ل", "الي"]);

    // "في بيان"، "خلال مؤتمر صحفي"، "لوكالة …"، "للصحفيين": adjuncts between the verb and its subject
    private static bool IsPrepositionLike(WordView w)
    {
        if (Prepositions.Contains(w.Bare)) return true;
        if (w.Norm.StartsWith("لل", StringComparison.Ordinal) || w.Norm.StartsWith("بال", StringComparison.Ordinal)) return true;
        if (Addressees.Contains(w.Norm) || PronounPreps.Contains(w.Norm) || w.Norm is "للصحفيين" or "للصحافيين") return true;
        foreach (var f in w.Forms)
            if ((f.Kind & FormKind.Noun) != 0 && f.Text.Length < w.Norm.Length && w.Norm[0] is 'ل' or 'ب' && OutletWords.Contains(f.Text)) return true;
        return false;
    }

    private static int SkipPhrase(WordView[] words, ArgumentMention?[] argAt, int k, int limit)
    {
        // the preposition and up to three words of its object (or the actor it governs)
        int j = k;
        for (int n = 0; n < 3 && j + 1 < limit; n++)
        {
            var w = words[j + 1];
            if (w.IsPunct || w.Kind != TokenKind.ArabicWord || Complementizers.Contains(w.Norm)) break;
            if (argAt[j + 1] is { } a) { if (a.Prep.Length == 0 && n == 0 && words[k].Bare is not ("في" or "خلال" or "عبر" or "عن" or "مع" or "ل")) break; j = a.Last; break; }
            if (n > 0 && (Skippable.Contains(w.Bare) || w.Bare.StartsWith("ال", StringComparison.Ordinal) && n > 1)) break;
            j++;
        }
        return j;
    }

    // «المتحدثة باسم البيت الأبيض أشارت إلى أن»: an actor with no preposition right before a verb that does not start
    // its own clause
    private static ArgumentMention? SubjectBefore(WordView[] words, List<ArgumentMention> args, int verb, int[] sentenceOf)
    {
        var w = words[verb];
        if (w.Norm.Length > w.Bare.Length || IsParticiple(w)) return null; // وأضاف / مضيفا: no subject before
        var a = args.FindLast(x => x.Last < verb && x.Last >= verb - 4 && sentenceOf[x.Last] == sentenceOf[verb]);
        if (a is null || a.Prep.Length > 0 || a.Actor.IsMedia) return null;
        // between the subject and the verb only time words and the auxiliaries of «… كان شدد»، «… قد قال»
        for (int k = a.Last + 1; k < verb; k++)
            if (words[k].Kind == TokenKind.ArabicWord && !Skippable.Contains(words[k].Bare) && words[k].Bare is not ("قد" or "كان" or "كانت")) return null;
        return a;
    }

    // the subject of the sentence's main verb before a participle ("وأشاد ترمب بالوزير، معتبرا أنه")
    private static ActorRef? ClauseSpeaker(WordView[] words, List<ArgumentMention> args, int verb, int[] sentenceOf, IActorDirectory? directory)
    {
        int s = sentenceOf[verb];
        int start = verb;
        while (start > 0 && sentenceOf[start - 1] == s) start--;
        for (int k = start; k < verb; k++)
        {
            if (words[k].Kind != TokenKind.ArabicWord) continue;
            // the first verb-like word of the sentence, then its subject
            var a = args.Find(x => x.HeadFirst > k && x.HeadFirst <= k + 2 && x.Last < verb && x.Prep.Length == 0 && !x.Conj && !x.Actor.IsMedia);
            if (a is not null && !IsSpeechVerb(words[k]) || a is not null && k == start) return Speak(a.Actor, directory);
            if (k > start + 1) break;
        }
        return null;
    }

    private static bool IsPerson(ActorRef r, List<ArgumentMention> args)
    {
        foreach (var a in args)
            if (a.Actor.Ref.Id == r.Id) return a.Actor.Kind == "person";
        return false;
    }

    // Official national news agencies: giving the state's own position with no one named, they speak for the state
    // (annotation guideline, ruling 5); reporting someone, they are the via (the relay paths never reach Speak).
    private static readonly HashSet<string> StateAgencies = new(StringComparer.Ordinal)
    {
        "sana", "spa", "wam", "kuna", "qna", "mena", "irna", "suna", "saba", "wafa", "petra", "bna", "ona", "ina", "nna", "map", "aps", "tap", "kcna",
    };

    // who speaks when a is named as the speaker: an official agency's state (above); places never speak, a city as the
    // subject stands for its country
    private static ActorRef Speak(EventActor a, IActorDirectory? directory)
    {
        if (StateAgencies.Contains(a.Ref.Id) && a.Ref.Country is { } state)
            return directory is not null && directory.TryGetCountry(state, out var country) ? country.Ref : new ActorRef(state.ToLowerInvariant(), null, null, state);
        if (a.Kind != "city" || a.Ref.Country is null) return a.Ref;
        if (directory is not null && directory.TryGetCountry(a.Ref.Country, out var c)) return c.Ref;
        return new ActorRef(a.Ref.Country.ToLowerInvariant(), null, null, a.Ref.Country);
    }

    private static ActorRef? MediaArg(List<ArgumentMention> args, int from, int to)
    {
        var m = args.Find(a => a.Actor.IsMedia && a.First >= from && a.Last < to);
        return m?.Actor.Ref;
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
