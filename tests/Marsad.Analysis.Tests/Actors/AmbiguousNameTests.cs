using System.Globalization;
using Marsad.Analysis.Actors;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Events;

namespace Marsad.Analysis.Tests.Actors;

/// <summary>Names that are also common words, counterparts, titled unknown persons and outlets (issue 17, item 4).</summary>
public class AmbiguousNameTests
{
    private static readonly ActorLinker Linker = new(ActorRegistry.BuiltIn);
    private static readonly DateOnly Date = DateOnly.Parse("2019-05-01", CultureInfo.InvariantCulture);

    private static EntityMention Entity(string text, string surface, string type, string origin = "tagger")
    {
        int at = text.IndexOf(surface, StringComparison.Ordinal);
        Assert.True(at >= 0, $"test text lacks '{surface}'");
        return new EntityMention(at, at + surface.Length, surface, type) { Origin = origin };
    }

    private static bool Linked(ActorLinkResult r, string actorId) => r.Mentions.Any(m => m.ActorId == actorId);

    // ---- the built-in list is measured, and holds the common words of the issue

    [Theory]
    [InlineData("مدينة")]   // → Medina
    [InlineData("دولة")]    // → Dhule
    [InlineData("بيرا")]    // → Beira (كبيرا read as ك + بيرا)
    [InlineData("كيف")]     // → Kyiv
    [InlineData("مالية")]   // → Malé
    public void The_built_in_list_holds_the_common_words_linked_as_places(string word) =>
        Assert.True(AmbiguousNames.BuiltIn.Contains(word), word);

    [Theory]
    [InlineData("إيران")]
    [InlineData("بوتين")]
    [InlineData("موسكو")]
    public void The_built_in_list_leaves_ordinary_names_alone(string word) =>
        Assert.False(AmbiguousNames.BuiltIn.Contains(word), word);

    [Fact]
    public void Derive_keeps_one_word_names_the_tagger_leaves_untagged_in_kinds_it_covers()
    {
        var counts = new List<NameUseCount>
        {
            new("مدينه", "city-medina", "city", 100, 0, 80),
            new("بغداد", "city-baghdad", "city", 300, 295, 60),
            new("غزه", "city-gaza", "city", 500, 490, 90),
            new("القدس الشرقيه", "city-east-jerusalem", "city", 20, 0, 10),   // two words: a formal name, not a common word
            new("الحوثيين", "houthis", "organization", 100, 0, 50),           // the tagger hardly marks organizations
            new("نادر", "city-rare", "city", 2, 0, 2),                         // too rare to judge
        };
        var derived = AmbiguousNames.Derive(counts);
        Assert.Equal(["مدينه"], derived.Select(d => d.Phrase));
    }

    [Fact]
    public void Measure_counts_tagged_and_untagged_matches()
    {
        const string a = "وصل الوفد إلى مدينة ساحلية صغيرة";
        const string b = "زار الرئيس بغداد";
        var counts = AmbiguousNames.Measure(ActorRegistry.BuiltIn,
        [
            (a, Date, []),
            (b, Date, [Entity(b, "بغداد", "LOC")]),
        ]);
        var medina = Assert.Single(counts, c => c.Phrase == "مدينه");
        Assert.Equal(0, medina.Tagged);
        Assert.Equal(1.0, medina.PlainShare);
        var baghdad = Assert.Single(counts, c => c.Phrase == "بغداد");
        Assert.Equal(1, baghdad.Tagged);
    }

    // ---- linking: common words need support

    [Theory]
    [InlineData("أعلنت السلطات في مدينة ساحلية صغيرة عن خطة", "city-medina")]
    [InlineData("وقالت دولة الاحتلال إنها سترد", "city-dhule")]
    [InlineData("حقق الفريق فوزا كبيرا أمس", "city-beira")]
    [InlineData("لا أحد يعرف كيف حدث ذلك", "ukr-gov")]
    [InlineData("أعلنت وزارة مالية البلاد أرقامها", "mdv-gov")]
    public void A_common_word_is_no_actor_without_support(string text, string wrong) =>
        Assert.False(Linked(Linker.Link(text, Date), wrong), wrong);

    [Fact]
    public void The_same_words_link_as_before_when_nothing_is_held_back()
    {
        // The measurement linker shows what the built-in list now prevents.
        var all = new ActorLinker(ActorRegistry.BuiltIn, AmbiguousNames.None);
        Assert.True(Linked(all.Link("حقق الفريق فوزا كبيرا أمس", Date), "city-beira"));
        Assert.True(Linked(all.Link("لا أحد يعرف كيف حدث ذلك", Date), "ukr-gov"));
    }

    [Fact]
    public void A_model_entity_over_the_word_links_it()
    {
        const string text = "ضرب إعصار إيداي ميناء بيرا أمس";   // a place noun before it is a cue
        Assert.True(Linked(Linker.Link(text, Date), "city-beira"));
        const string bare = "ضرب الإعصار بيرا أمس";
        Assert.False(Linked(Linker.Link(bare, Date), "city-beira"));
        Assert.True(Linked(Linker.Link(bare, Date, [Entity(bare, "بيرا", "LOC")]), "city-beira"));
    }

