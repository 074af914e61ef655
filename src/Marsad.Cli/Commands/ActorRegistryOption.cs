using System.CommandLine;
using Marsad.Analysis.Actors;

namespace Marsad.Cli.Commands;

/// <summary>The shared <c>--actors FILE</c> option: a user registry (YAML or TSV) merged over the built-in one.</summary>
internal static class ActorRegistryOption
{
    public static Option<string?> Create() => new("--actors")
    {
        Description = "User actor registry (.yaml/.yml or .tsv) merged over the built-in one (see docs/actors.md)",
    };

    /// <summary>The built-in registry, or the built-in one with <paramref name="path"/> merged over it; prints errors.</summary>
    public static bool TryLoad(string? path, out ActorRegistry registry)
    {
        registry = ActorRegistry.BuiltIn;
        if (path is null)
            return true;
        try
        {
            using var reader = new StreamReader(path);
            var entries = ActorRegistryReader.Read(reader, path);
            registry = registry.Merge(entries);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            Console.Error.WriteLine($"error: --actors {path}: {ex.Message}");
            return false;
        }
    }
}
