using System.Globalization;
using System.Text;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Evaluation;

namespace Marsad.Analysis.Events.Coding;

/// <summary>One annotated document with what the rules proposed in it.</summary>
public sealed record TrainingDocument(GoldDocument Gold, IReadOnlyDictionary<string, GoldActor> Actors, AnalyzedDocument Analyzed);

/// <summary>
/// Trains the <see cref="EventCoder"/> from gold documents: the argument model on the actor mentions of candidates
/// that lie inside a gold event's evidence (role = the gold event's source, target or neither), then the trigger model
/// on every candidate after its arguments were decoded by an argument model that did not see its document
/// (cross-fitting by document), labelled right when the decoded event matches a gold event of the document.
/// </summary>
public static class EventCoderTrainer
{
    /// <remarks>
    /// Decays: every weight shrinks by this share after each epoch (tune, 5-fold cross-validation over 4 seeds, 540
    /// documents: no decay best F1 0.199, 0.3 for both models 0.225, 0.5 for both 0.225 with more argument roles right;
    /// later, with the side-kind features, trigger decay 0.3 / 0.5 / 0.8 gave P 0.380 / 0.382 / 0.378 and R 0.170 /
    /// 0.178 / 0.178 at the default threshold: 0.5 kept for both). Bags: each model is the average of this many trained
    /// from consecutive seeds (1 / 3 / 6: F0.5 at 0.45 0.334 / 0.338 / 0.339, recall 0.142 / 0.146 / 0.148): 3.
    /// </remarks>
    public sealed record Options(int Folds = 5, int Epochs = 30, double L2 = 1e-3, int Seed = 1, double ArgumentDecay = 0.5, double TriggerDecay = 0.5, int Bags = 3);

    public static EventCoder Train(IReadOnlyList<TrainingDocument> docs, Options options)
    {
        var argExamples = docs.Select(ArgumentExamples).ToList();
        var triggerExamples = new List<(string[], int)>();
        var exampleFold = new List<int>();
        var folds = FoldOf(docs.Count, options.Folds, options.Seed);
        for (int k = 0; k < options.Folds; k++)
        {
            var args = TrainArguments(argExamples.Where((_, i) => folds[i] != k), options);
            for (int i = 0; i < docs.Count; i++)
                if (folds[i] == k)
                    foreach (var example in TriggerExamples(docs[i], args))
                    {
                        triggerExamples.Add(example);
                        exampleFold.Add(k);
                    }
        }
        var arguments = TrainArguments(argExamples, options);
        var triggers = TrainTriggers(triggerExamples, options);
        // Calibration on scores from trigger models that did not see the example's document.
        var scores = new double[triggerExamples.Count];
        for (int k = 0; k < options.Folds; k++)
        {
            var held = TrainTriggers(triggerExamples.Where((_, j) => exampleFold[j] != k).ToList(), options);
            for (int j = 0; j < triggerExamples.Count; j++)
                if (exampleFold[j] == k) scores[j] = held.Probability(triggerExamples[j].Item1, 1);
        }
        var calibration = PlattCalibration.Fit(scores, triggerExamples.Select(x => x.Item2).ToList());
        return new EventCoder(arguments, triggers, calibration);
    }

    private static LogisticModel TrainTriggers(IReadOnlyList<(string[], int)> examples, Options options)
        => LogisticModel.TrainAveraged(EventCoder.TriggerClassNames, examples, options.Bags, options.Epochs, options.L2, seed: options.Seed, decay: options.TriggerDecay);

    /// <summary>
    /// Cross-validation by document: each fold is coded by a coder trained on the others. Returns every fold's
    /// documents with their decided events (all confidences kept), for scoring at several thresholds.
    /// </summary>
    /// <remarks><paramref name="trainOnly"/> documents join every fold's training and are never coded (the learning
    /// curve of an annotation wave on the same scored documents).</remarks>
    public static List<AnalyzedDocument> CrossValidate(IReadOnlyList<TrainingDocument> docs, Options options, IReadOnlyList<TrainingDocument>? trainOnly = null)
    {
        var folds = FoldOf(docs.Count, options.Folds, options.Seed);
        var result = new AnalyzedDocument[docs.Count];
        for (int k = 0; k < options.Folds; k++)
        {
            var train = docs.Where((_, i) => folds[i] != k).ToList();
            if (trainOnly is not null) train.AddRange(trainOnly);
            var coder = Train(train, options with { Folds = Math.Min(options.Folds, Math.Max(2, train.Count)) });
            for (int i = 0; i < docs.Count; i++)
                if (folds[i] == k) result[i] = docs[i].Analyzed with { Events = Merging.EventFolder.Fold(coder.Decide(docs[i].Analyzed.EventCandidates)) };
        }
        return [.. result];
    }

    /// <summary>Documents with only the events at or above <paramref name="threshold"/> (what outputs show).</summary>
    public static List<AnalyzedDocument> AtThreshold(IEnumerable<AnalyzedDocument> docs, double threshold)
        => docs.Select(d => EventVisibility.Shown(d, threshold)).ToList();

