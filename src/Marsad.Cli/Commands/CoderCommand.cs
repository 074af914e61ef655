using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Evaluation;
using Marsad.Analysis.Events;
using Marsad.Analysis.Events.Coding;
using Marsad.Analysis.Pipeline;
using Marsad.Cli.Output;
using Marsad.Ingest.Batch;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad coder train --gold FILE [--gold FILE …] [--out MODEL] [--folds N] [--top N]</c>: trains the event coder
/// (argument and trigger models) on gold documents, prints its cross-validated scores at several thresholds, a
/// reliability table and the heaviest weights, and writes the model file.
/// </summary>
internal static class CoderCommand
{
    public const string DefaultModelPath = "src/Marsad.Analysis/Resources/events/coder-model.tsv";

    public static Command Create()
    {
        var gold = new Option<string[]>("--gold") { Description = "marsad-gold/1 files to train on (the tune half; seeds may be added)", Required = true, AllowMultipleArgumentsPerToken = true };
        var outFile = new Option<string?>("--out") { Description = $"Model file to write (the committed one is {DefaultModelPath}); none: evaluate only" };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds (by document)", DefaultValueFactory = _ => 5 };
        var top = new Option<int>("--top") { Description = "Heaviest weights to print per class", DefaultValueFactory = _ => 15 };
        var seed = new Option<int>("--seed") { Description = "Training seed", DefaultValueFactory = _ => 1 };
        var cvOut = new Option<string?>("--cv-out") { Description = "Also write the cross-validated documents (every event with its confidence, analyze --format json) to read the coder's errors; use on tune only" };
        var argumentDecay = new Option<double>("--argument-decay") { Description = "Share every argument-model weight shrinks by after each epoch", DefaultValueFactory = _ => new EventCoderTrainer.Options().ArgumentDecay };
        var trainOnly = new Option<string[]>("--train-only") { Description = "marsad-gold/1 files whose documents join the training of every fold but are never scored (how much a new annotation wave adds, on the same scored documents)", AllowMultipleArgumentsPerToken = true };
        var triggerDecay = new Option<double>("--trigger-decay") { Description = "Share every trigger-model weight shrinks by after each epoch", DefaultValueFactory = _ => new EventCoderTrainer.Options().TriggerDecay };
        var train = new Command("train", "Train the event coder on gold documents; print cross-validated P/R/F1 by threshold, reliability and weights.");
        train.Options.Add(gold);
        train.Options.Add(outFile);
        train.Options.Add(folds);
        train.Options.Add(top);
        train.Options.Add(seed);
        train.Options.Add(cvOut);
        train.Options.Add(argumentDecay);
        train.Options.Add(triggerDecay);
        train.Options.Add(trainOnly);
        train.SetAction(parse => Train(parse.GetValue(gold)!, parse.GetValue(outFile), parse.GetValue(folds), parse.GetValue(top), parse.GetValue(seed), parse.GetValue(cvOut),
            parse.GetValue(argumentDecay), parse.GetValue(triggerDecay), parse.GetValue(trainOnly) ?? []));
        var command = new Command("coder", "The trained event coder (argument and trigger models).");
        command.Subcommands.Add(train);
        command.Subcommands.Add(CreateExplain());
        return command;
    }

    private static Command CreateExplain()
    {
        var file = new Argument<string>("file") { Description = "A UTF-8 text file (one article)" };
        var published = new Option<string?>("--published") { Description = "Publication date (yyyy-MM-dd) for relative dates" };
        var model = new Option<string?>("--coder") { Description = "A coder model file instead of the committed one" };
        var grep = new Option<string?>("--grep") { Description = "Only the candidates whose sentence contains this text" };
        var explain = new Command("explain", "Show, for each event candidate of an article, the role probabilities the argument model gives every actor mention, the decoded sides and the confidence: what a rule-writer reads to see why an event came out as it did.");
        explain.Arguments.Add(file);
        explain.Options.Add(published);
        explain.Options.Add(model);
        explain.Options.Add(grep);
        explain.SetAction(parse => Explain(parse.GetValue(file)!, parse.GetValue(published), parse.GetValue(model), parse.GetValue(grep)));
        return explain;
    }

