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
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
