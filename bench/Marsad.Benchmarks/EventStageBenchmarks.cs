using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Pipeline;

namespace Marsad.Benchmarks;

/// <summary>
/// Cost of the events-and-quotes stage and of the whole <see cref="AnalysisPipeline.Analyze"/> (tokens, sentences, actors,
/// events, quotes) on real articles of ../shared/data/news/dev/articles.jsonl (read at setup, never copied).
/// Run: dotnet run -c Release --project bench/Marsad.Benchmarks -- --filter '*EventStage*'
/// CPU-time figure without BenchmarkDotNet: dotnet run -c Release --project bench/Marsad.Benchmarks -- events-timing
/// </summary>
[MemoryDiagnoser]
public class EventStageBenchmarks
{
    private List<(string Text, string Date)> _docs = [];
    private AnalysisPipeline _pipeline = null!;

    [Params(200)]
    public int Documents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _docs = ActorLinkerBenchmarks.LoadCorpus(Documents);
        _pipeline = new AnalysisPipelineBuilder().Build();
    }

    [Benchmark]
    public int EventsAndQuotesOnly()
    {
        int n = 0;
        foreach (var (text, date) in _docs)
        {
            var tokens = _pipeline.Tokenizer.Tokenize(text);
            n += _pipeline.Events.Run("b", text, tokens, _pipeline.Splitter.Split(text, tokens), date).Events.Count;
        }
        return n;
    }

    [Benchmark(Baseline = true)]
    public int WholePipeline()
    {
        int n = 0;
        var options = new AnalysisOptions();
        foreach (var (text, date) in _docs)
            n += _pipeline.Analyze(new SourceDocument { Text = text, Published = date }, options).Events.Count;
        return n;
    }

    /// <summary>Single-thread CPU time of the whole pipeline over the corpus (docs per CPU-second; two free cores do about twice).</summary>
    public static void Timing()
    {
        var docs = ActorLinkerBenchmarks.LoadCorpus(int.MaxValue);
        var pipeline = new AnalysisPipelineBuilder().Build();
        var options = new AnalysisOptions();
        long bytes = docs.Sum(d => (long)System.Text.Encoding.UTF8.GetByteCount(d.Item1));
        var proc = Process.GetCurrentProcess();
        TimeSpan Cpu() { proc.Refresh(); return proc.TotalProcessorTime; }
        for (int round = 0; round < 3; round++)
        {
            var c0 = Cpu();
            int events = 0, quotes = 0;
            foreach (var (text, date) in docs)
            {
                var d = pipeline.Analyze(new SourceDocument { Text = text, Published = date }, options);
                events += d.Events.Count;
                quotes += d.Quotes.Count;
            }
            var c1 = Cpu();
            foreach (var (text, date) in docs)
            {
                var tokens = pipeline.Tokenizer.Tokenize(text);
                pipeline.Events.Run("b", text, tokens, pipeline.Splitter.Split(text, tokens), date);
            }
            var c2 = Cpu();
            Console.WriteLine($"round {round}: {docs.Count} docs, {bytes / docs.Count} B/doc UTF-8, {events} events, {quotes} quotes; " +
                $"whole pipeline {(c1 - c0).TotalSeconds:0.00} CPU-s = {docs.Count / (c1 - c0).TotalSeconds:0} docs/CPU-s; " +
                $"events+quotes with fallback actors {(c2 - c1).TotalSeconds:0.00} CPU-s = {docs.Count / (c2 - c1).TotalSeconds:0} docs/CPU-s");
        }
    }
}
