using System.Buffers;
using System.Runtime.CompilerServices;
using System.Collections.Frozen;
using Marsad.Analysis.Documents;

namespace Marsad.Analysis.Actors;

/// <summary>
/// Links stretches of Arabic text to actors of an <see cref="ActorRegistry"/>, in one left-to-right pass over the
/// document's words (folded and hashed by <see cref="ActorText"/>). At each word, the longest of these wins:
/// <list type="bullet">
/// <item>a registered name or variant, the first word possibly carrying proclitics (و، ف، ب، ل، ك، لل = ل + ال):
///   وبوتين، لبولتون، والبيت الأبيض;</item>
/// <item>a title of office with a nationality (الرئيس الروسي، وزير الخارجية الأميركي، وزير خارجية روسيا) → the
///   person holding that role on the document date, or, with no known holder, the country's government; a name after
///   the title is linked as a name, and an unknown name there becomes a new actor with the title's country and role
///   (وزير الخارجية الأميركي توني بلينكين);</item>
/// <item>a capital standing for its government (واشنطن، موسكو → usa-gov, rus-gov) unless a locative preposition
///   precedes it (في موسكو → the city);</item>
/// <item>coreference: المسؤول الروسي، الجانب الأمريكي، نظيره (الأمريكي)، الرئيسان → antecedents earlier in the document;</item>
/// <item>a family name alone after the full name (بولتون after جون بولتون);</item>
/// <item>a first name and a family name nobody registered, right after an attribution verb or a few words after a
///   title's head word (وقال أشرف القدرة، المتحدث باسم الوزارة أشرف القدرة) → a new person.</item>
/// </list>
/// Entity mentions from a tagger are linked afterwards by the same tables. Immutable and thread-safe.
/// </summary>
public sealed class ActorLinker
{
    private static readonly FrozenSet<string> Locatives = new[] { "في", "من", "الى", "إلى", "الي", "داخل", "قرب", "نحو", "ضواحي", "وسط", "غرب", "شرق", "شمال", "جنوب", "مدينه", "العاصمه", "قمه", "مؤتمر", "اتفاق", "اتفاقيه", "محادثات", "مفاوضات", "لقاء", "اجتماع", "مطار", "جامعه", "بلديه", "محافظ", "شوارع", "سكان", "اهالي" }
        .Select(ActorText.FoldPhrase).ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LocativeSpans = Locatives.GetAlternateLookup<ReadOnlySpan<char>>();

    // Words that end a run of name words after a title (function words, common verbs and time words).
    private static readonly FrozenSet<ulong> StopWords = Hashes(
        "في", "من", "على", "إلى", "الى", "عن", "مع", "إن", "أن", "ان", "قد", "لقد", "ما", "لا", "لم", "لن", "هو", "هي", "الذي", "التي",
        "قال", "قالت", "أكد", "أكدت", "أعلن", "أعلنت", "أضاف", "أضافت", "أوضح", "أشار", "اليوم", "أمس", "يوم", "خلال", "بعد", "قبل",
        "لدى", "حول", "بشأن", "كما", "وقال", "وقالت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
        "السابق", "السابقة", "الجديد", "الجديدة", "الحالي", "الحالية", "بن", "ابن", "بين", "عبر", "ضد", "أمام", "إنه", "إنها", "أنه", "أنها",
        "يقول", "تقول", "يرى", "كان", "كانت", "وكان", "وكانت", "الذين", "نفسه", "ذاته", "أيضا", "أيضاً", "حيث", "ثم", "أو", "أي",
        "باسم", "رغم", "أمير", "الأمير", "الأميرة", "زوجة", "زوج", "نجل", "شقيق", "ابنة", "بينما", "عندما", "وفي", "وقد", "فقد", "ولكن", "لكن", "وزارة", "حكومة", "مجلس", "جمهورية", "دولة", "رئيس", "وزير", "وزراء", "لرئيس", "لوزير", "مدير", "هيئة", "لجنة", "منظمة",
        "عليه", "عليها", "عليهم", "منه", "منها", "منهم", "عنه", "عنها", "عنهم", "فيه", "فيها", "فيهم", "له", "لها", "لهم", "به", "بها",
        "إليه", "إليها", "معه", "معها");

    private static readonly FrozenSet<ulong> NameJoiners = Hashes("بن", "بنت", "ابن", "عبد", "أبو", "ابو", "آل", "ال", "دي", "دو", "فون", "لو", "أبي");

    private static readonly FrozenSet<ulong> Patronymic = Hashes("بن", "بنت", "ابن");

    // The second half of a compound first name (سعد الدين، نور الدين، عبد الله): the family name still follows it.
    private static readonly FrozenSet<ulong> CompoundEnds = Hashes("الدين", "الله", "الرحمن", "الرحيم");

    // After a nationality these change the country: البرلمان الكوري الشمالي is North Korea's, not South Korea's.
    private static readonly FrozenSet<ulong> Directions = Hashes("الشمالي", "الشمالية", "الجنوبي", "الجنوبية", "الشرقي", "الشرقية", "الغربي", "الغربية");

    private static readonly FrozenSet<ulong> Former = Hashes("السابق", "السابقة", "الأسبق", "الأسبقة");

    private static readonly FrozenSet<ulong> Counterparts = Hashes("نظيره", "نظيرته", "نظيرها", "نظيريه", "نظيرهما", "نظيرتها", "نظيرتهما", "نظيره", "ونظيره", "ونظيرته", "لنظيره", "لنظيرته", "بنظيره", "بنظيرته", "ونظيرها", "لنظيرها", "بنظيرها");
    private static readonly FrozenSet<ulong> OfficialNouns = Hashes("المسؤول", "المسؤولة", "المسؤولون", "المسؤولين", "الدبلوماسي", "الدبلوماسية", "الدبلوماسيون", "الدبلوماسيين",
        "المبعوث", "المبعوثة", "الزعيم", "الزعيمة", "المتحدث", "المتحدثة", "الوزير", "الوزيرة", "المسؤولان", "المسؤولين", "الضيف",
        "المعارض", "المعارضة", "الناشط", "الناشطة", "الصحفي", "الصحفية", "الصحافي", "الصحافية", "الكاتب", "الكاتبة", "المحلل", "الجنرال",
        "الشيخ", "الأمير", "الأميرة", "الملياردير", "القيادي", "السياسي", "النائب", "النائبة", "الجندي", "المواطن", "المواطنة",
        "السيناتور", "السناتور", "الممثل", "الممثلة", "المحامي", "المحامية", "محاميه", "محاميها", "المدير", "المديرة", "الدكتور", "اللواء", "العقيد", "الفريق", "العميد");
    // Words after which a first name and a family name name a person the registry does not know: an attribution verb
    // right before the name (وقال أشرف القدرة), or the head of a title of office or profession a few words before it in
    // the same clause (المتحدث باسم الوزارة أشرف القدرة، وزيرة شؤون المهجرين أليس شبطيني).
    private static readonly FrozenSet<ulong> PersonLeadVerbs = Hashes(WithConjunctions(
        "قال", "قالت", "أضاف", "أضافت", "أكد", "أكدت", "أوضح", "أوضحت", "صرح", "صرحت", "أشار", "أشارت", "ذكر", "ذكرت", "أعلن",
        "أعلنت", "اعتبر", "اعتبرت", "رأى", "رأت", "لفت", "لفتت", "تابع", "تابعت", "شدد", "شددت", "كشف", "كشفت", "أفاد", "أفادت",
        "يقول", "تقول", "أبلغ", "أبلغت", "كتب", "كتبت", "علق", "علقت", "طالب", "طالبت", "دعا", "دعت", "حذر", "حذرت"));
    private static readonly FrozenSet<ulong> PersonTitleHeads = Hashes(WithConjunctions(
        "وزير", "وزيرة", "الوزير", "الوزيرة", "المتحدث", "المتحدثة", "الناطق", "الناطقة", "متحدث", "ناطق", "مدير", "مديرة",
        "المدير", "المديرة", "مديرها", "مديره", "رئيس", "رئيسة", "رئيسها", "رئيسه", "سفير", "سفيرة", "السفير", "السفيرة", "نائب", "نائبة",
        "قائد", "القائد", "محافظ", "المحافظ", "مستشار", "مستشارة", "أمين", "الأمين", "مساعد", "مساعدة", "المبعوث", "ممثل", "مندوب",
        "الطبيب", "الطبيبة", "الدكتور", "الدكتورة", "الباحث", "الباحثة", "الخبير", "الخبيرة", "الأستاذ", "الأستاذة", "البروفيسور",
        "مؤسس", "مؤسسة", "عضو", "عضوة", "المدعي", "القاضي", "المحامي", "المحامية", "المدرب", "اللاعب", "الفنان", "الفنانة"));

