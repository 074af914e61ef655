using System.Collections.Frozen;
using System.Reflection;
using Marsad.Analysis.Normalization;

namespace Marsad.Analysis.Dates;

/// <summary>
/// Month names of every Arabic naming system (Gregorian: يناير، كانون الثاني، جانفي، غشت …; Hijri: محرم … ذو الحجة)
/// and weekday names, normalized, from the embedded resources dates/months.tsv and dates/weekdays.tsv.
/// Multi-word names (كانون الثاني، ربيع الأول، ذو الحجة) are keyed by their first word with the rest to match; their
/// second word is also accepted without the article (كانون ثاني، تشرين أول).
/// Immutable and thread-safe.
/// </summary>
public sealed class CalendarNames
{
    /// <summary>A month name: calendar (gregorian or islamic), month number, and the words after the first.</summary>
    public sealed record MonthName(bool Hijri, int Month, string[] Rest);

    private CalendarNames(FrozenDictionary<string, MonthName[]> months, FrozenDictionary<string, DayOfWeek> days)
    {
        Months = months;
        Weekdays = days;
    }

    /// <summary>Month names by normalized first word (longest names first).</summary>
    public FrozenDictionary<string, MonthName[]> Months { get; }
    /// <summary>Weekday by normalized name (without the article too).</summary>
    public FrozenDictionary<string, DayOfWeek> Weekdays { get; }

    /// <summary>Loads the embedded month and weekday lists.</summary>
    public static CalendarNames LoadDefault(ArabicNormalizer normalizer)
    {
        var months = new Dictionary<string, List<MonthName>>(StringComparer.Ordinal);
        foreach (var cols in Rows("dates/months.tsv"))
        {
            bool hijri = cols[0] != "gregorian";
            int month = int.Parse(cols[1], System.Globalization.CultureInfo.InvariantCulture);
            var words = normalizer.NormalizeToString(cols[2]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Add(words[0], new MonthName(hijri, month, words[1..]));
            // ذو/ذي القعدة: both cases; "الآخر/الثاني" spellings come from the list itself.
            if (words[0] == "ذو") Add("ذي", new MonthName(hijri, month, words[1..]));
            // the article of an ordinal second word is often dropped: كانون ثاني، تشرين أول، ربيع أول، جمادى أولى
            else if (words.Length == 2 && words[1].StartsWith("ال", StringComparison.Ordinal) && words[1].Length > 3)
                Add(words[0], new MonthName(hijri, month, [words[1][2..]]));
        }
        void Add(string key, MonthName m)
        {
            if (!months.TryGetValue(key, out var list)) months[key] = list = [];
            if (!list.Exists(x => x.Hijri == m.Hijri && x.Month == m.Month && x.Rest.SequenceEqual(m.Rest))) list.Add(m);
        }
        var days = new Dictionary<string, DayOfWeek>(StringComparer.Ordinal);
        foreach (var cols in Rows("dates/weekdays.tsv"))
        {
            var day = (DayOfWeek)int.Parse(cols[0], System.Globalization.CultureInfo.InvariantCulture);
            string n = normalizer.NormalizeToString(cols[1]);
            days[n] = day;
            if (n.StartsWith("ال", StringComparison.Ordinal)) days[n[2..]] = day;
        }
        return new CalendarNames(
            months.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(m => m.Rest.Length).ToArray(), StringComparer.Ordinal),
            days.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static IEnumerable<string[]> Rows(string resource)
    {
        using var reader = Events.EventResources.Open(resource);
        bool header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            if (header) { header = false; continue; }
            yield return line.Split('\t');
        }
    }
}
