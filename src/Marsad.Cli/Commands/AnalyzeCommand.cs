using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Marsad.Analysis.Dedup;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Merging;
using Marsad.Analysis.Pipeline;
using Marsad.Cli.Output;
using Marsad.Ingest.Batch;
using Marsad.Ingest.Readers;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad analyze PATH... [--published D] [--format json|jsonl|table] [--tokens] [--out FILE]</c></summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, folders (recursive) or JSONL files to analyse", Arity = ArgumentArity.OneOrMore }.RejectingOptions();
        var published = new Option<string?>("--published") { Description = "Publication date (yyyy-MM-dd) for documents that carry none" };
        var format = new Option<string>("--format") { Description = "json (one object), jsonl (a document per line) or table (for people)", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "jsonl", "table");
        var tokens = new Option<bool>("--tokens") { Description = "Include every token with its normalized form and clitic segments" };
        var outFile = new Option<string?>("--out") { Description = "Write to this file instead of standard output" };
        var actors = ActorRegistryOption.Create();
        var noActors = new Option<bool>("--no-actors") { Description = "Skip actor linking (entities keep no actor; no actors list)" };
        var minConfidence = new Option<double>("--min-confidence") { Description = $"Show events whose confidence is at least this (0-1; 0 shows every coded event)", DefaultValueFactory = _ => Marsad.Analysis.Events.Coding.EventCoder.DefaultThreshold };
        var rulesOnly = new Option<bool>("--rules-only") { Description = "Emit the trigger rules' events without the trained coder (no confidence)" };
        var nearDup = new Option<double>("--near-duplicate") { Description = "Estimated Jaccard at or above which a document is a near-duplicate (0-1)", DefaultValueFactory = _ => new DuplicateDetectorOptions().Threshold };

        var command = new Command("analyze", "Analyse Arabic news documents and print the structured result.");
        command.Arguments.Add(paths);
        command.Options.Add(published);
        command.Options.Add(format);
        command.Options.Add(tokens);
        command.Options.Add(outFile);
        command.Options.Add(actors);
        command.Options.Add(noActors);
        command.Options.Add(nearDup);
        command.Options.Add(minConfidence);
        command.Options.Add(rulesOnly);
        command.SetAction(parse =>
        {
            string? date = parse.GetValue(published);
            if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                Console.Error.WriteLine($"error: --published '{date}' is not a date; write it as yyyy-MM-dd, e.g. 2021-10-14");
                return 2;
            }
            var options = new AnalysisOptions { IncludeTokens = parse.GetValue(tokens), DefaultPublished = date };
            if (!ActorRegistryOption.TryLoad(parse.GetValue(actors), out var registry))
                return 2;
            double threshold = parse.GetValue(nearDup);
            if (threshold is <= 0 or > 1)
            {
                Console.Error.WriteLine($"error: --near-duplicate {threshold} must be in (0, 1], e.g. 0.55");
                return 2;
            }
            var dedup = new DuplicateDetectorOptions { Threshold = threshold };
            double min = parse.GetValue(minConfidence);
            if (min is < 0 or > 1)
            {
                Console.Error.WriteLine($"error: --min-confidence {min} must be in [0, 1], e.g. 0.5");
                return 2;
            }
            return Run(parse.GetValue(paths)!, options, parse.GetValue(format)!, parse.GetValue(outFile), registry, !parse.GetValue(noActors), dedup, min, parse.GetValue(rulesOnly));
        });
        return command;
    }

    private static int Run(string[] paths, AnalysisOptions options, string format, string? outFile, Marsad.Analysis.Actors.ActorRegistry registry, bool linkActors,
        DuplicateDetectorOptions dedup, double minConfidence, bool rulesOnly)
    {
        var builder = new AnalysisPipelineBuilder { Actors = registry, LinkActors = linkActors };
        if (rulesOnly) builder.EventCoder = null;
        var pipeline = builder.Build();
        var batch = new BatchAnalyzer(pipeline, options, dedup);
        using var stream = outFile is null ? Console.OpenStandardOutput() : File.Create(outFile);
        using var writer = DocumentWriter.Create(format, stream);
        using var progress = new ProgressReporter("analyze");
        int ok = 0, rejected = 0, duplicates = 0;
        var merger = new EventMerger();
        foreach (var coded in batch.Run(new DocumentReader().Read(paths), progress.Report))
        {
            var doc = Marsad.Analysis.Events.Coding.EventVisibility.Shown(coded, minConfidence);
            writer.Write(doc);
            if (doc.Status == DocumentStatus.Ok) merger.Add(doc);
            switch (doc.Status)
            {
                case DocumentStatus.Ok: ok++; break;
                case DocumentStatus.Duplicate: duplicates++; break;
                default:
                    rejected++;
                    Console.Error.WriteLine($"rejected: {doc.Path}: {doc.Reason}");
                    break;
            }
        }
        // Reports of the same event across documents, beside "documents" (json format only).
        writer.Complete(w =>
        {
            w.WritePropertyName("merged_events");
            System.Text.Json.JsonSerializer.Serialize(w, merger.Result(), JsonOutput.Options);
        });
        progress.Finish($"{ok} ok, {rejected} rejected, {duplicates} duplicate");
        return 0;
    }
}
