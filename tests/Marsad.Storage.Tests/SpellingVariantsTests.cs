using Marsad.Storage.Search;

namespace Marsad.Storage.Tests;

/// <summary>Spelling variants of transliterated names: the committed table, what it folds and what it must not.</summary>
public class SpellingVariantsTests
{
    private static string RegistryPath => Path.Combine(Marsad.Tests.Common.SharedData.RepoRoot, "src", "Marsad.Analysis", "Resources", "actors", "actors.tsv");
    private static string TablePath => Path.Combine(Marsad.Tests.Common.SharedData.RepoRoot, "src", "Marsad.Storage", "Resources", "spelling_variants.tsv");

    private static string Term(string word) => Assert.Single(SearchTermAnalyzer.Default.Terms(word)).Term;

    [Fact]
    public void The_committed_table_is_what_the_actor_registry_gives()
    {
        using var registry = new StreamReader(RegistryPath);
        var built = SpellingVariants.FromRegistry(registry, SearchTermAnalyzer.CreateLight(SpellingVariants.None));
        var text = new StringWriter { NewLine = "\n" };
        built.Write(text);
        if (Environment.GetEnvironmentVariable("SPELLING_VARIANTS_UPDATE") == "1") File.WriteAllText(TablePath, text.ToString());
        Assert.Equal(text.ToString(), File.ReadAllText(TablePath));
        Assert.True(built.Pairs.Count() > 100, "the registry should give well over a hundred variant spellings");
    }

    [Theory]
    [InlineData("ترامب", "ترمب")]
    [InlineData("الأمريكية", "الأميركية")]
    [InlineData("نتانياهو", "نتنياهو")]
    [InlineData("بكين", "بيكين")]
    [InlineData("ودونالد ترامب", "دونالد ترمب")]
    public void Name_spellings_get_the_same_terms(string a, string b) =>
        Assert.Equal(SearchTermAnalyzer.Default.Terms(a).Select(t => t.Term), SearchTermAnalyzer.Default.Terms(b).Select(t => t.Term));

    [Theory]
    [InlineData("سلام", "سلم")]          // peace / ladder: a long vowel that is not a spelling choice
    [InlineData("كتاب", "كاتب")]
    public void Different_words_stay_apart(string a, string b) => Assert.NotEqual(Term(a), Term(b));

    [Fact]
    public void Without_the_table_the_spellings_differ_so_the_table_is_what_folds_them() =>
        Assert.NotEqual(SearchTermAnalyzer.CreateLight(SpellingVariants.None).Terms("ترامب")[0].Term,
            SearchTermAnalyzer.CreateLight(SpellingVariants.None).Terms("ترمب")[0].Term);

    [Fact]
    public void The_skeleton_keeps_first_and_last_two_letters() => Assert.Equal("ترمب", SpellingVariants.Skeleton("ترامب"));
}
