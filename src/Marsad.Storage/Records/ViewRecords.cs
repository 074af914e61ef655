using Marsad.Analysis.Documents;

namespace Marsad.Storage.Records;

// What the timeline and map pages read: counts of events, never the events themselves.

/// <summary>The merged events of one day and one PLOVER type.</summary>
public sealed record DayTypeCount(string Day, string Type, int Events);

/// <summary>The merged events at one location (a city, or a country when no finer place was read).</summary>
public sealed record PlaceCount(LocationInfo Location, int Events);

/// <summary>
/// The publication days of the stored articles: first and last, over readable documents whose publication date is not
/// after the day they were stored (a date in the future is a misread, and would stretch the range to nowhere).
/// </summary>
public sealed record PublicationRange(string? First, string? Last, int Documents);