    [Fact]
    public void A_dictionary_entry_of_the_tagger_is_no_support()
    {
        const string text = "لا أحد يعرف كيف حدث ذلك";
        var r = Linker.Link(text, Date, [Entity(text, "كيف", "LOC", origin: "gazetteer")]);
        Assert.False(Linked(r, "ukr-gov"));
    }

    [Fact]
    public void A_person_met_before_links_by_a_family_name_that_is_a_common_word()
    {
        const string text = "قال بشار الأسد إن الحرب انتهت، وأضاف الأسد أن";
        var r = Linker.Link(text, Date);
        Assert.Equal(2, r.Mentions.Count(m => m.ActorId == "bashar-al-assad"));
    }

    [Fact]
    public void A_capital_inside_a_longer_tagged_name_is_part_of_that_name()
    {
        const string text = "فاز ريال مدريد على برشلونة";
        var r = Linker.Link(text, Date, [Entity(text, "ريال مدريد", "ORG")]);
        Assert.False(Linked(r, "esp-gov"));
        Assert.False(Linked(r, "city-madrid"));
    }

    [Fact]
    public void A_place_noun_keeps_a_city_inside_a_tagged_place()
    {
        const string text = "سقطت قذائف على مدينة حلب";
        var r = Linker.Link(text, Date, [Entity(text, "مدينة حلب", "LOC")]);
        Assert.Contains(r.Mentions, m => m.ActorId.Contains("aleppo", StringComparison.Ordinal));
    }

    // ---- counterparts

    [Fact]
    public void Counterpart_with_a_nationality_and_a_name_is_the_named_person()
    {
        const string text = "واستقبل أردوغان نظيره الروسي فلاديمير بوتين في أنقرة";
        // The name is linked with the nationality as the title's country; the nationality alone is no mention of Russia.
        var r = Linker.Link(text, Date);
        Assert.Equal("vladimir-putin", Assert.Single(r.Mentions, m => text[m.Start..m.End] == "فلاديمير بوتين").ActorId);
        Assert.DoesNotContain(r.Mentions, m => m.ActorId is "rus" or "rus-gov");
    }

    [Fact]
    public void Counterpart_with_an_unknown_name_becomes_a_new_person_of_that_country_with_the_subjects_role()
    {
        const string text = "استقبل الرئيس المصري عبد الفتاح السيسي نظيره الغيني ألفا كوندي";
        var r = Linker.Link(text, Date);
        var m = Assert.Single(r.Mentions, m => text[m.Start..m.End] == "ألفا كوندي");
        Assert.True(r.TryGet(m.ActorId, out var conde));
        Assert.Equal("person", conde!.Kind);
        Assert.Equal("GIN", conde.Country);
        Assert.Equal("president", conde.RoleOn(Date)?.Key);
    }

    // ---- unknown people named with a title

    [Fact]
    public void A_title_and_a_tagged_unknown_name_make_a_new_person_with_country_and_role()
    {
        const string text = "وقال وزير الخارجية الغيني مامادي توري إن";
        var withEntity = Linker.Link(text, Date, [Entity(text, "مامادي توري", "PER")]);
        var m = Assert.Single(withEntity.Mentions, m => text[m.Start..m.End] == "مامادي توري");
        Assert.True(withEntity.TryGet(m.ActorId, out var a));
        Assert.Equal("GIN", a!.Country);
        Assert.Equal("foreign_minister", a.RoleOn(Date)?.Key);
    }

    [Fact]
    public void A_title_without_nationality_still_makes_a_person_with_the_role()
    {
        const string text = "وصل الرئيس ألفا كوندي إلى المطار";
        var r = Linker.Link(text, Date, [Entity(text, "ألفا كوندي", "PER")]);
        var m = Assert.Single(r.Mentions, m => text[m.Start..m.End] == "ألفا كوندي");
        Assert.True(r.TryGet(m.ActorId, out var a));
        Assert.Equal("person", a!.Kind);
        Assert.Equal("president", a.RoleOn(Date)?.Key);
    }

    // ---- outlets relay

    [Fact]
    public void An_outlet_with_a_proclitic_is_the_outlet_not_a_new_person()
    {
        const string text = "وقالت لبي بي سي إن الحكومة لم تفعل شيئا";
        var r = Linker.Link(text, Date, [Entity(text, "لبي بي سي", "PER")]);
        var m = Assert.Single(r.Mentions);
        Assert.Equal("bbc", m.ActorId);
        Assert.Equal("بي بي سي", text[m.Start..m.End]);
        Assert.DoesNotContain(r.ActorsById.Values, a => a.Kind == "person");
    }

    [Fact]
    public void A_tagged_person_holding_a_media_noun_is_no_person()
    {
        const string text = "وقال لقناة الغد المصرية إن";
        var r = Linker.Link(text, Date, [Entity(text, "لقناة الغد", "PER")]);
        Assert.DoesNotContain(r.ActorsById.Values, a => a.Kind == "person");
    }

    [Fact]
    public void Outlets_are_media_for_the_event_and_quote_stages_even_without_a_country()
    {
        const string text = "ونقلت صحيفة \"الغد\" عن مصادر";
        var r = Linker.Link(text, Date);
        var m = Assert.Single(r.Mentions);
        var dir = new LinkedActorDirectory(r, ActorRegistry.BuiltIn);
        Assert.True(dir.TryGet(m.ActorId, out var actor));
        Assert.True(actor.IsMedia);
    }
}
