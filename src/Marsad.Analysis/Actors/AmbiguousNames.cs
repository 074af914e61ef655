using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Marsad.Analysis.Documents;

namespace Marsad.Analysis.Actors;

/// <summary>One plain registry-name match found by <see cref="ActorLinker"/> (folded phrase, actor, whether a tagger entity covers exactly its words).</summary>
internal readonly record struct NameUse(string Phrase, string ActorId, string Kind, bool Tagged);

/// <summary>How often one registry phrase was matched in a corpus and how often the tagger marked it as an entity.</summary>
public sealed record NameUseCount(string Phrase, string ActorId, string Kind, int Occurrences, int Tagged, int Documents)
{
    /// <summary>Share of the occurrences the tagger did not mark as an entity: the phrase used as a plain word.</summary>
    public double PlainShare => Occurrences == 0 ? 0 : (Occurrences - Tagged) / (double)Occurrences;
}

/// <summary>
/// Registry names that are also common words (مدينة → Medina, دولة → Dhule, كيف → Kyiv, مالية → Malé): the linker links
/// them only when the tagger marks the same words as an entity or a strong cue stands before them (a title, a place
/// noun: مدينة بيرا; a person word: السيد عون). The list is not written by hand: <see cref="Measure"/> runs the tagger and
/// the linker (holding nothing back) over a corpus and <see cref="Derive"/> keeps the phrases met at least
/// <c>minCount</c> times that the tagger left untagged at least <c>minPlainShare</c> of the time (one-word names of the
/// kinds the tagger covers: persons, places, capitals). The built-in list
/// (<c>Resources/actors/ambiguous_names.tsv</c>) is written by <c>marsad actors ambiguity</c> over the dev corpus.
/// Immutable and thread-safe.
/// </summary>
public sealed class AmbiguousNames
{
    /// <summary>Default thresholds of <see cref="Derive"/>.</summary>
    public const int DefaultMinCount = 3;
    /// <summary>Default share of untagged occurrences at or above which a name is ambiguous.</summary>
    public const double DefaultMinPlainShare = 0.5;

    private static readonly Lazy<AmbiguousNames> BuiltInList = new(LoadBuiltIn, LazyThreadSafetyMode.ExecutionAndPublication);

    private AmbiguousNames(IEnumerable<string> phrases)
    {
        var folded = new SortedSet<string>(StringComparer.Ordinal);
        var hashes = new HashSet<ulong>();
        foreach (var p in phrases)
        {
            var words = ActorText.PhraseHashes(p);
            if (words.Count == 0)
                continue;
            folded.Add(ActorText.FoldPhrase(p));
            hashes.Add(ActorText.SeqHash(words, words.Count));
        }
        Phrases = folded.ToArray();
        Hashes = hashes.ToFrozenSet();
    }

    /// <summary>The built-in list (embedded resource), measured on the dev corpus.</summary>
    public static AmbiguousNames BuiltIn => BuiltInList.Value;

    /// <summary>No ambiguous names: every registry name links as before (used to measure).</summary>
    public static AmbiguousNames None { get; } = new([]);

    /// <summary>A list of phrases (any spelling; they are folded as the linker folds words).</summary>
    public static AmbiguousNames Of(IEnumerable<string> phrases) => new(phrases);

    /// <summary>The folded phrases, sorted.</summary>
    public IReadOnlyList<string> Phrases { get; }

    internal FrozenSet<ulong> Hashes { get; }

    /// <summary>True when <paramref name="phrase"/> is on the list.</summary>
    public bool Contains(string phrase)
    {
        var words = ActorText.PhraseHashes(phrase);
        return words.Count > 0 && Hashes.Contains(ActorText.SeqHash(words, words.Count));
    }

    private static AmbiguousNames LoadBuiltIn()
    {
        var phrases = new List<string>();
        foreach (var r in ActorRegistry.ReadResource("actors.ambiguous_names.tsv"))
            if (r.Length > 0 && r[0].Length > 0)
                phrases.Add(r[0]);
        return new AmbiguousNames(phrases);
    }

