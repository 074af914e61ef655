using Marsad.Analysis.Events;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Evaluation;

namespace Marsad.Analysis.Tests.Evaluation;

public class StrictEventScorerTests
{
    private static readonly Dictionary<string, GoldActor> Actors = new()
    {
        ["usa"] = new("usa", "United States", ["الولايات المتحدة", "واشنطن"], "USA", "country"),
        ["iran"] = new("iran", "Iran", ["إيران"], "IRN", "country"),
        ["vladimir-putin"] = new("vladimir-putin", "Vladimir Putin", ["فلاديمير بوتين", "بوتين"], "RUS", "person"),
        ["joe-biden"] = new("joe-biden", "Joe Biden", ["جو بايدن", "بايدن"], "USA", "person"),
    };

    private static readonly ActorRef Usa = new("usa", "United States", "الولايات المتحدة", "USA");
    private static readonly ActorRef Iran = new("irn", "Iran", "إيران", "IRN");
    private static readonly ActorRef Putin = new("p1", null, "الرئيس فلاديمير بوتين", "RUS");
    private static readonly ActorRef Biden = new("b1", "Biden", null, "USA");
    private static readonly ActorRef Trump = new("t1", "Donald Trump", "دونالد ترامب", "USA");

    private static GoldEvent G(string type, string[] source, string[] target, string? date = null, bool optional = false, string[]? alt = null)
        => new(PloverTypes.Parse(type, "scorer test"), [.. (alt ?? []).Select(t => PloverTypes.Parse(t, "scorer test"))], null, source, target, date, "asserted", optional, null, null);

    private static EventRecord E(string type, ActorRef[] source, ActorRef[] target, string? date = null, Marsad.Analysis.Events.EventModality modality = Marsad.Analysis.Events.EventModality.Asserted)
        => new() { Id = Guid.NewGuid().ToString("N"), Type = PloverTypes.Parse(type, "scorer test"), Source = source, Target = target, Date = date, Modality = modality };

    private static EventScore Score(IReadOnlyList<GoldEvent> gold, IReadOnlyList<EventRecord> emitted, IReadOnlyList<GoldMustNot>? mustNot = null,
        IReadOnlyList<GoldQuote>? goldQuotes = null, IReadOnlyList<QuoteRecord>? quotes = null)
    {
        var g = new EventGold
        {
            Actors = Actors,
            Documents = [new GoldDocument("doc-1", "2021-06-16", gold, mustNot ?? [], goldQuotes ?? [])],
        };
        var doc = new AnalyzedDocument { Id = "hash", SourceId = "doc-1", Text = "", Events = emitted, Quotes = quotes ?? [] };
        return StrictEventScorer.Score(g, [doc]);
    }

    [Fact]
    public void Extra_actors_on_a_matched_side_do_not_break_the_match_but_are_counted()
    {
        // Putin is none of the gold actors; Biden is American, and a country's person counts as the country (gold usa)
        var s = Score([G("ACCUSE", ["usa"], ["iran"])], [E("ACCUSE", [Usa, Putin], [Iran, Biden])]);
        Assert.Equal(1, s.Actor.Matched);
        Assert.Equal((4, 1), s.MatchedSideActors);
        var exact = Score([G("ACCUSE", ["usa"], ["iran"])], [E("ACCUSE", [Usa], [Iran])]);
        Assert.Equal((2, 0), exact.MatchedSideActors);
    }

    [Fact]
    public void Every_emitted_event_counts_so_a_repeated_mention_is_a_false_positive()
    {
        var s = Score([G("SANCTION", ["usa"], ["iran"])],
            [E("SANCTION", [Usa], [Iran]), E("SANCTION", [Usa], [Iran])]);
        Assert.Equal(new Prf(1, 2, 1), s.Actor);
        Assert.Equal(0.5, s.Actor.Precision);
        Assert.Equal(1, s.Count(EventErrorKind.Spurious));
    }

