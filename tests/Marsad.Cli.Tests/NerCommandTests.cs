using System.Text.Json;
using Marsad.Tests.Common;

namespace Marsad.Cli.Tests;

public class NerCommandTests
{
    [Fact]
    public void Ner_tag_conll_writes_the_same_sentences_and_tokens_with_a_tag_each()
    {
        var input = SharedData.Data("ner", "anercorp-camel", "dev.conll");
        var output = Path.Combine(Path.GetTempPath(), $"marsad-ner-{Guid.NewGuid():N}.conll");
        try
        {
            CliRunner.Run(["ner", "tag", "--conll", input, "--out", output], out var exit);
            Assert.True(exit == 0, CliRunner.LastError);
            var gold = File.ReadAllLines(input);
            var pred = File.ReadAllLines(output);
            // Same line count: one line per token plus the blank sentence separators.
            Assert.Equal(gold.Length + (gold[^1].Length == 0 ? 0 : 1), pred.Length);
            var labels = new HashSet<string> { "O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC" };
            for (int i = 0; i < gold.Length; i++)
            {
                if (gold[i].Length == 0) { Assert.Equal("", pred[i]); continue; }
                var g = gold[i].Split('\t');
                var p = pred[i].Split('\t');
                Assert.Equal(g[0], p[0]);
                Assert.Contains(p[1], labels);
            }
        }
        finally { File.Delete(output); }
    }

    [Fact]
    public void Ner_eval_json_reports_per_type_and_overall_scores_and_speed()
    {
        var json = CliRunner.Run(["ner", "eval", "--data", SharedData.Data("ner", "anercorp-camel", "dev.conll"), "--json"], out var exit);
        Assert.True(exit == 0, CliRunner.LastError);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var types = root.GetProperty("per_type").EnumerateArray().Select(t => t.GetProperty("type").GetString()).ToList();
        Assert.Equal(["LOC", "MISC", "ORG", "PER"], types);
        var overall = root.GetProperty("overall");
        Assert.Equal(969, overall.GetProperty("gold").GetInt32());   // dev.conll's entity count (docs/commands.md, ner)
        // A loose regression guard (the measured figure is printed by the command itself, not asserted).
        Assert.InRange(overall.GetProperty("f1").GetDouble(), 0.6, 1.0);
        Assert.True(root.GetProperty("tokens_per_second").GetDouble() > 0);
    }

    [Fact]
    public void Ner_eval_errors_lists_every_gold_entity_it_did_not_match_exactly()
    {
        var errorsFile = Path.Combine(Path.GetTempPath(), $"marsad-ner-errors-{Guid.NewGuid():N}.tsv");
        try
        {
            var json = CliRunner.Run(["ner", "eval", "--data", SharedData.Data("ner", "anercorp-camel", "dev.conll"), "--json", "--errors", errorsFile], out var exit);
            Assert.True(exit == 0, CliRunner.LastError);
            using var doc = JsonDocument.Parse(json);
            var overall = doc.RootElement.GetProperty("overall");
            var rows = File.ReadAllLines(errorsFile).Where(l => !l.StartsWith('#')).Skip(1).Select(l => l.Split('\t')).ToList();
            Assert.All(rows, r => Assert.Equal(7, r.Length));
            // Gold entities not found exactly = gold − correct; predictions overlapping no gold entity = the spurious rows.
            Assert.Equal(overall.GetProperty("gold").GetInt32() - overall.GetProperty("correct").GetInt32(), rows.Count(r => r[0] != "spurious"));
            Assert.All(rows.Where(r => r[0] == "spurious"), r => Assert.Equal("", r[2]));
            Assert.All(rows.Where(r => r[0] == "missed"), r => Assert.Equal("", r[3]));
            Assert.All(rows, r => Assert.Contains("[", r[6]));
            // The JSON counts agree with the file.
            int counted = doc.RootElement.GetProperty("errors").EnumerateArray().Sum(k => k.GetProperty("total").GetInt32());
            Assert.Equal(rows.Count, counted);
        }
        finally { File.Delete(errorsFile); }
    }

    [Fact]
    public void Analyze_fills_entities_with_offsets_into_the_original_text()
    {
        var file = SharedData.SeedFiles()[0];
        var json = CliRunner.Run(["analyze", file, "--format", "jsonl"], out var exit);
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(json.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0]);
        var text = doc.RootElement.GetProperty("text").GetString()!;
        var entities = doc.RootElement.GetProperty("entities").EnumerateArray().ToList();
        Assert.NotEmpty(entities);
        foreach (var e in entities)
        {
            int s = e.GetProperty("start").GetInt32(), end = e.GetProperty("end").GetInt32();
            Assert.Equal(e.GetProperty("text").GetString(), text[s..end]);
            Assert.Contains(e.GetProperty("type").GetString(), new[] { "PER", "LOC", "ORG", "MISC" });
        }
        Assert.Contains(entities, e => e.GetProperty("type").GetString() == "PER" && e.GetProperty("text").GetString()!.Contains("باتروشيف"));
    }

    [Fact]
    public void Ner_train_cross_validate_pools_every_fold_and_needs_no_model_file()
    {
        // 40 sentences in two halves that share their names, so each half is learnable from the other.
        var lines = new List<string>();
        string[] people = ["زيدان", "كريم", "سليم", "ماهر"], cities = ["موسكو", "باريس"];
        for (int i = 0; i < 40; i++)
        {
            lines.AddRange(["قال", "الرئيس\tO", $"{people[i % 4]}\tB-PER", "في", $"{cities[i % 2]}\tB-LOC", "."]);
            lines.Add("");
        }
        var data = Path.Combine(Path.GetTempPath(), $"marsad-cv-{Guid.NewGuid():N}.conll");
        File.WriteAllLines(data, lines.Select(l => l.Length == 0 || l.Contains('\t') ? l : l + "\tO"));
        try
        {
            var json = CliRunner.Run(["ner", "train", "--train", data, "--cross-validate", "2", "--epochs", "3", "--without", "document", "--json"], out var exit);
            Assert.True(exit == 0, CliRunner.LastError);
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            Assert.Equal(2, root.GetProperty("folds").GetInt32());
            Assert.Equal(2, root.GetProperty("fold_f1").GetArrayLength());
            var overall = root.GetProperty("overall");
            Assert.Equal(80, overall.GetProperty("gold").GetInt32()); // every sentence of both folds was scored once
            Assert.InRange(overall.GetProperty("f1").GetDouble(), 0.9, 1.0);

            CliRunner.Run(["ner", "train", "--train", data], out exit);
            Assert.Equal(2, exit); // neither --out nor --cross-validate
        }
        finally { File.Delete(data); }
    }
}
