using Marsad.Analysis.Documents;
using Marsad.Analysis.Evaluation;
using Marsad.Analysis.Events;

namespace Marsad.Analysis.Tests.Evaluation;

public class SentenceGoldScorerTests
{
    private static readonly ActorRef Army = new("isr-army", "Israel armed forces", "الجيش الإسرائيلي", "ISR");
    private static readonly ActorRef Gaza = new("city-gaza", "Gaza", "غزة", "PSE");

    private static string WriteGold(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"marsad-sentences-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Records_are_read_with_their_category_day_and_argument_texts()
    {
        var path = WriteGold(
            """{"text": "قصف الجيش الإسرائيلي غزة", "date": "20180514", "category": "ASSAULT", "events": [{"source_text": "الجيش الإسرائيلي", "target_text": "غزة"}]}""",
            "",
            """{"text": "اجتمع الوزراء", "category": "MEETING", "events": []}""");
        try
        {
            var sentences = SentenceGoldScorer.Read(path);
            Assert.Equal(2, sentences.Count);
            Assert.Equal(PloverType.Assault, sentences[0].Category);
            Assert.Equal("2018-05-14", sentences[0].Published);
            Assert.Equal(("الجيش الإسرائيلي", "غزة"), Assert.Single(sentences[0].Arguments));
            Assert.Null(sentences[1].Category); // not a PLOVER type: scored as neither class
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_line_that_is_not_a_record_is_an_error_naming_the_line()
    {
        var path = WriteGold("""{"text": "نص", "category": "ASSAULT", "events": []}""", "{not json");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => SentenceGoldScorer.Read(path));
            Assert.Contains(path + ":2:", error.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Detection_counts_hits_false_alarms_and_misses_and_arguments_match_by_a_name_word()
    {
        var assault = new GoldSentence("a", null, PloverType.Assault, [("قوات الجيش الاسرائيلي", "سكان غزة")]);
        var protest = new GoldSentence("b", null, PloverType.Protest, []);
        var other = new GoldSentence("c", null, null, []);
        // a: found with both sides; b: missed; c: an ASSAULT nobody coded (a false alarm)
        AnalyzedDocument Analyze(SourceDocument d) => new()
        {
            Id = d.Text, Text = d.Text, Status = DocumentStatus.Ok,
            Events = d.Text == "b" ? [] : [new EventRecord { Id = "e1", Type = PloverType.Assault, Source = [Army], Target = [Gaza] }],
        };
        var score = SentenceGoldScorer.Score([assault, protest, other], Analyze, listMissed: true);
        Assert.Equal(new Prf(1, 2, 2), score.Detection);
        Assert.Equal(1.0, score.SourceMatchRate);
        Assert.Equal(1.0, score.TargetMatchRate);
        Assert.Equal("b", Assert.Single(score.Missed));
        Assert.False(SentenceGoldScorer.Overlaps(Army, "الشرطة المصرية"));
    }
}
