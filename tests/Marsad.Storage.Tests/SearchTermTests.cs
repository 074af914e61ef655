using Marsad.Analysis.Events;
using Marsad.Analysis.Documents;
using Marsad.Storage.Events;
using Marsad.Storage.Postgres;
using Marsad.Storage.Search;

namespace Marsad.Storage.Tests;

public class SearchTermTests
{
    private static readonly SearchTermAnalyzer Analyzer = SearchTermAnalyzer.Default;

    private static string Term(string word) => Assert.Single(Analyzer.Terms(word)).Term;

    [Theory]
    [InlineData("سورية", "سوريا")]   // teh marbuta vs alef: the two spellings of Syria
    [InlineData("ليبية", "ليبيا")]
    [InlineData("للرئيس", "الرئيس")] // lam-lam contraction vs the article
    [InlineData("والرئيس", "الرئيس")]
    [InlineData("بالرئيس", "رئيس")]
    [InlineData("الأمريكي", "الامريكي")] // hamza on alef folded by the normalizer
    public void Variants_get_the_same_term(string a, string b) => Assert.Equal(Term(a), Term(b));

    [Theory]
    [InlineData("الى")]   // too short to lose its first two letters
    [InlineData("لله")]
    public void Short_words_keep_their_letters(string word) => Assert.Equal(3, Term(word).Length);

    [Fact]
    public void The_light_analyzer_makes_the_same_terms_and_signature_as_one_over_the_full_pipeline()
    {
        // Stores index with the light analyzer (no models loaded); stores written before it used the full pipeline's
        // stages. Both must agree term for term, or old indexes would be rebuilt or, worse, silently miss matches.
        var full = new SearchTermAnalyzer(new Analysis.Pipeline.AnalysisPipelineBuilder().Build());
        var light = SearchTermAnalyzer.CreateLight();
        Assert.Equal(full.Signature, light.Signature);
        Assert.Equal(full.Signature, SearchTermAnalyzer.Default.Signature);
        foreach (var line in File.ReadLines(Marsad.Tests.Common.SharedData.Data("news", "dev", "articles.jsonl")).Take(200))
        {
            string text = System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!;
            Assert.Equal(full.Terms(text), light.Terms(text));
        }
    }

    [Fact]
    public void Latin_words_are_lower_cased_and_punctuation_dropped()
    {
        var terms = Analyzer.Terms("CNN، قالت: Reuters!").Select(t => t.Term).ToList();
        Assert.Equal(["cnn", Term("قالت"), "reuters"], terms);
    }

    [Fact]
    public void Terms_keep_the_original_spans()
    {
        const string text = "قال للرئيس السوري";
        foreach (var t in Analyzer.Terms(text))
            Assert.False(string.IsNullOrWhiteSpace(text[t.Start..t.End]));
        Assert.Equal("للرئيس", text[Analyzer.Terms(text)[1].Start..Analyzer.Terms(text)[1].End]);
    }

    [Fact]
    public void Quoted_text_becomes_a_phrase_clause_and_bare_words_single_clauses()
    {
        var q = ParsedQuery.Parse("بوتين \"الأمم المتحدة\" «مجلس الأمن»", Analyzer);
        Assert.Equal([1, 2, 2], q.Clauses.Select(c => c.Count));
        Assert.Equal($"\"{Term("بوتين")}\" \"{Term("الأمم")} {Term("المتحدة")}\" \"{Term("مجلس")} {Term("الأمن")}\"", q.ToFts5());
        Assert.Equal($"'{Term("بوتين")}' & ('{Term("الأمم")}' <-> '{Term("المتحدة")}') & ('{Term("مجلس")}' <-> '{Term("الأمن")}')", q.ToTsQuery());
    }

    [Fact]
    public void A_query_of_punctuation_only_is_empty()
    {
        Assert.True(ParsedQuery.Parse(" ، . \"\" ؟", Analyzer).IsEmpty);
    }

    [Fact]
    public void Tsvector_literal_lists_positions_and_weights_title_first()
    {
        var title = Analyzer.Terms("بوتين");
        var body = Analyzer.Terms("قال بوتين");
        Assert.Equal($"'{Term("بوتين")}':1A,3 '{Term("قال")}':2", PostgresArticleStore.TsVectorLiteral(title, body));
        Assert.Equal("'it''s'", ParsedQuery.TsLexeme("it's"));
    }

    [Fact]
    public void Snippet_marks_every_hit_in_the_window()
    {
        var q = ParsedQuery.Parse("سورية", Analyzer);
        var (snippet, hits) = new SnippetBuilder(Analyzer, "<", ">").Build("الوضع في سوريا اليوم وفي سورية غدا", q);
        Assert.Equal("الوضع في <سوريا> اليوم وفي <سورية> غدا", snippet);
        Assert.Equal(2, hits.Count);
    }

    [Fact]
    public void Event_merge_key_ignores_actor_order_but_not_modality_or_day()
    {
        var doc = new AnalyzedDocument { Id = "d1", Text = "x", Published = "2021-06-16" };
        ActorRef p = TestDocuments.Putin, b = TestDocuments.Biden, u = TestDocuments.Usa;
        var e = new EventRecord { Id = "1", Type = PloverType.Consult, Source = [p, u], Target = [b] };
        Assert.Equal(EventMerging.Key(e, doc), EventMerging.Key(e with { Source = [u, p], Id = "2" }, doc with { Id = "d2" }));
        Assert.NotEqual(EventMerging.Key(e, doc), EventMerging.Key(e with { Modality = Marsad.Analysis.Events.EventModality.Negated }, doc));
        Assert.NotEqual(EventMerging.Key(e, doc), EventMerging.Key(e, doc with { Published = "2021-06-17" }));
        // No date anywhere: never merges across documents.
        var undated = doc with { Published = null };
        Assert.NotEqual(EventMerging.Key(e, undated), EventMerging.Key(e, undated with { Id = "d2" }));
    }
}
