namespace Marsad.Analysis.Tagging;

/// <summary>An entity chunk: tokens <c>[Start, End)</c> of a sentence and its type.</summary>
public readonly record struct BioChunk(int Start, int End, string Type);

/// <summary>Counts for one entity type (or overall).</summary>
public sealed record NerTypeScore(string Type, int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Entity-level micro scores per type and overall.</summary>
public sealed record NerScores(IReadOnlyList<NerTypeScore> PerType, NerTypeScore Overall, int Tokens, int TokensCorrect)
{
    /// <summary>Token-level accuracy (all labels, O included).</summary>
    public double TokenAccuracy => Tokens == 0 ? 0 : (double)TokensCorrect / Tokens;
}

/// <summary>
/// Recall split by whether a gold entity's exact text and type occur as an entity in the training data: a tagger
/// that memorises does well on seen names and badly on unseen ones, which is where the remaining errors are.
/// </summary>
public sealed record NerSeenSplit(int SeenGold, int SeenFound, int UnseenGold, int UnseenFound)
{
    public double SeenRecall => SeenGold == 0 ? 0 : (double)SeenFound / SeenGold;
    public double UnseenRecall => UnseenGold == 0 ? 0 : (double)UnseenFound / UnseenGold;
    public static NerSeenSplit operator +(NerSeenSplit a, NerSeenSplit b) =>
        new(a.SeenGold + b.SeenGold, a.SeenFound + b.SeenFound, a.UnseenGold + b.UnseenGold, a.UnseenFound + b.UnseenFound);
}

/// <summary>
/// Entity-level evaluation with conlleval semantics: chunks are read from IOB tags (a chunk starts at B-X, or at
/// I-X after O or after a different type; it continues over I-X of the same type), and a predicted chunk is correct
/// only when its start, end and type all equal a gold chunk's. Micro-averaged over all chunks. Pure and thread-safe.
/// </summary>
public static class NerEvaluation
{
    /// <summary>Reads the chunks of one tag sequence.</summary>
    public static List<BioChunk> Chunks(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var chunks = new List<BioChunk>();
        int start = -1;
        string? type = null;
        for (int i = 0; i <= tags.Count; i++)
        {
            string tag = i < tags.Count ? tags[i] : "O";
            string prefix = tag.Length >= 2 && tag[1] == '-' ? tag[..1] : tag == "O" ? "O" : "B";
            string? t = prefix == "O" ? null : tag.Length >= 2 && tag[1] == '-' ? tag[2..] : tag;
            bool continues = type is not null && prefix == "I" && t == type;
            if (!continues)
            {
                if (type is not null) chunks.Add(new BioChunk(start, i, type));
                type = t;
                start = i;
            }
        }
        return chunks;
    }

    /// <summary>Scores predicted tag sequences against gold ones (same sentences, same lengths).</summary>
    /// <exception cref="ArgumentException">the sequences differ in number or length.</exception>
    public static NerScores Score(IReadOnlyList<IReadOnlyList<string>> gold, IReadOnlyList<IReadOnlyList<string>> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count) throw new ArgumentException($"{gold.Count} gold sentences but {predicted.Count} predicted");
        var g = new Dictionary<string, int>(StringComparer.Ordinal);
        var p = new Dictionary<string, int>(StringComparer.Ordinal);
        var c = new Dictionary<string, int>(StringComparer.Ordinal);
        int tokens = 0, tokensCorrect = 0;
        for (int s = 0; s < gold.Count; s++)
        {
            if (gold[s].Count != predicted[s].Count) throw new ArgumentException($"sentence {s}: {gold[s].Count} gold tags but {predicted[s].Count} predicted");
            for (int i = 0; i < gold[s].Count; i++)
            {
                tokens++;
                if (gold[s][i] == predicted[s][i]) tokensCorrect++;
            }
            var gc = Chunks(gold[s]);
            var pc = Chunks(predicted[s]);
            foreach (var x in gc) g[x.Type] = g.GetValueOrDefault(x.Type) + 1;
            foreach (var x in pc) p[x.Type] = p.GetValueOrDefault(x.Type) + 1;
            var goldSet = new HashSet<BioChunk>(gc);
            foreach (var x in pc) if (goldSet.Contains(x)) c[x.Type] = c.GetValueOrDefault(x.Type) + 1;
        }
        var types = g.Keys.Union(p.Keys).OrderBy(t => t, StringComparer.Ordinal).ToList();
        var per = types.Select(t => new NerTypeScore(t, g.GetValueOrDefault(t), p.GetValueOrDefault(t), c.GetValueOrDefault(t))).ToList();
        var overall = new NerTypeScore("overall", per.Sum(x => x.Gold), per.Sum(x => x.Predicted), per.Sum(x => x.Correct));
        return new NerScores(per, overall, tokens, tokensCorrect);
    }

    /// <summary>The entities of tagged sentences as "TYPE TAB text" keys (tokens joined by one space).</summary>
    public static HashSet<string> EntityKeys(IEnumerable<NerSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in sentences)
            if (s.Tags is not null)
                foreach (var c in Chunks(s.Tags)) keys.Add(Key(s.Tokens, c));
        return keys;
    }

    /// <summary>Recall of gold entities whose key is in <paramref name="known"/> (seen in training) and of the others.</summary>
    public static NerSeenSplit RecallBySeen(IReadOnlyList<string[]> tokens, IReadOnlyList<IReadOnlyList<string>> gold, IReadOnlyList<IReadOnlyList<string>> predicted, IReadOnlySet<string> known)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(known);
        int seen = 0, seenFound = 0, unseen = 0, unseenFound = 0;
        for (int s = 0; s < gold.Count; s++)
        {
            var found = new HashSet<BioChunk>(Chunks(predicted[s]));
            foreach (var c in Chunks(gold[s]))
            {
                bool hit = found.Contains(c);
                if (known.Contains(Key(tokens[s], c))) { seen++; if (hit) seenFound++; }
                else { unseen++; if (hit) unseenFound++; }
            }
        }
        return new NerSeenSplit(seen, seenFound, unseen, unseenFound);
    }

    private static string Key(string[] tokens, BioChunk c) => c.Type + "\t" + string.Join(' ', tokens[c.Start..c.End]);
}
