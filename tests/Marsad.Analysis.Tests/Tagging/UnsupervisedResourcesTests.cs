using Marsad.Analysis.Tagging;

namespace Marsad.Analysis.Tests.Tagging;

/// <summary>Skip-gram embeddings, their k-means cluster levels, the multi-level cluster file and the self-training lexicon.</summary>
public class UnsupervisedResourcesTests
{
    /// <summary>A toy corpus: capitals and leaders in repeated, slightly varied frames.</summary>
    private static RawCorpus ToyCorpus()
    {
        var corpus = new RawCorpus();
        string[] cities = ["موسكو", "باريس", "لندن", "برلين"], leaders = ["بوتين", "ماكرون", "جونسون", "شولتس"];
        for (int r = 0; r < 30; r++)
            for (int i = 0; i < cities.Length; i++)
            {
                corpus.Add($"وصل الوفد إلى {cities[i]} أمس وقال الرئيس {leaders[i]} إن المحادثات في {cities[(i + r) % 4]} كانت جيدة");
                corpus.Add($"غادر الرئيس {leaders[(i + r) % 4]} العاصمة {cities[i]} صباح اليوم");
            }
        return corpus;
    }

    private static EmbeddingOptions Small => new() { Dimensions = 16, Window = 2, Negatives = 3, MinCount = 2, Epochs = 3, Threads = 1, Seed = 5 };

    [Fact]
    public void Embeddings_are_the_same_for_the_same_seed_on_one_thread()
    {
        var a = new EmbeddingTrainer(Small).Train(ToyCorpus());
        var b = new EmbeddingTrainer(Small).Train(ToyCorpus());
        Assert.Equal(a.Words, b.Words);
        Assert.Equal(a.Vectors, b.Vectors);
        Assert.Equal(16, a.Dimensions);
        Assert.Equal(a.Words.Count * 16, a.Vectors.Length);
        var c = new EmbeddingTrainer(Small with { Seed = 6 }).Train(ToyCorpus());
        Assert.NotEqual(a.Vectors, c.Vectors);
    }

    [Fact]
    public void Words_in_the_same_slots_get_closer_vectors_than_words_in_other_slots()
    {
        var e = new EmbeddingTrainer(Small with { Epochs = 10 }).Train(ToyCorpus());
        float Cos(string x, string y)
        {
            var u = e[e.Words.ToList().IndexOf(x)];
            var v = e[e.Words.ToList().IndexOf(y)];
            return System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(u, v);
        }
        Assert.True(Cos("موسكو", "باريس") > Cos("موسكو", "بوتين"));
        Assert.True(Cos("ماكرون", "جونسون") > Cos("ماكرون", "لندن"));
    }

    [Fact]
    public void Kmeans_does_not_depend_on_the_thread_count()
    {
        var e = new EmbeddingTrainer(Small).Train(ToyCorpus());
        var one = EmbeddingClusters.Build(e, e.Words.Count, [2, 4], seed: 3, threads: 1);
        var two = EmbeddingClusters.Build(e, e.Words.Count, [2, 4], seed: 3, threads: 2);
        Assert.Equal(one[0], two[0]);
        Assert.Equal(one[1], two[1]);
        Assert.All(one[1], id => Assert.InRange(id, 0, 3));
    }

    [Fact]
    public void Cluster_levels_merge_and_round_trip_through_the_file_format()
    {
        var baseTable = new Dictionary<string, int[]> { ["موسكو"] = [7, 1], ["قال"] = [3, 0] };
        var merged = EmbeddingClusters.Merge(baseTable, ["موسكو", "باريس"], [[0, 0], [5, 6]]);
        Assert.Equal([7, 1, 0, 5], merged["موسكو"]);
        Assert.Equal([-1, -1, 0, 6], merged["باريس"]);
        Assert.Equal([3, 0, -1, -1], merged["قال"]);

        var lines = merged.Select(p => $"{p.Key}\t{string.Join('\t', p.Value)}").Prepend("# comment");
        var clusters = WordClusters.Parse(lines);
        Assert.Equal(4, clusters.Levels);
        Assert.True(clusters.TryGet("موسكو", out int fine, out int coarse));
        Assert.Equal((7, 1), (fine, coarse));
        int row = clusters.Find("باريس");
        Assert.Equal(6, clusters.Get(row, 3));
        Assert.Equal(-1, clusters.Get(row, 0));
        Assert.Equal(-1, clusters.Get(-1, 2));
        Assert.Equal(-1, clusters.Get(row, 9));
        Assert.Equal(merged.OrderBy(p => p.Key), clusters.ToTable().OrderBy(p => p.Key));
        Assert.Throws<FormatException>(() => WordClusters.Parse(["a\t1\t2", "b\t1\t2\t3"]));
    }

