using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Marsad.Analysis.Pipeline;
using Marsad.Analysis.Tagging;
using Marsad.Cli.Output;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad ner train|tag|eval|lexicon|clusters</c>: trains, runs and evaluates the named-entity tagger, and rebuilds
/// its two data resources (compiled gazetteer, word clusters).
/// </summary>
internal static class NerCommand
{
    public static Command Create()
    {
        var command = new Command("ner", "Named-entity tagger: train, tag, evaluate; rebuild the gazetteer and word clusters.");
        command.Subcommands.Add(CreateTrain());
        command.Subcommands.Add(CreateTag());
        command.Subcommands.Add(CreateEval());
        command.Subcommands.Add(CreateLexicon());
        command.Subcommands.Add(CreateClusters());
        command.Subcommands.Add(CreateEmbeddingClusters());
        command.Subcommands.Add(CreateSignatures());
        command.Subcommands.Add(CreateAutoLexicon());
        return command;
    }

    private static Option<string?> LexiconOption() => new("--lexicon") { Description = "Lexicon file (TYPE<TAB>phrase) instead of the embedded gazetteer + triggers" };
    private static Option<string?> ClustersOption() => new("--clusters") { Description = "Cluster file (word<TAB>fine<TAB>coarse) instead of the embedded one" };

    private static Option<int> ConsistencyOption() => new("--consistency")
    {
        Description = "Consistency pass: names tagged in the N sentences before and after a sentence vote on its names (0 = off; -1 = whole input)",
        DefaultValueFactory = _ => DefaultConsistencyWindow,
    };

    /// <summary>Sentences on each side used by eval/tag on CoNLL input, which has no document boundaries (chosen on dev).</summary>
    private const int DefaultConsistencyWindow = 40;

    private static NerConsistencyOptions ConsistencyFor(int window) => window < 0 ? NerConsistencyOptions.Document : new NerConsistencyOptions { Window = window };

    private static NerLexicon LoadLexicon(string? path) => path is null ? NerResources.Lexicon : NerLexicon.Parse(File.ReadLines(path));
    private static WordClusters LoadClusters(string? path) => path is null ? NerResources.Clusters : WordClusters.Parse(File.ReadLines(path));

    private static List<NerSentence> ReadConll(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return ConllFormat.Read(reader);
    }

