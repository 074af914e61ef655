namespace Marsad.Analysis.Tagging;

/// <summary>
/// Context signatures of words in raw news: how often a word follows a person trigger (الرئيس، وزير الخارجية), an
/// organization trigger (حزب، شركة، نادي) or a place trigger (مدينة، محافظة), and how often its stem takes the article.
/// These are distant evidence about words the training data never shows: الليكود follows حزب, فولكسفاغن follows شركة,
/// and a foreign name almost never takes ال. Each word gets one small code (<see cref="Code"/>), stored as the
/// signature column of <see cref="WordClusters"/> and used by the <see cref="NerFeatureFamilies.Signatures"/> family.
/// </summary>
public static class WordSignatures
{
    /// <summary>Occurrences a word needs to get a signature.</summary>
    public const int MinCount = 5;

    /// <summary>
    /// Packs the evidence into a code: two bits per trigger kind (person, organization, place) for the share of the
    /// word's occurrences right after such a trigger (0 = fewer than 2, 1 = under 5 %, 2 = under 25 %, 3 = more), then
    /// two bits for the share of its stem's occurrences with the article (0 = under 5 %, 1 = under 30 %, 2 = under 70 %,
    /// 3 = more).
    /// </summary>
    public static int Code(int count, int afterPerson, int afterOrg, int afterPlace, int stemCount, int stemWithArticle)
    {
        static int Share(int hits, int total) => hits < 2 ? 0 : hits * 20 < total ? 1 : hits * 4 < total ? 2 : 3;
        int article = stemCount == 0 ? 0 : stemWithArticle * 20 < stemCount ? 0 : stemWithArticle * 10 < stemCount * 3 ? 1 : stemWithArticle * 10 < stemCount * 7 ? 2 : 3;
        return Share(afterPerson, count) | Share(afterOrg, count) << 2 | Share(afterPlace, count) << 4 | article << 6;
    }

    /// <summary>Trigger share of kind <paramref name="kind"/> (0 person, 1 organization, 2 place) in a code.</summary>
    public static int TriggerShare(int code, int kind) => code >> (2 * kind) & 3;

    /// <summary>Article share bucket of a code.</summary>
    public static int ArticleShare(int code) => code >> 6 & 3;

    /// <summary>
    /// Computes the signature of every word of <paramref name="corpus"/> (not stems) seen at least
    /// <see cref="MinCount"/> times. Trigger phrases are matched with <paramref name="lexicon"/> (its trigger types;
    /// the first word of a trigger may carry proclitics: والرئيس).
    /// </summary>
    public static Dictionary<string, int> Build(RawCorpus corpus, NerLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(lexicon);
        var words = corpus.Words;
        int v = words.Count;
        var hash = new ulong[v];
        var variant = new ulong[v];
        var stemOf = new int[v];
        var hasArticle = new bool[v];
        var stems = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int id = 0; id < v; id++)
        {
            var w = words[id].AsSpan();
            hash[id] = NerText.Hash(w);
            int strip = NerText.StripProclitics(w, out int pattern);
            variant[id] = strip == 0 ? 0 : NerText.Hash(w[strip..]);
            hasArticle[id] = (pattern & 4) != 0;
            var stem = words[id][strip..];
            if (!stems.TryGetValue(stem, out int s)) stems[stem] = s = stems.Count;
            stemOf[id] = s;
        }
        var stemCount = new int[stems.Count];
        var stemArticle = new int[stems.Count];
        var after = new int[v * 3];
        const ushort person = 1 << (int)LexiconType.PersonTrigger, org = 1 << (int)LexiconType.OrgTrigger, place = 1 << (int)LexiconType.LocTrigger;

        var stream = corpus.Stream;
        var h = new List<ulong>();
        var vh = new List<ulong>();
        ushort[] begin = new ushort[256], inside = new ushort[256], end = new ushort[256];
        int start = 0;
        for (int i = 0; i <= stream.Length; i++)
        {
            if (i < stream.Length && stream[i] != RawCorpus.Boundary) continue;
            // One document: stream[start..i).
            int n = i - start;
            if (n > 0)
            {
                if (begin.Length < n) { begin = new ushort[n * 2]; inside = new ushort[n * 2]; end = new ushort[n * 2]; }
                h.Clear();
                vh.Clear();
                for (int j = start; j < i; j++) { h.Add(hash[stream[j]]); vh.Add(variant[stream[j]]); }
                lexicon.MarkMatches(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(h), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(vh), 1, begin, inside, end);
                for (int j = 0; j < n; j++)
                {
                    int id = stream[start + j];
                    stemCount[stemOf[id]]++;
                    if (hasArticle[id]) stemArticle[stemOf[id]]++;
                    if (j == 0) continue;
                    ushort t = end[j - 1];
                    if ((t & person) != 0) after[id * 3]++;
                    if ((t & org) != 0) after[id * 3 + 1]++;
                    if ((t & place) != 0) after[id * 3 + 2]++;
                }
            }
            start = i + 1;
        }
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int id = 0; id < v; id++)
        {
            int count = corpus.Counts[id];
            if (count < MinCount) continue;
            int s = stemOf[id];
            result[words[id]] = Code(count, after[id * 3], after[id * 3 + 1], after[id * 3 + 2], stemCount[s], stemArticle[s]);
        }
        return result;
    }
}
