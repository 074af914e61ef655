using System.Security.Cryptography;
using System.Text;
using Marsad.Analysis.Documents;

namespace Marsad.Storage.Events;

/// <summary>
/// Decides which reports are the same event. Two event records merge when they agree on PLOVER type, mode,
/// modality, the set of source actor ids, the set of target actor ids and the day (the event's own date, else the
/// reporting document's publication day). A record with neither date nor publication day never merges across
/// documents. Like GDELT, a merged event then counts its mentions, sources and articles. Pure functions; thread-safe.
/// </summary>
public static class EventMerging
{
    /// <summary>The merge key: 32 hex digits of SHA-256 over the canonical description above.</summary>
    public static string Key(EventRecord e, AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(document);
        var sb = new StringBuilder(128);
        sb.Append(e.Type.ToUpperInvariant()).Append('|').Append(e.Mode?.ToLowerInvariant()).Append('|')
          .Append(e.Modality.ToLowerInvariant()).Append('|');
        AppendIds(sb, e.Source);
        sb.Append('|');
        AppendIds(sb, e.Target);
        sb.Append('|');
        string? when = e.Date ?? Day(document.Published);
        sb.Append(when ?? "doc:" + document.Id);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>A full day for an event: its own date when it has day precision, else the document's day when that
    /// lies inside the event's month or year, else the first day of the event's month or year.</summary>
    public static string? EventDay(EventRecord e, AnalyzedDocument document)
    {
        string? docDay = Day(document.Published);
        string? date = e.Date;
        if (string.IsNullOrEmpty(date)) return docDay;
        if (date.Length >= 10) return date[..10];
        if (docDay is not null && docDay.StartsWith(date, StringComparison.Ordinal)) return docDay;
        return date.Length == 7 ? date + "-01" : date.Length == 4 ? date + "-01-01" : docDay;
    }

    /// <summary>The yyyy-MM-dd prefix of an ISO date or date-time, or null.</summary>
    public static string? Day(string? isoDate) =>
        isoDate is { Length: >= 10 } && char.IsAsciiDigit(isoDate[0]) && isoDate[4] == '-' && isoDate[7] == '-' ? isoDate[..10] : null;

    private static void AppendIds(StringBuilder sb, IReadOnlyList<ActorRef> actors)
    {
        var ids = actors.Select(a => a.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        sb.AppendJoin(',', ids);
    }
}
