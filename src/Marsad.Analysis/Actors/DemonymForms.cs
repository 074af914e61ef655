namespace Marsad.Analysis.Actors;

/// <summary>
/// The written forms of one row of the demonym table (Resources/actors/demonyms.tsv: country, form, gender m/f/mp/fp),
/// in one place for the registry's linker and the event rules' nationality reader: the form with and without the
/// article, and for the masculine plural (the people) also its oblique case, since victims are mostly named in it
/// (مقتل 3 فلسطينيين، المحتجين الفلسطينيين).
/// </summary>
public static class DemonymForms
{
    /// <summary>The rows of the embedded table that name a nationality in one word: (country, form, gender).</summary>
    public static IEnumerable<(string Country, string Form, string Gender)> Rows()
    {
        foreach (var r in ActorRegistry.ReadResource("actors.demonyms.tsv"))
            if (r.Length >= 3 && !r[1].Contains(' '))
                yield return (r[0], r[1], r[2]);
    }

    /// <summary>
    /// Each written form of the row with whether it names the people (the masculine plural) rather than being only an
    /// adjective. The singular accusative after a number (مقتل 60 فلسطينيا) is <see cref="Counted"/>, apart, since
    /// it is a people only after a number.
    /// </summary>
    public static IEnumerable<(string Form, bool People)> Of(string form, string gender)
    {
        bool people = gender == "mp";
        foreach (var f in form.StartsWith("ال", StringComparison.Ordinal) ? new[] { form } : [form, "ال" + form])
        {
            yield return (f, people);
            if (people && f.EndsWith("ون", StringComparison.Ordinal)) yield return (f[..^2] + "ين", true);
        }
    }

    /// <summary>
    /// «مقتل 60 فلسطينيا»: the singular's accusative after a number, for the masculine singular without the article;
    /// null for مالي "financial" and ديمقراطي "democratic", whose accusative is an adverb.
    /// </summary>
    public static string? Counted(string form, string gender)
        => gender == "m" && !form.StartsWith("ال", StringComparison.Ordinal) && form is not ("مالي" or "ديمقراطي") ? form + "ا" : null;
}
