using Marsad.Analysis.Documents;
using Marsad.Analysis.Pipeline;
using Marsad.Tests.Common;

namespace Marsad.Analysis.Tests.Seeds;

/// <summary>The five seed articles, read from ../shared/data/seeds at test time (never copied into the repo).</summary>
public class SeedArticleTests
{
    private static readonly AnalysisPipeline Pipeline = new AnalysisPipelineBuilder().Build();

    public static TheoryData<string> SeedNames()
    {
        var data = new TheoryData<string>();
        foreach (var f in SharedData.SeedFiles()) data.Add(Path.GetFileName(f));
        return data;
    }

    private static AnalyzedDocument Analyze(string name)
    {
        var text = File.ReadAllText(SharedData.Data("seeds", name));
        return Pipeline.Analyze(new SourceDocument { Path = name, Text = text }, new AnalysisOptions { IncludeTokens = true });
    }

    [Fact]
    public void There_are_five_seed_articles()
    {
        Assert.Equal(5, SharedData.SeedFiles().Length);
    }

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void Token_and_segment_offsets_reproduce_the_original_text(string name)
    {
        var doc = Analyze(name);
        Assert.NotEmpty(doc.Tokens!);
        foreach (var t in doc.Tokens!)
        {
            Assert.Equal(doc.Text[t.Start..t.End], t.Text);
            Assert.Equal(string.Concat(t.Segments.Select(s => s.Text)), t.Text);
            foreach (var s in t.Segments) Assert.Equal(doc.Text[s.Start..s.End], s.Text);
        }
    }

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void No_token_crosses_a_sentence_boundary(string name)
    {
        var doc = Analyze(name);
        foreach (var t in doc.Tokens!)
        {
            int containing = doc.Sentences.Count(s => s.Start <= t.Start && t.End <= s.End);
            Assert.True(containing == 1, $"token {t.Text} [{t.Start},{t.End}) lies in {containing} sentences");
        }
    }

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void Sentence_count_is_plausible(string name)
    {
        var doc = Analyze(name);
        var text = doc.Text;
        // At least one sentence per non-empty line (lines always end sentences), and no more sentences than
        // lines plus terminators: the splitter neither merges paragraphs nor invents boundaries.
        int lines = text.Split('\n').Count(l => l.Trim().Length > 0);
        int terminators = text.Count(c => c is '.' or '!' or '?' or '؟' or '…');
        Assert.InRange(doc.Sentences.Count, lines, lines + terminators);
        // A news sentence is rarely longer than 120 words or shorter than 1.
        foreach (var s in doc.Sentences)
        {
            int words = doc.Tokens!.Count(t => t.Start >= s.Start && t.End <= s.End && t.Kind is "ArabicWord" or "LatinWord");
            Assert.InRange(words, 0, 120);
        }
    }

    [Fact]
    public void Wa_adafa_is_split_into_conjunction_and_verb()
    {
        int found = 0;
        foreach (var f in SharedData.SeedFiles())
        {
            var doc = Analyze(Path.GetFileName(f));
            foreach (var t in doc.Tokens!.Where(t => t.Text == "وأضاف"))
            {
                Assert.Equal(["و", "أضاف"], t.Segments.Select(s => s.Text));
                Assert.Equal(["proclitic", "stem"], t.Segments.Select(s => s.Role));
                found++;
            }
        }
        Assert.True(found >= 2, $"وأضاف found {found} times in the seeds");
    }

    [Fact]
    public void Names_in_the_seeds_stay_whole()
    {
        foreach (var f in SharedData.SeedFiles())
        {
            var doc = Analyze(Path.GetFileName(f));
            foreach (var t in doc.Tokens!.Where(t => t.Text is "بايدن" or "بوتين" or "بولتون" or "واشنطن" or "بومبيو"))
                Assert.Single(t.Segments);
        }
    }
}
