using System.Text.Json;
using Marsad.Tests.Common;

namespace Marsad.Cli.Tests;

public class EvalEventsCommandTests
{
    [Fact]
    public void Eval_events_on_the_seeds_reports_both_levels_and_no_must_not_violation()
    {
        var json = CliRunner.Run(["eval", "events", "--gold", SharedData.Data("seeds", "gold.json"), "--docs", SharedData.Data("seeds"), "--json"], out var exit);
        Assert.True(exit == 0, CliRunner.LastError);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        foreach (var level in new[] { "actor_level", "country_level" })
        {
            var s = root.GetProperty(level);
            double f1 = s.GetProperty("f1").GetDouble();
            Assert.InRange(f1, 0.0, 1.0);
            // tp + fn is the number of required gold events, whatever the system does
            Assert.Equal(29, s.GetProperty("tp").GetInt32() + s.GetProperty("fn").GetInt32());
        }
        // "لم يوجه أي اتهامات" must never come out as an accusation
        Assert.Equal(0, root.GetProperty("must_not_violations").GetInt32());
        Assert.Equal(5, root.GetProperty("documents").GetArrayLength());
    }

    [Fact]
    public void Eval_events_on_sentences_scores_detection()
    {
        var json = CliRunner.Run(["eval", "events", "--gold", SharedData.Data("events", "ar_gold_standard_records.jsonl"), "--json"], out var exit);
        Assert.True(exit == 0, CliRunner.LastError);
        using var doc = JsonDocument.Parse(json);
        var det = doc.RootElement.GetProperty("detection");
        Assert.Equal(336, doc.RootElement.GetProperty("sentences").GetInt32());
        // every sentence has exactly one gold category, so tp + fn counts the sentences
        Assert.Equal(336, det.GetProperty("tp").GetInt32() + det.GetProperty("fn").GetInt32());
    }

    [Fact]
    public void Analyze_json_lists_merged_events_beside_documents()
    {
        var files = SharedData.SeedFiles();
        var json = CliRunner.Run(["analyze", files[1], files[3], "--published", "2021-04-22"], out var exit);
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(json);
        var merged = doc.RootElement.GetProperty("merged_events");
        Assert.True(merged.GetArrayLength() > 0);
        // the Patrushev–Sullivan call is told by both articles
        Assert.Contains(merged.EnumerateArray(), m => m.GetProperty("source_count").GetInt32() == 2
            && m.GetProperty("type").GetString() == "CONSULT"
            && m.GetProperty("documents").GetArrayLength() == 2);
    }

    [Fact]
    public void Eval_events_rejects_a_missing_gold_file()
    {
        CliRunner.Run(["eval", "events", "--gold", "/nonexistent/gold.json"], out var exit);
        Assert.Equal(2, exit);
    }
}
