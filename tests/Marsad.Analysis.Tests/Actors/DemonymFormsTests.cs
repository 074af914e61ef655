using Marsad.Analysis.Actors;
using Marsad.Analysis.Events;
using Marsad.Analysis.Normalization;
using Marsad.Analysis.Tokenization;

namespace Marsad.Analysis.Tests.Actors;

public class DemonymFormsTests
{
    [Fact]
    public void A_masculine_plural_names_the_people_in_both_cases_with_and_without_the_article()
    {
        Assert.Equal(
            [("فلسطينيون", true), ("فلسطينيين", true), ("الفلسطينيون", true), ("الفلسطينيين", true)],
            DemonymForms.Of("فلسطينيون", "mp").ToArray());
        Assert.Equal([("روسية", false), ("الروسية", false)], DemonymForms.Of("روسية", "f").ToArray());
    }

    [Fact]
    public void Only_a_masculine_singular_counts_after_a_number_and_not_the_adverbs()
    {
        Assert.Equal("فلسطينيا", DemonymForms.Counted("فلسطيني", "m"));
        Assert.Null(DemonymForms.Counted("مالي", "m"));
        Assert.Null(DemonymForms.Counted("فلسطينية", "f"));
    }

    [Theory]
    [InlineData("الفلسطينيين", "PSE")]   // the oblique plural the old events table lacked for some peoples
    [InlineData("الأميركية", "USA")]
    [InlineData("روس", "RUS")]
    public void The_event_rules_read_the_registrys_table_with_the_same_forms(string word, string country)
    {
        var normalizer = new ArabicNormalizer(ArabicNormalizerOptions.Search);
        var lexicon = DemonymLexicon.LoadDefault(normalizer);
        var tokens = new ArabicTokenizer().Tokenize(word);
        var words = Marsad.Analysis.Tests.Events.EventTestKit.Stage.Words(word, tokens);
        Assert.Equal(country, lexicon.CountryOf(words[0]));
    }
}
