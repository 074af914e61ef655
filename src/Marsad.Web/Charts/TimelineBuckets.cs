using System.Globalization;
using Marsad.Storage.Records;
using Marsad.Web.Api;

namespace Marsad.Web.Charts;

/// <summary>Folds per-day event counts into day, week (Monday first) or month buckets within a window. Stateless.</summary>
internal static class TimelineBuckets
{
    public static TimelineResponse Count(IReadOnlyList<DayTypeCount> rows, string granularity, string? since, string? until, bool defaultWindow,
        PublicationRange published)
    {
        DateOnly? from = Parse(since), to = Parse(until);
        var buckets = new SortedDictionary<DateOnly, Dictionary<string, int>>();
        var types = new SortedSet<string>(StringComparer.Ordinal);
        int before = 0, after = 0, total = 0;
        foreach (var row in rows)
        {
            if (Parse(row.Day) is not { } day) continue;
            if (from is { } f && day < f) { before += row.Events; continue; }
            if (to is { } t && day > t) { after += row.Events; continue; }
            var start = Start(day, granularity);
            if (!buckets.TryGetValue(start, out var counts)) buckets[start] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
            counts[row.Type] = counts.GetValueOrDefault(row.Type) + row.Events;
            types.Add(row.Type);
            total += row.Events;
        }
        var list = new List<TimelineBucket>(buckets.Count);
        foreach (var (start, counts) in buckets)
            list.Add(new TimelineBucket(Day(start), Day(End(start, granularity)), counts, counts.Values.Sum()));
        return new TimelineResponse(granularity, since, until, defaultWindow, published, [.. types], list, total, before, after);
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Parse(string? day) =>
        day is { Length: >= 10 } && DateOnly.TryParseExact(day.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>The first day of the bucket holding <paramref name="day"/>.</summary>
    internal static DateOnly Start(DateOnly day, string granularity) => granularity switch
    {
        "week" => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        "month" => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    private static DateOnly End(DateOnly start, string granularity) => granularity switch
    {
        "week" => start.AddDays(6),
        "month" => start.AddMonths(1).AddDays(-1),
        _ => start,
    };
}
