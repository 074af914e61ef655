using Marsad.Analysis.Events;
using Marsad.Tests.Common;

namespace Marsad.Analysis.Tests.Events;

public class TriggerLexiconTests
{
    private static HashSet<string> Column(string file, int col) =>
        File.ReadLines(SharedData.Data("events", file)).Skip(1).Select(l => l.Split('\t')[col]).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Every_entry_uses_a_plover_type_and_mode_and_a_cameo_code_of_the_codebooks()
    {
        var types = Column("plover_event_types.tsv", 0);
        var modes = File.ReadLines(SharedData.Data("events", "plover_modes.tsv")).Skip(1).Select(l => l.Split('\t')).Select(c => c[0] + "/" + c[1]).ToHashSet();
        var cameo = Column("cameo_event_codes.tsv", 0);
        var entries = EventTestKit.Stage.Lexicon.Entries;
        Assert.True(entries.Count >= 40);
        foreach (var e in entries)
        {
            Assert.True(types.Contains(e.Type.Name()), $"{e.Id}: unknown PLOVER type {e.Type.Name()}");
            Assert.True(e.Mode is null || modes.Contains(e.Type.Name() + "/" + e.Mode), $"{e.Id}: unknown PLOVER mode {e.Type.Name()}/{e.Mode}");
            Assert.True(cameo.Contains(e.Cameo), $"{e.Id}: unknown CAMEO code {e.Cameo}");
        }
    }

    [Fact]
    public void The_issue_types_are_all_covered()
    {
        var types = EventTestKit.Stage.Lexicon.Entries.Select(e => e.Type).ToHashSet();
        foreach (var t in new[] { PloverType.Consult, PloverType.Agree, PloverType.Support, PloverType.Request, PloverType.Accuse, PloverType.Reject,
            PloverType.Threaten, PloverType.Sanction, PloverType.Coerce, PloverType.Protest, PloverType.Assault, PloverType.Cooperate, PloverType.Aid })
            Assert.Contains(t, types);
        var consultModes = EventTestKit.Stage.Lexicon.Entries.Where(e => e.Type == PloverType.Consult).Select(e => e.Cameo).ToHashSet();
        Assert.Superset(new HashSet<string> { "041", "042", "043" }, consultModes); // phone, visit, host (third-party comes from the place)
    }

    [Fact]
    public void The_type_enum_names_exactly_the_codebook_types_and_reads_them_back()
    {
        var codebook = Column("plover_event_types.tsv", 0);
        Assert.Equal(codebook.Order(StringComparer.Ordinal), PloverTypes.All.Select(t => t.Name()).Order(StringComparer.Ordinal));
        foreach (var t in PloverTypes.All)
        {
            Assert.Equal(t, PloverTypes.Parse(t.Name().ToLowerInvariant(), "test"));
            Assert.Equal("\"" + t.Name() + "\"", System.Text.Json.JsonSerializer.Serialize(t, new System.Text.Json.JsonSerializerOptions
            {
                Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.SnakeCaseLower) },
            }));
        }
        var error = Assert.Throws<InvalidDataException>(() => PloverTypes.Parse("ATTACK", "gold.json: doc 7"));
        Assert.Contains("gold.json: doc 7: 'ATTACK' is not a PLOVER event type", error.Message);
    }

    [Theory]
    [InlineData("ناقش", true)]      // past
    [InlineData("يناقشان", true)]   // present dual
    [InlineData("سيناقش", true)]    // future prefix
    [InlineData("وناقشا", true)]    // conjunction + dual past
    [InlineData("والتقى", true)]
    [InlineData("لاجتماعه", true)]  // preposition + noun + pronoun suffix
    [InlineData("للقاء", true)]     // ل + article contraction
    [InlineData("وزارة", false)]    // و + زار + ة must not read as "visited"
    [InlineData("البحث", false)]    // the noun "research" is not the verb "discussed"
    public void Words_are_matched_in_their_inflected_and_cliticized_forms(string word, bool trigger)
    {
        var r = EventTestKit.Run(word + " بوتين");
        Assert.Equal(trigger, r.Events.Count > 0);
    }
}
