using System.Globalization;
using Marsad.Analysis.Documents;

namespace Marsad.Analysis.Actors;

/// <summary>A role an actor holds from one date to another, with its CAMEO-style code (RUSGOV, USAMIL, IGOUNO …).</summary>
/// <param name="Key">Role key shared with the Arabic titles table (president, foreign_minister, national_security_advisor …).</param>
/// <param name="Code">CAMEO-style actor code while in this role.</param>
/// <param name="Title">English title as the source gives it.</param>
/// <param name="From">First day (inclusive) or null when open.</param>
/// <param name="To">Last day (inclusive) or null when open.</param>
public sealed record ActorRole(string Key, string Code, string Title, DateOnly? From, DateOnly? To)
{
    /// <summary>True when the role covers <paramref name="date"/>.</summary>
    public bool Covers(DateOnly date) => (From is null || From.Value <= date) && (To is null || date <= To.Value);

    /// <summary>Parses an ISO date with the precision the source has (yyyy, yyyy-MM or yyyy-MM-dd); a period's first day.</summary>
    public static DateOnly? ParseStart(string? s) => Parse(s, end: false);

    /// <summary>Like <see cref="ParseStart"/> but the period's last day (2019 → 2019-12-31).</summary>
    public static DateOnly? ParseEnd(string? s) => Parse(s, end: true);

    private static DateOnly? Parse(string? s, bool end)
    {
        if (string.IsNullOrWhiteSpace(s))
            return null;
        s = s.Trim();
        var inv = CultureInfo.InvariantCulture;
        if (s.Length >= 10 && DateOnly.TryParseExact(s[..10], "yyyy-MM-dd", inv, DateTimeStyles.None, out var d))
            return d;
        if (s.Length == 7 && DateOnly.TryParseExact(s + "-01", "yyyy-MM-dd", inv, DateTimeStyles.None, out d))
            return end ? d.AddMonths(1).AddDays(-1) : d;
        if (s.Length == 4 && int.TryParse(s, NumberStyles.None, inv, out int y) && y is > 0 and < 10000)
            return end ? new DateOnly(y, 12, 31) : new DateOnly(y, 1, 1);
        return null;
    }
}

/// <summary>
/// A canonical actor: a person, organization, country or city with names in both languages, the Arabic spelling
/// variants it is written with, its country (ISO 3166 alpha-3, as CAMEO uses), its base CAMEO code and dated roles.
/// Immutable.
/// </summary>
public sealed record Actor
{
    /// <summary>Stable id (john-bolton, rus, rus-gov, kremlin, city-moscow; new:… for actors met in a document).</summary>
    public required string Id { get; init; }
    /// <summary>person, organization, country or city.</summary>
    public required string Kind { get; init; }
    public string? Country { get; init; }
    /// <summary>Base CAMEO-style code (RUSGOV for the Kremlin, RUS for Russia, IGOUNO for the UN).</summary>
    public string? Code { get; init; }
    public string? NameEn { get; init; }
    public string? NameAr { get; init; }
    public IReadOnlyList<string> Variants { get; init; } = [];
    public IReadOnlyList<ActorRole> Roles { get; init; } = [];
    public double? Lat { get; init; }
    public double? Lon { get; init; }

    /// <summary>The role held on <paramref name="date"/> (the latest-starting one when several), or null.</summary>
    public ActorRole? RoleOn(DateOnly? date)
    {
        if (date is null)
            return null;
        ActorRole? best = null;
        foreach (var r in Roles)
        {
            if (!r.Covers(date.Value))
                continue;
            if (best is null || Rank(r) > Rank(best) || (Rank(r) == Rank(best) && (r.From ?? DateOnly.MinValue) > (best.From ?? DateOnly.MinValue)))
                best = r;
        }
        return best;

        static int Rank(ActorRole r) => r.Key == "official" ? 0 : 1;
    }

    /// <summary>The compact reference used inside events and quotes.</summary>
    public ActorRef ToRef() => new(Id, NameEn, NameAr, Country);

    /// <summary>The entry listed on a document: identity plus the role held on the document's date.</summary>
    public ActorInfo ToInfo(DateOnly? date)
    {
        var role = RoleOn(date);
        return new ActorInfo(Id, NameEn, NameAr, Country, Kind, role?.Title) { Code = role?.Code ?? Code };
    }
}
