using System.Diagnostics;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Marsad.Analysis.Actors;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Pipeline;

namespace Marsad.Benchmarks;

/// <summary>
/// Cost of actor linking, alone and inside <see cref="AnalysisPipeline.Analyze"/>, on real articles of the development
/// corpus (../shared/data/news/dev/articles.jsonl, read at setup, never copied).
/// Run: dotnet run -c Release --project bench/Marsad.Benchmarks -- --filter '*ActorLinker*'
/// Quick wall-clock figure without BenchmarkDotNet: dotnet run -c Release --project bench/Marsad.Benchmarks -- actors-timing
/// </summary>
[MemoryDiagnoser]
public class ActorLinkerBenchmarks
{
    private List<(string Text, string Date)> _docs = [];
    private ActorLinker _linker = null!;
    private AnalysisPipeline _with = null!, _without = null!;

    [Params(200)]
    public int Documents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _docs = LoadCorpus(Documents);
        _linker = new ActorLinker(ActorRegistry.BuiltIn);
        _with = new AnalysisPipelineBuilder().Build();
        _without = new AnalysisPipelineBuilder { LinkActors = false }.Build();
    }

    [Benchmark]
    public int Link()
    {
        int n = 0;
        foreach (var (text, date) in _docs)
            n += _linker.Link(text, DateOnly.Parse(date[..10], System.Globalization.CultureInfo.InvariantCulture)).Mentions.Count;
        return n;
    }

    [Benchmark(Baseline = true)]
    public int AnalyzeWithoutActors() => Analyze(_without);

    [Benchmark]
    public int AnalyzeWithActors() => Analyze(_with);

    private int Analyze(AnalysisPipeline p)
    {
        int n = 0;
        var options = new AnalysisOptions();
        foreach (var (text, date) in _docs)
            n += p.Analyze(new SourceDocument { Text = text, Published = date }, options).Entities.Count;
        return n;
    }

    internal static List<(string, string)> LoadCorpus(int max)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marsad.slnx")))
            dir = dir.Parent;
        string path = Path.Combine(dir?.FullName ?? ".", "..", "shared", "data", "news", "dev", "articles.jsonl");
        var list = new List<(string, string)>();
        foreach (var line in File.ReadLines(path))
        {
            using var doc = JsonDocument.Parse(line);
            list.Add((doc.RootElement.GetProperty("text").GetString()!, doc.RootElement.GetProperty("date").GetString()!));
            if (list.Count >= max)
                break;
        }
        return list;
    }

    /// <summary>Wall-clock linking throughput over the whole corpus on one thread (prints docs/s and KB/s).</summary>
    public static void Timing()
    {
        var docs = LoadCorpus(int.MaxValue);
        var sw = Stopwatch.StartNew();
        var linker = new ActorLinker(ActorRegistry.BuiltIn);
        Console.WriteLine($"registry load: {sw.Elapsed.TotalMilliseconds:0} ms ({ActorRegistry.BuiltIn.Count} actors)");
        long chars = docs.Sum(d => (long)d.Item1.Length);
        var without = new AnalysisPipelineBuilder { LinkActors = false }.Build();
        var with = new AnalysisPipelineBuilder().Build();
        var options = new AnalysisOptions();
        for (int round = 0; round < 3; round++)
        {
            // CPU time of this (single) thread: less sensitive than wall clock to other processes on a shared machine.
            var cpu = Process.GetCurrentProcess();
            TimeSpan Cpu() { cpu.Refresh(); return cpu.TotalProcessorTime; }
            var c0 = Cpu();
            sw.Restart();
            int m = 0;
            foreach (var (text, date) in docs)
                m += linker.Link(text, DateOnly.Parse(date[..10], System.Globalization.CultureInfo.InvariantCulture)).Mentions.Count;
            var link = sw.Elapsed;
            var c1 = Cpu();
            foreach (var (text, date) in docs)
                without.Analyze(new SourceDocument { Text = text, Published = date }, options);
            var c2 = Cpu();
            foreach (var (text, date) in docs)
                with.Analyze(new SourceDocument { Text = text, Published = date }, options);
            var c3 = Cpu();
            Console.WriteLine($"round {round}: {docs.Count} docs ({chars / 1024} KB), {m} mentions; link alone {link.TotalSeconds:0.00} s wall, " +
                $"{(c1 - c0).TotalSeconds:0.00} s CPU = {docs.Count / (c1 - c0).TotalSeconds:0} docs/CPU-s; " +
                $"analyze CPU without actors {(c2 - c1).TotalSeconds:0.00} s, with actors {(c3 - c2).TotalSeconds:0.00} s");
        }
    }
}
