using Marsad.Tests.Common;

namespace Marsad.Cli.Tests;

public class CoderCommandTests
{
    [Fact]
    public void The_committed_coder_model_is_what_its_training_command_makes()
    {
        var committed = Path.Combine(SharedData.RepoRoot, "src", "Marsad.Analysis", "Resources", "events", "coder-model.tsv");
        var header = File.ReadLines(committed).Take(3).ToList();
        Assert.StartsWith("# Reproduce: ./marsad coder train --gold eval/events/tune.json", header[1]);
        var fresh = Path.Combine(Path.GetTempPath(), $"marsad-coder-{Guid.NewGuid():N}.tsv");
        try
        {
            var text = CliRunner.Run(["coder", "train", "--gold", "eval/events/tune.json", "--out", fresh.Replace('\\', '/'), "--folds", "5", "--seed", "1", "--top", "3"], out var exit);
            Assert.True(exit == 0, CliRunner.LastError);
            Assert.Contains("5-fold cross-validation by document", text);
            Assert.Contains("reliability", text);
            Assert.Contains("heaviest for source:", text);
            // same weights line for line (the header names the output path, which differs)
            Assert.Equal(File.ReadLines(committed).Skip(3), File.ReadLines(fresh).Skip(3));
        }
        finally { File.Delete(fresh); }
    }

    [Fact]
    public void Coder_explain_shows_each_candidates_mentions_with_role_probabilities()
    {
        var file = Path.Combine(Path.GetTempPath(), $"marsad-explain-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, "فرضت الولايات المتحدة عقوبات جديدة على روسيا يوم الخميس.");
        try
        {
            var text = CliRunner.Run(["coder", "explain", file, "--published", "2021-04-19"], out var exit);
            Assert.True(exit == 0, CliRunner.LastError);
            var lines = text.Split('\n');
            Assert.Contains(lines, l => l.StartsWith("SANCTION asserted «", StringComparison.Ordinal) && l.Contains("confidence 0.", StringComparison.Ordinal));
            // one line per mention with the three probabilities; the United States is read as the source, Russia as the target
            var usa = Assert.Single(lines, l => l.TrimStart().StartsWith("الولايات المتحدة", StringComparison.Ordinal));
            var rus = Assert.Single(lines, l => l.TrimStart().StartsWith("روسيا", StringComparison.Ordinal));
            Assert.True(Probability(usa, "source") > Probability(usa, "target"), usa);
            Assert.True(Probability(rus, "target") > Probability(rus, "source"), rus);
            // and where each mention comes from and stands: both in the sentence, the United States inside the gapped
            // trigger (فرضت … عقوبات), Russia after it behind على
            Assert.Contains("Sentence pos|dist=overlap|", usa, StringComparison.Ordinal);
            Assert.Contains("Sentence pos|dist=after|", rus, StringComparison.Ordinal);
            Assert.Contains("prep=علي", rus, StringComparison.Ordinal);
        }
        finally { File.Delete(file); }

        static double Probability(string line, string role)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return double.Parse(parts[Array.IndexOf(parts, role) + 1], System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    [Fact]
    public void Coder_explain_rejects_a_missing_file()
    {
        CliRunner.Run(["coder", "explain", "/nonexistent/article.txt"], out var exit);
        Assert.Equal(2, exit);
    }

    [Fact]
    public void Coder_train_rejects_a_missing_gold_file()
    {
        CliRunner.Run(["coder", "train", "--gold", "/nonexistent/gold.json"], out var exit);
        Assert.Equal(2, exit);
    }
}
