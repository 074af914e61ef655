using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project bench/Marsad.Benchmarks -- --filter '*'
if (args.Length > 0 && args[0] == "actors-timing")
{
    Marsad.Benchmarks.ActorLinkerBenchmarks.Timing();
    return 0;
}
if (args.Length > 0 && args[0] == "events-timing")
{
    Marsad.Benchmarks.EventStageBenchmarks.Timing();
    return 0;
}
if (args.Length > 0 && args[0] == "link-breakdown")
{
    Marsad.Benchmarks.PipelineTiming.Breakdown(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 0);
    return 0;
}
if (args.Length > 0 && args[0] == "pipeline-timing")
{
    Marsad.Benchmarks.PipelineTiming.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
    return 0;
}
if (args.Length > 0 && args[0] == "link-share")
{
    Marsad.Benchmarks.PipelineTiming.Paired(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
    return 0;
}
if (args.Length > 0 && args[0] == "web-render")
    return await Marsad.Benchmarks.WebRenderTiming.RunAsync(args[1..]);
// (typeof(Program) would be ambiguous: Marsad.Web has a public Program for its tests.)
BenchmarkSwitcher.FromAssembly(typeof(Marsad.Benchmarks.WebRenderTiming).Assembly).Run(args);
return 0;
