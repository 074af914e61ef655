using System.Text.Json;

namespace Marsad.Cli.Commands;

/// <summary>Finds <c>shared/data</c> (for the evaluation commands) and reads the corpus JSONL files.</summary>
internal static class EvalData
{
    /// <summary><c>$MARSAD_SHARED/data</c>, else <c>../shared/data</c> beside the repository (found from the binary or the working folder).</summary>
    public static string? Root()
    {
        var env = Environment.GetEnvironmentVariable("MARSAD_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(Path.Combine(env, "data"))) return Path.Combine(env, "data");
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "Marsad.slnx"))) continue;
                var data = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                if (Directory.Exists(data)) return data;
            }
        }
        return null;
    }

    public sealed record Article(string Id, string Source, string? Date, string? Title, string Text, string? Url);

    public static List<Article> ReadArticles(string path)
    {
        var list = new List<Article>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            list.Add(FromJson(doc.RootElement));
        }
        return list;
    }

    public static Article FromJson(JsonElement e)
    {
        string? S(string n) => e.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new Article(S("id") ?? "", S("source") ?? "", S("date"), S("title"), S("text") ?? "", S("url"));
    }

    public static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return 2;
    }
}
