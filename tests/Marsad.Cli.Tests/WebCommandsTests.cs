using System.Text.RegularExpressions;
using Marsad.Tests.Common;

namespace Marsad.Cli.Tests;

/// <summary><c>marsad serve</c> and <c>marsad bench web</c> as processes: refusal without a store, and a tiny bounded load test.</summary>
public sealed class WebCommandsTests
{
    [Fact]
    public void Serve_refuses_to_start_without_a_store()
    {
        var missing = Path.Combine(Path.GetTempPath(), "marsad-no-store-" + Guid.NewGuid().ToString("N") + ".db");
        CliRunner.Run(["serve", "--db", missing, "--urls", "http://127.0.0.1:0"], out int exit);
        Assert.Equal(1, exit);
        Assert.Contains("no store at", CliRunner.LastError);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void Bench_web_reports_every_phase_with_percentiles_and_no_errors()
    {
        var work = Path.Combine(Path.GetTempPath(), "marsad-bench-web-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var output = CliRunner.Run(["bench", "web", "--input", SharedData.Data("seeds"), "--docs", "300", "--clients", "3", "--seconds", "1", "--work", work], out int exit);
            Assert.True(exit == 0, CliRunner.LastError + output);
            foreach (var phase in new[] { "list   uncached", "search uncached", "list   cached", "search cached" })
            {
                var line = Assert.Single(output.Split('\n'), l => l.StartsWith(phase, StringComparison.Ordinal));
                var m = Regex.Match(line, @"([\d,]+) requests.*p50\s+([\d.,]+) ms, p95\s+([\d.,]+) ms, p99\s+([\d.,]+) ms");
                Assert.True(m.Success, line);
                Assert.True(int.Parse(m.Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture) > 0, line);
                Assert.DoesNotContain("ERRORS", line);
            }
            Assert.Contains("300 documents written", output);
            Assert.False(File.Exists(Path.Combine(work, "web.db")));   // removed without --reuse
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }
}
