using System.Globalization;
using System.Text.RegularExpressions;

namespace Marsad.Ingest.Html;

/// <summary>
/// Dates written the Arabic way in datelines and bylines: "14 أكتوبر 2021", "3 آب/أغسطس 2013", "الخميس ١٤ تشرين الأول ٢٠٢١",
/// with Egyptian/Gulf month names (يناير … ديسمبر) and Levantine ones (كانون الثاني … كانون الأول), Arabic-Indic digits and
/// the Urdu year marker ء. Also dates in URLs (/2013/08/03/).
/// </summary>
public static partial class ArabicDates
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["يناير"] = 1, ["كانون الثاني"] = 1, ["جانفي"] = 1,
        ["فبراير"] = 2, ["شباط"] = 2, ["فيفري"] = 2,
        ["مارس"] = 3, ["آذار"] = 3, ["اذار"] = 3,
        ["أبريل"] = 4, ["ابريل"] = 4, ["إبريل"] = 4, ["نيسان"] = 4, ["أفريل"] = 4, ["افريل"] = 4,
        ["مايو"] = 5, ["أيار"] = 5, ["ايار"] = 5, ["ماي"] = 5,
        ["يونيو"] = 6, ["يونيه"] = 6, ["حزيران"] = 6, ["جوان"] = 6,
        ["يوليو"] = 7, ["يوليه"] = 7, ["تموز"] = 7, ["جويلية"] = 7,
        ["أغسطس"] = 8, ["اغسطس"] = 8, ["آب"] = 8, ["اب"] = 8, ["أوت"] = 8,
        ["سبتمبر"] = 9, ["أيلول"] = 9, ["ايلول"] = 9,
        ["أكتوبر"] = 10, ["اكتوبر"] = 10, ["تشرين الأول"] = 10, ["تشرين الاول"] = 10,
        ["نوفمبر"] = 11, ["تشرين الثاني"] = 11,
        ["ديسمبر"] = 12, ["كانون الأول"] = 12, ["كانون الاول"] = 12,
    };

    [GeneratedRegex(@"(?<!\d)([0-9٠-٩]{1,2})\s*(?:[-/]\s*)?((?:كانون|تشرين)\s+(?:الأول|الاول|الثاني)|[\u0621-\u064A]{2,7})(?:\s*/\s*[\u0621-\u064A]{2,7})?\s*[-/،,]?\s*([0-9٠-٩]{4})", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|$|[^\d])", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"/((?:19|20)\d\d)/[a-z_\-]+/(\d{1,2})/(\d{1,2})/", RegexOptions.CultureInvariant)]
    private static partial Regex UrlSectionDate();

    /// <summary>The first "day month year" date in <paramref name="text"/> as yyyy-MM-dd, or null.</summary>
    public static string? Find(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        foreach (Match m in DayMonthYear().Matches(text))
        {
            if (!Months.TryGetValue(m.Groups[2].Value, out int month)) continue;
            int day = ParseDigits(m.Groups[1].Value), year = ParseDigits(m.Groups[3].Value);
            if (day is < 1 or > 31 || year is < 1900 or > 2100) continue;
            if (day > DateTime.DaysInMonth(year, month)) continue;
            return new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return null;
    }

    /// <summary>A date in the opening of an article (its dateline): only the first 300 characters are searched.</summary>
    public static string? FindDateline(string text) => Find(text.Length > 300 ? text[..300] : text);

    /// <summary>A date encoded in a URL path (<c>/2013/08/03/</c>, <c>/2013/middle_east/8/3/</c>).</summary>
    public static string? FromUrl(string? url)
    {
        if (url is null) return null;
        var m = UrlDate().Match(url);
        if (!m.Success) m = UrlSectionDate().Match(url);
        if (!m.Success) return null;
        int y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), mo = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), d = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return null;
        return new DateOnly(y, mo, d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static int ParseDigits(string s)
    {
        int v = 0;
        foreach (var c in s)
        {
            int d = c >= '٠' && c <= '٩' ? c - '٠' : c - '0';
            v = v * 10 + d;
        }
        return v;
    }
}
