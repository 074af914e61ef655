using System.Reflection;

namespace Marsad.Analysis.Events;

/// <summary>Opens the embedded resources of the events and dates stages by their path under Resources/.</summary>
internal static class EventResources
{
    /// <summary>Opens Resources/<paramref name="relativePath"/> (e.g. "events/triggers.tsv") as a reader.</summary>
    /// <exception cref="InvalidOperationException">The resource is not embedded.</exception>
    public static StreamReader Open(string relativePath)
    {
        var asm = Assembly.GetExecutingAssembly();
        // The csproj's LogicalName keeps the folder separator (Marsad.Resources.events/triggers.tsv); accept the dotted form too.
        var stream = asm.GetManifestResourceStream("Marsad.Resources." + relativePath)
            ?? asm.GetManifestResourceStream("Marsad.Resources." + relativePath.Replace('/', '.'))
            ?? asm.GetManifestResourceStream("Marsad.Resources." + relativePath.Replace('/', '\\'))
            ?? throw new InvalidOperationException($"embedded resource {relativePath} is missing");
        return new StreamReader(stream);
    }
}
