using Marsad.Analysis.Pipeline;
using Marsad.Analysis.Tagging;
using Marsad.Tests.Common;

namespace Marsad.Analysis.Tests.Tagging;

public class EntityTaggerTests
{
    /// <summary>A tiny handmade corpus: names of people, places and organizations in simple news sentences.</summary>
    internal static readonly NerSentence[] Tiny =
    [
        Sent("قال/O الرئيس/O فلاديمير/B-PER بوتين/I-PER إن/O موسكو/B-LOC مستعدة/O ./O"),
        Sent("التقى/O جون/B-PER بولتون/I-PER نيكولاي/B-PER باتروشيف/I-PER في/O جنيف/B-LOC ./O"),
        Sent("أعلنت/O وزارة/B-ORG الخارجية/I-ORG الروسية/I-ORG أن/O لافروف/B-PER سيزور/O واشنطن/B-LOC ./O"),
        Sent("ذكرت/O وكالة/B-ORG تاس/I-ORG أن/O بيسكوف/B-PER تحدث/O عن/O الاتحاد/B-MISC الأوروبي/I-MISC ./O"),
        Sent("وصل/O بومبيو/B-PER إلى/O هلسنكي/B-LOC أمس/O ./O"),
    ];

    private static NerSentence Sent(string pairs)
    {
        var items = pairs.Split(' ');
        return new NerSentence(items.Select(p => p[..p.LastIndexOf('/')]).ToArray(), items.Select(p => p[(p.LastIndexOf('/') + 1)..]).ToArray());
    }

    private static NerModel TrainTiny(NerFeatureFamilies families = NerFeatureFamilies.All)
        => new PerceptronTrainer(new NerTrainingOptions { Epochs = 8, Seed = 3, HashBits = 14, Families = families })
            .Train(Tiny, null, NerLexicon.Empty, WordClusters.Empty);

    [Fact]
    public void Training_on_a_tiny_corpus_learns_it()
    {
        var tagger = new EntityTagger(TrainTiny(), NerLexicon.Empty, WordClusters.Empty);
        foreach (var s in Tiny) Assert.Equal(s.Tags, tagger.Tag(s.Tokens));
    }

    [Fact]
    public void Perceptron_training_on_a_tiny_corpus_learns_it()
    {
        // The CRF is the default objective; the perceptron stays an option.
        var model = new PerceptronTrainer(new NerTrainingOptions { Objective = NerObjective.Perceptron, Epochs = 8, Seed = 3, HashBits = 14 })
            .Train(Tiny, null, NerLexicon.Empty, WordClusters.Empty);
        var tagger = new EntityTagger(model, NerLexicon.Empty, WordClusters.Empty);
        foreach (var s in Tiny) Assert.Equal(s.Tags, tagger.Tag(s.Tokens));
    }

    [Fact]
    public void An_untrained_model_finds_nothing()
    {
        // Guards the test above: with zero weights every label ties and Viterbi keeps O.
        var empty = new PerceptronTrainer(new NerTrainingOptions { Epochs = 0, HashBits = 14 }).Train(Tiny, null, NerLexicon.Empty, WordClusters.Empty);
        var tags = new EntityTagger(empty, NerLexicon.Empty, WordClusters.Empty).Tag(Tiny[0].Tokens);
        Assert.All(tags, t => Assert.Equal("O", t));
    }

    [Fact]
    public void Save_then_load_gives_identical_predictions()
    {
        var model = TrainTiny();
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = NerModel.Load(stream);
        Assert.Equal(model.Labels, loaded.Labels);
        Assert.Equal(model.Families, loaded.Families);
        var a = new EntityTagger(model, NerLexicon.Empty, WordClusters.Empty);
        var b = new EntityTagger(loaded, NerLexicon.Empty, WordClusters.Empty);
        var probes = Tiny.Select(s => s.Tokens).Append(["قال", "بولتون", "إن", "جنيف", "مستعدة"]).Append(["وزارة", "تاس", "بوتين", "واشنطن"]);
        foreach (var tokens in probes) Assert.Equal(a.Tag(tokens), b.Tag(tokens));
    }

