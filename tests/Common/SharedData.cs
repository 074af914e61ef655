namespace Marsad.Tests.Common;

/// <summary>
/// Finds the repository root and the <c>shared/</c> data folder that sits beside it (or <c>MARSAD_SHARED</c>).
/// Running text (seed articles, corpora) is read from there at test time and never copied into the repo.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> RepoRootLazy = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marsad.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (Marsad.slnx) above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root (the folder holding Marsad.slnx).</summary>
    public static string RepoRoot => RepoRootLazy.Value;

    /// <summary>The shared data folder: <c>$MARSAD_SHARED</c>, else <c>../shared</c> beside the repository.</summary>
    public static string Root
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("MARSAD_SHARED");
            var path = string.IsNullOrEmpty(env) ? Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared")) : env;
            if (!Directory.Exists(Path.Combine(path, "data")))
                throw new InvalidOperationException($"shared data not found at {path}: clone the repository beside shared/ or set MARSAD_SHARED");
            return path;
        }
    }

    /// <summary>A path under <c>shared/data/</c>.</summary>
    public static string Data(params string[] parts) => Path.Combine([Root, "data", .. parts]);

    /// <summary>The five seed articles, sorted by file name.</summary>
    public static string[] SeedFiles()
    {
        var files = Directory.GetFiles(Data("seeds"), "*.txt");
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }
}