    [Fact]
    public void Cluster_lines_keep_the_first_row_of_a_word_and_reject_bad_fields()
    {
        var clusters = WordClusters.Parse(["# comment", "a\t1\t2", "a\t3\t4", "b\t-1\t6"]);
        Assert.Equal(2, clusters.Count);
        Assert.True(clusters.TryGet("a", out int fine, out int coarse));
        Assert.Equal((1, 2), (fine, coarse));
        Assert.True(clusters.TryGet("b", out fine, out coarse));
        Assert.Equal((-1, 6), (fine, coarse));
        foreach (var bad in new[] { "a\t1\tx", "a\t1", "\t1\t2", "a\t1\t-2", "a\t1\t", "a" })
            Assert.Throws<FormatException>(() => WordClusters.Parse([bad]));
    }

    [Fact]
    public void Two_level_cluster_files_still_parse()
    {
        var clusters = WordClusters.Parse(["موسكو\t12\t3"]);
        Assert.Equal(2, clusters.Levels);
        Assert.True(clusters.TryGet("موسكو", out int fine, out int coarse));
        Assert.Equal((12, 3), (fine, coarse));
        Assert.False(clusters.TryGet("باريس", out fine, out _));
        Assert.Equal(-1, fine);
    }

    [Fact]
    public void The_self_training_lexicon_keeps_frequent_consistent_names_only()
    {
        var builder = new AutoLexiconBuilder(taggers: 2);
        for (int i = 0; i < 4; i++)
            builder.Add(["قال", "بوتين", "في", "موسكو", "إن", "الأمن", "مهم"],
                [[("بوتين", "PER"), ("موسكو", i == 0 ? "PER" : "LOC")], [("بوتين", "PER")]]);
        builder.Add(["الأمن", "الأمن", "الأمن", "الأمن"], [[("الأمن", "ORG")], []]);
        builder.Add(["بيرو"], [[("بيرو", "LOC")], []]);
        var main = builder.Build(minCount: 3, minShare: 0.7, minWordShare: 0.5);
        Assert.Contains((LexiconType.AutoPerson, "بوتين", 4), main);
        Assert.Contains((LexiconType.AutoLocation, "موسكو", 4), main); // 3 of 4 LOC
        Assert.DoesNotContain(main, e => e.Phrase == "بيرو");           // tagged once
        Assert.DoesNotContain(main, e => e.Phrase == "الامن");          // tagged 1 of 8 times
        Assert.DoesNotContain(builder.Build(minCount: 3, minShare: 0.9), e => e.Phrase == "موسكو");
        Assert.Equal([(LexiconType.AutoPerson, "بوتين", 4)], builder.Build(minCount: 3, tagger: 1));
    }

    [Fact]
    public void Fold_lexicons_feed_the_self_training_features_of_their_fold_only()
    {
        NerSentence S(string a, string b) => new([a, "قال"], [b, "O"]);
        var train = new[] { S("زيد", "B-PER"), S("عمرو", "B-PER"), S("بكر", "B-PER"), S("خالد", "B-PER") };
        var lexicon = NerLexicon.Parse(["AutoPerson\tسعيد"]);
        var folds = new[] { NerLexicon.Parse(["AutoPerson\tزيد"]), NerLexicon.Parse(["AutoPerson\tبكر"]) };
        var options = new NerTrainingOptions { Epochs = 5, HashBits = 12, Families = NerFeatureFamilies.SelfTrained | NerFeatureFamilies.TagHistory, FoldLexicons = folds };
        var model = new PerceptronTrainer(options).Train(train, null, lexicon, WordClusters.Empty);
        // Only the self-training feature (and the bias) can tell a name: learned from the folds, used via the main lexicon.
        var tagger = new EntityTagger(model, lexicon, WordClusters.Empty, NerConsistencyOptions.Off);
        Assert.Equal(["B-PER", "O"], tagger.Tag(["سعيد", "قال"]));
        Assert.Equal(0, PerceptronTrainer.FoldStart(4, 2, 0));
        Assert.Equal(2, PerceptronTrainer.FoldStart(4, 2, 1));
    }