    [Fact]
    public void Saving_the_default_model_again_keeps_every_weight()
    {
        var tagger = NerResources.DefaultTagger;
        Assert.NotNull(tagger);
        using var stream = new MemoryStream();
        tagger.Model.Save(stream);
        stream.Position = 0;
        var loaded = NerModel.Load(stream);
        Assert.Equal(tagger.Model.RowIndex, loaded.RowIndex);
        Assert.Equal(tagger.Model.Rows, loaded.Rows);
        Assert.Equal(tagger.Model.Transitions, loaded.Transitions);
        Assert.NotNull(tagger.Model.Next);   // the default model has two stages
        Assert.Equal(tagger.Model.Next.RowIndex, loaded.Next!.RowIndex);
        Assert.Equal(tagger.Model.Next.Rows, loaded.Next.Rows);
        Assert.Equal(tagger.Model.DocumentWindow, loaded.DocumentWindow);
    }

    private static NerModel TrainTinyTwoStage()
        => new PerceptronTrainer(new NerTrainingOptions
        {
            Epochs = 8, Seed = 3, HashBits = 14, Families = NerFeatureFamilies.All | NerFeatureFamilies.Document, Folds = 2, DocumentWindow = 2,
        }).Train(Tiny, null, NerLexicon.Empty, WordClusters.Empty);

    [Fact]
    public void A_two_stage_model_learns_the_tiny_corpus_and_survives_save_and_load()
    {
        var model = TrainTinyTwoStage();
        Assert.NotNull(model.Next);
        Assert.Equal(2, model.DocumentWindow);
        Assert.Equal(NerFeatureFamilies.All, model.Families);
        Assert.True((model.Next.Families & NerFeatureFamilies.Document) != 0);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = NerModel.Load(stream);
        Assert.Equal(stream.Length, stream.Position);   // both stages were read, nothing left over
        Assert.NotNull(loaded.Next);
        Assert.Equal(model.Next.Transitions, loaded.Next.Transitions);   // float32; the weights are stored as float16

        var a = new EntityTagger(model, NerLexicon.Empty, WordClusters.Empty, NerConsistencyOptions.Off);
        var b = new EntityTagger(loaded, NerLexicon.Empty, WordClusters.Empty, NerConsistencyOptions.Off);
        var tokens = Tiny.Select(s => s.Tokens).ToArray();
        var la = tokens.Select(t => new int[t.Length]).ToArray();
        var lb = tokens.Select(t => new int[t.Length]).ToArray();
        a.TagDocument(tokens, la);
        b.TagDocument(tokens, lb);
        for (int s = 0; s < Tiny.Length; s++)
        {
            Assert.Equal(la[s], lb[s]);
            Assert.Equal(Tiny[s].Tags, la[s].Select(x => model.Labels[x]).ToArray());
            // One sentence on its own goes through both stages too, and agrees here.
            Assert.Equal(Tiny[s].Tags, a.Tag(Tiny[s].Tokens));
        }
    }

    [Fact]
    public void Document_features_tell_a_token_how_its_other_occurrences_were_tagged()
    {
        string[][] sentences = [["قال", "بوتين", "إن"], ["وصل", "لبوتين", "أمس"], ["وصل", "ترامب"]];
        int[][] first = [[0, 1, 0], [0, 0, 0], [0, 0]];
        int FeaturesOf(int window, int sentence, int token)
        {
            var doc = new NerDocumentFeatures(PerceptronTrainer.CanonicalLabels.Length);
            for (int s = 0; s < sentences.Length; s++) doc.Add(new StringTokens(sentences[s]), first[s]);
            doc.Compute(window);
            var ws = new NerWorkspace();
            ws.Ensure(sentences[sentence].Length, PerceptronTrainer.CanonicalLabels.Length);
            Array.Clear(ws.FeatureCount);
            doc.Append(sentence, ws);
            return ws.FeatureCount[token];
        }
        // لبوتين (untagged) sees بوتين tagged B-PER one sentence away: a B-PER vote and an entity share, under its
        // written form (nothing) and its stripped form (بوتين: vote + share) → its own share + vote + share.
        Assert.Equal(3, FeaturesOf(1, 1, 1));
        // Window 0: only itself (untagged) is counted → a zero entity share for each form.
        Assert.Equal(2, FeaturesOf(0, 1, 1));
        // ترامب occurs once, untagged: one zero-share feature.
        Assert.Equal(1, FeaturesOf(5, 2, 1));
    }

