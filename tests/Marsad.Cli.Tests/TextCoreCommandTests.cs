using System.IO.Compression;
using System.Text;

namespace Marsad.Cli.Tests;

public class TextCoreCommandTests
{
    [Fact]
    public void Lexicon_build_counts_words_and_flags_names_from_a_data_folder()
    {
        var data = Directory.CreateTempSubdirectory("marsad-lexicon-");
        try
        {
            var raw = Path.Combine(data.FullName, "news", "raw");
            Directory.CreateDirectory(raw);
            using (var gz = new GZipStream(File.Create(Path.Combine(raw, "ant_multisource_nonbbc.jsonl.gz")), CompressionLevel.Fastest))
            using (var w = new StreamWriter(gz, new UTF8Encoding(false)))
            {
                w.WriteLine("{\"id\":\"1\",\"title\":\"قال الوزير\",\"text\":\"قال الوزير إن الوزير قال.\"}");
                w.WriteLine("{\"id\":\"2\",\"title\":null,\"text\":\"قال بولتون.\"}");
            }
            var gaz = Path.Combine(data.FullName, "gazetteers");
            Directory.CreateDirectory(gaz);
            File.WriteAllText(Path.Combine(gaz, "person_names.tsv"), "arabic\tenglish\tkind\tcount\tsource\nبولتون\tbolton\tname_token\t5\tnetranslit\n");
            var outFile = Path.Combine(data.FullName, "words.tsv");

            CliRunner.Run(["lexicon", "build", "--out", outFile, "--data", data.FullName, "--min-count", "2"], out int exit);
            Assert.True(exit == 0, CliRunner.LastError);
            var lines = File.ReadAllLines(outFile);
            Assert.StartsWith("# ", lines[0]);
            Assert.Contains(lines, l => l.StartsWith("# Rebuild", StringComparison.Ordinal));
            var rows = lines.Where(l => !l.StartsWith('#')).ToList();
            Assert.Equal("قال\t4", rows[0]);
            Assert.Contains("الوزير\t3", rows);
            Assert.Contains("بولتون\t1\tN", rows); // below the minimum count but kept: a name
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public void Bench_text_prints_throughput_for_a_small_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"marsad-bench-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(file, "{\"id\":\"a\",\"text\":\"وأضاف الوزير أن المحادثات كانت بناءة. ثم غادر.\"}\n");
        try
        {
            var output = CliRunner.Run(["bench", "text", file, "--passes", "1"], out int exit);
            Assert.True(exit == 0, CliRunner.LastError);
            Assert.Contains("M chars/s", output);
            Assert.Contains("sentences 2", output);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
