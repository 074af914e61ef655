using Marsad.Analysis.Pipeline;
using Marsad.Analysis.Tagging;

namespace Marsad.Analysis.Tests.Tagging;

public class EntityRecognitionTests
{
    private static readonly NerLexicon Lexicon = NerLexicon.Parse([
        "Country\tالولايات المتحدة", "Capital\tموسكو", "Country\tمالي", "City\tحلب",
    ]);

    /// <summary>A model with zero weights: it tags everything O, so every entity found comes from the gazetteer.</summary>
    private static EntityTagger BlindTagger()
    {
        var model = new PerceptronTrainer(new NerTrainingOptions { Epochs = 0, HashBits = 10 })
            .Train([new NerSentence(["x"], ["O"])], null, Lexicon, WordClusters.Empty);
        return new EntityTagger(model, Lexicon, WordClusters.Empty);
    }

    private static List<Marsad.Analysis.Documents.EntityMention> Recognize(EntityTagger tagger, string text)
    {
        var pipeline = new AnalysisPipelineBuilder { EntityTagger = null }.Build();
        var tokens = pipeline.Tokenizer.Tokenize(text);
        return tagger.Recognize(text, tokens, pipeline.Splitter.Split(text, tokens));
    }

    [Fact]
    public void Countries_and_capitals_the_model_misses_come_from_the_gazetteer()
    {
        const string text = "وصل الوفد إلى موسكو قادما من الولايات المتحدة. ثم زار حلب.";
        var entities = Recognize(BlindTagger(), text);
        Assert.Equal(["موسكو", "الولايات المتحدة"], entities.Select(e => e.Text));
        Assert.All(entities, e => Assert.Equal(("LOC", "gazetteer"), (e.Type, e.Origin)));
        Assert.All(entities, e => Assert.Equal(text[e.Start..e.End], e.Text));
        // حلب is a city, not a capital: not "sure" enough to add without the model.
    }

    [Fact]
    public void A_country_name_that_is_also_a_common_word_is_not_added()
    {
        // مالي is Mali but far more often "financial" (الدعم المالي، وضع مالي).
        Assert.Empty(Recognize(BlindTagger(), "يعاني البلد من وضع مالي صعب والدعم المالي قليل."));
    }

    [Fact]
    public void Arbitrary_text_never_throws_and_spans_stay_in_bounds()
    {
        var tagger = NerResources.DefaultTagger!;
        var rng = new Random(20261123);
        const string alphabet = "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآ ؤئ.،؟!\n\u064E\u0640 abcXYZ019٣\uD800\u200F";
        for (int run = 0; run < 200; run++)
        {
            var chars = new char[rng.Next(0, 400)];
            for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[rng.Next(alphabet.Length)];
            var text = new string(chars);
            foreach (var e in Recognize(tagger, text))
            {
                Assert.InRange(e.Start, 0, text.Length);
                Assert.InRange(e.End, e.Start + 1, text.Length);
                Assert.Equal(text[e.Start..e.End], e.Text);
            }
        }
    }

    [Fact]
    public void Very_long_sentences_and_tokens_are_tagged()
    {
        var tagger = NerResources.DefaultTagger!;
        var tokens = Enumerable.Range(0, 5000).Select(i => i % 7 == 0 ? "بوتين" : new string('ب', i % 150 + 1)).ToArray();
        var tags = tagger.Tag(tokens);
        Assert.Equal(tokens.Length, tags.Length);
    }
}
