using System.Diagnostics;
using System.Text.Json;
using Marsad.Tests.Common;

namespace Marsad.Cli.Tests;

public class EvalEventsCommandTests
{
    [Fact]
    public void Eval_events_on_the_seeds_agrees_with_the_shared_strict_scorer()
    {
        var output = Path.Combine(Path.GetTempPath(), $"marsad-seeds-{Guid.NewGuid():N}.json");
        try
        {
            var gold = SharedData.Data("seeds", "gold.json");
            var text = CliRunner.Run(["eval", "events", "--gold", gold, "--docs", SharedData.Data("seeds"), "--out", output], out var exit);
            Assert.True(exit == 0, CliRunner.LastError);
            var ours = text.TrimEnd().Split('\n')[^2..];
            // the shared scorer, run on the very output that was scored, prints the same two summary lines
            var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            psi.ArgumentList.Add(Path.Combine(SharedData.Root, "tools", "score_events.py"));
            psi.ArgumentList.Add(gold);
            psi.ArgumentList.Add(output);
            using var p = Process.Start(psi)!;
            var theirs = p.StandardOutput.ReadToEnd().TrimEnd().Split('\n')[^2..];
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, p.StandardError.ReadToEnd());
            Assert.Equal(theirs, ours);
            Assert.StartsWith("events F1 ", ours[1]);
            // tp + fn is the number of required gold events, whatever the system does; must_not is a number we can read
            var json = CliRunner.Run(["eval", "events", "--gold", gold, "--json"], out exit);
            using var doc = JsonDocument.Parse(json);
            var actor = doc.RootElement.GetProperty("actor_level");
            Assert.Equal(29, actor.GetProperty("tp").GetInt32() + actor.GetProperty("fn").GetInt32());
            Assert.Equal(5, doc.RootElement.GetProperty("documents").GetArrayLength());
            Assert.True(doc.RootElement.GetProperty("errors").GetProperty("spurious").GetInt32() >= 0);
            Assert.Equal(14, doc.RootElement.GetProperty("quotes").GetProperty("gold").GetInt32());
        }
        finally { File.Delete(output); }
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
        var json = CliRunner.Run(["analyze", files[1], files[3], "--published", "2021-04-22", "--rules-only"], out var exit);
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(json);
        var merged = doc.RootElement.GetProperty("merged_events");
        Assert.True(merged.GetArrayLength() > 0);
        // the Patrushev–Sullivan call is told by both articles
        Assert.Contains(merged.EnumerateArray(), m => m.GetProperty("source_count").GetInt32() == 2
            && m.GetProperty("type").GetString() == "CONSULT"
            && m.GetProperty("documents").GetArrayLength() == 2);
        // with the trained coder, every shown event carries a confidence at or above the default threshold
        using var coded = JsonDocument.Parse(CliRunner.Run(["analyze", files[1], "--published", "2021-04-19"], out exit));
        Assert.Equal(0, exit);
        foreach (var d in coded.RootElement.GetProperty("documents").EnumerateArray())
            foreach (var e in d.GetProperty("events").EnumerateArray())
                Assert.True(e.GetProperty("confidence").GetDouble() >= Marsad.Analysis.Events.Coding.EventCoder.DefaultThreshold);
    }

    [Fact]
    public void Eval_events_rejects_a_missing_gold_file()
    {
        CliRunner.Run(["eval", "events", "--gold", "/nonexistent/gold.json"], out var exit);
        Assert.Equal(2, exit);
    }
}
