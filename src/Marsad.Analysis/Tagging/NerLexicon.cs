using System.Runtime.CompilerServices;

namespace Marsad.Analysis.Tagging;

/// <summary>The kinds of lexicon entries the tagger knows (bit positions in a <see cref="NerLexicon"/> mask).</summary>
public enum LexiconType : byte
{
    /// <summary>A country name or spelling variant (الولايات المتحدة، روسيا).</summary>
    Country = 0,
    /// <summary>A national capital or a capital used as a metonym (موسكو، واشنطن).</summary>
    Capital = 1,
    /// <summary>Any other city or town.</summary>
    City = 2,
    /// <summary>A nationality adjective or noun (روسي، الأمريكية، الروس).</summary>
    Demonym = 3,
    /// <summary>A full person name (نيكولاي باتروشيف).</summary>
    Person = 4,
    /// <summary>A single word seen in person names (given, family or transliterated name token).</summary>
    NameToken = 5,
    /// <summary>An organization name (البيت الأبيض، وكالة تاس).</summary>
    Organization = 6,
    /// <summary>A word or phrase that introduces a person (الرئيس، وزير الخارجية، المتحدث باسم).</summary>
    PersonTrigger = 7,
    /// <summary>A word that introduces or heads an organization name (وكالة، شركة، جامعة).</summary>
    OrgTrigger = 8,
    /// <summary>A word that introduces a place name (مدينة، عاصمة، محافظة).</summary>
    LocTrigger = 9,
    /// <summary>A name the tagger itself tagged PER in raw news, often and consistently (<c>autolex.tsv</c>, self-training).</summary>
    AutoPerson = 10,
    /// <summary>A name the tagger tagged LOC in raw news, often and consistently.</summary>
    AutoLocation = 11,
    /// <summary>A name the tagger tagged ORG in raw news, often and consistently.</summary>
    AutoOrganization = 12,
    /// <summary>A name the tagger tagged MISC in raw news, often and consistently.</summary>
    AutoMisc = 13,
    /// <summary>A word that marks a sentence as sports news (مباراة، الدوري، المدرب): clubs there are often named after cities.</summary>
    TopicSport = 16,
    /// <summary>A word that marks motoring news (سيارة، طراز، محرك): makers are ORG, models MISC.</summary>
    TopicCars = 17,
    /// <summary>A word that marks arts and media news (فيلم، مسلسل، الفنان): titles are MISC, stars PER.</summary>
    TopicArts = 18,
    /// <summary>A word that marks party politics and elections (حزب، الانتخابات، البرلمان).</summary>
    TopicPolitics = 19,
    /// <summary>A word that marks business and markets (البورصة، أسهم، الشركة).</summary>
    TopicEconomy = 20,
}

/// <summary>
/// Multi-word lexicon over normalized tokens (see <see cref="NerText.Normalize(ReadOnlySpan{char}, Span{char})"/>):
/// each entry is stored as a hash chain of its word hashes, so matching a sentence costs one dictionary probe per
/// (start, length) and never allocates. The first word of a match may carry proclitics (و ف ب ل ك ال), which are
/// tried stripped as well (لموسكو matches موسكو). Immutable and thread-safe once built.
/// </summary>
public sealed class NerLexicon
{
    /// <summary>Bit set on a stored key when longer entries continue it.</summary>
    private const ushort ContinuesBit = 0x8000;
    /// <summary>First topic type; topic words are single words kept in their own table, not matched as names.</summary>
    internal const LexiconType FirstTopic = LexiconType.TopicSport;
    private readonly Dictionary<ulong, ushort> _entries;
    private readonly Dictionary<ulong, byte> _topics;

    private NerLexicon(Dictionary<ulong, ushort> entries, Dictionary<ulong, byte> topics, int maxWords, int count)
    {
        _entries = entries;
        _topics = topics;
        MaxWords = maxWords;
        Count = count;
    }

    /// <summary>Longest entry in words.</summary>
    public int MaxWords { get; }

    /// <summary>Number of distinct (type, phrase) entries.</summary>
    public int Count { get; }

    /// <summary>An empty lexicon (used when a feature family is off).</summary>
    public static NerLexicon Empty { get; } = new([], [], 0, 0);

    /// <summary>Number of topic words (<see cref="LexiconType.TopicSport"/> and the other topic types).</summary>
    public int TopicWords => _topics.Count;

    /// <summary>The topic bits (bit t = topic type <see cref="FirstTopic"/> + t) of a normalized word's hash, 0 when none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int TopicsOf(ulong wordHash) => _topics.Count != 0 && _topics.TryGetValue(wordHash, out var t) ? t : 0;

