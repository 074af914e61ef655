using System.Text;
using System.Text.RegularExpressions;

namespace Marsad.Ingest.Readers;

/// <summary>
/// File globs: <c>*</c> (any run inside one path segment), <c>?</c> (one character), <c>**</c> (any number of
/// folders) and <c>[abc]</c>. The part before the first wildcard segment is the folder searched.
/// </summary>
public static class Glob
{
    /// <summary>True when <paramref name="path"/> holds a wildcard.</summary>
    public static bool IsGlob(string path) => path.AsSpan().IndexOfAny("*?[") >= 0;

    /// <summary>Matching files, sorted ordinally; empty when none (or the base folder does not exist).</summary>
    public static IReadOnlyList<string> Expand(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var parts = pattern.Replace('\\', '/').Split('/');
        int first = Array.FindIndex(parts, p => IsGlob(p));
        string baseDir = first == 0 ? "." : string.Join('/', parts[..first]);
        if (baseDir.Length == 0) baseDir = "/";
        if (!Directory.Exists(baseDir)) return [];
        var regex = ToRegex(string.Join('/', parts[first..]));
        bool deep = parts.Length - first > 1 || pattern.Contains("**");
        var files = Directory.GetFiles(baseDir, "*", deep ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly);
        var matched = new List<string>();
        foreach (var f in files)
        {
            var rel = Path.GetRelativePath(baseDir, f).Replace('\\', '/');
            if (regex.IsMatch(rel)) matched.Add(first == 0 && !pattern.StartsWith("./") ? rel : Path.Combine(baseDir, rel));
        }
        matched.Sort(StringComparer.Ordinal);
        return matched;
    }

    /// <summary>Translates a relative glob into an anchored regular expression over '/'-separated paths.</summary>
    internal static Regex ToRegex(string glob)
    {
        var sb = new StringBuilder("^");
        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                bool slash = i + 2 < glob.Length && glob[i + 2] == '/';
                sb.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*') sb.Append("[^/]*");
            else if (c == '?') sb.Append("[^/]");
            else if (c == '[')
            {
                int close = glob.IndexOf(']', i + 1);
                if (close < 0) { sb.Append("\\["); continue; }
                sb.Append('[').Append(Regex.Escape(glob[(i + 1)..close]).Replace("\\-", "-")).Append(']');
                i = close;
            }
            else sb.Append(Regex.Escape(c.ToString()));
        }
        return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