    private static readonly FrozenSet<ulong> SideNouns = Hashes("الجانب", "الطرف", "الجانبان", "الطرفان");
    private static readonly FrozenSet<ulong> DualLeaders = Hashes("الرئيسان", "الرئيسين", "الزعيمان", "الزعيمين");
    private static readonly FrozenSet<ulong> DualMinisters = Hashes("الوزيران", "الوزيرين");
    // Nouns that introduce an outlet by its quoted name: صحيفة "ليزيكو"، وكالة "يونهاب"، موقع "ميزان".
    private static readonly FrozenSet<ulong> MediaNouns = Hashes("صحيفة", "صحيفتا", "صحيفتي", "جريدة", "مجلة", "وكالة", "وكالات", "قناة", "موقع", "تلفزيون", "إذاعة", "شبكة", "محطة");

    private static readonly FrozenSet<ulong> CorefWords = Counterparts.Concat(OfficialNouns).Concat(SideNouns).Concat(DualLeaders).Concat(DualMinisters).ToFrozenSet();
    // IsMediaNoun runs at every word, and almost every word fails this filter.
    private static readonly HashBitFilter MediaFilter = new(MediaNouns, log2Bits: 8);
    private static readonly FrozenSet<string> LeaderRoles = new[] { "president", "prime_minister", "king", "emir", "supreme_leader", "crown_prince" }.ToFrozenSet(StringComparer.Ordinal);

    private const int MaxWordLength = 40;

    // A place noun right before a place name that is also a common word makes it a name: مدينة بيرا، ولاية ماليه.
    private static readonly FrozenSet<ulong> PlaceNouns = Hashes("مدينة", "المدينة", "العاصمة", "عاصمة", "ولاية", "محافظة", "بلدة", "قرية", "إقليم", "مقاطعة", "جزيرة", "ميناء", "دولة", "جمهورية", "مملكة");
    // Words that name a person right after them: السيد عون، الرئيس عون، الشيخ صالح.
    private static readonly FrozenSet<ulong> PersonCues = Hashes("السيد", "السيدة", "الرئيس", "الرئيسة", "رئيس", "الملك", "الأمير", "الشيخ", "الزعيم", "الجنرال", "المشير", "الدكتور", "د", "اللواء", "العقيد", "الفريق", "العميد", "القاضي", "السفير", "النائب", "السيناتور", "الوزير", "الوزيرة");

    private readonly ActorRegistry _registry;
    // Names that are also common words (measured on the dev corpus, see AmbiguousNames): linked only with the tagger's
    // entity span over them or a strong cue in the text.
    private readonly FrozenSet<ulong> _ambiguous;
    // Every word a match can begin with (registry phrases, titles, coreference words), and a filter over their hashes:
    // most words of a text begin nothing, and one bit test rejects them without a set lookup.
    private readonly FrozenSet<ulong> _startWords;
    private readonly HashBitFilter _startFilter;

    /// <summary>Creates a linker over <paramref name="registry"/>.</summary>
    public ActorLinker(ActorRegistry registry) : this(registry, AmbiguousNames.BuiltIn)
    {
    }

