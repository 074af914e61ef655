using Marsad.Analysis.Tagging;

namespace Marsad.Analysis.Tests.Tagging;

public class NerLexiconTests
{
    private static readonly NerLexicon Lexicon = NerLexicon.Parse([
        "# test lexicon",
        "Country\tالولايات المتحدة الأمريكية",
        "Country\tالولايات المتحدة",
        "Capital\tموسكو",
        "PersonTrigger\tالمتحدث باسم",
    ]);

    private static List<LexiconMatch> Match(params string[] words)
    {
        int n = words.Length;
        var hashes = new ulong[n];
        var variants = new ulong[n * 2];
        for (int i = 0; i < n; i++)
        {
            var norm = NerText.Normalize(words[i]);
            hashes[i] = NerText.Hash(norm);
            int strip = NerText.StripProclitics(norm, out _);
            variants[i * 2] = strip == 0 ? 0 : NerText.Hash(norm.AsSpan(strip));
        }
        var matches = new List<LexiconMatch>();
        Lexicon.MarkMatches(hashes, variants, 2, new ushort[n], new ushort[n], new ushort[n], matches);
        return matches;
    }

    [Fact]
    public void Multi_word_entries_match_every_length_that_is_an_entry()
    {
        var m = Match("زار", "الولايات", "المتحدة", "الأميركية");   // الأميركية is the other spelling of the listed الأمريكية
        Assert.Contains(m, x => x.Start == 1 && x.Length == 2 && x.Has(LexiconType.Country));
        Assert.DoesNotContain(m, x => x.Length == 3);                   // الأميركية ≠ الأمريكية: not listed
        Assert.Contains(Match("الولايات", "المتحدة", "الأمريكية"), x => x.Length == 3);
    }

    [Fact]
    public void A_proclitic_on_the_first_word_is_stripped()
    {
        var m = Match("وصل", "لموسكو");
        var hit = Assert.Single(m);
        Assert.Equal((1, 1, true), (hit.Start, hit.Length, hit.StrippedFirstWord));
        Assert.True(hit.Has(LexiconType.Capital));
    }

    [Fact]
    public void Triggers_are_matched_as_phrases()
    {
        var hit = Assert.Single(Match("قال", "المتحدث", "باسم", "الكرملين"));
        Assert.Equal((1, 2), (hit.Start, hit.Length));
        Assert.True(hit.Has(LexiconType.PersonTrigger));
    }

    [Fact]
    public void Parse_rejects_an_unknown_type()
        => Assert.Throws<FormatException>(() => NerLexicon.Parse(["Planet\tالمريخ"]));
}