    [Fact]
    public void Embedding_levels_become_features_of_the_word_its_stem_and_its_neighbours()
    {
        var clusters = WordClusters.Parse(["موسكو\t1\t2\t3\t4\t5\t6", "قال\t7\t8\t9\t10\t11\t12"]);
        var extractor = new NerFeatureExtractor(NerFeatureFamilies.Embeddings, NerLexicon.Empty, clusters);
        var ws = new NerWorkspace();
        extractor.Extract(new StringTokens(["قال", "لموسكو", "أمس"]), ws, 9);
        Assert.Equal([9, 10, 11, 12], ws.Emb.AsSpan(0, 4).ToArray());
        Assert.Equal([-1, -1, -1, -1], ws.Emb.AsSpan(NerWorkspace.MaxEmbeddingLevels, 4).ToArray());     // لموسكو itself is unknown
        Assert.Equal([3, 4, 5, 6], ws.StemEmb.AsSpan(NerWorkspace.MaxEmbeddingLevels, 4).ToArray()); // its stem موسكو is known
        // bias + 4 word levels + 2 × 2 neighbour levels; the stripped token adds its 4 stem levels.
        Assert.Equal(1 + 4 + 4, ws.FeatureCount[0]);
        Assert.Equal(1 + 4 + 4 + 4, ws.FeatureCount[1]);

        var plain = new NerFeatureExtractor(NerFeatureFamilies.Embeddings, NerLexicon.Empty, WordClusters.Parse(["قال\t1\t2"]));
        plain.Extract(new StringTokens(["قال"]), ws, 9);
        Assert.Equal(1, ws.FeatureCount[0]); // no embedding levels in the file: only the bias
    }

    [Fact]
    public void The_raw_corpus_normalizes_marks_documents_and_can_pool_clitic_forms()
    {
        var words = new RawCorpus();
        words.Add("وصل إلى موسكو، ثم غادر موسكو");
        words.Add("لموسكو");
        Assert.Equal(8, words.Tokens);
        Assert.Equal(RawCorpus.Boundary, words.Stream[7]);
        Assert.Equal(RawCorpus.Boundary, words.Stream[^1]);
        Assert.Contains("الي", words.Words);                     // إلى normalized
        Assert.Equal(2, words.Counts[words.Words.ToList().IndexOf("موسكو")]);
        Assert.Equal("موسكو", words.Words[words.ByFrequency()[0]]);

        var stems = new RawCorpus(stems: true);
        stems.Add("وصل إلى موسكو، ثم غادر موسكو");
        stems.Add("لموسكو");
        Assert.Equal(3, stems.Counts[stems.Words.ToList().IndexOf("موسكو")]);
        Assert.DoesNotContain("لموسكو", stems.Words);
    }

