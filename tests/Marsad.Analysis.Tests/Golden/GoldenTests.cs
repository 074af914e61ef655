using System.Globalization;
using System.Text;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Pipeline;
using Marsad.Tests.Common;

namespace Marsad.Analysis.Tests.Golden;

/// <summary>
/// Golden files for the text core: sentences, then every token with offsets, kind, normalized form and segments.
/// Inputs: the sample texts in samples/text/ (expected side in Golden/text/samples/) and the edge cases
/// Golden/text/&lt;case&gt;.input.txt (expected beside them). Invisible characters are written as \uXXXX.
/// Set GOLDEN_UPDATE=1 to rewrite the expected files, then review the diff like code.
/// </summary>
public class GoldenTests
{
    private static readonly AnalysisPipeline Pipeline = new AnalysisPipelineBuilder().Build();
    private static string GoldenDir => Path.Combine(SharedData.RepoRoot, "tests", "Marsad.Analysis.Tests", "Golden", "text");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(SharedData.RepoRoot, "samples", "text"), "*.txt").OrderBy(f => f, StringComparer.Ordinal))
            data.Add("samples/" + Path.GetFileNameWithoutExtension(f));
        foreach (var f in Directory.GetFiles(GoldenDir, "*.input.txt").OrderBy(f => f, StringComparer.Ordinal))
            data.Add(Path.GetFileName(f)[..^".input.txt".Length]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Text_core_output_matches_golden_file(string name)
    {
        string input, expectedPath;
        if (name.StartsWith("samples/", StringComparison.Ordinal))
        {
            var sample = name["samples/".Length..];
            input = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "samples", "text", sample + ".txt"));
            expectedPath = Path.Combine(GoldenDir, "samples", sample + ".expected.txt");
        }
        else
        {
            input = File.ReadAllText(Path.Combine(GoldenDir, name + ".input.txt"));
            expectedPath = Path.Combine(GoldenDir, name + ".expected.txt");
        }
        var actual = Render(input);
        if (Environment.GetEnvironmentVariable("GOLDEN_UPDATE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
            File.WriteAllText(expectedPath, actual, new UTF8Encoding(false));
            return;
        }
        Assert.True(File.Exists(expectedPath), $"missing {expectedPath}: run with GOLDEN_UPDATE=1 and review the new file");
        var expected = File.ReadAllText(expectedPath).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            int line = 0;
            while (line < e.Length && line < a.Length && e[line] == a[line]) line++;
            Assert.Fail($"{name}: first difference at line {line + 1}\nexpected: {(line < e.Length ? e[line] : "<end>")}\nactual:   {(line < a.Length ? a[line] : "<end>")}\n(GOLDEN_UPDATE=1 rewrites)");
        }
    }

    /// <summary>One block per sentence; one line per token: [start,end) kind surface → norm | segments.</summary>
    internal static string Render(string text)
    {
        var doc = Pipeline.Analyze(new SourceDocument { Path = "golden", Text = text }, new AnalysisOptions { IncludeTokens = true });
        var sb = new StringBuilder();
        var tokens = doc.Tokens!;
        int ti = 0;
        for (int si = 0; si < doc.Sentences.Count; si++)
        {
            var s = doc.Sentences[si];
            sb.Append(CultureInfo.InvariantCulture, $"== sentence {si + 1} [{s.Start},{s.End})\n");
            for (; ti < tokens.Count && tokens[ti].End <= s.End; ti++)
            {
                var t = tokens[ti];
                sb.Append(CultureInfo.InvariantCulture, $"[{t.Start},{t.End})\t{t.Kind}\t{Escape(t.Text)}\t{Escape(t.Norm)}");
                if (t.Segments.Count > 1)
                {
                    sb.Append('\t');
                    for (int k = 0; k < t.Segments.Count; k++)
                    {
                        var g = t.Segments[k];
                        if (k > 0) sb.Append(" + ");
                        sb.Append(CultureInfo.InvariantCulture, $"{g.Role}:{Escape(g.Text)}[{g.Start},{g.End})");
                    }
                }
                sb.Append('\n');
            }
        }
        for (; ti < tokens.Count; ti++) sb.Append("!! token outside every sentence: ").Append(Escape(tokens[ti].Text)).Append('\n');
        return sb.ToString();
    }

    /// <summary>Writes invisible characters (format, control, tatweel, lone surrogates) as \uXXXX.</summary>
    internal static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            var cat = char.GetUnicodeCategory(c);
            bool invisible = c == '\u0640' || c == '\u00AD' || cat is UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.Surrogate
                || cat is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
            if (invisible) sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