    [Fact]
    public void A_match_through_an_alt_type_counts_under_the_emitted_type_so_no_type_has_precision_above_one()
    {
        var s = Score([G("THREATEN", ["usa"], ["iran"], alt: ["ACCUSE"])], [E("ACCUSE", [Usa], [Iran])]);
        Assert.Equal(1, s.Actor.Matched);
        var accuse = Assert.Single(s.Types, t => t.Type == PloverType.Accuse);
        Assert.Equal(new Prf(1, 1, 0), accuse.Actor);
        var threaten = Assert.Single(s.Types, t => t.Type == PloverType.Threaten);
        Assert.Equal(new Prf(0, 0, 1), threaten.Actor);
        Assert.All(s.Types, t => Assert.True(t.Actor.Precision <= 1));
    }

    [Fact]
    public void Person_actors_match_by_english_last_name_or_arabic_containment_and_consult_is_symmetric()
    {
        var s = Score([G("CONSULT", ["vladimir-putin"], ["joe-biden"])], [E("CONSULT", [Biden], [Putin])]);
        Assert.Equal(1, s.Actor.Matched);
        // the wrong American is right at country level only
        var t = Score([G("ACCUSE", ["vladimir-putin"], ["joe-biden"])], [E("ACCUSE", [Putin], [Trump])]);
        Assert.Equal(0, t.Actor.Matched);
        Assert.Equal(1, t.Country.Matched);
        Assert.Equal(1, t.Count(EventErrorKind.WrongTarget));
    }

    [Fact]
    public void Reversed_roles_wrong_type_and_missed_are_told_apart()
    {
        var s = Score(
            [G("SANCTION", ["usa"], ["iran"]), G("ACCUSE", ["iran"], ["usa"]), G("THREATEN", ["iran"], ["usa"])],
            [E("SANCTION", [Iran], [Usa]), E("REJECT", [Iran], [Usa])]);
        Assert.Equal(0, s.Actor.Matched);
        Assert.Equal(1, s.Count(EventErrorKind.Reversed));
        Assert.Equal(1, s.Count(EventErrorKind.WrongType));
        Assert.Equal(1, s.Count(EventErrorKind.Missed));
        Assert.Equal(0, s.Count(EventErrorKind.Spurious)); // both emitted events were explained as near misses
    }

    [Fact]
    public void Optional_gold_neither_helps_nor_hurts_and_negated_output_is_ignored()
    {
        var s = Score([G("SANCTION", ["usa"], ["iran"]), G("ACCUSE", ["usa"], ["iran"], optional: true)],
            [E("SANCTION", [Usa], [Iran]), E("ACCUSE", [Usa], [Iran]), E("ASSAULT", [Usa], [Iran], modality: Marsad.Analysis.Events.EventModality.Negated)]);
        Assert.Equal(new Prf(1, 1, 1), s.Actor);
        Assert.Equal(1.0, s.Actor.F1);
    }

    [Fact]
    public void Dates_are_right_when_at_least_as_precise_and_must_not_counts_at_country_level()
    {
        var s = Score([G("SANCTION", ["usa"], ["iran"], date: "2021-06"), G("ACCUSE", ["usa"], ["iran"], date: "2021-06-15")],
            [E("SANCTION", [Usa], [Iran], date: "2021-06-14"), E("ACCUSE", [Usa], [Iran], date: "2021")],
            mustNot: [new GoldMustNot(PloverType.Sanction, "iran", "usa", "reversed")]);
        Assert.Equal(1, s.DatesRight);
        Assert.Equal(2, s.DatesMatched);
        Assert.Equal(1, s.Count(EventErrorKind.WrongDate));
        Assert.Equal(0, s.MustNotHits);
        var reversed = Score([], [E("SANCTION", [Iran], [Trump])], mustNot: [new GoldMustNot(PloverType.Sanction, "iran", "usa", "reversed")]);
        Assert.Equal(1, reversed.MustNotHits);
    }