    /// <summary>Creates a linker over <paramref name="registry"/> that links the names in <paramref name="ambiguous"/> only with support.</summary>
    public ActorLinker(ActorRegistry registry, AmbiguousNames ambiguous)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(ambiguous);
        _registry = registry;
        _ambiguous = ambiguous.Hashes;
        _startWords = registry.StartWords.Concat(CorefWords).ToFrozenSet();
        _startFilter = new HashBitFilter(_startWords, log2Bits: 18);
    }

    private bool MayStart(ulong hash) => _startFilter.MayContain(hash) && _startWords.Contains(hash);

    /// <summary>The registry this linker resolves against.</summary>
    public ActorRegistry Registry => _registry;

    // Each word, and the word with و or ف before it.
    private static string[] WithConjunctions(params string[] words)
    {
        var all = new string[words.Length * 3];
        for (int i = 0; i < words.Length; i++)
        {
            all[i * 3] = words[i];
            all[i * 3 + 1] = "و" + words[i];
            all[i * 3 + 2] = "ف" + words[i];
        }
        return all;
    }

    private static FrozenSet<ulong> Hashes(params string[] words)
    {
        var set = new HashSet<ulong>();
        foreach (var w in words)
        {
            var h = ActorText.PhraseHashes(w);
            if (h.Count == 1)
                set.Add(h[0]);
        }
        return set.ToFrozenSet();
    }

    private struct Word
    {
        public int Start, End;      // original offsets
        public int FStart, FLen;    // folded form in the buffer
        public ulong Hash;          // hash of the folded word (after whole-word variants)
        public bool Break;          // punctuation (not only spaces) between the previous word and this one
        public bool Comma;          // the punctuation before this word is a single comma (an apposition may follow)
    }

    /// <summary>One way to read the first word of a match: the word itself or the word without proclitics.</summary>
    private readonly record struct FirstForm(ulong Hash, int StartOffset, bool Stripped, int FoldedPrefix);

    /// <summary>
    /// Links the actors of one document. <paramref name="date"/> is its publication date (roles are resolved on it);
    /// <paramref name="entities"/> are a tagger's mentions to link as well (may be null).
    /// </summary>
    public ActorLinkResult Link(string text, DateOnly? date, IReadOnlyList<EntityMention>? entities = null) => LinkCore(text, date, entities, null);

    /// <summary>
    /// Every plain registry-name match the linker makes in one document (not after a title), with whether a tagger
    /// entity covers exactly its words: the measurement <see cref="AmbiguousNames"/> is derived from. Use a linker
    /// built with <see cref="AmbiguousNames.None"/> so that nothing is held back.
    /// </summary>
    internal List<NameUse> Survey(string text, DateOnly? date, IReadOnlyList<EntityMention>? entities)
    {
        var uses = new List<NameUse>();
        LinkCore(text, date, entities, uses);
        return uses;
    }

    private ActorLinkResult LinkCore(string text, DateOnly? date, IReadOnlyList<EntityMention>? entities, List<NameUse>? survey)
    {
        ArgumentNullException.ThrowIfNull(text);
        // The per-document working memory (folded text, words, their readings, document aliases, mention history) is
        // kept per thread and reused: allocating it anew for every document made the garbage collector a large part of
        // linking's cost, and pooled arrays of long documents landed on the large-object heap.
        var scratch = t_scratch ?? new Scratch();
        t_scratch = null; // not shared with a nested call on this thread
        try
        {
            scratch.Prepare(text.Length);
            Split(text, scratch.Folded, scratch.Words);
            scratch.PrepareForms(scratch.Words.Count);
            var state = new DocState(this, text, scratch, date, entities, survey);
            state.Run();
            var linkedEntities = state.LinkEntities(entities);
            return new ActorLinkResult(state.Mentions, state.Used, linkedEntities, date);
        }
        finally
        {
            if (scratch.Folded.Length <= 1 << 17)
                t_scratch = scratch;
        }
    }

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>Per-thread buffers of <see cref="Link"/>; they only grow, and a thread drops them after a very long document.</summary>
    private sealed class Scratch
    {
        public char[] Folded = new char[4096];
        public readonly List<Word> Words = new(512);
        public FirstForm[] Forms = new FirstForm[2048];
        public byte[] FormCount = new byte[512];
        public readonly Dictionary<ulong, Actor?> DocAliases = new();
        public readonly List<(ActorMention Mention, Actor Actor)> History = new();

        public void Prepare(int textLength)
        {
            if (Folded.Length < textLength)
                Folded = new char[Math.Max(textLength, Folded.Length * 2)];
            Words.Clear();
            DocAliases.Clear();
            History.Clear();
        }

        public void PrepareForms(int words)
        {
            if (FormCount.Length < words)
            {
                FormCount = new byte[Math.Max(words, FormCount.Length * 2)];
                Forms = new FirstForm[FormCount.Length * 4];
            }
        }
    }

    // Hot per-word path: compiled optimized at once (tiering starves on a loaded machine).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Split(string text, char[] folded, List<Word> words)
    {
        // One pass per character: the fold table says whether it is a word character and what it folds to, and the
        // word's hash is built as it is folded (recomputed only in the rare اميرك → امريك rewrite).
        var table = ActorText.FoldTable;
        int i = 0, f = 0;
        bool brk = true;
        int commas = 0, others = 0;
        while (i < text.Length)
        {
            char c = text[i];
            char fc = table[c];
            if (fc == ActorText.NotWord)
            {
                // A hyphen inside a name joins its parts like a space (كيم جونغ-أون، جان-إيف).
                bool joiner = c is '-' or '\u2010' && i > 0 && i + 1 < text.Length && ActorText.IsWordChar(text[i - 1]) && ActorText.IsWordChar(text[i + 1]);
                if ((!char.IsWhiteSpace(c) || c is '\n' or '\r') && !joiner)
                {
                    brk = true;
                    if (c is '،' or ',') commas++; else others++;
                }
                i++;
                continue;
            }
            int s = i, n = 0, limit = i + MaxWordLength;
            ulong h = ActorText.HashSeed;
            bool rewritten = false;
            var dst = folded.AsSpan(f);
            do
            {
                if (fc != '\0' && i < limit)
                {
                    dst[n++] = fc;
                    h = ActorText.HashStep(h, fc);
                    if (fc == '\u0643' && n >= 5)
                        rewritten |= ActorText.FixAmerican(dst, n);
                }
                i++;
            }
            while (i < text.Length && (fc = table[text[i]]) != ActorText.NotWord);
            if (n == 0)
                continue;
            ulong raw = rewritten ? ActorText.RawHash(dst[..n]) : ActorText.HashEnd(h);
            words.Add(new Word { Start = s, End = i, FStart = f, FLen = n, Hash = ActorText.MapVariant(raw), Break = brk, Comma = commas == 1 && others == 0 });
            f += n;
            brk = false;
            commas = others = 0;
        }
    }

    /// <summary>Per-document working state: one instance per call, never shared.</summary>
    private sealed class DocState
    {
        private readonly ActorLinker _linker;
        private readonly ActorRegistry _reg;
        private readonly string _text;
        private readonly char[] _folded;
        private readonly List<Word> _w;
        private readonly DateOnly? _date;
        private readonly Dictionary<ulong, Actor?> _docAliases;   // seq hash → actor (null = ambiguous)
        private readonly FirstForm[] _forms;                      // 4 readings per word, computed once
        private readonly byte[] _formCount;
        private readonly List<(ActorMention Mention, Actor Actor)> _history;
        private readonly IReadOnlyList<EntityMention>? _entities;   // the tagger's, in any order
        private readonly List<NameUse>? _survey;

        public List<ActorMention> Mentions { get; } = new(16);
        public Dictionary<string, Actor> Used { get; } = new(8, StringComparer.Ordinal);

        public DocState(ActorLinker linker, string text, Scratch scratch, DateOnly? date, IReadOnlyList<EntityMention>? entities, List<NameUse>? survey)
        {
            _entities = entities;
            _survey = survey;
            _linker = linker;
            _reg = linker._registry;
            _text = text;
            _folded = scratch.Folded;
            _w = scratch.Words;
            _date = date;
            _forms = scratch.Forms;
            _formCount = scratch.FormCount;
            _docAliases = scratch.DocAliases;
            _history = scratch.History;
            for (int i = 0; i < _w.Count; i++)
                _formCount[i] = (byte)ComputeFirstForms(i, _forms.AsSpan(i * 4, 4));
        }

        private ReadOnlySpan<char> F(int i) => _folded.AsSpan(_w[i].FStart, _w[i].FLen);

        /// <summary>The readings of word i as the first word of a phrase: as written, and without proclitics.</summary>
        private int FirstForms(int i, Span<FirstForm> forms)
        {
            int n = _formCount[i];
            _forms.AsSpan(i * 4, n).CopyTo(forms);
            return n;
        }

        // Hot per-word path: compiled optimized at once (tiering starves on a loaded machine).
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool IsMediaNoun(int i)
        {
            int n = _formCount[i];
            for (int f = 0; f < n; f++)
            {
                ulong h = _forms[i * 4 + f].Hash;
                if (MediaFilter.MayContain(h) && MediaNouns.Contains(h))
                    return true;
            }
            return false;
        }

        private static bool IsOpenQuote(char c) => c is '"' or '«' or '“' or '”' or '(' or '\'';
        private static bool IsCloseQuote(char c) => c is '"' or '»' or '”' or '“' or ')' or '\'';

        /// <summary>
        /// صحيفة "ليزيكو" الفرنسية: an outlet named in quotes after a media noun becomes a new organization (country from
        /// a nationality right after), unless the registry knows the name. Returns the next word or 0.
        /// </summary>
        private int QuotedOutlet(int i)
        {
            int k = i + 1;
            if (k >= _w.Count || !_text.AsSpan(_w[i].End, _w[k].Start - _w[i].End).ContainsAny("\"«“”('"))
                return 0;
            int gapOk = 0;
            for (int p = _w[i].End; p < _w[k].Start; p++)
                if (IsOpenQuote(_text[p])) gapOk++;
                else if (!char.IsWhiteSpace(_text[p])) return 0;
            if (gapOk != 1)
                return 0;
            int m = k;
            while (true)
            {
                int gapEnd = m + 1 < _w.Count ? _w[m + 1].Start : _text.Length;
                var gap = _text.AsSpan(_w[m].End, gapEnd - _w[m].End);
                var trimmed = gap.TrimStart();
                bool closes = trimmed.Length > 0 && IsCloseQuote(trimmed[0]);
                if (closes)
                    break;
                if (gap.Trim().Length > 0 || m - k >= 3 || m + 1 >= _w.Count)
                    return 0;
                m++;
            }
            var (pEnd, targets, _) = LongestPhrase(k, allowClitics: false);
            if (targets is not null && pEnd == m + 1)
                return 0;   // a known name: the ordinary path links it
            // موقع "الحادث" is a place, not a website: after موقع only names without the article count.
            if (HasArticle(k) && F(i).EndsWith("موقع"))
                return 0;
            string surface = _text[_w[k].Start.._w[m].End];
            string id = "new:" + ActorText.FoldPhrase(surface).Replace(' ', '_');
            string? country = null;
            // The closing quote is the only punctuation allowed before the nationality: "ليزيكو" الفرنسية.
            if (m + 1 < _w.Count && _reg.DemonymAdjectives.TryGetValue(_w[m + 1].Hash, out var c0)
                && _text.AsSpan(_w[m].End, _w[m + 1].Start - _w[m].End).Trim().Length == 1)
                country = c0;
            if (!Used.TryGetValue(id, out var org))
                org = new Actor { Id = id, Kind = "organization", NameAr = surface, Country = country, Code = (country ?? "") + "MED" };
            Emit(_w[k].Start, _w[m].End, org, ActorMentionKind.Name);
            ulong h = ActorText.SeqSeed;
            for (int j = k; j <= m; j++)
                h = ActorText.Combine(h, _w[j].Hash);
            _docAliases.TryAdd(h, org);
            return m + 1;
        }

        private bool CanStart(int i)
        {
            int n = _formCount[i];
            for (int f = 0; f < n; f++)
            {
                if (_linker.MayStart(_forms[i * 4 + f].Hash))
                    return true;
            }
            return false;   // Counterparts are coreference words: the first form (the word itself) was checked
        }

        private int ComputeFirstForms(int i, Span<FirstForm> forms)
        {
            int n = 0;
            forms[n++] = new FirstForm(_w[i].Hash, 0, false, 0);
            var f = F(i);
            int k = 0;
            if (f.Length >= 4 && (f[0] == 'و' || f[0] == 'ف'))
            {
                k = 1;
                forms[n++] = new FirstForm(ActorText.WordHash(f[1..]), 1, true, 1);
            }
            if (f.Length - k >= 4 && (f[k] == 'ب' || f[k] == 'ل' || f[k] == 'ك'))
            {
                forms[n++] = new FirstForm(ActorText.WordHash(f[(k + 1)..]), k + 1, true, k + 1);
                if (f[k] == 'ل' && f[k + 1] == 'ل' && f.Length - k >= 4)
                {
                    // لل = preposition ل + article ال with its alef elided: للكرملين → الكرملين
                    Span<char> tmp = stackalloc char[MaxWordLength + 1];
                    tmp[0] = 'ا';
                    f[(k + 1)..].CopyTo(tmp[1..]);
                    forms[n++] = new FirstForm(ActorText.WordHash(tmp[..(f.Length - k)]), k + 1, true, k + 1);
                }
            }
            return n;
        }

        /// <summary>Original offset of folded position <paramref name="foldedPos"/> inside word i.</summary>
        private int OrigOffset(int i, int foldedPos)
        {
            if (foldedPos == 0)
                return _w[i].Start;
            int seen = 0;
            for (int p = _w[i].Start; p < _w[i].End; p++)
            {
                if (ActorText.Fold(_text[p]) == '\0')
                    continue;
                if (seen == foldedPos)
                    return p;
                seen++;
            }
            return _w[i].End;
        }

        private bool Adjacent(int j) => j < _w.Count && !_w[j].Break;

        /// <summary>Adjacent, or after one comma (وزير الخارجية الفلبيني، بيتر كايتانو).</summary>
        private bool Apposed(int j) => j < _w.Count && (!_w[j].Break || _w[j].Comma);

        /// <summary>True when word j is written with the article ال (checked on the original letters: أليكسي is no article).</summary>
        private bool HasArticle(int j) => _w[j].End - _w[j].Start > 3 && _text[_w[j].Start] == 'ا' && _text[_w[j].Start + 1] == 'ل';

        /// <summary>Longest registered phrase starting at word i: (end word exclusive, targets, form).</summary>
        // Hot per-word path: compiled optimized at once (tiering starves on a loaded machine).
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private (int End, PhraseTarget[]? Targets, FirstForm Form) LongestPhrase(int i, bool allowClitics = true)
        {
            Span<FirstForm> forms = stackalloc FirstForm[4];
            int nf = allowClitics ? FirstForms(i, forms) : 1;
            if (!allowClitics)
                forms[0] = new FirstForm(_w[i].Hash, 0, false, 0);
            int bestEnd = -1;
            PhraseTarget[]? best = null;
            FirstForm bestForm = default;
            for (int fi = 0; fi < nf; fi++)
            {
                ulong h = ActorText.Combine(ActorText.SeqSeed, forms[fi].Hash);
                int j = i + 1;
                while (true)
                {
                    if (_reg.Phrases.TryGetValue(h, out var t) && j > bestEnd)
                    {
                        bestEnd = j;
                        best = t;
                        bestForm = forms[fi];
                    }
                    if (j - i >= _reg.MaxPhraseWords || !Adjacent(j) || !_reg.PhrasePrefixes.Contains(h))
                        break;
                    h = ActorText.Combine(h, _w[j].Hash);
                    j++;
                }
            }
            return (bestEnd, best, bestForm);
        }

        /// <summary>Longest document alias (a name met earlier in this document) starting at word i.</summary>
        // Hot per-word path: compiled optimized at once (tiering starves on a loaded machine).
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private (int End, Actor? Actor, FirstForm Form) LongestAlias(int i)
        {
            if (_docAliases.Count == 0)
                return (-1, null, default);
            Span<FirstForm> forms = stackalloc FirstForm[4];
            int nf = FirstForms(i, forms);
            int bestEnd = -1;
            Actor? best = null;
            FirstForm bestForm = default;
            for (int fi = 0; fi < nf; fi++)
            {
                ulong h = ActorText.Combine(ActorText.SeqSeed, forms[fi].Hash);
                for (int j = i + 1; ; j++)
                {
                    if (_docAliases.TryGetValue(h, out var a) && a is not null && j > bestEnd)
                    {
                        bestEnd = j;
                        best = a;
                        bestForm = forms[fi];
                    }
                    if (j - i >= 4 || !Adjacent(j))
                        break;
                    h = ActorText.Combine(h, _w[j].Hash);
                }
            }
            return (bestEnd, best, bestForm);
        }

        /// <summary>Longest title of office starting at word i.</summary>
        // Hot per-word path: compiled optimized at once (tiering starves on a loaded machine).
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private (int End, TitleEntry[]? Entries, FirstForm Form) LongestTitle(int i)
        {
            Span<FirstForm> forms = stackalloc FirstForm[4];
            int nf = FirstForms(i, forms);
            int bestEnd = -1;
            TitleEntry[]? best = null;
            FirstForm bestForm = default;
            for (int fi = 0; fi < nf; fi++)
            {
                ulong h = ActorText.Combine(ActorText.SeqSeed, forms[fi].Hash);
                int j = i + 1;
                while (true)
                {
                    if (_reg.Titles.TryGetValue(h, out var t) && j > bestEnd)
                    {
                        bestEnd = j;
                        best = t;
                        bestForm = forms[fi];
                    }
                    if (j - i >= 10 || !Adjacent(j) || !_reg.TitlePrefixes.Contains(h))
                        break;
                    h = ActorText.Combine(h, _w[j].Hash);
                    j++;
                }
            }
            return (bestEnd, best, bestForm);
        }

        /// <summary>A nationality adjective or a country name at word j: (end, country) or (-1, null).</summary>
        private (int End, string? Country) CountryAt(int j)
        {
            if (!Adjacent(j))
                return (-1, null);
            if (_reg.DemonymAdjectives.TryGetValue(_w[j].Hash, out var c))
                return (j + 1, c);
            var (end, targets, form) = LongestPhrase(j);
            // Only the bare name or the name with ل (سكرتير مجلس الأمن القومي لروسيا) says whose title it is.
            bool lamOnly = !form.Stripped || (form.FoldedPrefix == 1 && F(j)[0] == 'ل');
            if (targets is not null && lamOnly)
                foreach (var t in targets)
                    if (t.Actor.Kind == "country" && t.Kind == PhraseKind.Name)
                        return (end, t.Actor.Country);
            // للولايات المتحدة، لروسيا (الأمين العام ...) are not titles with a country; keep it simple.
            return (-1, null);
        }

        public void Run()
        {
            int i = 0;
            while (i < _w.Count)
            {
                int next = Step(i);
                i = next > i ? next : i + 1;
            }
        }

        // Hot per-word path: compiled optimized at once (tiering starves on a loaded machine).
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int Step(int i)
        {
            if (IsMediaNoun(i) && QuotedOutlet(i) is var q && q > 0)
                return q;
            if (!CanStart(i))
            {
                // Most words begin nothing: only a name met earlier in the document can start here.
                if (_docAliases.Count == 0)
                    return i + 1;
                var (e0, a0, f0) = LongestAlias(i);
                if (a0 is null || AfterOtherFirstName(i, f0))
                    return CuedPerson(i) is var p0 && p0 > 0 ? p0 : i + 1;
                Emit(SpanStart(i, f0), _w[e0 - 1].End, a0, ActorMentionKind.PartialName);
                return e0;
            }
            var (pEnd, targets, pForm) = LongestPhrase(i);
            var (tEnd, titles, tForm) = LongestTitle(i);
            var (aEnd, alias, aForm) = LongestAlias(i);

            // Coreference and title patterns come first when at least as long as a name.
            int c = Coreference(i, Math.Max(pEnd, aEnd));
            if (c > 0)
                return c;
            if (titles is not null && tEnd >= pEnd && tEnd >= aEnd)
            {
                int t = Title(i, tEnd, titles, tForm);
                if (t > 0)
                    return t;
            }
            if (targets is not null && pEnd >= aEnd)
                return Name(i, pEnd, targets, pForm);
            if (alias is not null && !AfterOtherFirstName(i, aForm))
            {
                Emit(SpanStart(i, aForm), _w[aEnd - 1].End, alias, ActorMentionKind.PartialName);
                return aEnd;
            }
            return CuedPerson(i) is var p && p > 0 ? p : i + 1;
        }

        /// <summary>
        /// A person the registry does not know, named by a first name and a family name a few words after an attribution
        /// verb or a title's head word in the same clause (وقال أشرف القدرة، المتحدث باسم الوزارة أشرف القدرة): a new person
        /// without country or role. Returns the word after the name, or 0.
        /// </summary>
        private int CuedPerson(int i)
        {
            if (i == 0 || !_reg.GivenNames.Contains(_w[i].Hash) || _reg.PlainGivenNames.Contains(_w[i].Hash))
                return 0;
            bool cued = false;
            for (int j = i - 1; j >= 0 && j >= i - 7; j--)
            {
                // Nothing but a comma right before the name may come between the cue and the name.
                if (j + 1 == i ? !Apposed(i) : !Adjacent(j + 1))
                    break;
                if (PersonTitleHeads.Contains(_w[j].Hash) || j == i - 1 && PersonLeadVerbs.Contains(_w[j].Hash))
                {
                    cued = true;
                    break;
                }
            }
            if (!cued)
                return 0;
            int end = UnknownName(i, familyArticle: true);
            if (end == i)
                end = EntityName(i);
            // «بلات المحلية»: a feminine adjective is no family name.
            if (end == i || end == i + 2 && HasArticle(i + 1) && F(i + 1) is var fam && (fam.EndsWith("يه") || fam.EndsWith("ية")))
                return 0;
            var person = NewPerson(i, end, null, null, i);
            Emit(_w[i].Start, _w[end - 1].End, person, ActorMentionKind.Name);
            RememberAlias(i, end, new FirstForm(_w[i].Hash, 0, false, 0), person);
            return end;
        }

        /// <summary>تركي الفيصل after سعود الفيصل: a first name right before a remembered family name makes another person.</summary>
        private bool AfterOtherFirstName(int i, FirstForm form) =>
            !form.Stripped && i > 0 && Adjacent(i) && _reg.GivenNames.Contains(_w[i - 1].Hash) && !StopWords.Contains(_w[i - 1].Hash)
            && !NameJoiners.Contains(_w[i - 1].Hash)
            && !(Mentions.Count > 0 && Mentions[^1].End >= _w[i - 1].End);   // the word before is itself a linked name

        private int SpanStart(int i, FirstForm form) => form.StartOffset == 0 ? _w[i].Start : OrigOffset(i, form.FoldedPrefix);

        private int Name(int i, int end, PhraseTarget[] targets, FirstForm form, string? titleCountry = null)
        {
            PhraseTarget chosen = targets[0];
            bool hasMetonym = false;
            foreach (var t in targets)
                if (t.Kind == PhraseKind.Metonym)
                    hasMetonym = true;
            if (hasMetonym)
            {
                bool locative = (form.Stripped && F(i)[form.FoldedPrefix - 1] == 'ب')
                    || (i > 0 && !_w[i].Break && LocativeSpans.Contains(F(i - 1)));
                chosen = default;
                foreach (var t in targets)
                {
                    if (locative ? t.Actor.Kind == "city" : t.Kind == PhraseKind.Metonym)
                    {
                        chosen = t;
                        break;
                    }
                }
                if (chosen.Actor is null)
                    chosen = targets[0];
            }
            else if (targets.Length > 1)
            {
                // Prefer an actor already met in this document, then one holding a role on the date, then the registry order.
                int bestScore = int.MinValue;
                foreach (var t in targets)
                {
                    int score = -Math.Min(t.Rank, 1_000_000) / 1000;
                    if (Used.ContainsKey(t.Actor.Id)) score += 10_000;
                    if (titleCountry is not null && t.Actor.Country == titleCountry) score += 5_000;
                    if (t.Actor.Kind == "person" && t.Actor.RoleOn(_date) is { Key: not "official" }) score += 2_000;
                    if (t.Actor.Kind == "person" && t.Actor.NameAr is not null) score += 500;
                    if (score > bestScore)
                    {
                        bestScore = score;
                        chosen = t;
                    }
                }
            }
            if (titleCountry is null)
            {
                if (_survey is not null)
                {
                    // Keyed by the folded words as written (without proclitics); للكرملين (ل + الكرملين) is left out.
                    string key = ActorText.FoldPhrase(_text[SpanStart(i, form).._w[end - 1].End]);
                    var kw = ActorText.PhraseHashes(key);
                    if (kw.Count > 0 && ActorText.SeqHash(kw, kw.Count) == PhraseKey(i, end, form))
                        _survey.Add(new NameUse(key, chosen.Actor.Id, KindOf(chosen), TaggedWithin(i, end, chosen)));
                }
                // ريال مدريد، شبه الجزيرة الكورية، جامعة القاهرة: a place inside a longer tagged name is part of that name.
                if ((chosen.Actor.Kind == "city" || chosen.Kind == PhraseKind.Metonym) && InsideLongerEntity(i, end))
                    return end;
                // A name that is also a common word needs the tagger's entity over it or a strong cue.
                if (_linker._ambiguous.Count > 0 && _linker._ambiguous.Contains(PhraseKey(i, end, form)) && !TaggedWithin(i, end, chosen) && !Cue(i, chosen))
                    return i + 1;
            }
            if (Adjacent(end) && Directions.Contains(_w[end].Hash) && chosen.Actor.Kind is "organization" or "country")
                return end + 1;
            if (chosen.Kind == PhraseKind.FamilyName && titleCountry is null)
            {
                // A family name alone, with another first name before it (كيفين جونسون، كوثر بن هنية) or a name
                // going on after it (كيم دونغ-شول), is someone else.
                if (AfterOtherFirstName(i, form) || (i > 0 && Adjacent(i) && Patronymic.Contains(_w[i - 1].Hash)))
                    return end;
                if (Adjacent(end) && _reg.GivenNames.Contains(_w[end].Hash) && !StopWords.Contains(_w[end].Hash) && !CanStart(end))
                    return end;
            }
            var kind = chosen.Kind switch
            {
                PhraseKind.FamilyName => ActorMentionKind.PartialName,
                PhraseKind.People => ActorMentionKind.Demonym,
                PhraseKind.Metonym => ActorMentionKind.Metonym,
                _ => ActorMentionKind.Name,
            };
            Emit(SpanStart(i, form), _w[end - 1].End, chosen.Actor, kind);
            if (chosen.Actor.Kind == "person" && end - i >= 2)
                RememberAlias(i, end, form, chosen.Actor);
            return end;
        }

        /// <summary>Hash of the matched words i..end-1, the first in the reading <paramref name="form"/> (as registry phrases are keyed).</summary>
        private ulong PhraseKey(int i, int end, FirstForm form)
        {
            ulong h = ActorText.Combine(ActorText.SeqSeed, form.Hash);
            for (int j = i + 1; j < end; j++)
                h = ActorText.Combine(h, _w[j].Hash);
            return h;
        }

        /// <summary>
        /// An entity of the tagger's model over the words i..end-1 and not beyond them: the whole match or its head
        /// (الملك سلمان → سلمان، دولة قطر → قطر). An entity running past the match names something longer (ريال مدريد).
        /// </summary>
        private bool TaggedWithin(int i, int end, PhraseTarget target)
        {
            if (_entities is null)
                return false;
            int first = _w[i].Start, last = _w[end - 1].End;
            foreach (var e in _entities)
                if (e.Start >= first && e.End <= last && e.End > e.Start && ByModel(e) && Fits(e.Type, target))
                    return true;
            return false;
        }

        /// <summary>The entity type agrees with the actor: الجزيرة tagged ORG is the channel, no support for the city.</summary>
        private static bool Fits(string type, PhraseTarget t) => t.Kind == PhraseKind.Metonym
            ? type is "LOC" or "ORG"
            : t.Actor.Kind switch
            {
                "person" => type == "PER",
                "city" or "country" => type == "LOC",
                "organization" => type is "ORG" or "LOC",
                _ => true,
            };

        /// <summary>An entity the tagger's model found (its "sure gazetteer" entries are dictionary matches, no judgment).</summary>
        private static bool ByModel(EntityMention e) => e.Origin is null or "tagger";

        private static string KindOf(PhraseTarget t) => t.Kind switch
        {
            PhraseKind.Metonym => "metonym",
            PhraseKind.People => "people",
            _ => t.Actor.Kind,
        };

        /// <summary>
        /// A tagger entity that begins on an earlier word and runs over words i..end-1: the place is part of a longer name
        /// (ريال مدريد، شبه الجزيرة الكورية). A place noun or a direction before it (مدينة حلب، جنوب غزة) keeps the place.
        /// </summary>
        private bool InsideLongerEntity(int i, int end)
        {
            if (_entities is null || i == 0)
                return false;
            int first = _w[i].Start, last = _w[end - 1].End;
            foreach (var e in _entities)
            {
                if (e.Start > _w[i - 1].Start || e.End < last || e.Start >= first)
                    continue;
                if (PlaceNouns.Contains(_w[i - 1].Hash) || LocativeSpans.Contains(F(i - 1)))
                    return false;
                return true;
            }
            return false;
        }

        /// <summary>A strong cue for a name that is also a common word: a place noun before a place (مدينة بيرا), a person word
        /// before a person (السيد عون), or the same person already met in this document.</summary>
        private bool Cue(int i, PhraseTarget chosen)
        {
            bool place = chosen.Actor.Kind is "city" or "country" || chosen.Kind == PhraseKind.Metonym;
            if (i > 0 && Adjacent(i))
            {
                ulong prev = _w[i - 1].Hash;
                if (place && PlaceNouns.Contains(prev))
                    return true;
                if (chosen.Actor.Kind == "person" && PersonCues.Contains(prev))
                    return true;
            }
            return chosen.Actor.Kind == "person" && Used.ContainsKey(chosen.Actor.Id);
        }

        /// <summary>After a full name, its last word (and the full phrase) refer to the same person in this document.</summary>
        private void RememberAlias(int i, int end, FirstForm form, Actor actor)
        {
            ulong h = ActorText.Combine(ActorText.SeqSeed, form.Hash);
            for (int j = i + 1; j < end; j++)
                h = ActorText.Combine(h, _w[j].Hash);
            _docAliases[h] = actor;
            // أحمد أبو الغيط → "أبو الغيط" as well as "الغيط"
            if (end - i >= 3 && NameJoiners.Contains(_w[end - 2].Hash))
                _docAliases.TryAdd(ActorText.Combine(ActorText.Combine(ActorText.SeqSeed, _w[end - 2].Hash), _w[end - 1].Hash), actor);
            // The last word alone stands for the person only when it is a family name: not a short or function word
            // (مون جاي إن → not "إن"), and not in a patronymic name (أحمد بن محمد → "محمد" is the father).
            var lastWord = F(end - 1);
            if (lastWord.Length < 3 || StopWords.Contains(_w[end - 1].Hash))
                return;
            for (int j = i + 1; j < end - 1; j++)
                if (Patronymic.Contains(_w[j].Hash))
                    return;
            ulong last = ActorText.Combine(ActorText.SeqSeed, _w[end - 1].Hash);
            if (_docAliases.TryGetValue(last, out var prev) && prev is not null && !ReferenceEquals(prev, actor) && prev.Id != actor.Id)
                _docAliases[last] = null; // two people share the family name here: ambiguous
            else if (!_docAliases.ContainsKey(last) || prev is not null)
                _docAliases[last] = actor;
        }

        private int Title(int i, int tEnd, TitleEntry[] entries, FirstForm form)
        {
            int k = tEnd;
            string? country = null;
            TitleEntry? entry = null;
            // An organization named inside the title (سكرتير مجلس الأمن الروسي، المتحدثة باسم البيت الأبيض) is a mention
            // too; when it runs past the title words it also gives the country (أمين مجلس الأمن القومي الروسي).
            string? orgCountry = null;
            for (int j = i + 1; j < k; j++)
            {
                var (oEnd, oTargets, oForm) = LongestPhrase(j);
                // وزير الخارجية المصرية: the ministry's short name is the title itself, not a second mention.
                // It must reach the title's last word: مجلس الأمن inside "سكرتير مجلس الأمن القومي" is no mention.
                if (oTargets is not null && oEnd >= tEnd && oTargets[0].Actor.Kind == "organization" && oTargets[0].Kind == PhraseKind.Name
                    && !Array.Exists(entries, e => e.RoleKey.EndsWith("minister", StringComparison.Ordinal)))
                {
                    Emit(SpanStart(j, oForm), _w[oEnd - 1].End, oTargets[0].Actor, ActorMentionKind.Name);
                    if (oEnd > k)
                    {
                        k = oEnd;
                        orgCountry = oTargets[0].Actor.Country;
                    }
                    j = oEnd - 1;
                }
            }
            // Fixed-country titles (المتحدث باسم الكرملين) need nothing more.
            foreach (var e in entries)
            {
                if (e.FixedCountry is not null)
                {
                    entry = e;
                    country = e.FixedCountry;
                    break;
                }
            }
            if (entry is null && orgCountry is not null)
            {
                country = orgCountry;
                foreach (var e in entries)
                    if (e.Suffixes is null)
                    {
                        entry = e;
                        break;
                    }
            }
            if (entry is null)
            {
                var (cEnd, cc) = CountryAt(k);
                if (cc is not null)
                {
                    country = cc;
                    k = cEnd;
                }
                // Choose the reading whose required suffix is present (السفير الروسي لدى الأمم المتحدة), else one without suffixes.
                foreach (var e in entries)
                {
                    if (e.Suffixes is { } suffixes)
                    {
                        if (country is null)
                            continue;
                        int sEnd = MatchSuffix(k, suffixes);
                        if (sEnd > 0)
                        {
                            entry = e;
                            k = sEnd;
                            break;
                        }
                    }
                }
                if (entry is null)
                    foreach (var e in entries)
                        if (e.Suffixes is null)
                        {
                            entry = e;
                            break;
                        }
                if (entry is null)
                    return 0;
            }
            bool former = Adjacent(k) && Former.Contains(_w[k].Hash);
            if (former)
                k++;

            // A name right after the title: a known person, a name met earlier, or a new person.
            if (Apposed(k))
            {
                var (pEnd, targets, pForm) = LongestPhrase(k, allowClitics: false);
                if (targets is not null && Array.Exists(targets, t => t.Actor.Kind == "person"))
                {
                    var persons = Array.FindAll(targets, t => t.Actor.Kind == "person");
                    return Name(k, pEnd, persons, pForm, country);
                }
                var (aEnd, alias, aForm) = LongestAlias(k);
                if (alias is not null)
                {
                    Emit(SpanStart(k, aForm), _w[aEnd - 1].End, alias, ActorMentionKind.PartialName);
                    return aEnd;
                }
                int nEnd = UnknownName(k);
                if (nEnd == k)
                    nEnd = EntityName(k);
                if (nEnd > k)
                {
                    // A title without a nationality (الرئيس ألفا كوندي) still gives the role; the country stays unknown.
                    var holder = !former && country is not null && _date is { } d0 ? _reg.HolderOn(country, entry.RoleKey, d0) : null;
                    Actor person = holder is not null && SameFamilyName(holder, nEnd - 1) ? holder : NewPerson(k, nEnd, country, entry, i);
                    Emit(_w[k].Start, _w[nEnd - 1].End, person, ActorMentionKind.Name);
                    RememberAlias(k, nEnd, new FirstForm(_w[k].Hash, 0, false, 0), person);
                    return nEnd;
                }
            }
            if (former)
                return k;
            if (country is null)
            {
                // رئيس مجلس الأمن: the title heads the organization that follows; an indefinite title needs a complement.
                if (!HasArticle(i) && !(form.Stripped && F(i).Length > form.FoldedPrefix + 1 && F(i)[form.FoldedPrefix] == 'ا' && F(i)[form.FoldedPrefix + 1] == 'ل'))
                    return tEnd;
                if (Adjacent(tEnd) && LongestPhrase(tEnd, allowClitics: false).Targets is not null)
                    return tEnd;
                // A bare title (الرئيس، الوزير) → the latest person in this document holding that role.
                var ante = LatestWithRole(entry.RoleKey, exceptCountry: null);
                if (ante is not null)
                    Emit(SpanStart(i, form), _w[tEnd - 1].End, ante, ActorMentionKind.Coreference);
                return tEnd;
            }
            Actor? target = null;
            if (_history.Count > 0 && _history[^1].Actor.Kind == "person" && _history[^1].Actor.Country is { } pc && pc == country)
            {
                // An apposition describes the person just named: "يوري أوشاكوف، مساعد الرئيس الروسي"، "لنولاند (نائب وزير الخارجية)".
                int gapStart = _history[^1].Mention.End, gapEnd = SpanStart(i, form);
                if (gapStart <= gapEnd && gapEnd - gapStart <= 3 && _text.AsSpan(gapStart, gapEnd - gapStart).Trim().Length <= 1
                    && _text.AsSpan(gapStart, gapEnd - gapStart).IndexOfAny('،', ',', '(') >= 0)
                    target = _history[^1].Actor;
            }
            target ??= _date is { } d ? Holder(country, entry.RoleKey, d) : null;
            target ??= _reg.GovernmentOf(country);
            if (target is not null)
                Emit(SpanStart(i, form), _w[k - 1].End, target, ActorMentionKind.Title);
            return k;
        }

        /// <summary>
        /// The holder of a role on the date; when several hold it at once (deputy ministers), the one already named in
        /// this document, else none.
        /// </summary>
        private Actor? Holder(string country, string roleKey, DateOnly date)
        {
            var all = _reg.HoldersOn(country, roleKey, date);
            if (all.Count <= 1)
                return all.Count == 1 ? all[0] : null;
            foreach (var a in all)
                if (Used.ContainsKey(a.Id))
                    return a;
            // Several holders, none named here: only if one stands out (has an Arabic name and the others not).
            Actor? only = null;
            foreach (var a in all)
            {
                if (a.NameAr is null)
                    continue;
                if (only is not null)
                    return null;
                only = a;
            }
            return only;
        }

        private int MatchSuffix(int k, (int Words, ulong[] Hashes)[] suffixes)
        {
            int best = 0;
            foreach (var (n, hashes) in suffixes)
            {
                if (k + n > _w.Count)
                    continue;
                bool ok = true;
                for (int j = 0; j < n && ok; j++)
                    ok = _w[k + j].Hash == hashes[j] && (j == 0 || !_w[k + j].Break) && !_w[k].Break;
                if (ok && k + n > best)
                    best = k + n;
            }
            return best;
        }

        /// <summary>
        /// A person entity of the tagger's model starting at word k (a name the first-name list does not know: ألفا كوندي),
        /// up to four words and not running into an outlet: the end word (exclusive), or k.
        /// </summary>
        private int EntityName(int k)
        {
            if (_entities is null || k >= _w.Count || HasArticle(k))
                return k;
            foreach (var e in _entities)
            {
                if (e.Start != _w[k].Start || e.Type != "PER" || !ByModel(e))
                    continue;
                int j = k;
                while (j < _w.Count && _w[j].Start < e.End && j - k < 4)
                {
                    if (j > k && !Adjacent(j) || IsMediaNoun(j) || StopWords.Contains(_w[j].Hash) || _reg.DemonymAdjectives.ContainsKey(_w[j].Hash))
                        break;
                    if (j > k && LongestPhrase(j).Targets is { } t && Array.Exists(t, x => x.Actor.Code?.EndsWith("MED", StringComparison.Ordinal) == true))
                        break;
                    j++;
                }
                return j - k >= 2 ? j : k;
            }
            return k;
        }

        /// <summary>Words from k that look like a person's name: a known first name, then name-like words. Returns end (exclusive) or k.</summary>
        private int UnknownName(int k, bool familyArticle = false)
        {
            if (!Apposed(k) || !_reg.GivenNames.Contains(_w[k].Hash) || StopWords.Contains(_w[k].Hash) || HasArticle(k))
                return k;
            int j = k + 1;
            while (j < _w.Count && j - k < 4 && Adjacent(j))
            {
                ulong h = _w[j].Hash;
                if (StopWords.Contains(h) && !NameJoiners.Contains(h))
                    break;
                // A family name with the article (أشرف القدرة، طارق الملا) only where the context already says a person is named.
                bool afterCompound = j - k >= 2 && j - k <= 3 && CompoundEnds.Contains(_w[j - 1].Hash);
                if (HasArticle(j) && !_reg.GivenNames.Contains(h) && !NameJoiners.Contains(_w[j - 1].Hash) && !(familyArticle && j == k + 1) && !afterCompound
                    && !(j == k + 1 && CompoundEnds.Contains(h)))
                    break;
                // A preposition or conjunction glued to an article or a noun (بمحاولة، والأميرة، بالقرب) ends the name.
                var fj = F(j);
                if (fj.Length > 3 && !_reg.GivenNames.Contains(h)
                    && (fj[0] == 'و' || fj.StartsWith("بم") || fj.StartsWith("وال") || fj.StartsWith("بال") || fj.StartsWith("فال") || fj.StartsWith("كال") || fj.StartsWith("لل")))
                    break;
                // Past the second word only known name words (or words after بن، عبد، أبو) continue a name.
                if (j - k >= 2 && !_reg.GivenNames.Contains(h) && !NameJoiners.Contains(_w[j - 1].Hash) && !afterCompound)
                    break;
                if (_reg.DemonymAdjectives.ContainsKey(h))
                    break;
                if (_reg.Phrases.TryGetValue(ActorText.Combine(ActorText.SeqSeed, h), out var t) && Array.Exists(t, x => x.Actor.Kind is "country" or "organization"))
                    break;
                j++;
            }
            // A trailing joiner (بن، عبد) cannot end a name.
            while (j > k + 1 && NameJoiners.Contains(_w[j - 1].Hash)) j--;
            return j - k >= 2 ? j : k;
        }

        private bool SameFamilyName(Actor holder, int lastWord)
        {
            Span<char> a = stackalloc char[MaxWordLength];
            int na = Skeleton(F(lastWord), a);
            Span<char> b = stackalloc char[MaxWordLength];
            foreach (var name in Names(holder))
            {
                int sp = name.LastIndexOf(' ');
                var fam = ActorText.FoldPhrase(sp < 0 ? name : name[(sp + 1)..]);
                int nb = Skeleton(fam, b);
                if (na > 2 && a[..na].SequenceEqual(b[..nb]))
                    return true;
            }
            return false;

            static int Skeleton(ReadOnlySpan<char> s, Span<char> dst)
            {
                int n = 0;
                foreach (char ch in s)
                    if (ch is not ('ا' or 'و' or 'ي') && n < dst.Length)
                        dst[n++] = ch;
                return n;
            }
        }

        private static IEnumerable<string> Names(Actor a)
        {
            if (a.NameAr is not null) yield return a.NameAr;
            foreach (var v in a.Variants) yield return v;
        }

        private Actor NewPerson(int k, int end, string? country, TitleEntry? entry, int titleStart)
        {
            string surface = _text[_w[k].Start.._w[end - 1].End];
            string id = "new:" + ActorText.FoldPhrase(surface).Replace(' ', '_');
            if (Used.TryGetValue(id, out var existing))
                return existing;
            if (entry is null)
                return new Actor { Id = id, Kind = "person", NameAr = surface };
            string titleText = _text[_w[titleStart].Start.._w[k - 1].End];
            string sector = "GOV";
            var agentHashes = new List<ulong>();
            for (int j = titleStart; j < k; j++)
                agentHashes.Add(_w[j].Hash);
            for (int n = agentHashes.Count; n >= 1; n--)
                if (_reg.Agents.TryGetValue(ActorText.SeqHash(agentHashes, n), out var s))
                {
                    sector = s;
                    break;
                }
            string? code = country is null ? null : (country == "INT" ? "IGO" : country) + sector;
            return new Actor
            {
                Id = id,
                Kind = "person",
                Country = country is null or "INT" ? null : country,
                Code = code,
                NameAr = surface,
                Roles = [new ActorRole(entry.RoleKey, code ?? "", titleText, _date, _date)],
            };
        }

        private Actor? LatestWithRole(string roleKey, string? exceptCountry)
        {
            for (int h = _history.Count - 1; h >= 0; h--)
            {
                var a = _history[h].Actor;
                if (a.Kind != "person" || (exceptCountry is not null && a.Country == exceptCountry))
                    continue;
                if (a.RoleOn(_date) is { } r && r.Key == roleKey)
                    return a;
            }
            return null;
        }

        private Actor? MostMentioned(string country, bool exceptLeaders)
        {
            Actor? best = null;
            int bestCount = 0;
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (_, a) in _history)
            {
                if (a.Kind != "person" || a.Country != country)
                    continue;
                if (exceptLeaders && a.RoleOn(_date) is { } r && LeaderRoles.Contains(r.Key))
                    continue;
                int c = counts[a.Id] = counts.GetValueOrDefault(a.Id) + 1;
                if (c >= bestCount)
                {
                    best = a;
                    bestCount = c;
                }
            }
            return best;
        }

        private Actor? LatestPerson(Func<Actor, bool> accept)
        {
            for (int h = _history.Count - 1; h >= 0; h--)
            {
                var a = _history[h].Actor;
                if (a.Kind == "person" && accept(a))
                    return a;
            }
            return null;
        }

        /// <summary>Coreference patterns at word i; returns the next word or 0 when none applies.</summary>
        // Hot per-word path: compiled optimized at once (tiering starves on a loaded machine).
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int Coreference(int i, int nameEnd)
        {
            ulong h = _w[i].Hash;
            Span<FirstForm> forms = stackalloc FirstForm[4];
            int nf = FirstForms(i, forms);
            int which = -1; FirstForm form = default;
            for (int fi = 0; fi < nf && which < 0; fi++)
            {
                ulong fh = forms[fi].Hash;
                if (Counterparts.Contains(fh) || Counterparts.Contains(h)) which = 0;
                else if (OfficialNouns.Contains(fh)) which = 1;
                else if (SideNouns.Contains(fh)) which = 2;
                else if (DualLeaders.Contains(fh)) which = 3;
                else if (DualMinisters.Contains(fh)) which = 4;
                form = forms[fi];
            }
            if (which < 0 || nameEnd > i + 1)
                return 0;
            int k = i + 1;
            var (cEnd, country) = CountryAt(k);
            if (country is not null)
                k = cEnd;
            else if (which == 2)
                return 0;
            else if (which == 1)
            {
                // الكاتب عبد الباري عطوان: a new person without a known country, when an unknown name follows.
                if (Apposed(k) && LongestPhrase(k, allowClitics: false).Targets is null && UnknownName(k) is var e0 && e0 > k)
                {
                    var person = NewPerson(k, e0, null, new TitleEntry("official", null, 1), i);
                    Emit(_w[k].Start, _w[e0 - 1].End, person, ActorMentionKind.Name);
                    RememberAlias(k, e0, new FirstForm(_w[k].Hash, 0, false, 0), person);
                    return e0;
                }
                return 0;
            }
            // A name right after (نظيره الأمريكي جون بولتون، الرئيسان بوتين وبايدن) is linked as a name instead (the event
            // stage walks back from the name over the counterpart and nationality words).
            if (Apposed(k))
            {
                var (pEnd, targets, pForm) = LongestPhrase(k, allowClitics: false);
                if (targets is not null && Array.Exists(targets, t => t.Actor.Kind == "person"))
                {
                    if (which != 0)
                        return which == 1 ? k : 0;
                    return Name(k, pEnd, Array.FindAll(targets, t => t.Actor.Kind == "person"), pForm, country);
                }
                int nEnd = UnknownName(k);
                if (nEnd == k)
                    nEnd = EntityName(k);
                if (nEnd > k && which == 0 && country is not null)
                {
                    // نظيره الغيني ألفا كوندي: a new person of that country holding the subject's role (the counterpart's).
                    var subject = LatestPerson(a => a.Country != country);
                    string role = subject?.RoleOn(_date)?.Key ?? "official";
                    var person = NewPerson(k, nEnd, country, new TitleEntry(role, null, 1), i);
                    Emit(_w[k].Start, _w[nEnd - 1].End, person, ActorMentionKind.Name);
                    RememberAlias(k, nEnd, new FirstForm(_w[k].Hash, 0, false, 0), person);
                    return nEnd;
                }
                if (nEnd > k)
                {
                    if (which == 1 && country is not null)
                    {
                        // المعارض الروسي أليكسي نافالني: a new person of that country, role from the noun.
                        var person = NewPerson(k, nEnd, country, new TitleEntry("official", null, 1), i);
                        Emit(_w[k].Start, _w[nEnd - 1].End, person, ActorMentionKind.Name);
                        RememberAlias(k, nEnd, new FirstForm(_w[k].Hash, 0, false, 0), person);
                        return nEnd;
                    }
                    return which == 0 ? k : 0;
                }
            }
            int start = SpanStart(i, form), end = _w[k - 1].End;
            switch (which)
            {
                case 0: // counterpart
                {
                    var subject = LatestPerson(_ => true);
                    Actor? target = null;
                    if (country is not null)
                    {
                        target = LatestPerson(a => a.Country == country && !ReferenceEquals(a, subject));
                        if (target is null && subject?.RoleOn(_date) is { } r && _date is { } d)
                            target = _reg.HolderOn(country, r.Key, d);
                        target ??= _reg.GovernmentOf(country);
                    }
                    else if (subject is not null)
                        target = LatestPerson(a => a.Country != subject.Country);
                    if (target is null)
                        return 0;
                    Emit(start, end, target, ActorMentionKind.Coreference);
                    return k;
                }
                case 1: // المسؤول الروسي
                {
                    if (country is null)
                        return 0;
                    // The most mentioned person of that country so far (ties: the latest), heads of state aside:
                    // "the Russian official" is rarely the president.
                    var target = MostMentioned(country, exceptLeaders: true) ?? LatestPerson(a => a.Country == country) ?? _reg.GovernmentOf(country);
                    if (target is null)
                        return 0;
                    Emit(start, end, target, ActorMentionKind.Coreference);
                    return k;
                }
                case 2: // الجانب الأمريكي
                {
                    var target = _reg.GovernmentOf(country);
                    if (target is null)
                        return 0;
                    Emit(start, end, target, ActorMentionKind.Coreference);
                    return k;
                }
                default: // الرئيسان، الوزيران
                {
                    bool leaders = which == 3;
                    Actor? first = LatestPerson(a => leaders ? a.RoleOn(_date) is { } r && LeaderRoles.Contains(r.Key) : a.RoleOn(_date) is { } r2 && r2.Key.EndsWith("minister", StringComparison.Ordinal));
                    Actor? second = first is null ? null : LatestPerson(a => a.Country != first.Country && (leaders ? a.RoleOn(_date) is { } r && LeaderRoles.Contains(r.Key) : a.RoleOn(_date) is { } r2 && r2.Key.EndsWith("minister", StringComparison.Ordinal)));
                    if (first is null || second is null)
                    {
                        first = LatestPerson(_ => true);
                        second = first is null ? null : LatestPerson(a => a.Country != first.Country);
                    }
                    if (first is null || second is null)
                        return 0;
                    Emit(start, end, second, ActorMentionKind.Coreference);
                    Emit(start, end, first, ActorMentionKind.Coreference);
                    return k;
                }
            }
        }

        private void Emit(int start, int end, Actor actor, ActorMentionKind kind)
        {
            var m = new ActorMention(start, end, actor.Id, kind);
            Mentions.Add(m);
            Used.TryAdd(actor.Id, actor);
            _history.Add((m, actor));
        }

        /// <summary>Links a tagger's entities and adds the registry's own name spans as gazetteer entities.</summary>
        public List<EntityMention> LinkEntities(IReadOnlyList<EntityMention>? entities)
        {
            var result = new List<EntityMention>();
            if (entities is not null)
            {
                foreach (var e in entities)
                {
                    string? actor = null;
                    foreach (var m in Mentions)
                    {
                        if (m.Start < e.End && e.Start < m.End)
                        {
                            actor = m.ActorId;
                            break;
                        }
                    }
                    if (actor is null && LookupEntity(e, out int foundStart) is { } found)
                    {
                        actor = found.Id;
                        Emit(foundStart, e.End, found, found.Kind == "person" && !found.Id.StartsWith("new:", StringComparison.Ordinal) ? ActorMentionKind.Name : ActorMentionKind.Name);
                    }
                    result.Add(actor is null ? e : e with { Actor = actor });
                }
            }
            foreach (var m in Mentions)
            {
                if (m.Kind is ActorMentionKind.Coreference or ActorMentionKind.Title or ActorMentionKind.Demonym)
                    continue;
                bool covered = false;
                foreach (var e in result)
                    if (e.Start < m.End && m.Start < e.End)
                    {
                        covered = true;
                        break;
                    }
                if (covered || !Used.TryGetValue(m.ActorId, out var a))
                    continue;
                string type = a.Kind switch { "person" => "PER", "organization" when m.Kind != ActorMentionKind.Metonym => "ORG", _ => "LOC" };
                result.Add(new EntityMention(m.Start, m.End, _text[m.Start..m.End], type) { Actor = m.ActorId, Origin = "gazetteer" });
            }
            result.Sort((x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : y.End.CompareTo(x.End));
            Mentions.Sort((x, y) => x.Start.CompareTo(y.Start));
            return result;
        }

        /// <summary>The registry phrase over words first..last when one proclitic (و، ف، ب، ل) is taken off the first word.</summary>
        private Actor? StrippedPhrase(int first, int last)
        {
            var f = F(first);
            if (f.Length < 3 || f[0] is not ('و' or 'ف' or 'ب' or 'ل'))
                return null;
            ulong h = ActorText.Combine(ActorText.SeqSeed, ActorText.WordHash(f[1..]));
            for (int j = first + 1; j <= last; j++)
                h = ActorText.Combine(h, _w[j].Hash);
            return _reg.Phrases.TryGetValue(h, out var t) && t[0].Actor.Kind is "organization" ? t[0].Actor : null;
        }

        private Actor? LookupEntity(EntityMention e, out int start)
        {
            start = e.Start;
            int first = -1, last = -1;
            // words are in text order: start at the first word ending after the entity's start
            int lo = 0, hi = _w.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (_w[mid].End <= e.Start) lo = mid + 1; else hi = mid;
            }
            for (int j = lo; j < _w.Count; j++)
            {
                if (_w[j].Start >= e.End) break;
                if (first < 0) first = j;
                last = j;
            }
            if (first < 0)
                return null;
            var (pEnd, targets, pForm) = LongestPhrase(first);
            // A dictionary entry of the tagger (origin gazetteer) over a name that is also a common word is no support.
            if (targets is not null && pEnd == last + 1 && !ByModel(e) && _linker._ambiguous.Contains(PhraseKey(first, pEnd, pForm)))
                return null;
            if (targets is not null && pEnd == last + 1)
            {
                foreach (var t in targets)
                    if (e.Type switch { "PER" => t.Actor.Kind == "person", "ORG" => t.Actor.Kind is "organization", "LOC" => t.Actor.Kind is "country" or "city" || t.Kind == PhraseKind.Metonym, _ => true })
                        return t.Actor;
            }
            var (aEnd, alias, _) = LongestAlias(first);
            if (alias is not null && aEnd == last + 1)
                return alias;
            // لبي بي سي، لوكالة فرانس برس: a short first word keeps its proclitic in the linker's readings; try without it.
            if (StrippedPhrase(first, last) is { } stripped)
            {
                start = Math.Max(e.Start, OrigOffset(first, 1));
                return stripped;
            }
            // An outlet is never a person: لقناة الحرة، صحيفة "…".
            for (int j = first; j <= last; j++)
                if (IsMediaNoun(j))
                    return null;
            if (e.Type == "PER" && last > first)
            {
                string surface = _text[_w[first].Start.._w[last].End];
                string id = "new:" + ActorText.FoldPhrase(surface).Replace(' ', '_');
                return Used.TryGetValue(id, out var known) ? known : new Actor { Id = id, Kind = "person", NameAr = surface };
            }
            return null;
        }
    }
}
