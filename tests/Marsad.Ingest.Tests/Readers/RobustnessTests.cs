using System.Text;
using Marsad.Ingest.Encodings;
using Marsad.Ingest.Html;
using Marsad.Ingest.Readers;

namespace Marsad.Ingest.Tests.Readers;

public class RobustnessTests
{
    private static int Seed()
    {
        var env = Environment.GetEnvironmentVariable("MARSAD_TEST_SEED");
        return env is not null && int.TryParse(env, out var s) ? s : 20211014;
    }

    [Fact]
    public void Decoder_never_throws_on_random_bytes_and_always_gives_text_or_a_reason()
    {
        int seed = Seed();
        var rng = new Random(seed);
        var arabic = new UTF8Encoding(false).GetBytes("قال المتحدث إن الاجتماع عقد في موسكو. ");
        for (int i = 0; i < 2000; i++)
        {
            int n = rng.Next(0, 300);
            var bytes = new byte[n];
            rng.NextBytes(bytes);
            // Half the cases: real UTF-8 with a few random bytes spliced in, the realistic damage.
            if (i % 2 == 0 && n > 0)
            {
                bytes = [.. arabic, .. arabic];
                for (int k = 0; k < 1 + rng.Next(3); k++) bytes[rng.Next(bytes.Length)] = (byte)rng.Next(256);
            }
            var r = TextDecoder.Decode(bytes);
            Assert.True(r.Ok ^ (r.Error is not null), $"seed {seed} case {i}");
            if (!r.Ok) Assert.DoesNotContain('\n', r.Error!);
        }
    }

    [Fact]
    public void Reader_never_throws_on_random_files_of_any_extension()
    {
        int seed = Seed();
        var rng = new Random(seed);
        using var dir = new TempDir();
        string[] exts = [".txt", ".jsonl", ".html", ".rss", ".xml", ".warc", ".warc.gz", ".jsonl.gz", ""];
        for (int i = 0; i < 90; i++)
        {
            var bytes = new byte[rng.Next(0, 2000)];
            rng.NextBytes(bytes);
            if (i % 3 == 0) bytes = [.. "WARC/1.0\r\nContent-Length: 99999\r\n\r\n<html>"u8];
            if (i % 3 == 1) bytes = [.. "<rss><channel><item><description>&lt;p&gt;نص"u8, .. bytes];
            dir.File($"f{i}{exts[i % exts.Length]}", bytes);
        }
        var docs = new DocumentReader().Read([dir.Path]).ToList();
        Assert.NotEmpty(docs);
        Assert.All(docs, d => Assert.True(d.Error is not null || d.Text.Length > 0, $"seed {seed}: {d.Path}"));
    }

    [Fact]
    public void Html_extractor_never_throws_on_random_markup()
    {
        int seed = Seed();
        var rng = new Random(seed);
        string[] pieces = ["<div>", "</div>", "<p>", "</p>", "<a href=x>", "</a>", "<br>", "<table><tr><td>", "</td></tr></table>", "<script>", "</script>",
            "قال الوزير، في بيان، إن المحادثات مستمرة.", "<!--", "-->", "<", ">", "&amp;", "<nav>", "<h1>", "</h1>", "\n"];
        var x = new HtmlExtractor();
        for (int i = 0; i < 300; i++)
        {
            var sb = new StringBuilder();
            for (int k = 0; k < rng.Next(1, 80); k++) sb.Append(pieces[rng.Next(pieces.Length)]);
            var page = x.Extract(sb.ToString());
            Assert.True(page.Error is not null || page.Text.Length > 0, $"seed {seed} case {i}");
        }
    }
}