    [Fact]
    public void A_quote_is_found_by_its_first_words_and_its_speaker_is_judged()
    {
        var gold = new[] { new GoldQuote("vladimir-putin", "إن التسوية في هذا البلد تسير بصعوبة", true, null), new GoldQuote("joe-biden", "لن نسمح بذلك أبدا", false, null) };
        var emitted = new[]
        {
            new QuoteRecord(Putin, "«إن التسوية في هذا البلد تسير بصعوبة كبيرة»", true, null, 0, 10),
            new QuoteRecord(null, "قناة الجزيرة", true, null, 20, 30),
        };
        var s = Score([], [], goldQuotes: gold, quotes: emitted);
        Assert.Equal(new QuoteScore(2, 1, 1, 1, 2), s.Quotes);
        Assert.Equal(0.5, s.Quotes.Precision);
    }

    [Fact]
    public void Quote_errors_carry_their_reasons()
    {
        var gold = new[]
        {
            new GoldQuote("vladimir-putin", "سنرد على أي عدوان بحزم", true, null) { Start = 0 },
            new GoldQuote("joe-biden", "لن نسمح بذلك أبدا", false, null) { Start = 100 },
            new GoldQuote(null, "الوضع صعب للغاية هنا", true, null) { Start = 200 },
            new GoldQuote("joe-biden", "نحن ندعم الحلفاء دائما", false, null) { Start = 300 },
        };
        var emitted = new[]
        {
            new QuoteRecord(null, "سنرد على أي عدوان بحزم", true, null, 0, 30),           // found, no speaker
            new QuoteRecord(Usa, "لن نسمح بذلك أبدا", false, null, 100, 120),             // found, the country for the person
            new QuoteRecord(Iran, "الوضع صعب للغاية هنا", true, null, 200, 225),          // found, a speaker the gold has none for
            new QuoteRecord(Biden, "وقال الرئيس الأمريكي جو بايدن إن نحن ندعم الحلفاء دائما", false, null, 260, 330), // starts too early: the gold is missed inside it
            new QuoteRecord(null, "صفقة القرن", true, null, 400, 410),                     // a quoted term
        };
        var s = Score([], [], goldQuotes: gold, quotes: emitted);
        string Reason(QuoteErrorKind k, int i = 0) => s.QuoteErrors.Where(e => e.Kind == k).ElementAt(i).Reason;
        Assert.Equal("no speaker", Reason(QuoteErrorKind.WrongSpeaker));
        Assert.Equal("same country, other actor", Reason(QuoteErrorKind.WrongSpeaker, 1));
        Assert.Equal("speaker where the gold has none", Reason(QuoteErrorKind.WrongSpeaker, 2));
        Assert.Equal("inside an emitted quote", Reason(QuoteErrorKind.Missed));
        Assert.Equal(["overlaps a gold quote", "short quoted phrase"], s.QuoteErrors.Where(e => e.Kind == QuoteErrorKind.Spurious).Select(e => e.Reason));
        Assert.Equal(3, s.Quotes.Found);
        Assert.Equal(6, s.QuoteErrors.Count); // 3 wrong speakers, 1 missed, 2 spurious
        Assert.Contains("quotes wrong speaker: no speaker 1", EventScoreReport.ToText(s, "g.json", false));
    }

    [Fact]
    public void Document_keys_follow_the_shared_scorer()
    {
        Assert.Equal("000_cef4b004c1786cdc", StrictEventScorer.Stem("../shared/data/seeds/000_cef4b004c1786cdc.txt"));
        Assert.Equal("ant-1", StrictEventScorer.Stem("x/articles.jsonl#ant-1"));
        Assert.Equal("اسماعيل هنيه", StrictEventScorer.NormAr("  إسماعيل   هنيّة "));
    }
}
