using System.Diagnostics;

namespace Marsad.Cli.Output;

/// <summary>Shows progress of a long run on standard error: at most one line a second, and a closing summary with the rate.</summary>
internal sealed class ProgressReporter(string verb) : IDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastShown;
    private int _count;
    private bool _finished;

    public void Report(int count)
    {
        _count = count;
        var now = _clock.Elapsed;
        if (now - _lastShown < TimeSpan.FromSeconds(1)) return;
        _lastShown = now;
        Console.Error.WriteLine($"{verb}: {count:N0} documents, {count / Math.Max(now.TotalSeconds, 1e-6):N0}/s");
    }

    public void Finish(string summary)
    {
        _finished = true;
        var s = _clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"{verb}: {_count:N0} documents in {s:N1} s ({_count / Math.Max(s, 1e-6):N0}/s): {summary}");
    }

    public void Dispose()
    {
        if (!_finished) Console.Error.WriteLine($"{verb}: stopped after {_count:N0} documents");
    }
}
