using System.Diagnostics;
using System.Numerics.Tensors;

namespace Marsad.Analysis.Tagging;

/// <summary>What <see cref="PerceptronTrainer"/> optimizes.</summary>
public enum NerObjective
{
    /// <summary>Averaged structured perceptron: Viterbi, then reward gold and penalize the prediction.</summary>
    Perceptron,
    /// <summary>Linear-chain CRF: AdaGrad on the L2-regularized conditional log-likelihood (forward–backward).</summary>
    Crf,
}

/// <summary>Settings of <see cref="PerceptronTrainer"/>.</summary>
public sealed record NerTrainingOptions
{
    /// <summary>
    /// Training objective; both give the same model (weights + transitions) and the same decoder. The CRF (with
    /// AdaGrad) is the default: +1 point of dev F1 over the perceptron on average over seeds (Tagging/README.md, issue 4).
    /// </summary>
    public NerObjective Objective { get; init; } = NerObjective.Crf;
    /// <summary>
    /// CRF: step size η; each weight's step is η / √(Σ g²) (AdaGrad).
    /// </summary>
    public float LearningRate { get; init; } = 0.3f;
    /// <summary>CRF: L2 penalty λ/2·‖w‖² on the whole training set (a Gaussian prior of variance 1/λ).</summary>
    public float L2 { get; init; } = 3f;
    /// <summary>CRF: return the average of the weights over all steps instead of the last ones.</summary>
    public bool Average { get; init; } = true;
    /// <summary>Passes over the training sentences.</summary>
    public int Epochs { get; init; } = 12;
    /// <summary>Seed of the per-epoch sentence shuffle.</summary>
    public int Seed { get; init; } = 1;
    /// <summary>log2 of the number of weight rows (hashed feature table).</summary>
    public int HashBits { get; init; } = 20;
    /// <summary>Feature families to use.</summary>
    public NerFeatureFamilies Families { get; init; } = NerFeatureFamilies.All;
    /// <summary>
    /// Cost-augmented training: while training, every wrong label of a token gets this bonus before decoding, so the
    /// weights must beat the gold path by a margin (Hamming-loss augmented perceptron). 0 = plain perceptron.
    /// </summary>
    public float Margin { get; init; }
    /// <summary>
    /// Subtracted from the O label's bias weight after training: a positive value makes the tagger propose entities
    /// more readily (recall up, precision down). Chosen on dev.
    /// </summary>
    public float OPenalty { get; init; }
    /// <summary>
    /// Feature dropout while training: each non-bias feature of a token is left out of a training step with this
    /// probability, so the weights cannot lean on the word's identity alone and context features carry more.
    /// </summary>
    public float Dropout { get; init; }

    /// <summary>
    /// Folds for the first-stage labels the second stage is trained on (two-stage models, family
    /// <see cref="NerFeatureFamilies.Document"/>): each fold is tagged by a first stage trained on the other folds.
    /// </summary>
    public int Folds { get; init; } = 5;
    /// <summary>Sentences on each side whose first-stage labels a token's document features count (two-stage models).</summary>
    public int DocumentWindow { get; init; } = 10;
    /// <summary>
    /// Self-training jackknife (<see cref="NerFeatureFamilies.SelfTrained"/>): when set, the training sentences are
    /// split into <c>FoldLexicons.Count</c> contiguous folds and fold f is featurized with <c>FoldLexicons[f]</c> (the
    /// gazetteer plus the names found in raw news by a tagger that never saw fold f), so the weights learn how far
    /// such names can be trusted on unseen text. Dev and new text use the main lexicon.
    /// </summary>
    public IReadOnlyList<NerLexicon>? FoldLexicons { get; init; }
    /// <summary>Free text stored in the model (how it was trained).</summary>
    public string Description { get; init; } = "";
}

