using Marsad.Cli.Commands;
using Marsad.Tests.Common;

namespace Marsad.Storage.Tests;

/// <summary><c>marsad bench store</c> on a tiny corpus: every phase reports, and nothing is left behind.</summary>
public sealed class BenchStoreCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "marsad-bench-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Percentiles_use_the_nearest_rank()
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i).ToList();
        Assert.Equal(50, BenchStoreCommand.Percentile(values, 0.50));
        Assert.Equal(95, BenchStoreCommand.Percentile(values, 0.95));
        Assert.Equal(99, BenchStoreCommand.Percentile(values, 0.99));
        Assert.Equal(7, BenchStoreCommand.Percentile([7.0], 0.99));
        Assert.True(double.IsNaN(BenchStoreCommand.Percentile([], 0.5)));
    }

    [Fact]
    public void The_cpu_time_of_a_process_is_read_from_proc()
    {
        if (!OperatingSystem.IsLinux()) return; // /proc is Linux's
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        double? seconds = BenchStoreCommand.ProcessCpuSeconds(self.Id);
        Assert.NotNull(seconds);
        Assert.InRange(seconds!.Value, 0.01, self.TotalProcessorTime.TotalSeconds + 1);
        Assert.Null(BenchStoreCommand.ProcessCpuSeconds(int.MaxValue));
    }

    [Fact]
    public void Every_phase_reports_its_figures_and_the_files_are_deleted()
    {
        var (exit, output, err) = CliProcess.Run("bench", "store", "--input", SharedData.Data("seeds"), "--docs", "120", "--rounds", "1", "--work", _dir);
        Assert.True(exit == 0, err);
        Assert.Matches(@"sqlite +ingest end to end: \d+ documents in [\d.]+ s = [\d,]+ articles/s", output);
        Assert.Matches(@"reader during the ingest: \d+ searches, p50", output);
        Assert.Contains("re-ingest", output);
        Assert.Matches(@"storage only: \d+ analysed documents", output);
        Assert.Matches(@"search: 28 queries on 120 indexed documents: p50 +[\d.]+ +p95 +[\d.]+ +p99", output);
        foreach (var kind in new[] { "word", "phrase", "filter" }) Assert.Matches($@"{kind} +\(\d+ queries\): p50", output);
        Assert.Contains("summary", output);
        Assert.Empty(Directory.GetFiles(_dir, "*.db*"));
    }

    [Fact]
    public void An_unknown_phase_is_refused()
    {
        var (exit, _, err) = CliProcess.Run("bench", "store", "--only", "ingest,everything", "--work", _dir);
        Assert.Equal(2, exit);
        Assert.Contains("unknown phase 'everything'", err);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (DirectoryNotFoundException) { }
        catch (IOException) { }
    }
}
