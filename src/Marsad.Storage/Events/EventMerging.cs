using Marsad.Analysis.Documents;
using Marsad.Analysis.Merging;

namespace Marsad.Storage.Events;

/// <summary>
/// The store's side of merging reports: its key is the hash of the one <see cref="EventIdentity"/> the analysis folds and
/// merges by, so reports merge in the store exactly as they do in <c>analyze</c>. Like GDELT, a merged event then
/// counts its mentions, sources and articles. Pure functions; thread-safe.
/// </summary>
public static class EventMerging
{
    /// <summary>The merge key: <see cref="EventIdentity.Hash"/> of the report.</summary>
    public static string Key(EventRecord e, AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(document);
        return EventIdentity.Of(e, document.Published, document.Id).Hash();
    }

    /// <summary>A full day for an event: its own date when it has day precision, else the document's day when that
    /// lies inside the event's month or year, else the first day of the event's month or year.</summary>
    public static string? EventDay(EventRecord e, AnalyzedDocument document)
    {
        string? docDay = EventIdentity.Day(document.Published);
        string? date = e.Date;
        if (string.IsNullOrEmpty(date)) return docDay;
        if (date.Length >= 10) return date[..10];
        if (docDay is not null && docDay.StartsWith(date, StringComparison.Ordinal)) return docDay;
        return date.Length == 7 ? date + "-01" : date.Length == 4 ? date + "-01-01" : docDay;
    }
}
