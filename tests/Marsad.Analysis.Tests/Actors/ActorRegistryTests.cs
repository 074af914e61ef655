using Marsad.Analysis.Actors;

namespace Marsad.Analysis.Tests.Actors;

public class ActorRegistryTests
{
    [Fact]
    public void Built_in_registry_has_countries_governments_and_dated_roles()
    {
        var reg = ActorRegistry.BuiltIn;
        Assert.True(reg.Count > 5000);
        Assert.True(reg.TryGet("rus", out var rus));
        Assert.Equal("country", rus.Kind);
        Assert.Equal("RUSGOV", reg.GovernmentOf("RUS")!.Code);
        Assert.Equal("john-bolton", reg.HolderOn("USA", "national_security_advisor", new DateOnly(2018, 8, 23))!.Id);
        Assert.Equal("jake-sullivan", reg.HolderOn("USA", "national_security_advisor", new DateOnly(2021, 4, 19))!.Id);
        Assert.Null(reg.HolderOn("USA", "national_security_advisor", new DateOnly(1900, 1, 1)));
    }

    [Fact]
    public void Actor_converts_to_ref_and_info_with_the_role_on_a_date()
    {
        Assert.True(ActorRegistry.BuiltIn.TryGet("john-bolton", out var bolton));
        var r = bolton.ToRef();
        Assert.Equal(("john-bolton", "USA"), (r.Id, r.Country));
        var info = bolton.ToInfo(new DateOnly(2018, 8, 23));
        Assert.Equal("National Security Advisor", info.Role);
        Assert.Equal("USAGOV", info.Code);
    }

    [Fact]
    public void Role_dates_with_year_or_month_precision_cover_the_whole_period()
    {
        Assert.Equal(new DateOnly(2019, 12, 31), ActorRole.ParseEnd("2019"));
        Assert.Equal(new DateOnly(2024, 2, 29), ActorRole.ParseEnd("2024-02"));
        Assert.Equal(new DateOnly(2021, 5, 1), ActorRole.ParseStart("2021-05"));
        Assert.Null(ActorRole.ParseStart("soon"));
    }

    [Fact]
    public void Yaml_user_registry_adds_people_and_corrects_roles()
    {
        const string yaml = """
            actors:
              - id: tony-dupont
                kind: person
                name_en: Tony Dupont
                name_ar: طوني دوبون
                variants: [دوبون]
                country: FRA
                roles:
                  - {role: foreign_minister, code: FRAGOV, title: Minister of Foreign Affairs, from: 2030-01-01}
              - id: john-bolton
                variants: [جون ر. بولتون]
            """;
        var entries = ActorRegistryReader.Read(new StringReader(yaml), "mine.yaml");
        var reg = ActorRegistry.BuiltIn.Merge(entries);
        var linker = new ActorLinker(reg);
        const string text = "قال وزير الخارجية الفرنسي إن";
        var m = Assert.Single(linker.Link(text, new DateOnly(2030, 6, 1)).Mentions);
        Assert.Equal("tony-dupont", m.ActorId);
        Assert.Equal("tony-dupont", Assert.Single(linker.Link("صرح دوبون", new DateOnly(2030, 6, 1)).Mentions).ActorId);
        Assert.True(reg.TryGet("john-bolton", out var bolton));
        Assert.Contains("جون ر. بولتون", bolton.Variants);
        Assert.Equal("National Security Advisor", bolton.RoleOn(new DateOnly(2018, 8, 23))!.Title);   // kept
        Assert.False(ActorRegistry.BuiltIn.TryGet("tony-dupont", out _));                               // built-in untouched
    }

    [Fact]
    public void Tsv_user_registry_merges_rows_of_one_id()
    {
        const string tsv = "id\tkind\tcountry\tname_en\tname_ar\tvariants\trole\trole_code\tfrom\tto\n" +
                           "x-envoy\tperson\tUSA\tX Envoy\tزيد عمرو\tعمرو\tspecial_envoy\tUSAGOV\t2020\t2021\n" +
                           "x-envoy\t\t\t\t\t\tpresident\tUSAGOV\t2040\t\n";
        var entries = ActorRegistryReader.Read(new StringReader(tsv), "mine.tsv");
        var a = Assert.Single(entries);
        Assert.Equal(2, a.Roles.Count);
        Assert.Equal(new DateOnly(2021, 12, 31), a.Roles[0].To);
    }

    [Fact]
    public void Bad_user_registries_are_rejected_with_a_line_number()
    {
        var ex = Assert.Throws<FormatException>(() => ActorRegistryReader.Read(new StringReader("- id: a\n  country: Russia\n"), "a.yaml"));
        Assert.Contains("line", ex.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => ActorRegistryReader.Read(new StringReader("name\nx\n"), "a.tsv"));
    }
}