    private static int Explain(string path, string? published, string? modelPath, string? grep)
    {
        if (!File.Exists(path)) { Console.Error.WriteLine($"error: file not found: {path}"); return 2; }
        EventCoder? coder;
        if (modelPath is null)
        {
            coder = EventCoder.LoadDefault();
            if (coder is null) { Console.Error.WriteLine("error: this build carries no coder model"); return 2; }
        }
        else if ((coder = ReadModelFile(modelPath)) is null) return 2;
        var pipeline = new AnalysisPipelineBuilder { EventCoder = null }.Build();
        var doc = pipeline.Analyze(new SourceDocument { Text = File.ReadAllText(path), Path = path, Published = published }, new AnalysisOptions());
        var candidates = doc.EventCandidates;
        var decided = coder.Decide(candidates);
        Span<double> p = stackalloc double[3];
        for (int i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var t = c.Rules.Trigger;
            var sentence = doc.Sentences.Count > c.Sentence ? doc.Text.AsSpan(doc.Sentences[c.Sentence].Start, doc.Sentences[c.Sentence].Length).ToString() : "";
            if (grep is not null && !sentence.Contains(grep, StringComparison.Ordinal)) continue;
            var e = decided[i];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{c.Rules.Type.Name()} {c.Rules.Modality.Name()} «{t?.Text}» rule {c.Rules.Rule}, confidence {e.Confidence:0.000}: {Names(e.Source)} → {Names(e.Target)}"));
            Console.WriteLine("  " + sentence.ReplaceLineEndings(" "));
            foreach (var m in c.Mentions)
            {
                coder.Arguments.Predict(m.Features, p);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    {m.Actor.NameAr ?? m.Actor.Id,-28} {m.Kind,-12} rules {m.RuleRole,-6}  none {p[0]:0.00}  source {p[1]:0.00}  target {p[2]:0.00}  {Where(m)}"));
            }
        }
        return 0;

        static string Names(IReadOnlyList<ActorRef> side) => side.Count == 0 ? "-" : string.Join(" + ", side.Select(a => a.NameAr ?? a.Id));
        // where the mention comes from, and its place relative to the trigger as its features give it
        static string Where(ArgumentCandidate m) => m.Origin + " " + string.Join(" ", m.Features.Where(x => x.StartsWith("pos|dist=", StringComparison.Ordinal)
            || x.StartsWith("prep=", StringComparison.Ordinal) || x.StartsWith("doc-top|rank", StringComparison.Ordinal)));
    }

    /// <summary>A coder model file given with <c>--coder</c>, or null after a one-line error when it is missing.</summary>
    internal static EventCoder? ReadModelFile(string path)
    {
        if (!File.Exists(path)) { Console.Error.WriteLine($"error: coder model not found: {path}"); return null; }
        using var reader = new StreamReader(path);
        return EventCoder.Read(reader);
    }

    private static int Train(string[] goldPaths, string? outFile, int folds, int top, int seed, string? cvOut, double argumentDecay, double triggerDecay,
        string[] trainOnlyPaths)
    {
        var clock = Stopwatch.StartNew();
        // the rules alone propose; the coder being trained decides
        var pipeline = new AnalysisPipelineBuilder { EventCoder = null }.Build();
        var docs = ReadTrainingDocuments(pipeline, goldPaths);
        var extra = ReadTrainingDocuments(pipeline, trainOnlyPaths);
        if (docs is null || extra is null) return 2;
        var scored = new HashSet<string>(docs.Select(d => d.Gold.File), StringComparer.Ordinal);
        extra.RemoveAll(d => scored.Contains(d.Gold.File));
        if (extra.Count > 0) Console.WriteLine($"training-only documents (in every fold's training, never scored): {extra.Count}");
        int candidates = docs.Sum(d => d.Analyzed.EventCandidates.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"training documents: {docs.Count}, rule candidates: {candidates}, analysed in {clock.Elapsed.TotalSeconds:0.0} s"));
        var options = new EventCoderTrainer.Options(Folds: folds, Seed: seed, ArgumentDecay: argumentDecay, TriggerDecay: triggerDecay);

