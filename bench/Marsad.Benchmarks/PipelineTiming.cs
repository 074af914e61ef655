using System.Diagnostics;
using Marsad.Analysis.Actors;
using Marsad.Analysis.Cleaning;
using Marsad.Analysis.Events;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Pipeline;

namespace Marsad.Benchmarks;

/// <summary>
/// Throughput of the whole <see cref="AnalysisPipeline.Analyze"/> (cleaning, language, tokens, sentences, NER tagger, actor
/// linking, events, quotes) on every core, over the development corpus (../shared/data/news/dev/articles.jsonl), and the
/// share actor linking adds to it (issue 4: at most 10%).
/// Run: dotnet run -c Release --project bench/Marsad.Benchmarks -- pipeline-timing [rounds] (and link-breakdown [rounds])
/// Each round runs the corpus once with linking and once without (the events stage then reads its small fallback actor
/// list), in alternating order, each on <see cref="Environment.ProcessorCount"/> threads; the medians are printed.
/// Wall-clock figures depend on what else the machine runs; process CPU-seconds much less so.
/// </summary>
internal static class PipelineTiming
{
    public static void Run(int rounds)
    {
        var docs = ActorLinkerBenchmarks.LoadCorpus(int.MaxValue);
        long bytes = 0, chars = 0;
        foreach (var (text, _) in docs)
        {
            bytes += System.Text.Encoding.UTF8.GetByteCount(text);
            chars += text.Length;
        }
        var with = new AnalysisPipelineBuilder().Build();
        var without = new AnalysisPipelineBuilder { LinkActors = false }.Build();
        int cores = Environment.ProcessorCount;
        Console.WriteLine($"pipeline-timing: {docs.Count} articles, mean {bytes / docs.Count} B UTF-8 ({chars / docs.Count} chars), " +
            $"{cores} threads, {rounds} rounds after a warm-up; load average at start: {LoadAverage()}");
        Pass(with, docs);
        Pass(without, docs);
        var wallWith = new List<double>();
        var wallWithout = new List<double>();
        var cpuWith = new List<double>();
        var cpuWithout = new List<double>();
        var ratios = new List<double>();
        for (int r = 0; r < rounds; r++)
        {
            // alternate which goes first so a drift in machine load does not favour one side
            (double Wall, double Cpu) a, b;
            if (r % 2 == 0) { a = Pass(with, docs); b = Pass(without, docs); }
            else { b = Pass(without, docs); a = Pass(with, docs); }
            wallWith.Add(a.Wall);
            cpuWith.Add(a.Cpu);
            wallWithout.Add(b.Wall);
            cpuWithout.Add(b.Cpu);
            ratios.Add(a.Cpu / b.Cpu);
            Console.WriteLine($"  round {r + 1}: with linking {docs.Count / a.Wall,6:0} articles/s wall, {docs.Count / a.Cpu,6:0} articles/CPU-s; " +
                $"without {docs.Count / b.Wall,6:0} articles/s wall, {docs.Count / b.Cpu,6:0} articles/CPU-s; linking adds {(a.Cpu / b.Cpu - 1) * 100,5:0.0}% CPU");
        }
        double mw = Median(wallWith), mc = Median(cpuWith);
        Console.WriteLine($"whole pipeline with linking: {docs.Count / mw:0} articles/s on {cores} cores (median wall {mw:0.00} s), " +
            $"{docs.Count / mc:0} articles per CPU-second (median {mc:0.00} CPU-s)");
        Console.WriteLine($"without linking: {docs.Count / Median(wallWithout):0} articles/s, {docs.Count / Median(cpuWithout):0} articles per CPU-second");
        Console.WriteLine($"linking adds {(Median(ratios) - 1) * 100:0.0}% to analyze CPU time (median of per-round ratios; target at most 10%); " +
            $"load average at end: {LoadAverage()}");
    }

