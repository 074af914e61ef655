using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project bench/Marsad.Benchmarks -- --filter '*'
if (args.Length > 0 && args[0] == "actors-timing")
{
    Marsad.Benchmarks.ActorLinkerBenchmarks.Timing();
    return;
}
if (args.Length > 0 && args[0] == "events-timing")
{
    Marsad.Benchmarks.EventStageBenchmarks.Timing();
    return;
}
if (args.Length > 0 && args[0] == "link-breakdown")
{
    Marsad.Benchmarks.PipelineTiming.Breakdown(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 0);
    return;
}
if (args.Length > 0 && args[0] == "pipeline-timing")
{
    Marsad.Benchmarks.PipelineTiming.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
