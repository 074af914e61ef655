using Marsad.Analysis.Tagging;

namespace Marsad.Analysis.Tests.Tagging;

public class NerTextTests
{
    [Theory]
    [InlineData("أحمد", "احمد")]        // alef with hamza above → bare alef
    [InlineData("إيران", "ايران")]      // alef with hamza below → bare alef
    [InlineData("مدرسة", "مدرسه")]     // teh marbuta → heh
    [InlineData("موسى", "موسي")]       // alef maqsura → yeh
    [InlineData("مُحَمَّد", "محمد")]      // tashkeel dropped
    [InlineData("عـــربي", "عربي")]    // tatweel dropped
    [InlineData("٢٠٢١", "2021")]        // Arabic-Indic digits → ASCII
    [InlineData("NATO", "nato")]
    public void Normalize_unifies_spelling_variants(string input, string expected)
        => Assert.Equal(expected, NerText.Normalize(input));

    [Theory]
    [InlineData("لموسكو", "موسكو")]     // preposition لـ
    [InlineData("وواشنطن", "واشنطن")]   // conjunction و (the second waw is the name's)
    [InlineData("والرئيس", "رئيس")]     // و + ال
    [InlineData("للرئيس", "رئيس")]      // لل = ل + ال
    [InlineData("بالولايات", "ولايات")]  // ب + ال
    [InlineData("روسيا", "روسيا")]      // nothing to strip
    [InlineData("ولد", "ولد")]          // too short to strip: the stem would be under 3 letters
    public void StripProclitics_removes_conjunction_preposition_and_article(string word, string stem)
    {
        int n = NerText.StripProclitics(word, out _);
        Assert.Equal(stem, word[n..]);
    }

    [Fact]
    public void Hash_is_stable_across_runs()
    {
        // Stored model files depend on it: FNV-1a 64 of "" is the offset basis.
        Assert.Equal(14695981039346656037UL, NerText.Hash(""));
        Assert.NotEqual(NerText.Hash("ab"), NerText.Hash("ba"));
    }
}