    /// <summary>
    /// Where linking's share goes, single-threaded: the linker itself (CPU, bytes allocated per article), and the events stage
    /// fed with linked mentions or with its fallback list. With <paramref name="linkOnlyRounds"/> &gt; 0 it only runs the
    /// linker that many times over the corpus (for a profiler: dotnet-trace collect -- dotnet …Benchmarks.dll link-breakdown 15).
    /// </summary>
    public static void Breakdown(int linkOnlyRounds)
    {
        var docs = ActorLinkerBenchmarks.LoadCorpus(int.MaxValue);
        var p = new AnalysisPipelineBuilder().Build();
        var linker = p.ActorLinker!;
        var prepared = new List<(string Text, string Date, IReadOnlyList<Marsad.Analysis.Tokenization.Token> Tokens, IReadOnlyList<Marsad.Analysis.Text.TextSpan> Kept, IReadOnlyList<Marsad.Analysis.Documents.EntityMention> Entities, DateOnly Day)>();
        foreach (var (text, date) in docs)
        {
            var tokens = p.Tokenizer.Tokenize(text);
            var sentences = p.Splitter.Split(text, tokens);
            var removed = p.Cleaner.Clean(text, null);
            var kept = TextCleaner.Outside(sentences, removed);
            var entities = p.EntityTagger!.Recognize(text, tokens, kept);
            prepared.Add((text, date, tokens, kept, entities, DateOnly.Parse(date[..10], System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (linkOnlyRounds > 0)
        {
            // for a profiler: the linker alone, many times over
            var sw0 = Stopwatch.StartNew();
            for (int r = 0; r < linkOnlyRounds; r++)
                foreach (var d in prepared) linker.Link(d.Text, d.Day, d.Entities);
            Console.WriteLine($"link only: {linkOnlyRounds} rounds in {sw0.Elapsed.TotalSeconds:0.00} s");
            return;
        }
        // Paired per article (load cancels out): the linker, the events stage on linked mentions, the events stage on its fallback list.
        for (int round = 0; round < 3; round++)
        {
            long tLink = 0, tEventsLinked = 0, tEventsFallback = 0;
            for (int i = 0; i < prepared.Count; i++)
            {
                var d = prepared[i];
                long t0 = Stopwatch.GetTimestamp();
                var r = linker.Link(d.Text, d.Day, d.Entities);
                long t1 = Stopwatch.GetTimestamp();
                p.Events.Run("b", p.Events.Prepare(d.Text, d.Tokens, d.Date), d.Kept, new ActorLinks(r.Mentions, new LinkedActorDirectory(r, linker.Registry)));
                long t2 = Stopwatch.GetTimestamp();
                p.Events.Run("b", d.Text, d.Tokens, d.Kept, d.Date);
                long t3 = Stopwatch.GetTimestamp();
                tLink += t1 - t0;
                tEventsLinked += t2 - t1;
                tEventsFallback += t3 - t2;
            }
            double f = 1000.0 / Stopwatch.Frequency;
            Console.WriteLine($"paired round {round}: link {tLink * f:0} ms, events on linked mentions {tEventsLinked * f:0} ms, events on the fallback list {tEventsFallback * f:0} ms");
        }
        for (int round = 0; round < 5; round++)
        {
            var sw = Stopwatch.StartNew();
            var results = new List<ActorLinkResult>(prepared.Count);
            foreach (var d in prepared) results.Add(linker.Link(d.Text, d.Day, d.Entities));
            double link = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            for (int i = 0; i < prepared.Count; i++)
            {
                var d = prepared[i];
                var r = results[i];
                p.Events.Run("b", p.Events.Prepare(d.Text, d.Tokens, d.Date), d.Kept, new ActorLinks(r.Mentions, new LinkedActorDirectory(r, linker.Registry)));
            }
            double with = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            foreach (var d in prepared) p.Events.Run("b", d.Text, d.Tokens, d.Kept, d.Date);
            double without = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            foreach (var r in results) r.ActorInfos();
            double infos = sw.Elapsed.TotalMilliseconds;
            var proc = Process.GetCurrentProcess();
            proc.Refresh();
            var c0 = proc.TotalProcessorTime;
            foreach (var d in prepared) linker.Link(d.Text, d.Day);
            proc.Refresh();
            var c1 = proc.TotalProcessorTime;
            foreach (var d in prepared) linker.Link(d.Text, d.Day, d.Entities);
            proc.Refresh();
            var c2 = proc.TotalProcessorTime;
            long b0 = GC.GetAllocatedBytesForCurrentThread();
            foreach (var d in prepared) linker.Link(d.Text, d.Day, d.Entities);
            long b1 = GC.GetAllocatedBytesForCurrentThread();
            foreach (var d in prepared) p.Events.Run("b", d.Text, d.Tokens, d.Kept, d.Date);
            long b2 = GC.GetAllocatedBytesForCurrentThread();
            Console.WriteLine($"  allocated per article: link {(b1 - b0) / prepared.Count} B, events with fallback actors {(b2 - b1) / prepared.Count} B");
            Console.WriteLine($"  CPU: link without entities {(c1 - c0).TotalMilliseconds:0} ms, with entities {(c2 - c1).TotalMilliseconds:0} ms");
            Console.WriteLine($"round {round}: link {link:0} ms; events with linked mentions {with:0} ms, with fallback list {without:0} ms; actor infos {infos:0} ms");
        }
    }

    /// <summary>
    /// Linking's share measured so that machine load cancels out: one thread analyzes every article twice in a row, with and
    /// without linking (which goes first alternates), and sums the two times separately. A busy machine slows both of
    /// each pair alike, where whole passes in turn (<see cref="Run"/>) see the load change between them.
    /// Run: dotnet run -c Release --project bench/Marsad.Benchmarks -- link-share [rounds]
    /// </summary>
    public static void Paired(int rounds)
    {
        var docs = ActorLinkerBenchmarks.LoadCorpus(int.MaxValue);
        var with = new AnalysisPipelineBuilder().Build();
        var without = new AnalysisPipelineBuilder { LinkActors = false }.Build();
        var options = new AnalysisOptions();
        var sources = docs.ConvertAll(d => new SourceDocument { Text = d.Item1, Published = d.Item2 });
        foreach (var d in sources)
        {
            with.Analyze(d, options);
            without.Analyze(d, options);
        }
        Console.WriteLine($"link-share: {docs.Count} articles, one thread, {rounds} rounds of paired runs; load average at start: {LoadAverage()}");
        var shares = new List<double>();
        double totalWith = 0, totalWithout = 0;
        for (int r = 0; r < rounds; r++)
        {
            long tWith = 0, tWithout = 0;
            for (int i = 0; i < sources.Count; i++)
            {
                var d = sources[i];
                bool withFirst = ((i + r) & 1) == 0;
                long t0 = Stopwatch.GetTimestamp();
                (withFirst ? with : without).Analyze(d, options);
                long t1 = Stopwatch.GetTimestamp();
                (withFirst ? without : with).Analyze(d, options);
                long t2 = Stopwatch.GetTimestamp();
                if (withFirst) { tWith += t1 - t0; tWithout += t2 - t1; }
                else { tWithout += t1 - t0; tWith += t2 - t1; }
            }
            double a = (double)tWith / Stopwatch.Frequency, b = (double)tWithout / Stopwatch.Frequency;
            totalWith += a;
            totalWithout += b;
            shares.Add(a / b);
            Console.WriteLine($"  round {r + 1}: with linking {a:0.000} s, without {b:0.000} s ({docs.Count / a:0} vs {docs.Count / b:0} articles/s); linking adds {(a / b - 1) * 100:0.0}%");
        }
        Console.WriteLine($"linking adds {(Median(shares) - 1) * 100:0.0}% to analysis time (median of rounds; all rounds together {(totalWith / totalWithout - 1) * 100:0.0}%; target at most 10%); load average at end: {LoadAverage()}");
    }

    private static (double Wall, double Cpu) Pass(AnalysisPipeline pipeline, List<(string Text, string Date)> docs)
    {
        var options = new AnalysisOptions();
        var proc = Process.GetCurrentProcess();
        proc.Refresh();
        var cpu0 = proc.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        Parallel.For(0, docs.Count, i =>
        {
            var (text, date) = docs[i];
            pipeline.Analyze(new SourceDocument { Text = text, Published = date }, options);
        });
        sw.Stop();
        proc.Refresh();
        return (sw.Elapsed.TotalSeconds, (proc.TotalProcessorTime - cpu0).TotalSeconds);
    }

    private static double Median(List<double> values)
    {
        var sorted = new List<double>(values);
        sorted.Sort();
        return sorted[sorted.Count / 2];
    }

    private static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(' ', parts[0], parts[1], parts[2]);
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
