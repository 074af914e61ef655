using Marsad.Analysis.Tagging;

namespace Marsad.Analysis.Tests.Tagging;

public class NerEvaluationTests
{
    private static IReadOnlyList<string> S(string tags) => tags.Split(' ');

    [Fact]
    public void Score_matches_a_hand_computed_example()
    {
        // Gold chunks: PER[0,2) LOC[3,4) | ORG[0,2)  = 3.
        // Predicted:   PER[0,2) ORG[3,4) | ORG[0,1)  = 3; only PER is right (ORG[0,1) has the wrong end).
        var gold = new[] { S("B-PER I-PER O B-LOC"), S("B-ORG I-ORG O") };
        var pred = new[] { S("B-PER I-PER O B-ORG"), S("B-ORG O O") };
        var scores = NerEvaluation.Score(gold, pred);
        Assert.Equal(3, scores.Overall.Gold);
        Assert.Equal(3, scores.Overall.Predicted);
        Assert.Equal(1, scores.Overall.Correct);
        Assert.Equal(1.0 / 3, scores.Overall.Precision, 10);
        Assert.Equal(1.0 / 3, scores.Overall.Recall, 10);
        Assert.Equal(1.0 / 3, scores.Overall.F1, 10);
        var org = scores.PerType.Single(t => t.Type == "ORG");
        Assert.Equal((1, 2, 0), (org.Gold, org.Predicted, org.Correct));
        var per = scores.PerType.Single(t => t.Type == "PER");
        Assert.Equal(1.0, per.F1, 10);
        Assert.Equal(5.0 / 7, scores.TokenAccuracy, 10);
    }

    [Fact]
    public void Score_with_unequal_precision_and_recall_gives_their_harmonic_mean()
    {
        // Gold: PER, LOC, LOC (3). Predicted: PER, LOC (2), both right. P = 1, R = 2/3, F1 = 0.8.
        var gold = new[] { S("B-PER O B-LOC O B-LOC") };
        var pred = new[] { S("B-PER O B-LOC O O") };
        var overall = NerEvaluation.Score(gold, pred).Overall;
        Assert.Equal(1.0, overall.Precision, 10);
        Assert.Equal(2.0 / 3, overall.Recall, 10);
        Assert.Equal(0.8, overall.F1, 10);
    }

    [Fact]
    public void Errors_file_each_wrong_entity_once_under_its_kind()
    {
        // Sentence 0: PER[0,2) found; LOC[3,4) tagged ORG (wrong type); ORG[5,7) found as ORG[5,6) (boundary).
        // Sentence 1: PER[0,1) missed; MISC[2,4) found as LOC[2,3) + LOC[3,4) (boundary and type); ORG[5,6) predicted
        // where gold has nothing (spurious).
        var gold = new[] { S("B-PER I-PER O B-LOC O B-ORG I-ORG"), S("B-PER O B-MISC I-MISC O O") };
        var pred = new[] { S("B-PER I-PER O B-ORG O B-ORG O"), S("O O B-LOC B-LOC O B-ORG") };
        var errors = NerEvaluation.Errors(gold, pred);
        var expected = new List<(NerErrorKind, int, BioChunk?, string)>
        {
            (NerErrorKind.WrongType, 0, new BioChunk(3, 4, "LOC"), "ORG"),
            (NerErrorKind.Boundary, 0, new BioChunk(5, 7, "ORG"), "ORG"),
            (NerErrorKind.Missed, 1, new BioChunk(0, 1, "PER"), ""),
            (NerErrorKind.BoundaryAndType, 1, new BioChunk(2, 4, "MISC"), "LOC LOC"),
            (NerErrorKind.Spurious, 1, null, "ORG"),
        };
        Assert.Equal(expected, errors.Select(e => (e.Kind, e.Sentence, e.Gold, string.Join(' ', e.Predicted.Select(p => p.Type)))).ToList());
        Assert.Equal("ORG", errors[^1].Type);
        // Every gold entity not matched exactly is one error: gold − correct.
        var scores = NerEvaluation.Score(gold, pred);
        Assert.Equal(scores.Overall.Gold - scores.Overall.Correct, errors.Count(e => e.Gold is not null));
    }

    [Fact]
    public void Chunks_read_an_orphan_I_tag_as_a_chunk_start_like_conlleval()
    {
        Assert.Equal([new BioChunk(1, 3, "PER")], NerEvaluation.Chunks(S("O I-PER I-PER")));
        // I-LOC after B-PER starts a new LOC chunk.
        Assert.Equal([new BioChunk(0, 1, "PER"), new BioChunk(1, 2, "LOC")], NerEvaluation.Chunks(S("B-PER I-LOC")));
        // B after B of the same type: two chunks.
        Assert.Equal(2, NerEvaluation.Chunks(S("B-ORG B-ORG")).Count);
    }

    [Fact]
    public void Score_rejects_sentences_of_different_lengths()
    {
        Assert.Throws<ArgumentException>(() => NerEvaluation.Score([S("O O")], [S("O")]));
    }

    [Fact]
    public void Recall_is_split_by_whether_the_entity_text_and_type_were_seen_in_training()
    {
        var train = new[] { new NerSentence(["قال", "بوتين", "في", "موسكو"], ["O", "B-PER", "O", "B-LOC"]) };
        var known = NerEvaluation.EntityKeys(train);
        Assert.Equal(2, known.Count);
        string[] tokens = ["بوتين", "زار", "موسكو", "وبكين"];
        // Gold: بوتين PER (seen), موسكو ORG (text seen but as LOC: unseen), وبكين LOC (unseen).
        var gold = S("B-PER O B-ORG B-LOC");
        var predicted = S("B-PER O B-LOC B-LOC");
        var split = NerEvaluation.RecallBySeen([tokens], [gold], [predicted], known);
        Assert.Equal(new NerSeenSplit(1, 1, 2, 1), split);
        Assert.Equal(1.0, split.SeenRecall);
        Assert.Equal(0.5, split.UnseenRecall);
        Assert.Equal(new NerSeenSplit(2, 2, 4, 2), split + split);
    }
}
