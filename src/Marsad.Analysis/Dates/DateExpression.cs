namespace Marsad.Analysis.Dates;

/// <summary>How much of a date is known.</summary>
public enum DatePrecision : byte { Day, Month, Year }

/// <summary>Which family of words a date expression belongs to (one rule of <see cref="DateFinder"/> each).</summary>
public enum DateKind : byte
{
    /// <summary>19/4/2021, 2021-04-19.</summary>
    Numeric,
    /// <summary>A month name with or without a day and a year: 19 نيسان / أبريل 2021، في تموز الماضي، العاشر من أبريل.</summary>
    Calendar,
    /// <summary>14 من الشهر الجاري.</summary>
    DayOfMonth,
    /// <summary>اليوم، اليوم الاثنين.</summary>
    Today,
    /// <summary>أمس، أول أمس، يوم أمس الثلاثاء.</summary>
    Yesterday,
    /// <summary>غدا، يوم غد.</summary>
    Tomorrow,
    /// <summary>قبل يومين، منذ ثلاثة أيام.</summary>
    DaysAgo,
    /// <summary>الخميس، يوم الخميس، فجر الأحد، السبت الماضي.</summary>
    Weekday,
    /// <summary>الأسبوع الماضي / المقبل / الجاري.</summary>
    Week,
    /// <summary>الشهر الماضي / المقبل / الجاري.</summary>
    Month,
    /// <summary>العام الماضي / المقبل / الجاري.</summary>
    Year,
    /// <summary>عام 2021، في العام 2005.</summary>
    YearNumber,
}

/// <summary>
/// A date expression found in text: its token range and span, the words as written, its kind, and the resolved value
/// (<c>yyyy-MM-dd</c>, <c>yyyy-MM</c> or <c>yyyy</c>) or null when it cannot be resolved (no publication date).
/// When the words leave open whether the date lies before or after publication (a bare weekday, a month or a day of a
/// month without a year), <see cref="Value"/> is the reading on or before publication and <see cref="Ahead"/> the
/// reading on or after it; otherwise <see cref="Ahead"/> is null.
/// </summary>
public sealed record DateExpression(int FirstToken, int LastToken, int Start, int End, string Text, string? Value, DatePrecision Precision)
{
    public DateKind Kind { get; init; }
    public string? Ahead { get; init; }
    /// <summary>The words point past publication (غدا، المقبل، القادم), whatever the precision of the value.</summary>
    public bool Forward { get; init; }

    /// <summary>
    /// The value that dates an event of this modality: a planned, proposed or possible event takes the reading ahead
    /// when the words leave the direction open; an asserted event never takes a date after publication (that date
    /// belongs to something else: a plan's target year, a deadline), so null then.
    /// </summary>
    public string? For(Events.EventModality modality, DateOnly? published)
    {
        if (modality == Events.EventModality.Asserted)
            return Forward || Value is not null && published is { } p && IsAfter(Value, p) ? null : Value;
        return modality is Events.EventModality.Negated ? Value : Ahead ?? Value;
    }

    /// <summary>True when every day of <paramref name="date"/> (at its precision) lies after <paramref name="published"/>.</summary>
    public static bool IsAfter(string date, DateOnly published)
    {
        string pub = published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        int n = Math.Min(date.Length, pub.Length);
        return string.CompareOrdinal(date, 0, pub, 0, n) > 0;
    }
}