/// <summary>
/// Trains the tagger's weights with one of two objectives (<see cref="NerTrainingOptions.Objective"/>): a linear-chain
/// CRF (<see cref="TrainCrfAdaGrad"/>; the default) or the original perceptron, described here.
/// Trains an averaged structured perceptron (Collins 2002) over BIO labels: each sentence is decoded with exact
/// Viterbi under the current weights, and when the best path differs from the gold path the features and
/// transitions of the gold path are rewarded and those of the predicted path penalized. The returned weights are
/// the average over all steps (computed lazily with the w − u/c trick), which generalizes much better than the last
/// weights. Deterministic for a given seed. Not thread-safe; single-threaded on purpose.
/// </summary>
public sealed class PerceptronTrainer(NerTrainingOptions options)
{
    /// <summary>The canonical label order; labels found only in the data are appended.</summary>
    public static readonly string[] CanonicalLabels = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];

    private sealed class Prepared(uint[] features, int[] counts, int[] gold)
    {
        public uint[] Features = features;
        public int[] Counts = counts;
        public int[] Gold = gold;
    }

    /// <summary>
    /// Trains on <paramref name="train"/>; when <paramref name="dev"/> is given, logs its F1 after each epoch. With the
    /// <see cref="NerFeatureFamilies.Document"/> family the result is a two-stage model: the first stage as usual, then
    /// a second stage over the same features plus <see cref="NerDocumentFeatures"/> computed from first-stage labels
    /// (on the training data from <see cref="NerTrainingOptions.Folds"/>-fold cross-tagging, so they are as noisy as
    /// they will be on new text).
    /// </summary>
    public NerModel Train(IReadOnlyList<NerSentence> train, IReadOnlyList<NerSentence>? dev, NerLexicon lexicon, WordClusters clusters, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        var labels = new List<string>(CanonicalLabels);
        foreach (var s in train)
            foreach (var t in s.Tags ?? throw new ArgumentException("training sentences need tags"))
                if (!labels.Contains(t)) labels.Add(t);
        var baseFamilies = options.Families & ~NerFeatureFamilies.Document;
        var extractor = new NerFeatureExtractor(baseFamilies, lexicon, clusters);
        // The extractor of each training sentence (by index): the fold's own lexicon under the self-training jackknife.
        var foldLexicons = options.FoldLexicons is { Count: > 1 } fl && (baseFamilies & NerFeatureFamilies.SelfTrained) != 0 ? fl : null;
        var extractors = new NerFeatureExtractor[train.Count];
        Array.Fill(extractors, extractor);
        if (foldLexicons is not null)
            for (int f = 0; f < foldLexicons.Count; f++)
            {
                var foldExtractor = new NerFeatureExtractor(baseFamilies, foldLexicons[f], clusters);
                for (int i = FoldStart(train.Count, foldLexicons.Count, f); i < FoldStart(train.Count, foldLexicons.Count, f + 1); i++) extractors[i] = foldExtractor;
            }
        var clock = Stopwatch.StartNew();
        var (w1, t1) = TrainStage(train, i => extractors[i], dev, labels, extractor, null, null, baseFamilies, log);
        var first = new NerModel(labels, baseFamilies, options.HashBits, w1, t1, options.Description);
        if ((options.Families & NerFeatureFamilies.Document) == 0 || options.Folds < 2) return first;

        // First-stage labels of the training sentences, each fold tagged by a model that did not see it.
        var trainDoc = new NerDocumentFeatures(labels.Count);
        int folds = Math.Min(options.Folds, train.Count);
        var foldLabels = new int[train.Count][];
        for (int f = 0; f < folds; f++)
        {
            int lo = FoldStart(train.Count, folds, f), hi = FoldStart(train.Count, folds, f + 1);
            var rest = train.Take(lo).Concat(train.Skip(hi)).ToList();
            var (wf, tf) = TrainStage(rest, p => extractors[p < lo ? p : p + hi - lo], null, labels, extractor, null, null, baseFamilies, null);
            var foldModel = new EntityTagger(new NerModel(labels, baseFamilies, options.HashBits, wf, tf, ""), extractors[lo].Lexicon, clusters, NerConsistencyOptions.Off);
            for (int i = lo; i < hi; i++)
            {
                foldLabels[i] = new int[train[i].Tokens.Length];
                foldModel.TagStage(new StringTokens(train[i].Tokens), foldLabels[i], foldModel.Model);
            }
            log?.Invoke($"fold {f + 1} of {folds} tagged ({clock.Elapsed.TotalSeconds:F1} s)");
        }
        for (int i = 0; i < train.Count; i++) trainDoc.Add(new StringTokens(train[i].Tokens), foldLabels[i]);
        trainDoc.Compute(options.DocumentWindow);
        NerDocumentFeatures? devDoc = null;
        if (dev is not null)
        {
            devDoc = new NerDocumentFeatures(labels.Count);
            var firstTagger = new EntityTagger(first, lexicon, clusters, NerConsistencyOptions.Off);
            foreach (var s in dev)
            {
                var ids = new int[s.Tokens.Length];
                firstTagger.TagStage(new StringTokens(s.Tokens), ids, first);
                devDoc.Add(new StringTokens(s.Tokens), ids);
            }
            devDoc.Compute(options.DocumentWindow);
        }
        var (w2, t2) = TrainStage(train, i => extractors[i], dev, labels, extractor, trainDoc, devDoc, options.Families, log);
        var second = new NerModel(labels, options.Families, options.HashBits, w2, t2, options.Description);
        return new NerModel(labels, baseFamilies, options.HashBits, w1, t1, options.Description, second, options.DocumentWindow);
    }

    /// <summary>First sentence of fold <paramref name="fold"/> when <paramref name="count"/> sentences are cut into contiguous folds.</summary>
    public static int FoldStart(int count, int folds, int fold) => (int)((long)count * fold / folds);

    private (float[] W, float[] T) TrainStage(IReadOnlyList<NerSentence> train, Func<int, NerFeatureExtractor> trainExtractor, IReadOnlyList<NerSentence>? dev, List<string> labels,
        NerFeatureExtractor extractor, NerDocumentFeatures? trainDoc, NerDocumentFeatures? devDoc, NerFeatureFamilies families, Action<string>? log)
    {
        var labelIndex = labels.Select((x, i) => (x, i)).ToDictionary(p => p.x, p => p.i, StringComparer.Ordinal);
        int l = labels.Count;
        int bits = options.HashBits;
        int mask = (1 << bits) - 1;
        var ws = new NerWorkspace();
        var clock = Stopwatch.StartNew();

        Prepared Prepare(NerSentence s, NerFeatureExtractor sentenceExtractor, NerDocumentFeatures? doc, int index)
        {
            int n = s.Tokens.Length;
            sentenceExtractor.Extract(new StringTokens(s.Tokens), ws, l);
            doc?.Append(index, ws);
            var counts = ws.FeatureCount.AsSpan(0, n).ToArray();
            var offsets = counts.Sum();
            var feats = new uint[offsets];
            int k = 0;
            for (int i = 0; i < n; i++)
            {
                ws.Features.AsSpan(i * NerWorkspace.MaxFeaturesPerToken, counts[i]).CopyTo(feats.AsSpan(k));
                k += counts[i];
            }
            var gold = new int[n];
            if (s.Tags is not null)
                for (int i = 0; i < n; i++) gold[i] = labelIndex.TryGetValue(s.Tags[i], out int g) ? g : 0;
            return new Prepared(feats, counts, gold);
        }

        var data = train.Select((s, i) => (s, i)).Where(p => p.s.Tokens.Length > 0).Select(p => Prepare(p.s, trainExtractor(p.i), trainDoc, p.i)).ToArray();
        var devData = dev?.Select((s, i) => (s, i)).Where(p => p.s.Tokens.Length > 0).Select(p => Prepare(p.s, extractor, devDoc, p.i)).ToArray();
        log?.Invoke($"features extracted for {data.Length} sentences in {clock.Elapsed.TotalSeconds:F1} s{(trainDoc is null ? "" : " (second stage)")}");

        var allowed = NerModel.BuildAllowed(labels);
        bool useTransitions = (families & NerFeatureFamilies.TagHistory) != 0;
        var stage = new Stage(data, devData, labels, mask, allowed, useTransitions, ws, log, clock);
        var (avgW, avgT) = options.Objective == NerObjective.Crf ? TrainCrfAdaGrad(stage) : TrainPerceptron(stage);
        if (options.OPenalty != 0)
        {
            avgW[(long)(NerFeatureExtractor.BiasFeature & (uint)mask) * l] -= options.OPenalty;
            if (devData is not null && devData.Length > 0)
                log?.Invoke($"with O penalty {options.OPenalty}: {stage.DevNote(avgW, avgT)}");
        }
        return (avgW, avgT);
    }

    /// <summary>What both objectives need to train one stage: the featurized sentences and the label structure.</summary>
    private sealed record Stage(Prepared[] Data, Prepared[]? Dev, List<string> Labels, int Mask, bool[] Allowed, bool UseTransitions, NerWorkspace Ws,
        Action<string>? Log, Stopwatch Clock)
    {
        public int L => Labels.Count;

        /// <summary>Dev scores of the given weights, for the log ("" without dev data).</summary>
        public string DevNote(float[] w, float[] t)
        {
            if (Dev is null || Dev.Length == 0) return "";
            var scores = Evaluate(Dev, w, t, L, Mask, Allowed, UseTransitions, Ws, Labels);
            return $"dev P {scores.Overall.Precision:F4} R {scores.Overall.Recall:F4} F1 {scores.Overall.F1:F4}";
        }

        /// <summary>Logs an epoch's progress, with the dev scores of the weights <paramref name="current"/> returns when there is dev data.</summary>
        public void LogEpoch(int epoch, string progress, Func<(float[] W, float[] T)> current)
        {
            if (Log is null) return;
            string devNote = "";
            if (Dev is { Length: > 0 })
            {
                var (w, t) = current();
                devNote = ", " + DevNote(w, t);
            }
            Log($"epoch {epoch}: {progress}{devNote} ({Clock.Elapsed.TotalSeconds:F1} s)");
        }
    }

    private (float[] W, float[] T) TrainPerceptron(Stage st)
    {
        var (data, l, mask, allowed, useTransitions, ws) = (st.Data, st.L, st.Mask, st.Allowed, st.UseTransitions, st.Ws);
        var w = new float[(long)(mask + 1) * l];
        var u = new double[w.Length];
        var tw = new float[(l + 1) * l];
        var tu = new double[tw.Length];
        long c = 1;
        var rng = new Random(options.Seed);
        var order = Enumerable.Range(0, data.Length).ToArray();
        var predicted = new int[512];

        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            int mistakes = 0;
            foreach (int idx in order)
            {
                var s = data[idx];
                int n = s.Gold.Length;
                Decode(s, w, tw, l, mask, allowed, useTransitions, ws, options.Margin, options.Dropout > 0 ? rng : null, options.Dropout);
                if (predicted.Length < n) predicted = new int[n * 2];
                ws.Path.AsSpan(0, n).CopyTo(predicted);
                bool wrong = false;
                for (int i = 0; i < n; i++)
                {
                    int g = s.Gold[i], p = predicted[i];
                    if (g != p)
                    {
                        wrong = true;
                        foreach (uint feature in ws.Features.AsSpan(i * NerWorkspace.MaxFeaturesPerToken, ws.FeatureCount[i]))
                        {
                            long row = (long)(feature & (uint)mask) * l;
                            w[row + g] += 1; u[row + g] += c;
                            w[row + p] -= 1; u[row + p] -= c;
                        }
                    }
                    if (useTransitions)
                    {
                        int gp = i == 0 ? l : s.Gold[i - 1], pp = i == 0 ? l : predicted[i - 1];
                        if (gp != pp || g != p)
                        {
                            tw[gp * l + g] += 1; tu[gp * l + g] += c;
                            tw[pp * l + p] -= 1; tu[pp * l + p] -= c;
                        }
                    }
                }
                if (wrong) mistakes++;
                c++;
            }
            st.LogEpoch(epoch, $"{mistakes} of {data.Length} sentences wrong", () => Average(w, u, tw, tu, c));
        }
        return Average(w, u, tw, tu, c);
    }

    /// <summary>Added to Σ g² under the square root: a gradient whose square underflows in float must not divide by zero.</summary>
    private const double AdaGradEpsilon = 1e-6;

    /// <summary>
    /// CRF objective with AdaGrad (Duchi et al. 2011): each weight's step is η / √(sum of its squared gradients), so
    /// features seen in few sentences keep large steps while frequent ones settle. The L2 shrink of a row is applied
    /// lazily, when the row is next used: k steps of shrink by η λ / (N √G) each, as exp(−k η λ / (N √G)), with G frozen
    /// since the last touch. Returns the average over all steps (Collins' lazy w − u/c) or the last weights.
    /// </summary>
    private (float[] W, float[] T) TrainCrfAdaGrad(Stage st)
    {
        var (data, l, mask, allowed, useTransitions, ws) = (st.Data, st.L, st.Mask, st.Allowed, st.UseTransitions, st.Ws);
        var crf = new LinearChainCrf(l);
        var w = new float[(long)(mask + 1) * l];
        var g2 = new float[w.Length];
        var u = options.Average ? new double[w.Length] : null;
        var last = new int[mask + 1];
        var tw = new float[(l + 1) * l];
        var tg2 = new float[tw.Length];
        var tu = new double[tw.Length];
        var tgrad = new double[tw.Length];
        int c = 1;
        double eta = options.LearningRate, l2PerStep = options.L2 / Math.Max(data.Length, 1);
        var rng = new Random(options.Seed);
        var order = Enumerable.Range(0, data.Length).ToArray();
        var grad = new double[l];

        void CatchUp(int row)
        {
            int k = c - last[row];
            if (k == 0) return;
            last[row] = c;
            int at = row * l;
            for (int j = 0; j < l; j++)
            {
                float x = w[at + j];
                if (x == 0 || l2PerStep == 0) continue;
                float shrunk = (float)(x * Math.Exp(-k * eta * l2PerStep / Math.Sqrt(g2[at + j] + AdaGradEpsilon)));
                if (u is not null) u[at + j] += (double)(shrunk - x) * c;
                w[at + j] = shrunk;
            }
        }

        static void Step(float[] w, float[] g2, double[]? u, int at, double g, double eta, int c)
        {
            if (g == 0) return;
            g2[at] += (float)(g * g);
            // ε: a gradient whose square underflows in float must not divide by zero.
            float delta = (float)(eta * g / Math.Sqrt(g2[at] + AdaGradEpsilon));
            w[at] += delta;
            if (u is not null) u[at] += (double)delta * c;
        }

        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            double loss = 0;
            foreach (int idx in order)
            {
                var s = data[idx];
                int n = s.Gold.Length;
                ws.Ensure(n, l);
                LoadFeatures(s, ws, options.Dropout > 0 ? rng : null, options.Dropout);
                for (int i = 0; i < n; i++)
                    foreach (uint f in ws.Features.AsSpan(i * NerWorkspace.MaxFeaturesPerToken, ws.FeatureCount[i])) CatchUp((int)(f & (uint)mask));
                EntityTagger.Score(ws, n, w, null, l, mask);
                var scores = ws.Scores.AsSpan(0, n * l);
                double logZ = crf.ForwardBackward(scores, n, tw, allowed, useTransitions);
                loss += logZ - crf.GoldScore(scores, s.Gold, tw, useTransitions);
                for (int i = 0; i < n; i++)
                {
                    crf.TokenGradient(i, s.Gold[i], grad);
                    foreach (uint f in ws.Features.AsSpan(i * NerWorkspace.MaxFeaturesPerToken, ws.FeatureCount[i]))
                    {
                        int at = (int)(f & (uint)mask) * l;
                        for (int j = 0; j < l; j++) Step(w, g2, u, at + j, grad[j], eta, c);
                    }
                }
                if (useTransitions)
                {
                    crf.TransitionGradient(s.Gold, tgrad);
                    // Dense and tiny: the L2 gradient goes into the step itself.
                    for (int k = 0; k < tw.Length; k++)
                        if (allowed[k]) Step(tw, tg2, tu, k, tgrad[k] - l2PerStep * tw[k], eta, c);
                }
                c++;
            }
            st.LogEpoch(epoch, $"mean −log p(gold) {loss / Math.Max(data.Length, 1):F3} per sentence", AdaGradWeights);
        }
        return AdaGradWeights();

        (float[] W, float[] T) AdaGradWeights()
        {
            for (int row = 0; row <= mask; row++) CatchUp(row);
            if (u is not null) return Average(w, u, tw, tu, c);
            return ((float[])w.Clone(), (float[])tw.Clone());
        }
    }

    private static (float[] W, float[] T) Average(float[] w, double[] u, float[] tw, double[] tu, long c)
    {
        var aw = new float[w.Length];
        for (long i = 0; i < w.Length; i++) aw[i] = w[i] == 0 && u[i] == 0 ? 0 : (float)(w[i] - u[i] / c);
        var at = new float[tw.Length];
        for (int i = 0; i < tw.Length; i++) at[i] = (float)(tw[i] - tu[i] / c);
        return (aw, at);
    }

    private static void Decode(Prepared s, float[] w, float[] tw, int l, int mask, bool[] allowed, bool useTransitions, NerWorkspace ws,
        float margin = 0f, Random? rng = null, float dropout = 0f)
    {
        int n = s.Gold.Length;
        ws.Ensure(n, l);
        LoadFeatures(s, ws, rng, dropout);
        EntityTagger.Score(ws, n, w, null, l, mask);
        if (margin != 0)
        {
            for (int i = 0; i < n; i++)
                for (int j = 0; j < l; j++)
                    if (j != s.Gold[i]) ws.Scores[i * l + j] += margin;
        }
        EntityTagger.Viterbi(ws, n, l, tw, allowed, useTransitions);
    }

    /// <summary>Copies a sentence's cached features into the workspace layout the scorer reads (leaving some out under dropout).</summary>
    private static void LoadFeatures(Prepared s, NerWorkspace ws, Random? rng, float dropout)
    {
        int n = s.Gold.Length;
        int off = 0;
        for (int i = 0; i < n; i++)
        {
            var src = s.Features.AsSpan(off, s.Counts[i]);
            var dst = ws.Features.AsSpan(i * NerWorkspace.MaxFeaturesPerToken);
            if (rng is null) { src.CopyTo(dst); ws.FeatureCount[i] = src.Length; }
            else
            {
                int kept = 0;
                dst[kept++] = src[0]; // the bias
                for (int k = 1; k < src.Length; k++)
                    if (rng.NextSingle() >= dropout) dst[kept++] = src[k];
                ws.FeatureCount[i] = kept;
            }
            off += s.Counts[i];
        }
    }

    private static NerScores Evaluate(Prepared[] data, float[] w, float[] tw, int l, int mask, bool[] allowed, bool useTransitions, NerWorkspace ws, List<string> labels)
    {
        var gold = new List<IReadOnlyList<string>>(data.Length);
        var pred = new List<IReadOnlyList<string>>(data.Length);
        foreach (var s in data)
        {
            Decode(s, w, tw, l, mask, allowed, useTransitions, ws);
            int n = s.Gold.Length;
            var g = new string[n];
            var p = new string[n];
            for (int i = 0; i < n; i++) { g[i] = labels[s.Gold[i]]; p[i] = labels[ws.Path[i]]; }
            gold.Add(g);
            pred.Add(p);
        }
        return NerEvaluation.Score(gold, pred);
    }
}
