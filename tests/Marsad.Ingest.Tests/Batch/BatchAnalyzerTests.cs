using Marsad.Analysis.Documents;
using Marsad.Analysis.Pipeline;
using Marsad.Ingest.Batch;
using Marsad.Tests.Common;

namespace Marsad.Ingest.Tests.Batch;

public class BatchAnalyzerTests
{
    private static List<AnalyzedDocument> Run(params SourceDocument[] docs) =>
        new BatchAnalyzer(new AnalysisPipelineBuilder().Build(), new AnalysisOptions()).Run(docs).ToList();

    private static string Seed(string prefix) => File.ReadAllText(SharedData.SeedFiles().Single(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal)));

    [Fact]
    public void Duplicates_are_kept_and_point_to_the_first_seen_original()
    {
        var a = Seed("004");
        var copy = a.Replace("\n", "\n\n");
        var lines = a.Split('\n').ToList();
        lines.RemoveAt(1);
        var edited = string.Join('\n', lines);
        var other = Seed("001");
        var r = Run(
            new SourceDocument { Text = a, Path = "a" },
            new SourceDocument { Text = other, Path = "b" },
            new SourceDocument { Text = copy, Path = "c" },
            new SourceDocument { Text = edited, Path = "d" });
        Assert.Equal(4, r.Count);
        Assert.Equal(DocumentStatus.Ok, r[0].Status);
        Assert.Equal(DocumentStatus.Ok, r[1].Status);
        Assert.Equal(DocumentStatus.Duplicate, r[2].Status);
        Assert.Equal(r[0].Id, r[2].DuplicateOf);
        Assert.StartsWith("exact duplicate", r[2].Reason);
        Assert.Equal(DocumentStatus.Duplicate, r[3].Status);
        Assert.Equal(r[0].Id, r[3].DuplicateOf);
        Assert.NotEmpty(r[3].Sentences); // a duplicate keeps its analysis
    }

    [Fact]
    public void Non_Arabic_document_is_rejected_with_a_language_reason_and_kept()
    {
        var r = Run(new SourceDocument { Text = "The foreign ministers of Russia and the United States met in Reykjavik on Wednesday to discuss strategic stability.", Path = "en" });
        var d = Assert.Single(r);
        Assert.Equal(DocumentStatus.Rejected, d.Status);
        Assert.Equal("en", d.Language);
        Assert.StartsWith("language: en", d.Reason);
    }

    [Fact]
    public void Seed_002_is_Arabic_and_ok_despite_its_Urdu_source_line()
    {
        var d = Assert.Single(Run(new SourceDocument { Text = Seed("002"), Path = "002" }));
        Assert.Equal(DocumentStatus.Ok, d.Status);
        Assert.Equal("ar", d.Language);
        Assert.True(d.LanguageConfidence > 0.9);
    }

    [Fact]
    public void Repeated_paragraphs_are_removed_spans_and_their_sentences_can_be_skipped()
    {
        var text = Seed("000");
        var d = Assert.Single(Run(new SourceDocument { Text = text, Path = "000" }));
        Assert.Equal(text, d.Text); // the original stays whole
        Assert.Equal(6, d.Removed.Count(r => r.Reason.StartsWith("repeated", StringComparison.Ordinal)));
        // Sentences still cover the whole text; stages skip those inside removed spans.
        var kept = Marsad.Analysis.Cleaning.TextCleaner.Outside(d.Sentences, d.Removed);
        Assert.True(kept.Count < d.Sentences.Count);
        foreach (var s in kept)
            Assert.DoesNotContain(d.Removed, r => r.Start <= s.Start && r.End >= s.End);
    }

    [Fact]
    public void Furniture_lines_recurring_in_one_source_are_removed()
    {
        var docs = Enumerable.Range(0, 4).Select(i => new SourceDocument
        {
            Text = $"عين اليوم – متابعات\nقال مسؤول حكومي إن الاجتماع رقم {i} بحث تطوير العلاقات الاقتصادية بين البلدين وتعزيز التعاون.",
            Source = "3alyoum",
            Path = "p" + i,
        }).ToArray();
        var r = Run(docs);
        Assert.All(r, d => Assert.Contains(d.Removed, s => d.Text[s.Start..s.End] == "عين اليوم – متابعات"));
    }

    [Fact]
    public void Reader_errors_pass_through_as_rejected()
    {
        var d = Assert.Single(Run(new SourceDocument { Text = "", Path = "x", Error = "binary: NUL byte at offset 8" }));
        Assert.Equal(DocumentStatus.Rejected, d.Status);
        Assert.Equal("binary: NUL byte at offset 8", d.Reason);
    }
}