    [Fact]
    public void Signatures_count_trigger_contexts_per_word_and_the_article_share_of_its_stem()
    {
        var corpus = new RawCorpus();
        for (int i = 0; i < 6; i++)
        {
            corpus.Add("قال الرئيس زيدان إن حزب الليكود فاز في موسكو");
            corpus.Add("وصل زيدان إلى موسكو مع الوفد");
        }
        var lexicon = NerLexicon.Parse(["PersonTrigger\tالرئيس", "OrgTrigger\tحزب", "LocTrigger\tفي", "LocTrigger\tإلى"]);
        var codes = WordSignatures.Build(corpus, lexicon);
        // زيدان: 6 of 12 after a person trigger (≥ 25 %: 3); never after an org or place trigger; no article.
        Assert.Equal(3, WordSignatures.TriggerShare(codes["زيدان"], 0));
        Assert.Equal(0, WordSignatures.TriggerShare(codes["زيدان"], 1));
        Assert.Equal(0, WordSignatures.ArticleShare(codes["زيدان"]));
        // الليكود: always after حزب, and its stem always has the article.
        Assert.Equal(3, WordSignatures.TriggerShare(codes["الليكود"], 1));
        Assert.Equal(3, WordSignatures.ArticleShare(codes["الليكود"]));
        // موسكو: always after a place trigger (في or إلى).
        Assert.Equal(3, WordSignatures.TriggerShare(codes["موسكو"], 2));
        Assert.Equal(0, WordSignatures.TriggerShare(codes["موسكو"], 0));
        Assert.False(codes.ContainsKey("xyz"));
        // Words seen fewer than MinCount times get no code.
        var rare = new RawCorpus();
        rare.Add("قال الرئيس زيدان");
        Assert.Empty(WordSignatures.Build(rare, lexicon));
    }

    [Fact]
    public void A_signature_column_is_marked_in_the_cluster_file_and_becomes_features()
    {
        var clusters = WordClusters.Parse([WordClusters.SignatureMarker + "3", "موسكو\t1\t2\t7\t" + WordSignatures.Code(100, 0, 0, 60, 100, 0), "قال\t3\t4\t8\t-1"]);
        Assert.Equal(3, clusters.SignatureLevel);
        Assert.Equal(3, clusters.ClusterLevels);
        Assert.Equal(-1, WordClusters.Parse(["موسكو\t1\t2\t7\t5"]).SignatureLevel);

        var extractor = new NerFeatureExtractor(NerFeatureFamilies.Signatures, NerLexicon.Empty, clusters);
        var ws = new NerWorkspace();
        extractor.Extract(new StringTokens(["قال", "لموسكو", "موسكو"]), ws, 9);
        Assert.Equal(-1, ws.Signature[0]);
        Assert.Equal(-1, ws.Signature[1]);                 // لموسكو itself has no row
        Assert.Equal(3, WordSignatures.TriggerShare(ws.StemSignature[1], 2)); // its stem has
        Assert.Equal(ws.StemSignature[1], ws.Signature[2]);
        // bias + unknown-signature feature; the stripped token adds its stem's code and 4 parts; a known word 1 + 4.
        Assert.Equal(2, ws.FeatureCount[0]);
        Assert.Equal(2 + 5, ws.FeatureCount[1]);
        Assert.Equal(1 + 5, ws.FeatureCount[2]);
        // The signature column is not an embedding level.
        var emb = new NerFeatureExtractor(NerFeatureFamilies.Embeddings, NerLexicon.Empty, clusters);
        emb.Extract(new StringTokens(["موسكو"]), ws, 9);
        Assert.Equal(7, ws.Emb[0]);
        Assert.Equal(1 + 1 + 4, ws.FeatureCount[0]); // bias + one level + ±1 at the first and the last level (the same one here)
    }

    [Fact]
    public void Topic_words_mark_the_sentence_and_are_not_names()
    {
        var lexicon = NerLexicon.Parse(["TopicSport\tمباراة", "TopicCars\tسيارة", "City\tليون"]);
        Assert.Equal(2, lexicon.TopicWords);
        Assert.Equal(1, lexicon.Count);
        var extractor = new NerFeatureExtractor(NerFeatureFamilies.Topics | NerFeatureFamilies.Gazetteer, lexicon, WordClusters.Empty);
        var ws = new NerWorkspace();
        extractor.Extract(new StringTokens(["فاز", "ليون", "في", "المباراة"]), ws, 9);
        Assert.Equal(1, ws.SentenceTopics);                 // المباراة → مباراة after stripping the article
        int withTopic = ws.FeatureCount[1];
        extractor.Extract(new StringTokens(["فاز", "ليون", "في", "الانتخابات"]), ws, 9);
        Assert.Equal(0, ws.SentenceTopics);
        Assert.Equal(withTopic - 3, ws.FeatureCount[1]);  // topic × lexicon type, × embedding cluster, × shape
        Assert.Throws<FormatException>(() => NerLexicon.Parse(["TopicSport\tكرة القدم"]));
    }
}
