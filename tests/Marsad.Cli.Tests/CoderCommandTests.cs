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
    public void Coder_train_rejects_a_missing_gold_file()
    {
        CliRunner.Run(["coder", "train", "--gold", "/nonexistent/gold.json"], out var exit);
        Assert.Equal(2, exit);
    }
}