    /// <summary>Reliability: for confidence bins, how many events and how many of them match a gold event.</summary>
    public static string ReliabilityTable(IReadOnlyList<TrainingDocument> docs, IReadOnlyList<AnalyzedDocument> decided)
    {
        var bins = new (int N, int Right, double Sum)[10];
        for (int i = 0; i < docs.Count; i++)
            foreach (var e in decided[i].Events)
            {
                if (e.Modality == EventModality.Negated) continue;
                double c = e.Confidence ?? 0;
                int b = Math.Min(9, (int)(c * 10));
                bool right = docs[i].Gold.Events.Any(g => StrictEventScorer.EventOk(g, e, docs[i].Actors, false));
                bins[b] = (bins[b].N + 1, bins[b].Right + (right ? 1 : 0), bins[b].Sum + c);
            }
        var sb = new StringBuilder("confidence   events  right  share right  mean confidence\n");
        for (int b = 0; b < 10; b++)
        {
            var (n, r, sum) = bins[b];
            if (n == 0) continue;
            sb.Append(CultureInfo.InvariantCulture, $"{b / 10.0:0.0}-{(b + 1) / 10.0:0.0}   {n,6} {r,6}  {(double)r / n,11:0.000}  {sum / n,15:0.000}\n");
        }
        return sb.ToString();
    }

    /// <summary>
    /// For candidates that are mentions of a gold event (its type, inside its evidence): how often every gold actor is
    /// among the candidate's mentions at all, how often the rules' roles are right, and how often the argument model's
    /// are (cross-validated by document).
    /// </summary>
    public static (int Candidates, int ActorsPresent, int RulesRight, int ModelRight) ArgumentDiagnostics(IReadOnlyList<TrainingDocument> docs, Options options,
        IReadOnlyList<TrainingDocument>? trainOnly = null)
    {
        var argExamples = docs.Select(ArgumentExamples).ToList();
        var extraExamples = trainOnly?.Select(ArgumentExamples).ToList() ?? [];
        var folds = FoldOf(docs.Count, options.Folds, options.Seed);
        int n = 0, present = 0, rules = 0, model = 0;
        for (int k = 0; k < options.Folds; k++)
        {
            // the same training as CrossValidate's folds: the other folds and the training-only documents
            var arguments = TrainArguments(argExamples.Where((_, i) => folds[i] != k).Concat(extraExamples), options);
            for (int i = 0; i < docs.Count; i++)
            {
                if (folds[i] != k) continue;
                var doc = docs[i];
                foreach (var c in doc.Analyzed.EventCandidates)
                {
                    var g = GoldFor(doc, c);
                    if (g is null) continue;
                    n++;
                    if (g.Source.Concat(g.Target).All(id => c.Mentions.Any(m => StrictEventScorer.ActorOk(doc.Actors[id], m.Actor, false)))) present++;
                    if (StrictEventScorer.EventOk(g, c.Rules, doc.Actors, false)) rules++;
                    var (source, target, _, _) = EventCoder.DecodeArguments(arguments, c);
                    if (StrictEventScorer.EventOk(g, c.Rules with { Source = source, Target = target }, doc.Actors, false)) model++;
                }
            }
        }
        return (n, present, rules, model);
    }

    private static LogisticModel TrainArguments(IEnumerable<List<(string[], int)>> examples, Options options)
        => LogisticModel.TrainAveraged(EventCoder.ArgumentClassNames, examples.SelectMany(x => x).ToList(), options.Bags, options.Epochs, options.L2, seed: options.Seed,
            decay: options.ArgumentDecay);

    /// <summary>Mentions of candidates inside a gold event's evidence, labelled with the gold event's roles.</summary>
    private static List<(string[], int)> ArgumentExamples(TrainingDocument doc)
    {
        var list = new List<(string[], int)>();
        foreach (var c in doc.Analyzed.EventCandidates)
        {
            var g = GoldFor(doc, c);
            if (g is null) continue;
            foreach (var m in c.Mentions)
            {
                int label = g.Source.Any(id => StrictEventScorer.ActorOk(doc.Actors[id], m.Actor, false)) ? 1
                    : g.Target.Any(id => StrictEventScorer.ActorOk(doc.Actors[id], m.Actor, false)) ? 2 : 0;
                list.Add((m.Features, label));
            }
        }
        return list;
    }

    // the gold event a candidate is a mention of: same type (or alt type), trigger inside the evidence span (or, for gold
    // without spans, the same trigger words)
    private static GoldEvent? GoldFor(TrainingDocument doc, EventCandidate c)
    {
        var t = c.Rules.Trigger;
        if (t is null) return null;
        foreach (var g in doc.Gold.Events)
        {
            if (!g.Accepts(c.Rules.Type)) continue;
            if (g.EvidenceSpan is { } span ? t.Start >= span.Start && t.End <= span.End
                : g.Trigger is not null && (g.Trigger.Contains(t.Text, StringComparison.Ordinal) || t.Text.Contains(g.Trigger, StringComparison.Ordinal)))
                return g;
        }
        return null;
    }

    private static IEnumerable<(string[], int)> TriggerExamples(TrainingDocument doc, LogisticModel arguments)
    {
        foreach (var c in doc.Analyzed.EventCandidates)
        {
            var (source, target, ps, pt) = EventCoder.DecodeArguments(arguments, c);
            var decided = c.Rules with { Source = source, Target = target };
            bool right = doc.Gold.Events.Any(g => StrictEventScorer.EventOk(g, decided, doc.Actors, false));
            yield return (EventCoder.TriggerFeatures(c, source, target, ps, pt), right ? 1 : 0);
        }
    }

    // documents dealt into folds in a fixed shuffled order
    private static int[] FoldOf(int n, int folds, int seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        new Random(6 + seed).Shuffle(order);
        var fold = new int[n];
        for (int i = 0; i < n; i++) fold[order[i]] = i % folds;
        return fold;
    }
}
