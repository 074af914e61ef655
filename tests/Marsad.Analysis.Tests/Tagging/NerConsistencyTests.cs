using Marsad.Analysis.Tagging;

namespace Marsad.Analysis.Tests.Tagging;

public class NerConsistencyTests
{
    private static readonly string[] Labels = PerceptronTrainer.CanonicalLabels;

    /// <summary>A handmade "document": each sentence as word/LABEL pairs, the labels standing for a tagger's output.</summary>
    private static readonly string[] Document =
    [
        "قال/O باتروشيف/B-PER إن/O",
        "وصل/O باتروشيف/B-PER أمس/O",
        "التقى/O لباتروشيف/B-LOC ./O",
        "ذكر/O باتروشيف/O ./O",
        "فاز/O دينامو/B-ORG كييف/I-ORG ./O",
        "وكاد/O دينامو/O كييف/O يفوز/O",
        "زار/O كييف/O أمس/O",
    ];

    private static (string[][] Tokens, int[][] Labels) Parse(IEnumerable<string> sentences)
    {
        var tokens = new List<string[]>();
        var labels = new List<int[]>();
        foreach (var s in sentences)
        {
            var pairs = s.Split(' ');
            tokens.Add(pairs.Select(p => p[..p.LastIndexOf('/')]).ToArray());
            labels.Add(pairs.Select(p => Array.IndexOf(Labels, p[(p.LastIndexOf('/') + 1)..])).ToArray());
        }
        return ([.. tokens], [.. labels]);
    }

    private static string[][] Run(NerConsistencyOptions options, IEnumerable<string> sentences, out int changed)
    {
        var (tokens, labels) = Parse(sentences);
        var pass = new NerConsistencyPass(Labels, options);
        for (int s = 0; s < tokens.Length; s++) pass.Add(new StringTokens(tokens[s]), labels[s]);
        changed = pass.Apply();
        return Enumerable.Range(0, tokens.Length).Select(s => pass.LabelsOf(s).ToArray().Select(l => Labels[l]).ToArray()).ToArray();
    }

    [Fact]
    public void Names_get_their_majority_type_and_untagged_repeats_get_tagged()
    {
        var result = Run(NerConsistencyOptions.Document, Document, out int changed);
        Assert.Equal(["O", "B-PER", "O"], result[0]);
        Assert.Equal(["O", "B-PER", "O"], result[2]);   // LOC outvoted 2 : 1 (the proclitic ل is ignored)
        Assert.Equal(["O", "B-PER", "O"], result[3]);   // a single word with two PER votes
        Assert.Equal(["O", "B-ORG", "I-ORG", "O"], result[5]); // a two-word name needs one vote
        Assert.Equal(["O", "O", "O"], result[6]);        // كييف alone was never tagged: only the whole name votes
        Assert.Equal(1 + 1 + 2, changed);
    }

    [Fact]
    public void Window_zero_changes_nothing()
    {
        var result = Run(NerConsistencyOptions.Off, Document, out int changed);
        Assert.Equal(0, changed);
        Assert.Equal(["O", "B-LOC", "O"], result[2]);
        Assert.Equal(["O", "O", "O", "O"], result[5]);
    }

    [Fact]
    public void Votes_come_only_from_sentences_inside_the_window()
    {
        // With one sentence on each side, sentence 2 sees one PER vote (sentence 1) against its own LOC: a tie, kept.
        var result = Run(new NerConsistencyOptions { Window = 1 }, Document, out _);
        Assert.Equal(["O", "B-LOC", "O"], result[2]);
        // Sentence 3 sees sentence 2 (LOC) and nothing else: one vote is too few for a single word.
        Assert.Equal(["O", "O", "O"], result[3]);
        // The club name is one sentence away: tagged.
        Assert.Equal(["O", "B-ORG", "I-ORG", "O"], result[5]);
    }

    [Fact]
    public void A_single_vote_tags_a_single_word_when_allowed()
    {
        var result = Run(new NerConsistencyOptions { MinSingleWordVotes = 1 }, ["قال/O تاس/B-ORG ./O", "نقلت/O تاس/O ./O"], out int changed);
        Assert.Equal(["O", "B-ORG", "O"], result[1]);
        Assert.Equal(1, changed);
    }

    [Fact]
    public void Labels_outside_names_stay_untouched_and_the_pass_can_be_reused()
    {
        var pass = new NerConsistencyPass(Labels, NerConsistencyOptions.Document);
        var (tokens, labels) = Parse(Document);
        for (int round = 0; round < 2; round++)
        {
            pass.Clear();
            for (int s = 0; s < tokens.Length; s++) pass.Add(new StringTokens(tokens[s]), labels[s]);
            Assert.Equal(tokens.Length, pass.Sentences);
            Assert.Equal(4, pass.Apply());
            Assert.Equal(labels[0], pass.LabelsOf(0).ToArray());
        }
    }
}

public class NerQuoteFeatureTests
{
    private static int[] QuotePositions(params string[] tokens)
    {
        var extractor = new NerFeatureExtractor(NerFeatureFamilies.Quotes, NerLexicon.Empty, WordClusters.Empty);
        var ws = new NerWorkspace();
        extractor.Extract(new StringTokens(tokens), ws, 9);
        return ws.QuotePos.AsSpan(0, tokens.Length).ToArray();
    }

    [Fact]
    public void Short_quoted_runs_are_marked_first_inside_last_or_only()
    {
        Assert.Equal([0, 0, 1, 2, 3, 0, 0], QuotePositions("برنامج", "«", "الدماغ", "فيها", "إيه", "»", "يذاع"));
        Assert.Equal([0, 0, 4, 0], QuotePositions("استاد", "\"", "فارول", "\""));
    }

    [Fact]
    public void Unclosed_or_long_quotes_mark_nothing()
    {
        Assert.Equal([0, 0, 0, 0], QuotePositions("قال", "«", "إن", "الوضع"));
        var longRun = new[] { "«" }.Concat(Enumerable.Repeat("كلمة", 12)).Append("»").ToArray();
        Assert.All(QuotePositions(longRun), p => Assert.Equal(0, p));
    }
}
