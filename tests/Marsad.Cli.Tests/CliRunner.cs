using System.Diagnostics;
using Marsad.Tests.Common;

namespace Marsad.Cli.Tests;

/// <summary>Runs the real CLI (the built marsad.dll next to the tests) as a separate process and captures its output.</summary>
internal static class CliRunner
{
    public static string Run(string[] args, out int exitCode, string? stdin = null) => RunIn(SharedData.RepoRoot, args, out exitCode, stdin);

    /// <summary>Like <see cref="Run"/>, in the working directory <paramref name="workingDirectory"/>.</summary>
    public static string RunIn(string workingDirectory, string[] args, out int exitCode, string? stdin = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "marsad.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            WorkingDirectory = workingDirectory,
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        if (stdin is not null) { p.StandardInput.Write(stdin); p.StandardInput.Close(); }
        var errTask = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        t_lastError = errTask.Result;
        exitCode = p.ExitCode;
        return output;
    }

    /// <summary>The standard error of this thread's last run: test classes run in parallel, so one shared field let a
    /// test read another test's error output.</summary>
    public static string LastError => t_lastError ?? "";

    [ThreadStatic] private static string? t_lastError;
}
