using Marsad.Analysis.Events;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Evaluation;
using Marsad.Analysis.Pipeline;
using Marsad.Cli.Output;
using Marsad.Ingest.Batch;
using Marsad.Ingest.Readers;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad eval events --gold FILE [--docs DIR] [--articles JSONL] [--out OUTPUT.json] [--json] [--verbose]</c>: scores
/// event extraction. A marsad-gold/1 file (the seeds' gold, <c>eval/events/tune.json</c>, <c>check.json</c>) is scored
/// by <see cref="StrictEventScorer"/>, the rules of <c>../shared/tools/score_events.py</c>: its documents are analysed
/// as <c>analyze</c> does (one batch, same pipeline), every emitted event counts, and <c>--out</c> writes that very
/// output so the shared scorer can be run on it. A <c>.jsonl</c> file of UniversalPetrarch gold-standard sentences
/// (PROTEST/ASSAULT) is scored for detection.
/// </summary>
internal static class EvalEventsCommand
{
    /// <summary>The <c>events</c> subcommand (added under an <c>eval</c> parent).</summary>
    public static Command Create()
    {
        var gold = new Option<string>("--gold") { Description = "Gold file: marsad-gold/1 JSON (seeds, eval/events/tune.json, check.json) or UniversalPetrarch JSONL", Required = true };
        var docs = new Option<string?>("--docs") { Description = "Folder with the files a gold file names (default: the gold file's folder)" };
        var articles = new Option<string?>("--articles") { Description = "JSONL corpus holding the gold's article ids (default: the gold's \"articles\", under shared/data)" };
        var outFile = new Option<string?>("--out") { Description = "Also write the analyze --format json output that was scored to this file" };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON" };
        var minConfidence = new Option<double>("--min-confidence") { Description = "Score the events analyze shows at this confidence threshold (default: analyze's)", DefaultValueFactory = _ => Marsad.Analysis.Events.Coding.EventCoder.DefaultThreshold };
        var rulesOnly = new Option<bool>("--rules-only") { Description = "Score the trigger rules' events without the trained coder (the baseline)" };
        var coderFile = new Option<string?>("--coder") { Description = "A coder model file (from coder train --out) instead of the committed one" };
        var verbose = new Option<bool>("--verbose") { Description = "List every error (missed, spurious, wrong source/target/type/date, reversed) per document" };
        var command = new Command("events", "Score event extraction against a gold file with the strict scorer (P/R/F1 at actor and country level, per type, error table, dates, quotes, must_not).");
        command.Options.Add(gold);
        command.Options.Add(docs);
        command.Options.Add(articles);
        command.Options.Add(outFile);
        command.Options.Add(json);
        command.Options.Add(verbose);
        command.Options.Add(minConfidence);
        command.Options.Add(rulesOnly);
        command.Options.Add(coderFile);
        command.SetAction(parse =>
        {
            string goldPath = parse.GetValue(gold)!;
            if (!File.Exists(goldPath)) { Console.Error.WriteLine($"error: gold file not found: {goldPath}"); return 2; }
            if (goldPath.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            {
                List<GoldSentence> sentences;
                try { sentences = SentenceGoldScorer.Read(goldPath); }
                catch (InvalidDataException e) { Console.Error.WriteLine("error: " + e.Message); return 2; }
                var sentenceBuilder = new AnalysisPipelineBuilder();
                if (parse.GetValue(rulesOnly)) sentenceBuilder.EventCoder = null;
                var pipeline = sentenceBuilder.Build();
                double threshold = parse.GetValue(minConfidence);
                var sentenceScore = SentenceGoldScorer.Score(sentences,
                    d => Marsad.Analysis.Events.Coding.EventVisibility.Shown(pipeline.Analyze(d, new AnalysisOptions()), threshold), parse.GetValue(verbose));
                var result = SentenceJson(sentenceScore, goldPath, parse.GetValue(verbose));
                if (parse.GetValue(json)) Console.WriteLine(result.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JsonOutput.Options.Encoder }));
                else Print(result);
                return 0;
            }
            EventGold eventGold;
            try { eventGold = EventGold.Load(goldPath); }
            catch (Exception e) when (e is InvalidDataException or JsonException or KeyNotFoundException)
            {
                Console.Error.WriteLine($"error: {goldPath}: {e.Message}");
                return 2;
            }
            if (!TryReadGoldDocuments(eventGold, goldPath, parse.GetValue(docs), parse.GetValue(articles), out var sources, out var problem))
            {
                Console.Error.WriteLine("error: " + problem);
                return 2;
            }
            Marsad.Analysis.Events.Coding.EventCoder? coder = null;
            if (parse.GetValue(coderFile) is { } cf && (coder = CoderCommand.ReadModelFile(cf)) is null) return 2;
            var analyzed = AnalyzeLikeAnalyze(sources, parse.GetValue(outFile), parse.GetValue(minConfidence), parse.GetValue(rulesOnly), coder);
            var score = StrictEventScorer.Score(eventGold, analyzed);
            if (parse.GetValue(json)) Console.WriteLine(EventScoreReport.ToJson(score, goldPath).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JsonOutput.Options.Encoder }));
            else Console.Write(EventScoreReport.ToText(score, goldPath, parse.GetValue(verbose)));
            return 0;
        });
        return command;
    }

    /// <summary>The gold's documents as readers deliver them: seed files from a folder, or articles by id from a JSONL
    /// corpus. A document with no publication date takes the gold's <c>published</c> (the seeds' files carry none).</summary>
    internal static bool TryReadGoldDocuments(EventGold gold, string goldPath, string? docsDir, string? articlesPath,
        out List<SourceDocument> sources, out string problem)
    {
        sources = [];
        problem = "";
        var published = gold.Documents.ToDictionary(d => StrictEventScorer.Stem(d.File), d => d.Published, StringComparer.Ordinal);
        bool files = gold.Articles is null && articlesPath is null;
        IEnumerable<SourceDocument> read;
        if (files)
        {
            string dir = docsDir ?? Path.GetDirectoryName(Path.GetFullPath(goldPath))!;
            var paths = gold.Documents.Select(d => Path.Combine(dir, d.File)).ToArray();
            var absent = paths.FirstOrDefault(p => !File.Exists(p));
            if (absent is not null) { problem = $"{absent}: a document the gold names is not there (give its folder with --docs)"; return false; }
            read = new DocumentReader().Read(paths);
        }
        else
        {
            string? path = articlesPath;
            if (path is null)
            {
                // "../shared/data/news/dev/articles.jsonl" in the gold: the part after "data/" is looked up in shared/data
                var data = EvalData.Root();
                var rel = gold.Articles!.Replace('\\', '/');
                int at = rel.IndexOf("data/", StringComparison.Ordinal);
                path = data is not null && at >= 0 ? Path.Combine(data, rel[(at + 5)..]) : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(goldPath))!, rel);
            }
            if (!File.Exists(path)) { problem = $"{path}: the article corpus is not there (set MARSAD_SHARED or give --articles)"; return false; }
            read = new DocumentReader().Read([path]).Where(d => d.SourceId is not null && published.ContainsKey(d.SourceId));
        }
        foreach (var d in read)
        {
            var key = StrictEventScorer.Stem(d.SourceId ?? d.Path ?? "");
            sources.Add(d.Published is null && published.TryGetValue(key, out var p) && p is not null ? d with { Published = p } : d);
        }
        var have = sources.Select(s => StrictEventScorer.Stem(s.SourceId ?? s.Path ?? "")).ToHashSet(StringComparer.Ordinal);
        var missing = gold.Documents.Count(g => !have.Contains(StrictEventScorer.Stem(g.File)));
        if (missing > 0) { problem = $"{missing} of the gold's {gold.Documents.Count} documents were not found in the input"; return false; }
        return true;
    }

    /// <summary>Runs the documents through the batch analyzer exactly as <c>analyze</c> does; optionally writes its JSON.</summary>
    private static List<AnalyzedDocument> AnalyzeLikeAnalyze(List<SourceDocument> sources, string? outFile, double minConfidence, bool rulesOnly,
        Marsad.Analysis.Events.Coding.EventCoder? coder)
    {
        var builder = new AnalysisPipelineBuilder();
        if (rulesOnly || coder is not null) builder.EventCoder = coder;
        var batch = new BatchAnalyzer(builder.Build(), new AnalysisOptions());
        var analyzed = batch.Run(sources).Select(d => Marsad.Analysis.Events.Coding.EventVisibility.Shown(d, minConfidence)).ToList();
        if (outFile is not null)
        {
            using var stream = File.Create(outFile);
            using var writer = DocumentWriter.Create("json", stream);
            foreach (var d in analyzed) writer.Write(d);
            writer.Complete();
        }
        return analyzed;
    }

    // the JSON shape of the sentence scores (the same keys since the first wave)
    private static JsonObject SentenceJson(SentenceScore score, string goldPath, bool verbose)
    {
        var d = score.Detection;
        var result = new JsonObject
        {
            ["gold"] = goldPath,
            ["sentences"] = score.Sentences,
            ["detection"] = new JsonObject
            {
                ["tp"] = d.Matched, ["fp"] = d.Emitted - d.Matched, ["fn"] = d.Gold - d.Matched,
                ["precision"] = Math.Round(d.Precision, 3), ["recall"] = Math.Round(d.Recall, 3), ["f1"] = Math.Round(d.F1, 3),
            },
            ["source_match_rate"] = score.SourceMatchRate is { } sr ? Math.Round(sr, 3) : null,
            ["source_gold"] = score.SourceGold,
            ["target_match_rate"] = score.TargetMatchRate is { } tr ? Math.Round(tr, 3) : null,
            ["target_gold"] = score.TargetGold,
        };
        if (verbose) result["missed"] = new JsonArray([.. score.Missed.Select(m => (JsonNode?)JsonValue.Create(m))]);
        return result;
    }

    private static void Print(JsonObject r)
    {
        Console.WriteLine($"gold: {r["gold"]}");
        if (r["detection"] is JsonObject det)
        {
            Console.WriteLine($"sentences: {r["sentences"]}");
            Console.WriteLine($"detection  P={det["precision"]} R={det["recall"]} F1={det["f1"]} (tp {det["tp"]}, fp {det["fp"]}, fn {det["fn"]})");
            Console.WriteLine($"source match rate {r["source_match_rate"]} of {r["source_gold"]}; target match rate {r["target_match_rate"]} of {r["target_gold"]}");
            if (r["missed"] is JsonArray missed) foreach (var m in missed) Console.WriteLine("  missed: " + m);
        }
    }
}
