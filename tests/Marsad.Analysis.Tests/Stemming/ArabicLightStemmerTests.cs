using Marsad.Analysis.Normalization;
using Marsad.Analysis.Stemming;

namespace Marsad.Analysis.Tests.Stemming;

public class ArabicLightStemmerTests
{
    private static readonly ArabicNormalizer Normalizer = new(ArabicNormalizerOptions.Search);
    private static string Stem(string word) => new ArabicLightStemmer().Stem(Normalizer.NormalizeToString(word));

    [Theory]
    [InlineData("والمفاوضات", "مفاوض")]   // و, then ال, then ات
    [InlineData("بالسلام", "سلام")]        // بال
    [InlineData("للصحفيين", "صحف")]        // لل, then ين, then ي (light10 is aggressive)
    [InlineData("المدينة", "مدين")]        // ال, then ه (teh marbuta folded)
    [InlineData("الحكومية", "حكوم")]       // ال, then يه
    [InlineData("مفاوضاتها", "مفاوض")]     // ها, then ات
    [InlineData("اللاعبون", "لاعب")]       // ال, then ون
    public void Stem_strips_light10_prefixes_and_suffixes(string word, string stem)
    {
        Assert.Equal(Normalizer.NormalizeToString(stem), Stem(word));
    }

    [Theory]
    [InlineData("ورد")]   // و kept: fewer than 3 letters would remain
    [InlineData("الم")]   // ال kept: fewer than 2 letters would remain
    [InlineData("يد")]
    [InlineData("الى")]   // ي kept: a one-letter suffix leaves at least 3 letters
    [InlineData("لله")]
    [InlineData("علي")]
    public void Stem_keeps_short_words(string word)
    {
        Assert.Equal(Normalizer.NormalizeToString(word), Stem(word));
    }

    [Fact]
    public void StemRange_is_a_slice_of_the_input()
    {
        var word = "والمفاوضات".AsSpan();
        var stem = ArabicLightStemmer.StemRange(word);
        Assert.True(word.Overlaps(stem));
        Assert.Equal("مفاوض", stem.ToString());
    }
}
