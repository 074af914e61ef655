using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Marsad.Analysis.Actors;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Pipeline;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad actors ambiguity [CORPUS] [--min-count N] [--min-plain-share S] [--out FILE] [--all]</c>: measures how often
/// each registry name occurs as a plain word in a JSONL corpus (default ../shared/data/news/dev/articles.jsonl): every
/// plain name match of the linker (nothing held back) is counted, and so is whether the NER tagger marked the same words
/// as an entity. Prints the names met at least N times and left untagged at least S of the time (the ambiguous names);
/// <c>--out</c> writes them as the linker's resource (<c>src/Marsad.Analysis/Resources/actors/ambiguous_names.tsv</c>).
/// </summary>
internal static class ActorsAmbiguityCommand
{
    public static Command Create()
    {
        var corpus = new Argument<string?>("corpus") { Description = "JSONL corpus (default ../shared/data/news/dev/articles.jsonl)", Arity = ArgumentArity.ZeroOrOne };
        var minCount = new Option<int>("--min-count") { Description = "Occurrences a name needs to be judged", DefaultValueFactory = _ => AmbiguousNames.DefaultMinCount };
        var minShare = new Option<double>("--min-plain-share") { Description = "Share of untagged occurrences that makes a name ambiguous", DefaultValueFactory = _ => AmbiguousNames.DefaultMinPlainShare };
        var output = new Option<string?>("--out") { Description = "Write the ambiguous names as the linker's resource file" };
        var all = new Option<bool>("--all") { Description = "Print every name met, not only the ambiguous ones" };
        var command = new Command("ambiguity", "Measure which registry names occur as plain words (untagged by the NER tagger) in a corpus.");
        command.Arguments.Add(corpus);
        command.Options.Add(minCount);
        command.Options.Add(minShare);
        command.Options.Add(output);
        command.Options.Add(all);
        command.SetAction(parse =>
        {
            string path = parse.GetValue(corpus) ?? DefaultCorpus();
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"error: corpus '{path}' not found");
                return 2;
            }
            var pipeline = new AnalysisPipelineBuilder { LinkActors = false }.Build();
            int documents = 0;
            var counts = AmbiguousNames.Measure(ActorRegistry.BuiltIn, Read(path, pipeline, () => Interlocked.Increment(ref documents)));
            int n = parse.GetValue(minCount);
            double s = parse.GetValue(minShare);
            var ambiguous = AmbiguousNames.Derive(counts, n, s);
            foreach (var (kind, (occ, tagged)) in AmbiguousNames.Coverage(counts).OrderByDescending(kv => kv.Value.Occurrences))
                Console.Error.WriteLine($"ambiguity: tagger coverage of {kind} names {tagged}/{occ} = {(occ == 0 ? 0 : tagged / (double)occ):0.000}{(occ > 0 && tagged / (double)occ >= AmbiguousNames.MinKindCoverage ? " (judged)" : " (not judged: the tagger rarely marks them)")}");
            Console.Out.WriteLine("phrase\tactors\tkind\toccurrences\ttagged\tplain_share\tdocuments");
            foreach (var c in parse.GetValue(all) ? counts : ambiguous)
                Console.Out.WriteLine(string.Join('\t', c.Phrase, c.ActorId, c.Kind, c.Occurrences, c.Tagged, c.PlainShare.ToString("0.000", CultureInfo.InvariantCulture), c.Documents));
            Console.Error.WriteLine($"ambiguity: {documents} documents, {counts.Count} names met, {ambiguous.Count} ambiguous (≥ {n} occurrences, ≥ {s:0.##} untagged)");
            if (parse.GetValue(output) is { } outPath)
            {
                File.WriteAllText(outPath, AmbiguousNames.ToTsv(ambiguous, RelativeName(path), documents, n, s));
                Console.Error.WriteLine($"ambiguity: wrote {outPath}");
            }
            return 0;
        });
        return command;
    }

    private static IEnumerable<(string, DateOnly?, IReadOnlyList<EntityMention>)> Read(string path, AnalysisPipeline pipeline, Action counted)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (line.Trim().Length == 0)
                continue;
            var art = JsonDocument.Parse(line).RootElement;
            string text = art.GetProperty("text").GetString() ?? "";
            string? published = art.TryGetProperty("published", out var p) ? p.GetString() : art.TryGetProperty("date", out var d) ? d.GetString() : null;
            counted();
            // Analysed lazily on the measuring thread: the tagger's entities over the kept sentences, as analyze finds them.
            var doc = pipeline.Analyze(new SourceDocument { Text = text, Published = published }, new AnalysisOptions());
            if (doc.Status != DocumentStatus.Ok)
                continue;
            DateOnly? date = published is { Length: >= 10 } && DateOnly.TryParseExact(published.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dd) ? dd : null;
            yield return (text, date, doc.Entities);
        }
    }

    private static string RelativeName(string path)
    {
        string full = Path.GetFullPath(path).Replace('\\', '/');
        int at = full.IndexOf("/shared/data/", StringComparison.Ordinal);
        return at >= 0 ? ".." + full[at..] : Path.GetFileName(full);
    }

    private static string DefaultCorpus()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marsad.slnx")))
            dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? ".", "..", "shared", "data", "news", "dev", "articles.jsonl");
    }
}