    // ---- train ----------------------------------------------------------------------------------------------
    private static Command CreateTrain()
    {
        var train = new Option<string[]>("--train") { Description = "Training CoNLL file(s)", Required = true, AllowMultipleArgumentsPerToken = true };
        var dev = new Option<string?>("--dev") { Description = "Dev CoNLL file: F1 is printed after each epoch (never trained on)" };
        var output = new Option<string?>("--out") { Description = "Model file to write (required unless --cross-validate)" };
        var crossValidate = new Option<int>("--cross-validate")
        {
            Description = "Instead of writing a model: cut the training data into K contiguous folds, train on K-1, tag the held-out fold, and print entity P/R/F1 pooled over all folds (steadier than one dev file)",
        };
        var json = new Option<bool>("--json") { Description = "With --cross-validate: print the scores as JSON" };
        var epochs = new Option<int?>("--epochs") { Description = "Passes over the training data [default: 8 for the CRF, 12 for the perceptron]" };
        var seed = new Option<int>("--seed") { Description = "Shuffle seed", DefaultValueFactory = _ => 1 };
        var bits = new Option<int>("--hash-bits") { Description = "log2 of the weight-table rows", DefaultValueFactory = _ => 20 };
        var prune = new Option<float?>("--prune") { Description = "Drop weight rows whose |w| is below this in every label [default: 0.1 for the CRF, 0.01 for the perceptron]" };
        var margin = new Option<float>("--margin") { Description = "Perceptron: cost-augmented training margin (0 = plain perceptron)", DefaultValueFactory = _ => 0f };
        var oPenalty = new Option<float>("--o-penalty") { Description = "Lower the O label's bias by this much after training (recall up, precision down)", DefaultValueFactory = _ => 0f };
        var dropout = new Option<float>("--dropout") { Description = "Feature dropout probability while training", DefaultValueFactory = _ => 0f };
        var defaults = new NerTrainingOptions();
        var objective = new Option<NerObjective>("--objective") { Description = "Training objective: crf (linear-chain CRF) or perceptron (averaged structured perceptron)", DefaultValueFactory = _ => defaults.Objective };
        var learningRate = new Option<float>("--learning-rate") { Description = "CRF: AdaGrad step size (a weight moves by η / √Σg²)", DefaultValueFactory = _ => defaults.LearningRate };
        var l2 = new Option<float>("--l2") { Description = "CRF: L2 penalty λ (Gaussian prior of variance 1/λ) over the whole training set", DefaultValueFactory = _ => defaults.L2 };
        var average = new Option<bool>("--average") { Description = "CRF: average the weights over all steps (true/false)", DefaultValueFactory = _ => defaults.Average };
        var documentWindow = new Option<int>("--document-window") { Description = "Two-stage models: sentences on each side whose first-stage labels feed the second stage", DefaultValueFactory = _ => 10 };
        var folds = new Option<int>("--folds") { Description = "Two-stage models: folds for the first-stage labels the second stage trains on", DefaultValueFactory = _ => 5 };
        var without = new Option<string[]>("--without") { Description = "Feature families to switch off (ablation): surface, neighbours, clitics, affixes, shape, gazetteer, triggers, clusters, taghistory, charngrams, quotes, embeddings, topics, signatures, document (= one stage)", AllowMultipleArgumentsPerToken = true };
        var lexicon = LexiconOption();
        var clusters = ClustersOption();
        var autolexFolds = new Option<string?>("--autolex-folds") { Description = "Self-training jackknife lexicons (fold<TAB>TYPE<TAB>phrase, from ner autolex) for --with selftrained" };
        var with = new Option<string[]>("--with") { Description = "Opt-in feature families to switch on: selftrained (needs --lexicon with the autolex names and --autolex-folds)", AllowMultipleArgumentsPerToken = true };
        var command = new Command("train", "Train the tagger (a linear-chain CRF, or the averaged structured perceptron with --objective perceptron) on CoNLL data and write the model file.");
        foreach (var o in new Option[] { train, dev, output, crossValidate, json, epochs, seed, bits, prune, objective, learningRate, l2, average, margin, oPenalty, dropout, documentWindow, folds, without, with, lexicon, clusters, autolexFolds }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var families = NerFeatureFamilies.All | NerFeatureFamilies.Document;
            foreach (var name in parse.GetValue(with) ?? [])
            {
                if (!string.Equals(name, nameof(NerFeatureFamilies.SelfTrained), StringComparison.OrdinalIgnoreCase))
                {
                    Console.Error.WriteLine($"error: unknown opt-in feature family '{name}'");
                    return 2;
                }
                families |= NerFeatureFamilies.SelfTrained;
            }
            foreach (var name in parse.GetValue(without) ?? [])
            {
                if (!Enum.TryParse<NerFeatureFamilies>(name, ignoreCase: true, out var f) || f == NerFeatureFamilies.None || f == NerFeatureFamilies.All || int.TryParse(name, out _))
                {
                    Console.Error.WriteLine($"error: unknown feature family '{name}'");
                    return 2;
                }
                families &= ~f;
            }
            var trainFiles = parse.GetValue(train)!;
            var clock = Stopwatch.StartNew();
            var sentences = trainFiles.SelectMany(ReadConll).ToList();
            var devSentences = parse.GetValue(dev) is { } d ? ReadConll(d) : null;
            // AdaGrad gives every feature seen in training a weight of about the step size, so the CRF's rows are pruned
            // harder: 0.1 shrinks the file from 12 to 4.5 MB with the same dev F1 (0.2 cost 3 points).
            float pruneBelow = parse.GetValue(prune) ?? (parse.GetValue(objective) == NerObjective.Crf ? 0.1f : 0.01f);
            // 8 CRF epochs match 12 on dev and on two CV seeds (0.7717 / 0.7737 against 0.7699 / 0.7733) in two thirds
            // of the time; the perceptron was tuned at 12.
            int epochCount = parse.GetValue(epochs) ?? (parse.GetValue(objective) == NerObjective.Crf ? 8 : 12);
            var options = new NerTrainingOptions
            {
                Epochs = epochCount,
                Seed = parse.GetValue(seed),
                HashBits = parse.GetValue(bits),
                Families = families,
                Objective = parse.GetValue(objective),
                LearningRate = parse.GetValue(learningRate),
                L2 = parse.GetValue(l2),
                Average = parse.GetValue(average),
                Margin = parse.GetValue(margin),
                OPenalty = parse.GetValue(oPenalty),
                Dropout = parse.GetValue(dropout),
                DocumentWindow = parse.GetValue(documentWindow),
                Folds = parse.GetValue(folds),
                FoldLexicons = (families & NerFeatureFamilies.SelfTrained) == 0 || parse.GetValue(autolexFolds) is not { } foldsPath ? null : LoadFoldLexicons(parse.GetValue(lexicon), foldsPath),
                Description = $"marsad ner train --train {string.Join(' ', trainFiles.Select(Path.GetFileName))} --epochs {epochCount} --seed {parse.GetValue(seed)} --hash-bits {parse.GetValue(bits)} --prune {pruneBelow.ToString(CultureInfo.InvariantCulture)}{(parse.GetValue(objective) == NerObjective.Perceptron ? " --objective perceptron" : $" --objective crf --learning-rate {parse.GetValue(learningRate).ToString(CultureInfo.InvariantCulture)} --l2 {parse.GetValue(l2).ToString(CultureInfo.InvariantCulture)} --average {parse.GetValue(average)}")} --margin {parse.GetValue(margin).ToString(CultureInfo.InvariantCulture)} --o-penalty {parse.GetValue(oPenalty).ToString(CultureInfo.InvariantCulture)} --dropout {parse.GetValue(dropout).ToString(CultureInfo.InvariantCulture)} --document-window {parse.GetValue(documentWindow)} --folds {parse.GetValue(folds)} families={families}; {sentences.Count} sentences",
            };
            if (parse.GetValue(crossValidate) is var k and > 1)
                return CrossValidate(sentences, k, options, pruneBelow, LoadLexicon(parse.GetValue(lexicon)), LoadClusters(parse.GetValue(clusters)), parse.GetValue(json));
            if (parse.GetValue(output) is null)
            {
                Console.Error.WriteLine("error: --out is required (the model file to write), unless --cross-validate is given");
                return 2;
            }
            var model = new PerceptronTrainer(options).Train(sentences, devSentences, LoadLexicon(parse.GetValue(lexicon)), LoadClusters(parse.GetValue(clusters)),
                msg => Console.Error.WriteLine(msg));
            var outPath = parse.GetValue(output)!;
            using (var stream = File.Create(outPath)) model.Save(stream, pruneBelow);
            Console.Error.WriteLine($"trained on {sentences.Count} sentences ({sentences.Sum(s => s.Tokens.Length)} tokens) in {clock.Elapsed.TotalSeconds:F1} s; wrote {outPath} ({new FileInfo(outPath).Length / 1024} KiB), families {families}");
            return 0;
        });
        return command;
    }

    /// <summary>The per-type and overall scores as a fixed-width table (eval and cross-validation print the same one).</summary>
    private static void WriteScoreTable(NerScores scores)
    {
        Console.WriteLine($"{"type",-8} {"gold",6} {"pred",6} {"corr",6} {"P",7} {"R",7} {"F1",7}");
        foreach (var t in scores.PerType.Append(scores.Overall))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t.Type,-8} {t.Gold,6} {t.Predicted,6} {t.Correct,6} {t.Precision,7:F4} {t.Recall,7:F4} {t.F1,7:F4}"));
    }

    private static void WriteSeen(NerSeenSplit seen) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"recall on entities seen in training (same text and type): {seen.SeenRecall:F4} ({seen.SeenFound} of {seen.SeenGold}); unseen: {seen.UnseenRecall:F4} ({seen.UnseenFound} of {seen.UnseenGold})"));

    private static object SeenJson(NerSeenSplit seen) => new
    {
        seen_gold = seen.SeenGold, seen_found = seen.SeenFound, seen_recall = seen.SeenRecall,
        unseen_gold = seen.UnseenGold, unseen_found = seen.UnseenFound, unseen_recall = seen.UnseenRecall,
    };

    /// <summary>One type's (or the overall) scores as a JSON object.</summary>
    private static object ScoreJson(NerTypeScore t) => new { type = t.Type, gold = t.Gold, predicted = t.Predicted, correct = t.Correct, precision = t.Precision, recall = t.Recall, f1 = t.F1 };

    /// <summary>
    /// K-fold cross-validation over contiguous folds (whole articles stay together): each fold is tagged, with the
    /// default consistency window, by a model trained on the others and saved and reloaded as a model file would be
    /// (pruned, float16). Scores are pooled over all folds. Folds run in parallel on the machine's cores.
    /// </summary>
    private static int CrossValidate(List<NerSentence> sentences, int k, NerTrainingOptions options, float prune, NerLexicon lexicon, WordClusters clusters, bool json)
    {
        if (sentences.Any(s => s.Tags is null))
        {
            Console.Error.WriteLine("error: every line of the training file needs a tag column");
            return 2;
        }
        k = Math.Min(k, sentences.Count);
        var clock = Stopwatch.StartNew();
        var predicted = new IReadOnlyList<string>[sentences.Count];
        var foldScores = new NerScores[k];
        var foldSeen = new NerSeenSplit[k];
        int done = 0;
        Parallel.For(0, k, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, f =>
        {
            int lo = PerceptronTrainer.FoldStart(sentences.Count, k, f), hi = PerceptronTrainer.FoldStart(sentences.Count, k, f + 1);
            var rest = sentences.Take(lo).Concat(sentences.Skip(hi)).ToList();
            var trained = new PerceptronTrainer(options).Train(rest, null, lexicon, clusters);
            using var buffer = new MemoryStream();
            trained.Save(buffer, prune);
            buffer.Position = 0;
            var tagger = new EntityTagger(NerModel.Load(buffer), lexicon, clusters, ConsistencyFor(DefaultConsistencyWindow));
            var held = sentences.GetRange(lo, hi - lo);
            var heldTokens = held.Select(s => s.Tokens).ToArray();
            var labels = held.Select(s => new int[s.Tokens.Length]).ToArray();
            tagger.TagDocument(heldTokens, labels);
            for (int i = 0; i < held.Count; i++) predicted[lo + i] = labels[i].Select(x => tagger.Model.Labels[x]).ToArray();
            var heldGold = held.Select(s => (IReadOnlyList<string>)s.Tags!).ToList();
            var heldPredicted = predicted[lo..hi];
            foldScores[f] = NerEvaluation.Score(heldGold, heldPredicted);
            foldSeen[f] = NerEvaluation.RecallBySeen(heldTokens, heldGold, heldPredicted, NerEvaluation.EntityKeys(rest));
            Console.Error.WriteLine($"fold {f + 1} of {k}: F1 {foldScores[f].Overall.F1:F4} ({Interlocked.Increment(ref done)} done, {clock.Elapsed.TotalSeconds:F0} s)");
        });
        var scores = NerEvaluation.Score(sentences.Select(s => (IReadOnlyList<string>)s.Tags!).ToList(), predicted);
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                folds = k,
                sentences = sentences.Count,
                per_type = scores.PerType.Select(ScoreJson),
                overall = ScoreJson(scores.Overall),
                fold_f1 = foldScores.Select(s => s.Overall.F1),
                seen_in_training = SeenJson(foldSeen.Aggregate((a, b) => a + b)),
                seconds = clock.Elapsed.TotalSeconds,
            }, JsonOutput.Options));
            return 0;
        }
        Console.WriteLine($"{k}-fold cross-validation over {sentences.Count} sentences (contiguous folds), pooled:");
        WriteScoreTable(scores);
        WriteSeen(foldSeen.Aggregate((a, b) => a + b));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fold F1: {string.Join(' ', foldScores.Select(s => s.Overall.F1.ToString("F4", CultureInfo.InvariantCulture)))}; {clock.Elapsed.TotalSeconds:F0} s; {options.Description}"));
        return 0;
    }

    // ---- tag ------------------------------------------------------------------------------------------------
    private static Command CreateTag()
    {
        var file = new Argument<string?>("file") { Description = "Raw text file: prints the entities with offsets", Arity = ArgumentArity.ZeroOrOne };
        var conll = new Option<string?>("--conll") { Description = "Token-per-line CoNLL input (first column = token)" };
        var output = new Option<string?>("--out") { Description = "Output file (default: standard output)" };
        var modelPath = new Option<string?>("--model") { Description = "Model file (default: the embedded model)" };
        var lexicon = LexiconOption();
        var clusters = ClustersOption();
        var consistency = ConsistencyOption();
        var command = new Command("tag", "Tag CoNLL tokens (token<TAB>tag out) or a raw text file (entities with offsets).");
        command.Arguments.Add(file);
        foreach (var o in new Option[] { conll, output, modelPath, lexicon, clusters, consistency }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var tagger = LoadTagger(parse.GetValue(modelPath), parse.GetValue(lexicon), parse.GetValue(clusters), ConsistencyFor(parse.GetValue(consistency)));
            if (tagger is null) return 1;
            using var stream = parse.GetValue(output) is { } o ? File.Create(o) : Console.OpenStandardOutput();
            using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" };
            if (parse.GetValue(conll) is { } conllPath)
            {
                var conllSentences = ReadConll(conllPath);
                var ids = conllSentences.Select(s => new int[s.Tokens.Length]).ToArray();
                tagger.TagDocument(conllSentences.Select(s => s.Tokens).ToArray(), ids);
                for (int i = 0; i < conllSentences.Count; i++)
                    ConllFormat.Write(writer, conllSentences[i].Tokens, ids[i].Select(x => tagger.Model.Labels[x]).ToArray());
                return 0;
            }
            if (parse.GetValue(file) is not { } path)
            {
                Console.Error.WriteLine("error: give a raw text FILE or --conll IN");
                return 2;
            }
            // A raw text file is one document: the consistency pass covers all of it unless switched off.
            if (parse.GetValue(consistency) != 0 && tagger.Consistency.Window != int.MaxValue)
                tagger = new EntityTagger(tagger.Model, tagger.Extractor.Lexicon, tagger.Extractor.Clusters, NerConsistencyOptions.Document);
            var text = File.ReadAllText(path);
            var pipeline = new AnalysisPipelineBuilder().Build();
            var tokens = pipeline.Tokenizer.Tokenize(text);
            var sentences = pipeline.Splitter.Split(text, tokens);
            foreach (var e in tagger.Recognize(text, tokens, sentences))
                writer.WriteLine($"{e.Start}\t{e.End}\t{e.Type}\t{e.Origin}\t{e.Text}");
            return 0;
        });
        return command;
    }

    private static EntityTagger? LoadTagger(string? modelPath, string? lexiconPath, string? clustersPath, NerConsistencyOptions consistency)
    {
        try
        {
            if (modelPath is null && lexiconPath is null && clustersPath is null)
            {
                var tagger = NerResources.DefaultTagger;
                if (tagger is null) Console.Error.WriteLine("error: this build has no embedded NER model; pass --model");
                return tagger is null ? null : new EntityTagger(tagger.Model, tagger.Extractor.Lexicon, tagger.Extractor.Clusters, consistency);
            }
            NerModel model;
            if (modelPath is null)
            {
                using var s = NerResources.Open("model.bin") ?? throw new FileNotFoundException("no embedded model");
                model = NerModel.Load(s);
            }
            else
            {
                using var s = File.OpenRead(modelPath);
                model = NerModel.Load(s);
            }
            return new EntityTagger(model, LoadLexicon(lexiconPath), LoadClusters(clustersPath), consistency);
        }
        catch (Exception ex) when (ex is IOException or NerModelFormatException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: cannot load the model: {ex.Message}");
            return null;
        }
    }

    // ---- eval -----------------------------------------------------------------------------------------------
    private static Command CreateEval()
    {
        var data = new Option<string>("--data") { Description = "Gold CoNLL file", Required = true };
        var modelPath = new Option<string?>("--model") { Description = "Model file (default: the embedded model)" };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON" };
        var lexicon = LexiconOption();
        var clusters = ClustersOption();
        var consistency = ConsistencyOption();
        var trainFiles = new Option<string[]>("--train") { Description = "Training CoNLL file(s): also report recall on entities seen (same text and type) and unseen in them", AllowMultipleArgumentsPerToken = true };
        var errorsOut = new Option<string?>("--errors") { Description = "Also write every error (missed, spurious, wrong type, boundary) with its context to this TSV file, and print their counts" };
        var command = new Command("eval", "Entity-level micro P/R/F1 (conlleval semantics) per type and overall, plus tagging speed.");
        foreach (var o in new Option[] { data, modelPath, json, lexicon, clusters, consistency, trainFiles, errorsOut }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var sentences = ReadConll(parse.GetValue(data)!);
            if (sentences.Any(s => s.Tags is null))
            {
                Console.Error.WriteLine("error: every line of the gold file needs a tag column");
                return 2;
            }
            long memBefore = GC.GetTotalMemory(true);
            var loadClock = Stopwatch.StartNew();
            var tagger = LoadTagger(parse.GetValue(modelPath), parse.GetValue(lexicon), parse.GetValue(clusters), ConsistencyFor(parse.GetValue(consistency)));
            if (tagger is null) return 1;
            double loadSeconds = loadClock.Elapsed.TotalSeconds;
            long memAfter = GC.GetTotalMemory(true);

            int tokens = sentences.Sum(s => s.Tokens.Length);
            var buffers = sentences.Select(s => new int[s.Tokens.Length]).ToArray();
            var tokenLists = sentences.Select(s => s.Tokens).ToArray();
            // Warm-up pass (JIT, caches), then timed passes: single thread, model already loaded; features, Viterbi and
            // the consistency pass over the file (read as one stream of sentences).
            tagger.TagDocument(tokenLists, buffers);
            int passes = 0;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            while (passes < 3 || clock.Elapsed.TotalSeconds < 1.0)
            {
                tagger.TagDocument(tokenLists, buffers);
                passes++;
            }
            double tokensPerSecond = tokens * (double)passes / clock.Elapsed.TotalSeconds;
            // CPU time of the process over the timed passes: on a busy shared machine this is the fair one-core figure.
            double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            double tokensPerCpuSecond = cpuSeconds > 0 ? tokens * (double)passes / cpuSeconds : 0;
            var labels = tagger.Model.Labels;
            var predicted = buffers.Select(b => (IReadOnlyList<string>)b.Select(x => labels[x]).ToArray()).ToList();
            var goldTags = sentences.Select(s => (IReadOnlyList<string>)s.Tags!).ToList();
            var scores = NerEvaluation.Score(goldTags, predicted);
            var known = parse.GetValue(trainFiles) is { Length: > 0 } tf ? NerEvaluation.EntityKeys(tf.SelectMany(ReadConll)) : null;
            var seen = known is null ? null : NerEvaluation.RecallBySeen(tokenLists, goldTags, predicted, known);
            string? errorsPath = parse.GetValue(errorsOut);
            var errors = errorsPath is null ? null : NerEvaluation.Errors(goldTags, predicted);
            if (errorsPath is not null)
            {
                try { WriteErrors(errorsPath, errors!, tokenLists, known); }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"error: cannot write {errorsPath}: {ex.Message}");
                    return 1;
                }
            }
            if (parse.GetValue(json))
            {
                var payload = new
                {
                    data = parse.GetValue(data),
                    sentences = sentences.Count,
                    tokens,
                    per_type = scores.PerType.Select(ScoreJson),
                    overall = ScoreJson(scores.Overall),
                    token_accuracy = scores.TokenAccuracy,
                    tokens_per_second = tokensPerSecond,
                    tokens_per_cpu_second = tokensPerCpuSecond,
                    model_load_seconds = loadSeconds,
                    model_memory_mb = (memAfter - memBefore) / 1048576.0,
                    seen_in_training = seen is null ? null : SeenJson(seen),
                    errors = errors is null ? null : ErrorCounts(errors).Select(r => new { kind = KindName(r.Kind), per_type = r.PerType, total = r.Total }),
                };
                Console.WriteLine(JsonSerializer.Serialize(payload, JsonOutput.Options));
                return 0;
            }
            WriteScoreTable(scores);
            if (seen is not null) WriteSeen(seen);
            if (errorsPath is not null) WriteErrorTable(errors!, errorsPath);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"token accuracy {scores.TokenAccuracy:F4}; {tokens} tokens, {sentences.Count} sentences; tagging {tokensPerSecond:N0} tokens/s wall, {tokensPerCpuSecond:N0} tokens per CPU-second (one thread, {passes} timed passes after warm-up)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"model load {loadSeconds * 1000:F0} ms (incl. lexicon + clusters); loaded model memory ≈ {(memAfter - memBefore) / 1048576.0:F0} MB (GC heap delta); consistency window {(tagger.Consistency.Window == int.MaxValue ? "whole input" : tagger.Consistency.Window.ToString(CultureInfo.InvariantCulture))}; {tagger.Model.Description}"));
            return 0;
        });
        return command;
    }

    /// <summary>The name of an error kind in the TSV file and the JSON.</summary>
    private static string KindName(NerErrorKind kind) => kind switch
    {
        NerErrorKind.Missed => "missed",
        NerErrorKind.Spurious => "spurious",
        NerErrorKind.WrongType => "wrong_type",
        NerErrorKind.Boundary => "boundary",
        _ => "boundary_and_type",
    };

    private static readonly string[] EntityTypes = ["PER", "LOC", "ORG", "MISC"];

    private sealed record ErrorRow(NerErrorKind Kind, Dictionary<string, int> PerType, int Total);

    private static List<ErrorRow> ErrorCounts(List<NerError> errors)
    {
        var rows = new List<ErrorRow>();
        foreach (var kind in Enum.GetValues<NerErrorKind>())   // declared in report order
        {
            var perType = EntityTypes.ToDictionary(t => t, _ => 0, StringComparer.Ordinal);
            int total = 0;
            foreach (var e in errors)
                if (e.Kind == kind) { perType[e.Type] = perType.GetValueOrDefault(e.Type) + 1; total++; }
            rows.Add(new ErrorRow(kind, perType, total));
        }
        return rows;
    }

    /// <summary>Error counts, kind by type (the gold type; the predicted one for spurious entities).</summary>
    private static void WriteErrorTable(List<NerError> errors, string path)
    {
        Console.WriteLine($"errors ({errors.Count}, each listed in {path}):");
        Console.WriteLine($"  {"kind",-18}" + string.Concat(EntityTypes.Select(t => $" {t,5}")) + $" {"all",5}");
        foreach (var row in ErrorCounts(errors))
            Console.WriteLine($"  {KindName(row.Kind),-18}" + string.Concat(EntityTypes.Select(t => $" {row.PerType[t],5}")) + $" {row.Total,5}");
    }

    /// <summary>
    /// One line per error: kind, type, gold text, the overlapping predictions (TYPE:text), whether the gold entity was
    /// seen in training (when --train is given), the 1-based sentence number and the words around, the entity in [ ].
    /// </summary>
    private static void WriteErrors(string path, List<NerError> errors, string[][] tokens, IReadOnlySet<string>? known)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("# marsad ner eval --errors: one entity-level error per line; predictions overlapping a gold entity are listed with it");
        writer.WriteLine("kind\ttype\tgold\tpredicted\tseen_in_training\tsentence\tcontext");
        var context = new StringBuilder();
        foreach (var e in errors)
        {
            var sentence = tokens[e.Sentence];
            var span = e.Gold ?? e.Predicted[0];
            int from = span.Start, to = span.End;
            foreach (var p in e.Predicted) { from = Math.Min(from, p.Start); to = Math.Max(to, p.End); }
            context.Clear();
            for (int i = Math.Max(0, from - 5); i < Math.Min(sentence.Length, to + 5); i++)
            {
                if (context.Length > 0) context.Append(' ');
                if (i == span.Start) context.Append('[');
                context.Append(sentence[i]);
                if (i == span.End - 1) context.Append(']');
            }
            string gold = e.Gold is { } g ? NerEvaluation.Text(sentence, g) : "";
            string predictedText = string.Join(" | ", e.Predicted.Select(p => p.Type + ":" + NerEvaluation.Text(sentence, p)));
            string seenText = known is null || e.Gold is null ? "" : NerEvaluation.IsKnown(sentence, e.Gold.Value, known) ? "yes" : "no";
            writer.WriteLine(string.Join('\t', KindName(e.Kind), e.Type, gold, predictedText, seenText,
                (e.Sentence + 1).ToString(CultureInfo.InvariantCulture), context.ToString()));
        }
    }

    // ---- lexicon --------------------------------------------------------------------------------------------
    private static Command CreateLexicon()
    {
        var dir = new Option<string>("--gazetteers") { Description = "The gazetteer folder", DefaultValueFactory = _ => "../shared/data/gazetteers" };
        var output = new Option<string>("--out") { Description = "Compiled lexicon file", DefaultValueFactory = _ => "src/Marsad.Analysis/Resources/ner/gazetteer.tsv" };
        var minCount = new Option<int>("--min-name-count") { Description = "Keep Wikidata name tokens seen at least this often", DefaultValueFactory = _ => 2 };
        var command = new Command("lexicon", "Compile ../shared/data/gazetteers/*.tsv into the tagger's lexicon resource.");
        foreach (var o in new Option[] { dir, output, minCount }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var entries = GazetteerCompiler.Compile(parse.GetValue(dir)!, parse.GetValue(minCount));
            var outPath = parse.GetValue(output)!;
            using var writer = new StreamWriter(outPath, false, new UTF8Encoding(false)) { NewLine = "\n" };
            writer.WriteLine("# Marsad NER lexicon, compiled from ../shared/data/gazetteers/ (see its README for every source and licence:");
            writer.WriteLine("# mledoze/countries ODbL-1.0, CLDR Unicode-3.0, umpirsky MIT, ArWikiCats MIT, GeoNames CC BY 4.0, Natural Earth public domain,");
            writer.WriteLine("# every-politician/Wikidata CC0, AKhateeb/arabic-names MIT, NETransliteration CC0, *_curated.tsv typed in by the research helper).");
            writer.WriteLine($"# Reproduce: ./marsad ner lexicon --gazetteers ../shared/data/gazetteers --out {outPath} --min-name-count {parse.GetValue(minCount)}");
            writer.WriteLine("# Format: TYPE<TAB>normalized phrase (NerText.Normalize per word). Facts only: names, no running text.");
            foreach (var (type, phrase) in entries) writer.WriteLine($"{type}\t{phrase}");
            Console.Error.WriteLine($"wrote {entries.Count} entries to {outPath}");
            return 0;
        });
        return command;
    }

    // ---- raw text for the unsupervised resources -------------------------------------------------------------
    private static Option<string[]> RawInputsOption() => new("--input")
    {
        Description = "JSONL(.gz) article files with a \"text\" field", AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => ["../shared/data/news/raw/ant_multisource_nonbbc.jsonl.gz", "../shared/data/news/raw/saudinewsnet_2015-07-21_to_2015-08-03.jsonl.gz", "../shared/data/news/dev/articles.jsonl"],
    };

    /// <summary>Feeds the title and the text of every article of the JSONL(.gz) files to <paramref name="add"/>; returns the article count.</summary>
    private static int ReadArticles(IEnumerable<string> paths, Action<string> add, Func<long> tokens, Stopwatch clock)
    {
        int docs = 0;
        foreach (var path in paths)
        {
            using Stream file = File.OpenRead(path);
            using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                if (line.Length == 0) continue;
                using var doc = JsonDocument.Parse(line);
                if (doc.RootElement.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String) add(title.GetString()!);
                if (doc.RootElement.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String) add(text.GetString()!);
                docs++;
            }
            Console.Error.WriteLine($"read {path}: {docs} documents, {tokens():N0} tokens so far ({clock.Elapsed.TotalSeconds:F0} s)");
        }
        return docs;
    }

    // ---- clusters -------------------------------------------------------------------------------------------
    private static Command CreateClusters()
    {
        var inputs = RawInputsOption();
        var output = new Option<string>("--out") { Description = "Cluster file", DefaultValueFactory = _ => "src/Marsad.Analysis/Resources/ner/clusters.tsv" };
        var vocab = new Option<int>("--vocabulary") { DefaultValueFactory = _ => 30_000, Description = "Words that get a cluster" };
        var fine = new Option<int>("--fine") { DefaultValueFactory = _ => 500, Description = "Fine clusters" };
        var coarse = new Option<int>("--coarse") { DefaultValueFactory = _ => 50, Description = "Coarse clusters" };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 17, Description = "Seed" };
        var contexts = new Option<int>("--contexts") { DefaultValueFactory = _ => 250, Description = "Context words per position slot" };
        var command = new Command("clusters", "Compute distributional word clusters (PPMI context vectors + spherical k-means) from raw news text.");
        foreach (var o in new Option[] { inputs, output, vocab, fine, coarse, seed, contexts }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            var options = new WordClusterOptions { Vocabulary = parse.GetValue(vocab), FineClusters = parse.GetValue(fine), CoarseClusters = parse.GetValue(coarse), Seed = parse.GetValue(seed), Contexts = parse.GetValue(contexts) };
            var builder = new WordClusterBuilder(options);
            int docs = ReadArticles(parse.GetValue(inputs)!, t => builder.Add(t), () => builder.Tokens, clock);
            var table = builder.Build(msg => Console.Error.WriteLine($"{msg} ({clock.Elapsed.TotalSeconds:F0} s)"));
            var outPath = parse.GetValue(output)!;
            using var writer = new StreamWriter(outPath, false, new UTF8Encoding(false)) { NewLine = "\n" };
            writer.WriteLine("# Marsad word clusters: computed by Marsad's own code (WordClusterBuilder: PPMI of ±2 context words, random projection,");
            writer.WriteLine($"# spherical k-means) from {docs} raw news articles, {builder.Tokens:N0} tokens: ../shared/data/news/raw/*.jsonl.gz and news/dev/articles.jsonl");
            writer.WriteLine("# (ANT corpus, SaudiNewsNet CC BY-NC-SA 4.0, dev slice; see their READMEs). Only derived statistics are stored: words and cluster ids.");
            writer.WriteLine($"# Reproduce (≈ a few minutes, one core): ./marsad ner clusters --out {outPath} --vocabulary {options.Vocabulary} --fine {options.FineClusters} --coarse {options.CoarseClusters} --contexts {options.Contexts} --seed {options.Seed}");
            writer.WriteLine("# Format: normalized word<TAB>fine cluster<TAB>coarse cluster");
            foreach (var (word, (f, c)) in table.OrderBy(p => p.Value.Fine).ThenBy(p => p.Key, StringComparer.Ordinal))
                writer.WriteLine($"{word}\t{f}\t{c}");
            Console.Error.WriteLine($"wrote {table.Count} words to {outPath} in {clock.Elapsed.TotalSeconds:F0} s");
            return 0;
        });
        return command;
    }

    // ---- embedding clusters ---------------------------------------------------------------------------------
    private static Command CreateEmbeddingClusters()
    {
        var inputs = RawInputsOption();
        var baseFile = new Option<string>("--base") { Description = "Cluster file whose first two levels (PPMI fine, coarse) are kept", DefaultValueFactory = _ => "src/Marsad.Analysis/Resources/ner/clusters.tsv" };
        var output = new Option<string>("--out") { Description = "Cluster file to write (base levels + one level per --levels value)", DefaultValueFactory = _ => "src/Marsad.Analysis/Resources/ner/clusters.tsv" };
        var vocab = new Option<int>("--vocabulary") { DefaultValueFactory = _ => 60_000, Description = "Most frequent words that get embedding clusters" };
        var levels = new Option<int[]>("--levels") { DefaultValueFactory = _ => [64, 256, 1024], Description = "k of each k-means level, coarse to fine", AllowMultipleArgumentsPerToken = true };
        var dims = new Option<int>("--dimensions") { DefaultValueFactory = _ => 100, Description = "Vector length" };
        var window = new Option<int>("--window") { DefaultValueFactory = _ => 5, Description = "Context window" };
        var epochs = new Option<int>("--epochs") { DefaultValueFactory = _ => 3, Description = "Passes over the text" };
        var threads = new Option<int>("--threads") { DefaultValueFactory = _ => 2, Description = "Worker threads (1 = reproducible bit for bit)" };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1, Description = "Seed" };
        var minCount = new Option<int>("--min-count") { DefaultValueFactory = _ => 5, Description = "Words seen fewer times get no vector" };
        var stems = new Option<bool>("--stems") { Description = "Train on proclitic-stripped stems (لموسكو → موسكو) instead of words" };
        var command = new Command("embeddings", "Train skip-gram word embeddings on raw news and add k-means clusters of them as extra cluster levels.");
        foreach (var o in new Option[] { inputs, baseFile, output, vocab, levels, dims, window, epochs, threads, seed, minCount, stems }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            var baseTable = WordClusters.Parse(File.ReadLines(parse.GetValue(baseFile)!)).ToTable();
            var corpus = new RawCorpus(parse.GetValue(stems));
            int docs = ReadArticles(parse.GetValue(inputs)!, t => corpus.Add(t), () => corpus.Tokens, clock);
            var options = new EmbeddingOptions { Dimensions = parse.GetValue(dims), Window = parse.GetValue(window), Epochs = parse.GetValue(epochs), Threads = parse.GetValue(threads), Seed = parse.GetValue(seed), MinCount = parse.GetValue(minCount) };
            var embeddings = new EmbeddingTrainer(options).Train(corpus, msg => Console.Error.WriteLine($"{msg} ({clock.Elapsed.TotalSeconds:F0} s)"));
            int[] ks = parse.GetValue(levels)!;
            int v = Math.Min(parse.GetValue(vocab), embeddings.Words.Count);
            var clusterLevels = EmbeddingClusters.Build(embeddings, v, ks, options.Seed, options.Threads, msg => Console.Error.WriteLine($"{msg} ({clock.Elapsed.TotalSeconds:F0} s)"));
            var merged = EmbeddingClusters.Merge(baseTable, embeddings.Words.Take(v).ToList(), clusterLevels);
            var outPath = parse.GetValue(output)!;
            using var writer = new StreamWriter(outPath, false, new UTF8Encoding(false)) { NewLine = "\n" };
            writer.WriteLine("# Marsad word clusters: computed by Marsad's own code from raw news text (no outside model or word list):");
            writer.WriteLine("# levels 0-1 = PPMI clusters (WordClusterBuilder, `./marsad ner clusters --vocabulary 30000 --fine 500 --coarse 50 --contexts 250 --seed 17`),");
            writer.WriteLine($"# levels 2.. = k-means (k = {string.Join(", ", ks)}) of skip-gram embeddings (EmbeddingTrainer) of the {v:N0} most frequent words,");
            writer.WriteLine($"# from {docs} articles, {corpus.Tokens:N0} tokens: ../shared/data/news/raw/*.jsonl.gz and news/dev/articles.jsonl");
            writer.WriteLine("# (ANT corpus, SaudiNewsNet CC BY-NC-SA 4.0, dev slice; see their READMEs). Only derived statistics are stored: words and cluster ids.");
            writer.WriteLine($"# Reproduce (after the PPMI command, ≈ 5 min on 2 cores): ./marsad ner embeddings --out {outPath} --vocabulary {v} --levels {string.Join(' ', ks)} --dimensions {options.Dimensions} --window {options.Window} --epochs {options.Epochs} --threads {options.Threads} --seed {options.Seed} --min-count {options.MinCount}{(parse.GetValue(stems) ? " --stems" : "")}");
            writer.WriteLine("# (with --threads 2 the embeddings differ slightly run to run; --threads 1 reproduces them exactly)");
            writer.WriteLine("# Format: normalized word<TAB>PPMI fine<TAB>PPMI coarse<TAB>one embedding-cluster id per level (-1 = none)");
            int written = WriteClusterRows(writer, merged);
            Console.Error.WriteLine($"wrote {written} words to {outPath} in {clock.Elapsed.TotalSeconds:F0} s");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Writes cluster-file rows (word, then its ids) in ordinal word order; a word starting with '#' is left out, since it
    /// would read back as a comment line. Returns the rows written.
    /// </summary>
    private static int WriteClusterRows(StreamWriter writer, IReadOnlyDictionary<string, int[]> table)
    {
        int written = 0;
        foreach (var (word, ids) in table.Where(p => !p.Key.StartsWith('#')).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WriteLine($"{word}\t{string.Join('\t', ids)}");
            written++;
        }
        return written;
    }

    // ---- context signatures ---------------------------------------------------------------------------------
    private static Command CreateSignatures()
    {
        var inputs = RawInputsOption();
        var baseFile = new Option<string>("--base") { Description = "Cluster file whose cluster levels are kept (an old signature column is replaced)", DefaultValueFactory = _ => "src/Marsad.Analysis/Resources/ner/clusters.tsv" };
        var output = new Option<string>("--out") { Description = "Cluster file to write (cluster levels + a signature column)", DefaultValueFactory = _ => "src/Marsad.Analysis/Resources/ner/clusters.tsv" };
        var command = new Command("signatures", "Add raw-news context signatures (share after person / organization / place triggers, article share of the stem) as the last column of the cluster file.");
        foreach (var o in new Option[] { inputs, baseFile, output }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            var basePath = parse.GetValue(baseFile)!;
            var baseLines = File.ReadAllLines(basePath);
            var baseClusters = WordClusters.Parse(baseLines);
            int levels = baseClusters.ClusterLevels;
            var corpus = new RawCorpus();
            int docs = ReadArticles(parse.GetValue(inputs)!, t => corpus.Add(t), () => corpus.Tokens, clock);
            var signatures = WordSignatures.Build(corpus, NerResources.Lexicon);
            var table = new Dictionary<string, int[]>(StringComparer.Ordinal);
            foreach (var (word, ids) in baseClusters.ToTable()) table[word] = [.. ids.AsSpan(0, levels), -1];
            foreach (var (word, code) in signatures)
            {
                if (!table.TryGetValue(word, out var row)) table[word] = row = [.. Enumerable.Repeat(-1, levels + 1)];
                row[levels] = code;
            }
            var outPath = parse.GetValue(output)!;
            using var writer = new StreamWriter(outPath, false, new UTF8Encoding(false)) { NewLine = "\n" };
            // Keep the base file's provenance lines; drop its format line and the lines of an earlier signature column
            // (marker, description, command), which are written anew below.
            const string SignatureLine = "# Signatures:", SignatureCommandLine = "# reproduce after the two commands above:";
            foreach (var line in baseLines)
                if (line.StartsWith('#') && !line.Contains('\t') && !line.StartsWith(WordClusters.SignatureMarker, StringComparison.Ordinal) && !line.StartsWith("# Format:", StringComparison.Ordinal)
                    && !line.StartsWith(SignatureLine, StringComparison.Ordinal) && !line.StartsWith(SignatureCommandLine, StringComparison.Ordinal))
                    writer.WriteLine(line);
            writer.WriteLine($"{SignatureLine} WordSignatures codes of the {signatures.Count:N0} words seen ≥ {WordSignatures.MinCount} times in {docs} articles, {corpus.Tokens:N0} tokens (same raw news);");
            writer.WriteLine($"{SignatureCommandLine} ./marsad ner signatures --base {basePath} --out {outPath}");
            writer.WriteLine("# Format: normalized word<TAB>cluster id per level (-1 = none)<TAB>signature code (-1 = none)");
            writer.WriteLine($"{WordClusters.SignatureMarker}{levels}");
            int written = WriteClusterRows(writer, table);
            Console.Error.WriteLine($"wrote {written} words ({signatures.Count} with a signature) to {outPath} in {clock.Elapsed.TotalSeconds:F0} s");
            return 0;
        });
        return command;
    }

    // ---- self-training lexicon ------------------------------------------------------------------------------
    private static Command CreateAutoLexicon()
    {
        var inputs = RawInputsOption();
        var train = new Option<string>("--train") { Description = "Training CoNLL file of the taggers that read the raw text", Required = true };
        var folds = new Option<int>("--folds") { DefaultValueFactory = _ => 5, Description = "Jackknife folds (each fold's lexicon comes from a tagger trained without it; 0 = main lexicon only)" };
        var epochs = new Option<int>("--epochs") { DefaultValueFactory = _ => 12, Description = "Training epochs of the taggers" };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1, Description = "Training seed of the taggers" };
        var threads = new Option<int>("--threads") { DefaultValueFactory = _ => 2, Description = "Documents tagged in parallel" };
        var lexicon = LexiconOption();
        var clusters = ClustersOption();
        var output = new Option<string>("--out") { Description = "Lexicon file to write (TYPE<TAB>phrase: append it to a --lexicon file)", Required = true };
        var foldsOutput = new Option<string>("--folds-out") { Description = "Per-fold lexicon file to write (fold<TAB>TYPE<TAB>phrase; ner train --autolex-folds)", Required = true };
        var minCount = new Option<int>("--min-count") { DefaultValueFactory = _ => 3, Description = "Times a name must be tagged" };
        var minShare = new Option<double>("--min-share") { DefaultValueFactory = _ => 0.8, Description = "Share of its tags the main type must have" };
        var minWordShare = new Option<double>("--min-word-share") { DefaultValueFactory = _ => 0.5, Description = "Share of a one-word name's occurrences that must be tagged" };
        var command = new Command("autolex", "Self-training: tag raw news with one-stage taggers (all of --train, and one per jackknife fold) and keep the names each tags often and consistently.");
        foreach (var o in new Option[] { inputs, train, folds, epochs, seed, threads, lexicon, clusters, output, foldsOutput, minCount, minShare, minWordShare }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            var sentences = ReadConll(parse.GetValue(train)!);
            var lex = LoadLexicon(parse.GetValue(lexicon));
            var clu = LoadClusters(parse.GetValue(clusters));
            int foldCount = parse.GetValue(folds);
            var trainer = new PerceptronTrainer(new NerTrainingOptions
            {
                Epochs = parse.GetValue(epochs), Seed = parse.GetValue(seed), Families = NerFeatureFamilies.All & ~NerFeatureFamilies.SelfTrained,
            });
            var taggers = new List<EntityTagger> { new(trainer.Train(sentences, null, lex, clu), lex, clu, NerConsistencyOptions.Document) };
            for (int f = 0; f < foldCount; f++)
            {
                int lo = PerceptronTrainer.FoldStart(sentences.Count, foldCount, f), hi = PerceptronTrainer.FoldStart(sentences.Count, foldCount, f + 1);
                taggers.Add(new(trainer.Train(sentences.Take(lo).Concat(sentences.Skip(hi)).ToList(), null, lex, clu), lex, clu, NerConsistencyOptions.Document));
            }
            Console.Error.WriteLine($"trained {taggers.Count} taggers ({clock.Elapsed.TotalSeconds:F0} s)");
            var texts = new List<string>();
            int docs = ReadArticles(parse.GetValue(inputs)!, texts.Add, () => texts.Count, clock);
            var pipeline = new AnalysisPipelineBuilder().Build();
            var builder = new AutoLexiconBuilder(taggers.Count);
            long tokenCount = 0;
            Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parse.GetValue(threads)) }, i =>
            {
                var text = texts[i];
                var tokens = pipeline.Tokenizer.Tokenize(text);
                var spans = pipeline.Splitter.Split(text, tokens);
                var found = taggers.Select(t => (IEnumerable<(string, string)>)t.Recognize(text, tokens, spans).Where(e => e.Origin != "gazetteer").Select(e => (e.Text, e.Type)).ToList()).ToList();
                lock (builder)
                {
                    builder.Add(tokens.Select(t => text[t.Start..t.End]), found);
                    tokenCount += tokens.Count;
                }
            });
            Console.Error.WriteLine($"tagged {docs} articles, {tokenCount:N0} tokens ({clock.Elapsed.TotalSeconds:F0} s)");
            int mc = parse.GetValue(minCount);
            double ms = parse.GetValue(minShare), mw = parse.GetValue(minWordShare);
            var outPath = parse.GetValue(output)!;
            string settings = $"--min-count {mc} --min-share {ms.ToString(CultureInfo.InvariantCulture)} --min-word-share {mw.ToString(CultureInfo.InvariantCulture)}";
            void Header(StreamWriter writer, string format)
            {
                writer.WriteLine("# Marsad self-training lexicon: names that Marsad's own tagger tagged often and with one type in raw news");
                writer.WriteLine($"# ({docs} articles, {tokenCount:N0} tokens of ../shared/data/news/raw/*.jsonl.gz and news/dev/articles.jsonl: ANT corpus, SaudiNewsNet CC BY-NC-SA 4.0;");
                writer.WriteLine("# only derived facts are stored: names and a type). Taggers: one-stage models trained here on --train.");
                writer.WriteLine($"# Reproduce (≈ 10 min on 2 cores): ./marsad ner autolex --train ../shared/data/ner/anercorp-camel/train.conll --out {outPath} --folds-out {parse.GetValue(foldsOutput)} --folds {foldCount} --epochs {parse.GetValue(epochs)} --seed {parse.GetValue(seed)} {settings}");
                writer.WriteLine($"# Format: {format}");
            }
            using (var writer = new StreamWriter(outPath, false, new UTF8Encoding(false)) { NewLine = "\n" })
            {
                Header(writer, "TYPE<TAB>normalized phrase (see NerLexicon); the tagger trained on all of --train.");
                foreach (var (type, phrase, _) in builder.Build(mc, ms, mw)) writer.WriteLine($"{type}\t{phrase}");
            }
            if (foldCount > 0)
            {
                using var writer = new StreamWriter(parse.GetValue(foldsOutput)!, false, new UTF8Encoding(false)) { NewLine = "\n" };
                Header(writer, "fold<TAB>TYPE<TAB>normalized phrase: the names found by the tagger trained without that fold (contiguous folds of --train).");
                for (int f = 0; f < foldCount; f++)
                    foreach (var (type, phrase, _) in builder.Build(mc, ms, mw, f + 1)) writer.WriteLine($"{f}\t{type}\t{phrase}");
            }
            Console.Error.WriteLine($"wrote {outPath} in {clock.Elapsed.TotalSeconds:F0} s");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// The per-fold training lexicons of the self-training jackknife: the base lexicon without its Auto* entries, plus
    /// each fold's names from the fold file of <c>ner autolex</c>. Null when the file has no entries.
    /// </summary>
    private static List<NerLexicon>? LoadFoldLexicons(string? lexiconPath, string foldsPath)
    {
        var foldLines = File.ReadLines(foldsPath).ToList();
        var byFold = new SortedDictionary<int, List<string>>();
        foreach (var line in foldLines)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            int tab = line.IndexOf('\t');
            if (tab <= 0 || !int.TryParse(line.AsSpan(0, tab), out int fold)) throw new FormatException($"bad fold lexicon line: {line}");
            if (!byFold.TryGetValue(fold, out var list)) byFold[fold] = list = [];
            list.Add(line[(tab + 1)..]);
        }
        if (byFold.Count == 0) return null;
        var baseLines = (lexiconPath is null ? NerResources.Lines("gazetteer.tsv").Concat(NerResources.Lines("triggers.tsv")) : File.ReadLines(lexiconPath))
            .Where(l => !l.StartsWith("Auto", StringComparison.Ordinal)).ToList();
        return byFold.Values.Select(lines => NerLexicon.Parse(baseLines.Concat(lines))).ToList();
    }
}
