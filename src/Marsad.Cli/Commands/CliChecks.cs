using System.CommandLine;
using System.Globalization;
using Marsad.Ingest.Readers;

namespace Marsad.Cli.Commands;

/// <summary>Checks of command-line values that several commands share; each failing check prints one line to standard error.</summary>
internal static class CliChecks
{
    /// <summary>
    /// True when <paramref name="value"/> is absent or a real yyyy-MM-dd day; else prints
    /// <c>error: --since '2018-13-45' is not a date …</c> and returns false (the command then exits 2).
    /// </summary>
    public static bool IsDayOrNull(string option, string? value)
    {
        if (value is null || DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return true;
        Console.Error.WriteLine($"error: {option} '{value}' is not a date; write it as yyyy-MM-dd, e.g. 2021-10-14");
        return false;
    }

    /// <summary>
    /// Makes a many-valued path argument refuse values that look like options. A path argument takes any number of
    /// values, so without this an unknown option (<c>--bogus x</c>) would be read as two more paths. A file whose
    /// name begins with a dash is named <c>./-file</c>.
    /// </summary>
    public static Argument<string[]> RejectingOptions(this Argument<string[]> paths)
    {
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (token.Value.Length > 1 && token.Value[0] == '-')
                    result.AddError($"Unrecognized option '{token.Value}' (a path that begins with '-' is written ./{token.Value})");
        });
        return paths;
    }

    /// <summary>
    /// True when every path names an existing file or folder or is a glob that matches a file; else prints
    /// <c>error: COMMAND: not found: PATH (…)</c> for the first that does not and returns false.
    /// </summary>
    public static bool AllPathsExist(string command, IEnumerable<string> paths)
    {
        foreach (var p in paths)
        {
            if (File.Exists(p) || Directory.Exists(p)) continue;
            if (Glob.IsGlob(p))
            {
                if (Glob.Expand(p).Count > 0) continue;
                Console.Error.WriteLine($"error: {command}: not found: {p} (the pattern matches no file); nothing was read");
                return false;
            }
            Console.Error.WriteLine($"error: {command}: not found: {p} (no such file or folder); nothing was read");
            return false;
        }
        return true;
    }
}
