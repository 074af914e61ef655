namespace Marsad.Analysis.Tagging;

/// <summary>
/// Self-training lexicon: collects the names a tagger finds in raw text and keeps those it tagged often and with one
/// dominant type, as <see cref="LexiconType.AutoPerson"/> … <see cref="LexiconType.AutoMisc"/> entries (the
/// <see cref="NerFeatureFamilies.SelfTrained"/> features). A one-word name must also be tagged in a good share of all
/// its occurrences, so common words that are sometimes part of a name are left out. Several taggers (e.g. the
/// fold models of a jackknife) can tag the same text: each has its own counts of tagged names (<c>tagger</c> index),
/// the word counts are shared. Not thread-safe.
/// </summary>
public sealed class AutoLexiconBuilder(int taggers = 1)
{
    private static readonly string[] Types = ["PER", "LOC", "ORG", "MISC"];
    private readonly Dictionary<string, int[]>[] _tagged = Enumerable.Range(0, taggers).Select(_ => new Dictionary<string, int[]>(StringComparer.Ordinal)).ToArray();
    private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);

    /// <summary>Documents added.</summary>
    public int Documents { get; private set; }

    /// <summary>Adds one document: all its tokens (any spelling; normalized here) and the entities tagger 0 tagged in it.</summary>
    public void Add(IEnumerable<string> tokens, IEnumerable<(string Text, string Type)> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        Add(tokens, [entities]);
    }

    /// <summary>Adds one document: its tokens and, per tagger, the entities that tagger found.</summary>
    public void Add(IEnumerable<string> tokens, IReadOnlyList<IEnumerable<(string Text, string Type)>> entitiesByTagger)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(entitiesByTagger);
        Span<char> buf = stackalloc char[NerWorkspace.MaxTokenLength];
        var alt = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var token in tokens)
        {
            if (token.Length > NerWorkspace.MaxTokenLength) continue;
            int n = NerText.Normalize(token, buf);
            if (n == 0) continue;
            alt.TryGetValue(buf[..n], out int c);
            alt[buf[..n]] = c + 1;
        }
        for (int g = 0; g < entitiesByTagger.Count && g < _tagged.Length; g++)
            foreach (var (text, type) in entitiesByTagger[g])
            {
                int t = Array.IndexOf(Types, type);
                if (t < 0) continue;
                var phrase = string.Join(' ', NerText.NormalizedWords(text));
                if (phrase.Length == 0) continue;
                if (!_tagged[g].TryGetValue(phrase, out var counts)) _tagged[g][phrase] = counts = new int[Types.Length];
                counts[t]++;
            }
        Documents++;
    }

    /// <summary>
    /// The kept names: tagged at least <paramref name="minCount"/> times, the main type at least
    /// <paramref name="minShare"/> of those, and a one-word name tagged in at least <paramref name="minWordShare"/> of
    /// its occurrences. Sorted by type, then phrase.
    /// </summary>
    public List<(LexiconType Type, string Phrase, int Tagged)> Build(int minCount = 3, double minShare = 0.8, double minWordShare = 0.5, int tagger = 0)
    {
        var kept = new List<(LexiconType, string, int)>();
        foreach (var (phrase, counts) in _tagged[tagger])
        {
            int total = counts.Sum();
            int best = 0;
            for (int t = 1; t < counts.Length; t++) if (counts[t] > counts[best]) best = t;
            if (total < minCount || counts[best] < minShare * total) continue;
            if (!phrase.Contains(' ') && _words.TryGetValue(phrase, out int seen) && total < minWordShare * seen) continue;
            kept.Add(((LexiconType)((int)LexiconType.AutoPerson + best), phrase, total));
        }
        kept.Sort((a, b) => a.Item1 != b.Item1 ? a.Item1.CompareTo(b.Item1) : string.CompareOrdinal(a.Item2, b.Item2));
        return kept;
    }
}