        var cv = EventCoderTrainer.CrossValidate(docs, options, extra);
        if (cvOut is not null)
        {
            using var stream = File.Create(cvOut);
            using var writer = DocumentWriter.Create("json", stream);
            foreach (var d in cv) writer.Write(d);
            writer.Complete();
        }
        var gold0 = new EventGold { Actors = MergedActors(docs), Documents = docs.Select(d => d.Gold).ToList() };
        Console.WriteLine($"\n{folds}-fold cross-validation by document (strict scorer, every shown event counts):");
        Console.WriteLine("threshold  actor P  actor R  actor F1  actor F0.5  country F1  shown");
        (double Threshold, double F) best = (0, -1);
        foreach (var t in new[] { 0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9 })
        {
            var s = StrictEventScorer.Score(gold0, EventCoderTrainer.AtThreshold(cv, t));
            double p = s.Actor.Precision, r = s.Actor.Recall, f05 = p + r > 0 ? 1.25 * p * r / (0.25 * p + r) : 0;
            if (f05 > best.F) best = (t, f05);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t,9:0.00}  {p,7:0.000}  {r,7:0.000}  {s.Actor.F1,8:0.000}  {f05,10:0.000}  {s.Country.F1,10:0.000}  {s.Actor.Emitted,5}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"best F0.5 (precision weighed twice recall) at threshold {best.Threshold:0.00}; the default threshold is {EventCoder.DefaultThreshold:0.00}"));
        var rules = StrictEventScorer.Score(gold0, docs.Select(d => d.Analyzed));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rules alone: actor P {rules.Actor.Precision:0.000} R {rules.Actor.Recall:0.000} F1 {rules.Actor.F1:0.000}, shown {rules.Actor.Emitted}"));
        var (argN, argPresent, argRules, argModel) = EventCoderTrainer.ArgumentDiagnostics(docs, options, extra);
        Console.WriteLine($"\narguments of the {argN} candidates that are mentions of a gold event: every gold actor among the mentions {argPresent}, rules' roles right {argRules}, model's roles right {argModel} (cross-validated)");
        Console.WriteLine("\nreliability (cross-validated confidences):");
        Console.Write(EventCoderTrainer.ReliabilityTable(docs, cv));

        var coder = EventCoderTrainer.Train([.. docs, .. extra], options);
        Console.WriteLine($"\nargument model: {coder.Arguments.FeatureCount} features; trigger model: {coder.Triggers.FeatureCount} features");
        for (int c = 1; c < 3; c++)
            Console.WriteLine($"heaviest for {EventCoder.ArgumentClassNames[c]}: " + string.Join(", ", coder.Arguments.Top(c, top).Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Feature} {x.Weight:0.00}"))));
        Console.WriteLine("heaviest for a right event: " + string.Join(", ", coder.Triggers.Top(1, top).Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Feature} {x.Weight:0.00}"))));
        Console.WriteLine("heaviest for a wrong event: " + string.Join(", ", coder.Triggers.Top(0, top).Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Feature} {x.Weight:0.00}"))));
        if (outFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
            using var w = new StreamWriter(outFile);
            coder.Write(w, $"Marsad event coder, trained by the project's own code (LogisticModel, AdaGrad + L2 + decay; Platt-calibrated confidence).\n" +
                $"Reproduce: ./marsad coder train --gold {string.Join(" --gold ", goldPaths)} --out {outFile} --folds {folds} --seed {seed}{DecayArguments(options)}{(trainOnlyPaths.Length > 0 ? " --train-only " + string.Join(" ", trainOnlyPaths) : "")}\n" +
                $"Training data: {docs.Count + extra.Count} annotated documents ({candidates + extra.Sum(d => d.Analyzed.EventCandidates.Count)} rule candidates); gold made by eval/events/gold_tool.py, see eval/events/README.md.");
            Console.WriteLine($"wrote {outFile}");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"done in {clock.Elapsed.TotalSeconds:0.0} s"));
        return 0;
    }

    /// <summary>The gold files' documents analysed by the rules, or null after a one-line error.</summary>
    private static List<TrainingDocument>? ReadTrainingDocuments(AnalysisPipeline pipeline, string[] goldPaths)
    {
        var docs = new List<TrainingDocument>();
        foreach (var path in goldPaths)
        {
            if (!File.Exists(path)) { Console.Error.WriteLine($"error: gold file not found: {path}"); return null; }
            var gold = EventGold.Load(path);
            if (!EvalEventsCommand.TryReadGoldDocuments(gold, path, null, null, out var sources, out var problem))
            {
                Console.Error.WriteLine("error: " + problem);
                return null;
            }
            var analyzed = new BatchAnalyzer(pipeline, new AnalysisOptions()).Run(sources).ToList();
            var byKey = new Dictionary<string, AnalyzedDocument>(StringComparer.Ordinal);
            foreach (var d in analyzed) byKey.TryAdd(StrictEventScorer.Stem(d.SourceId ?? d.Path ?? d.Id), d);
            foreach (var g in gold.Documents)
                if (byKey.TryGetValue(StrictEventScorer.Stem(g.File), out var d)) docs.Add(new TrainingDocument(g, gold.Actors, d));
        }
        return docs;
    }

    // the decays in the reproduce line when they are not the defaults
    private static string DecayArguments(EventCoderTrainer.Options options)
    {
        var defaults = new EventCoderTrainer.Options();
        return (options.ArgumentDecay == defaults.ArgumentDecay ? "" : string.Create(CultureInfo.InvariantCulture, $" --argument-decay {options.ArgumentDecay}"))
            + (options.TriggerDecay == defaults.TriggerDecay ? "" : string.Create(CultureInfo.InvariantCulture, $" --trigger-decay {options.TriggerDecay}"));
    }

    private static Dictionary<string, GoldActor> MergedActors(List<TrainingDocument> docs)
    {
        var all = new Dictionary<string, GoldActor>(StringComparer.Ordinal);
        foreach (var d in docs)
            foreach (var (k, v) in d.Actors) all.TryAdd(k, v);
        return all;
    }
}