    /// <summary>
    /// Counts every plain registry-name match over <paramref name="documents"/> (text, publication date, the tagger's
    /// entities) and how often the tagger covered it. Thread-safe; documents may be given from several threads.
    /// </summary>
    public static IReadOnlyList<NameUseCount> Measure(ActorRegistry registry,
        IEnumerable<(string Text, DateOnly? Date, IReadOnlyList<EntityMention> Entities)> documents)
    {
        var linker = new ActorLinker(registry, None);
        var counts = new Dictionary<(string, string, string), int[]>();
        var gate = new object();
        Parallel.ForEach(documents, doc =>
        {
            var uses = linker.Survey(doc.Text, doc.Date, doc.Entities);
            var local = new Dictionary<(string, string, string), int[]>();
            foreach (var u in uses)
            {
                var key = (u.Phrase, u.ActorId, u.Kind);
                if (!local.TryGetValue(key, out var c))
                    local[key] = c = new int[3];
                c[0]++;
                if (u.Tagged) c[1]++;
            }
            lock (gate)
            {
                foreach (var (key, c) in local)
                {
                    if (!counts.TryGetValue(key, out var total))
                        counts[key] = total = new int[3];
                    total[0] += c[0];
                    total[1] += c[1];
                    total[2]++;
                }
            }
        });
        return counts.Select(kv => new NameUseCount(kv.Key.Item1, kv.Key.Item2, kv.Key.Item3, kv.Value[0], kv.Value[1], kv.Value[2]))
            .OrderByDescending(c => c.Occurrences).ThenBy(c => c.Phrase, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The ambiguous phrases of a measurement: one-word names (a common word is one word; the longer names the tagger
    /// leaves untagged are formal names such as المملكة المغربية or titles) of a kind the tagger covers, met at least
    /// <paramref name="minCount"/> times (all actors of the phrase together) and left untagged at least
    /// <paramref name="minPlainShare"/> of the time.
    /// </summary>
    public static IReadOnlyList<NameUseCount> Derive(IReadOnlyList<NameUseCount> counts, int minCount = DefaultMinCount, double minPlainShare = DefaultMinPlainShare)
    {
        var judged = JudgedKinds(counts);
        return counts.GroupBy(c => c.Phrase, StringComparer.Ordinal)
            .Select(g => new NameUseCount(g.Key, string.Join('|', g.OrderByDescending(c => c.Occurrences).Select(c => c.ActorId)),
                g.OrderByDescending(c => c.Occurrences).First().Kind, g.Sum(c => c.Occurrences), g.Sum(c => c.Tagged), g.Sum(c => c.Documents)))
            .Where(c => judged.Contains(c.Kind) && !c.Phrase.Contains(' ') && c.Occurrences >= minCount && c.PlainShare >= minPlainShare)
            .OrderByDescending(c => c.Occurrences).ThenBy(c => c.Phrase, StringComparer.Ordinal).ToList();
    }

    /// <summary>Share of all occurrences of a kind that the tagger must mark for its silence to mean "a plain word".</summary>
    public const double MinKindCoverage = 0.6;

    /// <summary>
    /// Tagger coverage per actor kind (person, city, country, metonym, organization, people): tagged occurrences over all
    /// occurrences. The tagger (trained on ANERcorp-style names) marks persons and places but few descriptive
    /// organization names (الجيش الإسرائيلي، الحوثيين) or peoples (الروس), so only kinds it covers are judged by it.
    /// </summary>
    public static IReadOnlyDictionary<string, (int Occurrences, int Tagged)> Coverage(IReadOnlyList<NameUseCount> counts) =>
        counts.GroupBy(c => c.Kind, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Sum(c => c.Occurrences), g.Sum(c => c.Tagged)), StringComparer.Ordinal);

    private static HashSet<string> JudgedKinds(IReadOnlyList<NameUseCount> counts) =>
        Coverage(counts).Where(kv => kv.Value.Occurrences > 0 && kv.Value.Tagged / (double)kv.Value.Occurrences >= MinKindCoverage)
            .Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>Writes <paramref name="ambiguous"/> as the resource file (header naming the corpus and the thresholds).</summary>
    public static string ToTsv(IReadOnlyList<NameUseCount> ambiguous, string corpus, int documents, int minCount, double minPlainShare)
    {
        var sb = new StringBuilder();
        sb.Append("# Marsad actor linking: registry names that are also common words; linked only with a tagger entity over them or a strong cue.\n");
        sb.Append("# Measured by `marsad actors ambiguity` (AmbiguousNames.Measure/Derive; our own code) over ").Append(corpus)
          .Append(" (").Append(documents.ToString(CultureInfo.InvariantCulture)).Append(" documents; ../shared/data/news, see its README for sources and licences;\n");
        sb.Append("#   only counts are kept here, no text). A phrase is listed when met at least ").Append(minCount.ToString(CultureInfo.InvariantCulture))
          .Append(" times with at least ").Append(minPlainShare.ToString("0.##", CultureInfo.InvariantCulture))
          .Append(" of its occurrences not tagged as an entity by the embedded NER tagger. Do not edit by hand: rerun the command.\n");
        sb.Append("phrase\tactors\tkind\toccurrences\ttagged\tplain_share\tdocuments\n");
        foreach (var c in ambiguous)
            sb.Append(c.Phrase).Append('\t').Append(c.ActorId).Append('\t').Append(c.Kind).Append('\t').Append(c.Occurrences.ToString(CultureInfo.InvariantCulture)).Append('\t')
              .Append(c.Tagged.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(c.PlainShare.ToString("0.000", CultureInfo.InvariantCulture)).Append('\t')
              .Append(c.Documents.ToString(CultureInfo.InvariantCulture)).Append('\n');
        return sb.ToString();
    }
}
