using Marsad.Storage.Records;

namespace Marsad.Web.Api;

// The JSON shapes of the timeline and map endpoints.

/// <summary>
/// Event counts over time. <c>since</c>/<c>until</c>: the window counted (the publication days when none was asked);
/// <c>before</c>/<c>after</c>: events of the same filters dated outside it (a date read wrong, or an event reported long after).
/// </summary>
public sealed record TimelineResponse(string Granularity, string? Since, string? Until, bool DefaultWindow, PublicationRange Publication,
    IReadOnlyList<string> Types, IReadOnlyList<TimelineBucket> Buckets, int Total, int Before, int After);

/// <summary>One day, week (from Monday) or month: its first and last day and its events per PLOVER type.</summary>
public sealed record TimelineBucket(string Start, string End, IReadOnlyDictionary<string, int> Counts, int Total);

/// <summary>Located events: per place with coordinates, per country, and how many had a location the map cannot place.</summary>
public sealed record MapResponse(IReadOnlyList<MapPlace> Places, IReadOnlyList<MapCountry> Countries, int Located, int Unplaced);

/// <summary>A city or town: its events and where it is (WGS 84 degrees).</summary>
public sealed record MapPlace(string? NameEn, string? NameAr, string? Country, double Lat, double Lon, int Events);

/// <summary>
/// A country: the events located in it (in its cities or the country as a whole), its ISO numeric code (the id of its
/// shape in the packaged world map) and its capital's coordinates (for a country too small to have a shape).
/// </summary>
public sealed record MapCountry(string Country, string? Ccn3, string? NameEn, string? NameAr, double? Lat, double? Lon, int Events);
