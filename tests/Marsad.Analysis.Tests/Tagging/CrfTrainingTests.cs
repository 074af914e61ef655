using Marsad.Analysis.Tagging;

namespace Marsad.Analysis.Tests.Tagging;

public class CrfTrainingTests
{
    private static NerModel TrainTinyCrf(bool average, NerFeatureFamilies families = NerFeatureFamilies.All)
        => new PerceptronTrainer(new NerTrainingOptions
        {
            Objective = NerObjective.Crf, Epochs = 15, Seed = 3, HashBits = 14, Families = families, LearningRate = 0.1f, L2 = 0.1f,
            Average = average,
        }).Train(EntityTaggerTests.Tiny, null, NerLexicon.Empty, WordClusters.Empty);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Crf_training_on_a_tiny_corpus_learns_it(bool average)
    {
        var model = TrainTinyCrf(average);
        var tagger = new EntityTagger(model, NerLexicon.Empty, WordClusters.Empty);
        foreach (var s in EntityTaggerTests.Tiny) Assert.Equal(s.Tags, tagger.Tag(s.Tokens));
    }

    [Fact]
    public void A_two_stage_crf_model_learns_the_tiny_corpus()
    {
        var model = TrainTinyCrf(true, families: NerFeatureFamilies.All | NerFeatureFamilies.Document);
        Assert.NotNull(model.Next);
        var tagger = new EntityTagger(model, NerLexicon.Empty, WordClusters.Empty, NerConsistencyOptions.Off);
        foreach (var s in EntityTaggerTests.Tiny) Assert.Equal(s.Tags, tagger.Tag(s.Tokens));
    }

    // A sentence of 6 tokens over 5 labels, with hashed features in a 16-row table: token 2 repeats a feature and
    // tokens 0 and 4 share one, so collisions and repeats are part of what the gradient must get right.
    private static readonly string[] Labels = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"];
    private static readonly uint[][] Features = [[0, 1, 5], [0, 2, 7], [0, 3, 3, 9], [0, 4], [0, 1, 11, 12], [0, 13, 6]];
    private static readonly int[] Gold = [1, 2, 0, 3, 4, 0];
    private const int Mask = 15;

    private static NerWorkspace Workspace()
    {
        var ws = new NerWorkspace();
        ws.Ensure(Features.Length, Labels.Length);
        for (int i = 0; i < Features.Length; i++)
        {
            Features[i].CopyTo(ws.Features.AsSpan(i * NerWorkspace.MaxFeaturesPerToken));
            ws.FeatureCount[i] = Features[i].Length;
        }
        return ws;
    }

    private static double LogLikelihood(LinearChainCrf crf, NerWorkspace ws, float[] w, float[] t, bool[] allowed)
    {
        int n = Gold.Length;
        EntityTagger.Score(ws, n, w, null, Labels.Length, Mask);
        var scores = ws.Scores.AsSpan(0, n * Labels.Length);
        return crf.GoldScore(scores, Gold, t, true) - crf.ForwardBackward(scores, n, t, allowed, true);
    }

    private static (float[] W, float[] T) RandomWeights(int seed)
    {
        var rng = new Random(seed);
        int l = Labels.Length;
        var w = new float[(Mask + 1) * l];
        var t = new float[(l + 1) * l];
        for (int k = 0; k < w.Length; k++) w[k] = (float)(rng.NextDouble() * 2 - 1);
        for (int k = 0; k < t.Length; k++) t[k] = (float)(rng.NextDouble() * 2 - 1);
        return (w, t);
    }

    [Fact]
    public void Log_z_and_marginals_match_brute_force_enumeration()
    {
        int l = Labels.Length, n = Gold.Length;
        var allowed = NerModel.BuildAllowed(Labels);
        var (w, t) = RandomWeights(7);
        var ws = Workspace();
        var crf = new LinearChainCrf(l);
        EntityTagger.Score(ws, n, w, null, l, Mask);
        double logZ = crf.ForwardBackward(ws.Scores.AsSpan(0, n * l), n, t, allowed, true);

        // Every label sequence that BIO allows (5^6 = 15,625 candidates), by its unnormalized probability.
        double z = 0;
        var node = new double[n * l];
        var path = new int[n];
        for (int code = 0; code < (int)Math.Pow(l, n); code++)
        {
            int rest = code;
            for (int i = 0; i < n; i++) { path[i] = rest % l; rest /= l; }
            bool ok = true;
            double score = 0;
            for (int i = 0; i < n && ok; i++)
            {
                int prev = i == 0 ? l : path[i - 1];
                ok = allowed[prev * l + path[i]];
                score += (double)ws.Scores[i * l + path[i]] + t[prev * l + path[i]];
            }
            if (!ok) continue;
            double p = Math.Exp(score);
            z += p;
            for (int i = 0; i < n; i++) node[i * l + path[i]] += p;
        }
        Assert.Equal(Math.Log(z), logZ, 1e-9);
        for (int k = 0; k < node.Length; k++) Assert.Equal(node[k] / z, crf.Node[k], 1e-9);
    }

    [Fact]
    public void The_gradient_matches_finite_differences_of_the_log_likelihood()
    {
        int l = Labels.Length, n = Gold.Length;
        var allowed = NerModel.BuildAllowed(Labels);
        var (w, t) = RandomWeights(11);
        var ws = Workspace();
        var crf = new LinearChainCrf(l);

        LogLikelihood(crf, ws, w, t, allowed);
        var gradW = new float[w.Length];
        var gradT = new float[t.Length];
        // The analytic gradient from the pieces the trainer steps with: per token and feature row, per transition.
        var tokenGrad = new double[l];
        for (int i = 0; i < n; i++)
        {
            crf.TokenGradient(i, Gold[i], tokenGrad);
            foreach (uint f in ws.Features.AsSpan(i * NerWorkspace.MaxFeaturesPerToken, ws.FeatureCount[i]))
                for (int j = 0; j < l; j++) gradW[(int)(f & (uint)Mask) * l + j] += (float)tokenGrad[j];
        }
        var transitionGrad = new double[t.Length];
        crf.TransitionGradient(Gold, transitionGrad);
        for (int k = 0; k < t.Length; k++) gradT[k] = (float)transitionGrad[k];

        // Central differences; scores are summed in float, so h = 1e-2 keeps rounding (≈1e-5) and curvature (≈1e-4) small.
        const float h = 1e-2f;
        double worst = 0;
        void Check(float[] table, float[] grad)
        {
            for (int k = 0; k < table.Length; k++)
            {
                float keep = table[k];
                table[k] = keep + h;
                double up = LogLikelihood(crf, ws, w, t, allowed);
                table[k] = keep - h;
                double down = LogLikelihood(crf, ws, w, t, allowed);
                table[k] = keep;
                double numeric = (up - down) / (2 * h);
                worst = Math.Max(worst, Math.Abs(numeric - grad[k]));
                Assert.True(Math.Abs(numeric - grad[k]) < 2e-3, $"weight {k}: analytic {grad[k]}, numeric {numeric}");
            }
        }
        Check(w, gradW);
        Check(t, gradT);
        // Guards the check: the gradient is far from zero, so a wrong sign or a missing term would show.
        Assert.True(gradW.Max(Math.Abs) > 0.3f && gradT.Max(Math.Abs) > 0.3f);
        Assert.True(worst < 2e-3);
    }
}
