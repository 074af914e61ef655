using System.Text.Json;
using Marsad.Tests.Common;

namespace Marsad.Cli.Tests;

public class ActorsCommandTests
{
    [Fact]
    public void Lookup_resolves_a_title_on_the_given_date()
    {
        var out2018 = CliRunner.Run(["actors", "lookup", "مستشار الأمن القومي الأمريكي", "--date", "2018-08-23"], out var exit);
        Assert.Equal(0, exit);
        Assert.Contains("john-bolton", out2018, StringComparison.Ordinal);
        var out2021 = CliRunner.Run(["actors", "lookup", "مستشار الأمن القومي الأمريكي", "--date", "2021-04-19"], out exit);
        Assert.Equal(0, exit);
        Assert.Contains("jake-sullivan", out2021, StringComparison.Ordinal);
    }

    [Fact]
    public void Ambiguity_measures_names_used_as_plain_words_and_writes_the_resource()
    {
        string dir = Path.Combine(Path.GetTempPath(), "marsad-ambiguity-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string corpus = Path.Combine(dir, "c.jsonl");
            var lines = Enumerable.Range(0, 4).Select(i => JsonSerializer.Serialize(new
            {
                id = "d" + i,
                published = "2019-05-01",
                text = $"قال سكان مدينة ساحلية صغيرة إن الرئيس الروسي فلاديمير بوتين زار غزة وحلب ودبي وطهران في اليوم {i}.",
            }));
            File.WriteAllLines(corpus, lines);
            string outFile = Path.Combine(dir, "ambiguous.tsv");
            var stdout = CliRunner.Run(["actors", "ambiguity", corpus, "--out", outFile], out var exit);
            Assert.Equal(0, exit);
            Assert.Contains("مدينه\tcity-medina", stdout, StringComparison.Ordinal);
            var written = File.ReadAllText(outFile);
            Assert.StartsWith("# Marsad actor linking", written, StringComparison.Ordinal);
            Assert.Contains("\nمدينه\t", written, StringComparison.Ordinal);
            Assert.DoesNotContain("\nبوتين\t", written, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Lookup_rejects_a_bad_date()
    {
        CliRunner.Run(["actors", "lookup", "بوتين", "--date", "23/08/2018"], out var exit);
        Assert.Equal(2, exit);
    }

    [Fact]
    public void Analyze_links_seed_entities_to_actors_and_lists_them_with_roles()
    {
        var seed = SharedData.SeedFiles().First(f => Path.GetFileName(f).StartsWith("001", StringComparison.Ordinal));
        var json = CliRunner.Run(["analyze", seed, "--published", "2021-04-19", "--format", "jsonl"], out var exit);
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(json.Split('\n')[0]);
        var d = doc.RootElement;
        string text = d.GetProperty("text").GetString()!;
        var actors = d.GetProperty("actors").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!);
        Assert.Equal("National Security Advisor", actors["jake-sullivan"].GetProperty("role").GetString());
        Assert.Equal("RUS", actors["nikolai-patrushev"].GetProperty("country").GetString());
        foreach (var e in d.GetProperty("entities").EnumerateArray())
        {
            int s = e.GetProperty("start").GetInt32(), end = e.GetProperty("end").GetInt32();
            Assert.Equal(e.GetProperty("text").GetString(), text[s..end]);
            if (e.TryGetProperty("actor", out var a))
                Assert.True(actors.ContainsKey(a.GetString()!), $"entity actor {a} is not in the document's actors list");
        }
    }

    [Fact]
    public void Eval_actors_on_the_seed_gold_prints_precision_and_recall()
    {
        var output = CliRunner.Run(["eval", "actors", "--gold", Path.Combine(SharedData.Data("seeds"), "gold.json")], out var exit);
        Assert.Equal(0, exit);
        Assert.Contains("person+organization mentions: P=", output, StringComparison.Ordinal);
    }

    [Fact]
    public void User_registry_is_merged_over_the_built_in_one()
    {
        string file = Path.Combine(Path.GetTempPath(), $"marsad-actors-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "actors:\n  - id: zed-tester\n    kind: person\n    name_en: Zed Tester\n    name_ar: زيد المختبر\n    country: JOR\n");
        try
        {
            var output = CliRunner.Run(["actors", "lookup", "قال زيد المختبر إن", "--actors", file], out var exit);
            Assert.Equal(0, exit);
            Assert.Contains("zed-tester", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
