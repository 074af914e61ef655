using System.Diagnostics;

namespace Marsad.Tests.Common;

/// <summary>Runs the real CLI (marsad.dll copied next to the tests of a project that references Marsad.Cli) as a child process.</summary>
internal static class CliProcess
{
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
            WorkingDirectory = SharedData.RepoRoot,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "marsad.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }

    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var p = Process.Start(StartInfo(args))!;
        var err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output, err.Result);
    }
}
