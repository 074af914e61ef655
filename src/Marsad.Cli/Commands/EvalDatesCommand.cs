using System.CommandLine;
using Marsad.Analysis.Evaluation;
using Marsad.Analysis.Pipeline;
using Marsad.Ingest.Batch;
using Marsad.Ingest.Readers;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad eval dates [PATH...] [--min-confidence C]</c>: analyses a corpus as <c>analyze</c> does (the dev corpus
/// by default) and prints how its events are dated (<see cref="DateAudit"/>), above all how many asserted events fall
/// after their article's publication (should be 0).
/// </summary>
internal static class EvalDatesCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, folders or JSONL corpora (default: shared/data/news/dev/articles.jsonl)", Arity = ArgumentArity.ZeroOrMore };
        var minConfidence = new Option<double>("--min-confidence") { Description = "The threshold of the 'shown' counts (every coded event is counted too)", DefaultValueFactory = _ => Marsad.Analysis.Events.Coding.EventCoder.DefaultThreshold };
        var command = new Command("dates", "Count how a corpus's events are dated: dated, precision, kind of date words, and asserted events dated after publication.");
        command.Arguments.Add(paths);
        command.Options.Add(minConfidence);
        command.SetAction(parse =>
        {
            var given = parse.GetValue(paths) ?? [];
            if (given.Length == 0)
            {
                var data = EvalData.Root();
                string dev = data is null ? "" : Path.Combine(data, "news", "dev", "articles.jsonl");
                if (!File.Exists(dev)) { Console.Error.WriteLine("error: the dev corpus is not there (set MARSAD_SHARED or give a path)"); return 2; }
                given = [dev];
            }
            var missing = given.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p));
            if (missing is not null) { Console.Error.WriteLine($"error: not found: {missing}"); return 2; }
            var audit = new DateAudit(parse.GetValue(minConfidence));
            var batch = new BatchAnalyzer(new AnalysisPipelineBuilder().Build(), new AnalysisOptions());
            foreach (var doc in batch.Run(new DocumentReader().Read(given))) audit.Add(doc);
            Console.Write(audit.ToText());
            return 0;
        });
        return command;
    }
}