    /// <summary>
    /// Reads lines <c>TYPE&lt;TAB&gt;phrase</c> (TYPE a <see cref="LexiconType"/> name; '#' starts a comment line).
    /// Phrases are normalized here, so the file may hold any spelling.
    /// </summary>
    /// <exception cref="FormatException">a line has an unknown type.</exception>
    public static NerLexicon Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var entries = new Dictionary<ulong, ushort>();
        var topics = new Dictionary<ulong, byte>();
        int maxWords = 0, count = 0;
        foreach (var raw in lines)
        {
            if (raw.Length == 0 || raw[0] == '#') continue;
            int tab = raw.IndexOf('\t');
            if (tab <= 0) continue;
            if (!Enum.TryParse<LexiconType>(raw.AsSpan(0, tab), out var type))
                throw new FormatException($"unknown lexicon type in line: {raw}");
            var words = NerText.NormalizedWords(raw[(tab + 1)..]);
            if (words.Length == 0) continue;
            if (type >= FirstTopic)
            {
                if (words.Length != 1) throw new FormatException($"a topic word must be one word: {raw}");
                ulong key = NerText.Hash(words[0]);
                topics.TryGetValue(key, out var bits);
                topics[key] = (byte)(bits | 1 << (type - FirstTopic));
                continue;
            }
            ulong h = 0;
            for (int i = 0; i < words.Length; i++)
            {
                h = i == 0 ? NerText.Hash(words[0]) : NerText.Combine(h, NerText.Hash(words[i]));
                entries.TryGetValue(h, out var mask);
                if (i == words.Length - 1)
                {
                    if ((mask & (1 << (int)type)) == 0) count++;
                    mask |= (ushort)(1 << (int)type);
                }
                else mask |= ContinuesBit;
                entries[h] = mask;
            }
            maxWords = Math.Max(maxWords, words.Length);
        }
        return new NerLexicon(entries, topics, maxWords, count);
    }

    /// <summary>The type mask of an exact key (0 when absent).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ushort Probe(ulong key) => _entries.TryGetValue(key, out var m) ? m : (ushort)0;

    /// <summary>
    /// Marks every lexicon match in a sentence. <paramref name="wordHashes"/> are the hashes of the normalized tokens;
    /// <paramref name="firstVariants"/> holds, per token, up to <paramref name="variantsPerToken"/> hashes of its
    /// proclitic-stripped forms (0 = unused) that may start a match. Output masks per token: types of matches that
    /// begin there, that continue through it, and that end there. Returns the number of matches.
    /// </summary>
    public int MarkMatches(ReadOnlySpan<ulong> wordHashes, ReadOnlySpan<ulong> firstVariants, int variantsPerToken,
        Span<ushort> begin, Span<ushort> inside, Span<ushort> end, List<LexiconMatch>? matches = null)
    {
        int n = wordHashes.Length;
        begin[..n].Clear();
        inside[..n].Clear();
        end[..n].Clear();
        if (_entries.Count == 0) return 0;
        int found = 0;
        for (int i = 0; i < n; i++)
        {
            for (int v = -1; v < variantsPerToken; v++)
            {
                ulong h = v < 0 ? wordHashes[i] : firstVariants[i * variantsPerToken + v];
                if (v >= 0 && (h == 0 || h == wordHashes[i])) continue;
                int limit = Math.Min(MaxWords, n - i);
                for (int len = 1; len <= limit; len++)
                {
                    if (len > 1) h = NerText.Combine(h, wordHashes[i + len - 1]);
                    ushort mask = Probe(h);
                    if (mask == 0) break;
                    ushort types = (ushort)(mask & ~ContinuesBit);
                    if (types != 0)
                    {
                        found++;
                        begin[i] |= types;
                        for (int j = i + 1; j < i + len; j++) inside[j] |= types;
                        end[i + len - 1] |= types;
                        matches?.Add(new LexiconMatch(i, len, types, v));
                    }
                    if ((mask & ContinuesBit) == 0) break;
                }
            }
        }
        return found;
    }
}

/// <summary>
/// A lexicon match over tokens <c>[Start, Start+Length)</c> of a sentence with its type mask. <see cref="Variant"/> says
/// how the first word matched: −1 as written, otherwise the index of its proclitic-stripped variant
/// (0 = every proclitic and the article stripped, 1 = conjunction/preposition stripped, article kept).
/// </summary>
public readonly record struct LexiconMatch(int Start, int Length, ushort Types, int Variant)
{
    /// <summary>True when the first word matched only after proclitic stripping.</summary>
    public bool StrippedFirstWord => Variant >= 0;

    /// <summary>True when the match has the given type.</summary>
    public bool Has(LexiconType type) => (Types & (1 << (int)type)) != 0;
}