    [Fact]
    public void Load_refuses_a_file_that_is_not_a_model()
    {
        using var stream = new MemoryStream("not a model at all"u8.ToArray());
        Assert.Throws<NerModelFormatException>(() => NerModel.Load(stream));
    }

    [Fact]
    public void Load_names_both_versions_when_the_format_version_differs()
    {
        using var stream = new MemoryStream();
        TrainTiny().Save(stream);
        var bytes = stream.ToArray();
        BitConverter.GetBytes(NerModel.FormatVersion + 1).CopyTo(bytes, 8);   // format version follows the 8 magic bytes
        var ex = Assert.Throws<NerModelFormatException>(() => NerModel.Load(new MemoryStream(bytes)));
        Assert.Contains($"version {NerModel.FormatVersion + 1}", ex.Message);
        Assert.Contains($"version {NerModel.FormatVersion}", ex.Message);
    }

    [Fact]
    public void Tag_history_off_still_never_outputs_an_invalid_I_tag()
    {
        var tagger = new EntityTagger(TrainTiny(NerFeatureFamilies.All & ~NerFeatureFamilies.TagHistory), NerLexicon.Empty, WordClusters.Empty);
        var tags = tagger.Tag(["الخارجية", "الروسية", "تاس"]);
        for (int i = 0; i < tags.Length; i++)
            if (tags[i].StartsWith("I-", StringComparison.Ordinal))
                Assert.True(i > 0 && tags[i - 1] != "O" && tags[i - 1][2..] == tags[i][2..], string.Join(' ', tags));
    }

    public static TheoryData<string, string> SeedNames => new()
    {
        { "باتروشيف", "PER" }, { "بولتون", "PER" }, { "بوتين", "PER" }, { "ترامب", "PER" }, { "سوليفان", "PER" },
        { "بايدن", "PER" }, { "بيسكوف", "PER" }, { "نولاند", "PER" }, { "بومبيو", "PER" }, { "لافروف", "PER" },
        { "جنيف", "LOC" }, { "هلسنكي", "LOC" }, { "موسكو", "LOC" }, { "واشنطن", "LOC" }, { "براغ", "LOC" },
    };

    private static readonly Lazy<List<Marsad.Analysis.Documents.EntityMention>> SeedEntities = new(() =>
    {
        var pipeline = new AnalysisPipelineBuilder().Build();
        var all = new List<Marsad.Analysis.Documents.EntityMention>();
        foreach (var file in SharedData.SeedFiles())
        {
            var doc = pipeline.Analyze(new Marsad.Analysis.Documents.SourceDocument { Text = File.ReadAllText(file), Path = file }, new AnalysisOptions());
            foreach (var e in doc.Entities) Assert.Equal(doc.Text[e.Start..e.End], e.Text);   // offsets point into the original text
            all.AddRange(doc.Entities);
        }
        return all;
    });

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void Seed_articles_get_their_people_and_places_tagged(string name, string type)
    {
        var hits = SeedEntities.Value.Where(e => NerText.Normalize(e.Text).Contains(NerText.Normalize(name), StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(hits);
        // Most mentions carry the right type (an occasional miss in a long list is tolerated, a wrong habit is not).
        Assert.True(hits.Count(e => e.Type == type) * 2 > hits.Count, $"{name}: " + string.Join(", ", hits.Select(h => $"{h.Text}/{h.Type}")));
    }
}
