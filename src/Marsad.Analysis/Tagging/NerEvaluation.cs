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

/// <summary>How a gold or predicted entity went wrong (each error counted once; see <see cref="NerEvaluation.Errors"/>).</summary>
public enum NerErrorKind
{
    /// <summary>A gold entity no predicted entity overlaps.</summary>
    Missed,
    /// <summary>A predicted entity that overlaps no gold entity.</summary>
    Spurious,
    /// <summary>Right span, wrong type.</summary>
    WrongType,
    /// <summary>Overlapping prediction(s) of the right type with other bounds.</summary>
    Boundary,
    /// <summary>Overlapping prediction(s), none with the right type, none with the right span.</summary>
    BoundaryAndType,
}

/// <summary>
/// One error: <see cref="Gold"/> is the gold entity (null for <see cref="NerErrorKind.Spurious"/>); <see cref="Predicted"/>
/// are the predicted entities that overlap it (or the spurious one). Chunks index <see cref="Sentence"/>'s tokens.
/// </summary>
public sealed record NerError(NerErrorKind Kind, int Sentence, BioChunk? Gold, IReadOnlyList<BioChunk> Predicted)
{
    /// <summary>The type the error is filed under: the gold type, or for a spurious entity the predicted one.</summary>
    public string Type => Gold?.Type ?? Predicted[0].Type;
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

    /// <summary>
    /// Every entity-level error, once: each gold entity that no prediction matches exactly (missed, wrong type, or a
    /// boundary error, judged from the predictions that overlap it), then each prediction that overlaps no gold entity
    /// (spurious). A prediction that overlaps an unmatched gold entity is reported with it, not again as spurious.
    /// </summary>
    public static List<NerError> Errors(IReadOnlyList<IReadOnlyList<string>> gold, IReadOnlyList<IReadOnlyList<string>> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count) throw new ArgumentException($"{gold.Count} gold sentences but {predicted.Count} predicted");
        var errors = new List<NerError>();
        for (int s = 0; s < gold.Count; s++)
        {
            var gc = Chunks(gold[s]);
            var pc = Chunks(predicted[s]);
            var goldSet = new HashSet<BioChunk>(gc);
            var predSet = new HashSet<BioChunk>(pc);
            foreach (var g in gc)
            {
                if (predSet.Contains(g)) continue;
                var over = pc.FindAll(p => p.Start < g.End && g.Start < p.End);
                var kind = over.Count == 0 ? NerErrorKind.Missed
                    : over.Exists(p => p.Start == g.Start && p.End == g.End) ? NerErrorKind.WrongType
                    : over.Exists(p => p.Type == g.Type) ? NerErrorKind.Boundary
                    : NerErrorKind.BoundaryAndType;
                errors.Add(new NerError(kind, s, g, over));
            }
            foreach (var p in pc)
            {
                if (goldSet.Contains(p)) continue;
                if (!gc.Exists(g => !predSet.Contains(g) && g.Start < p.End && p.Start < g.End))
                    errors.Add(new NerError(NerErrorKind.Spurious, s, null, [p]));
            }
        }
        return errors;
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
                if (IsKnown(tokens[s], c, known)) { seen++; if (hit) seenFound++; }
                else { unseen++; if (hit) unseenFound++; }
            }
        }
        return new NerSeenSplit(seen, seenFound, unseen, unseenFound);
    }

    private static string Key(string[] tokens, BioChunk c) => c.Type + "\t" + Text(tokens, c);

    /// <summary>The tokens of a chunk joined by one space.</summary>
    public static string Text(string[] tokens, BioChunk c) => string.Join(' ', tokens[c.Start..c.End]);

    /// <summary>Whether the chunk's text and type occur as an entity in <paramref name="known"/> (<see cref="EntityKeys"/>).</summary>
    public static bool IsKnown(string[] tokens, BioChunk c, IReadOnlySet<string> known) => known.Contains(Key(tokens, c));
}
