using System.Collections.Frozen;
using System.Globalization;
using Marsad.Analysis.Events;
using Marsad.Analysis.Tokenization;

namespace Marsad.Analysis.Dates;

/// <summary>
/// Finds date expressions in a run of words and resolves them against the publication date.
/// Rules (one per expression family):
/// <list type="bullet">
/// <item>اليوم [weekday] → the publication day; with a weekday that is not the publication's, the latest such day before it
/// (text copied from an earlier report).</item>
/// <item>أمس / يوم أمس [weekday] → the day before; أول أمس / أمس الأول → two days before; غدا / يوم غد → the day after.</item>
/// <item>يوم الخميس, الخميس الماضي → the latest Thursday on or before publication; الخميس المقبل → the next one after.</item>
/// <item>[day] month [/ month] [year] [الماضي|المقبل]: any month-naming system; without a year, الماضي is the latest such month
/// before publication, المقبل the next one after, otherwise the publication year. Hijri months convert via the Umm al-Qura
/// calendar (day precision with a day, else the Gregorian month of the Hijri month's middle).</item>
/// <item>الأسبوع/الشهر/العام الماضي|المقبل|الجاري → the week's month (when the week lies in one month), the month, the year.</item>
/// <item>عام 2021 → the year; 19/4/2021 and 2021-04-19 → the day.</item>
/// </list>
/// Thread-safe.
/// </summary>
public sealed class DateFinder(CalendarNames names)
{
    private static readonly UmAlQuraCalendar Hijri = new();

    /// <summary>Finds the date expressions of <c>words[from..to)</c>, resolving against <paramref name="published"/> when given.</summary>
    public List<DateExpression> Find(string text, WordView[] words, int from, int to, DateOnly? published)
    {
        var found = new List<DateExpression>();
        int i = from;
        while (i < to)
        {
            var e = TryAt(text, words, i, from, to, published);
            if (e is null) { i++; continue; }
            // غدا، الأسبوع المقبل، يونيو القادم: words that point past publication, whatever the value's precision
            if (e.Kind == DateKind.Tomorrow || Relative(Bare(words[e.LastToken])) > 0) e = e with { Forward = true };
            found.Add(e);
            i = e.LastToken + 1;
        }
        return found;
    }

    private DateExpression? TryAt(string text, WordView[] w, int i, int from, int to, DateOnly? pub)
    {
        string a = Bare(w[i]);
        // numeric 19/4/2021 or 2021-04-19
        if (w[i].Kind == TokenKind.Number && i + 4 < to && w[i + 1].Norm is "/" or "-" && w[i + 2].Kind == TokenKind.Number
            && w[i + 3].Norm == w[i + 1].Norm && w[i + 4].Kind == TokenKind.Number)
        {
            int x = Num(w[i].Norm), mo = Num(w[i + 2].Norm), z = Num(w[i + 4].Norm);
            DateOnly? d = x > 1000 ? Make(x, mo, z) : z > 1000 ? Make(z, mo, x) : null;
            if (d is { } dd) return Expr(text, w, i, i + 4, dd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DatePrecision.Day, DateKind.Numeric);
        }
        // [day [من]] month ...: the day as digits (19، الـ19) or as an ordinal (العاشر، الحادي والعشرين) before من
        int dayTok = -1, dayValue = 0, mi = i;
        if (w[i].Kind == TokenKind.Number && Num(w[i].Norm) is >= 1 and <= 31 && i + 1 < to) { dayTok = i; dayValue = Num(w[i].Norm); mi = i + 1; }
        else if (w[i].Norm == "ال" && i + 2 < to && w[i + 1].Kind == TokenKind.Number && Num(w[i + 1].Norm) is >= 1 and <= 31)
        { dayTok = i; dayValue = Num(w[i + 1].Norm); mi = i + 2; }
        else if (OrdinalDay(w, i, to, out int ordinal, out int afterOrdinal) && afterOrdinal + 1 < to && Bare(w[afterOrdinal]) == "من")
        { dayTok = i; dayValue = ordinal; mi = afterOrdinal + 1; }
        if (dayTok >= 0 && mi + 1 < to && w[mi].Norm == "من") mi++;
        // 14 من الشهر الجاري / الماضي / المقبل
        if (dayTok >= 0 && mi + 1 < to && Bare(w[mi]) == "الشهر" && MonthOffset(Bare(w[mi + 1])) is int offset)
        {
            if (pub is not { } p) return Expr(text, w, dayTok, mi + 1, null, DatePrecision.Day, DateKind.DayOfMonth);
            var m = new DateOnly(p.Year, p.Month, 1).AddMonths(offset);
            return Expr(text, w, dayTok, mi + 1, Make(m.Year, m.Month, dayValue)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DatePrecision.Day, DateKind.DayOfMonth);
        }
        if (TryMonth(w, mi, to, out var month, out int afterMonth))
        {
            int last = afterMonth - 1;
            // a second name for the same month: "نيسان / أبريل", "نيسان (أبريل)"
            int j = afterMonth;
            while (j < to && w[j].Norm is "/" or "(" or ")" or "-") j++;
            if (j > afterMonth && TryMonth(w, j, to, out var second, out int after2) && second.Hijri == month.Hijri)
            {
                last = after2 - 1;
                if (last + 1 < to && w[last + 1].Norm == ")") last++;
            }
            int? year = null;
            if (last + 1 < to && w[last + 1].Kind == TokenKind.Number && YearOf(w[last + 1].Norm) is int yy)
            {
                year = yy;
                last++;
                if (last + 1 < to && w[last + 1].Norm is "م" or "ء" or "ه" or "هـ") last++;
            }
            int rel = 0;
            bool current = false;
            if (year is null && last + 1 < to)
            {
                rel = Relative(Bare(w[last + 1]));
                current = rel == 0 && IsCurrent(Bare(w[last + 1]));
            }
            if (rel != 0 || current) last++;
            if (dayTok < 0 && year is null && rel == 0 && !current && !PrecededByDateCue(w, i, from))
            {
                // "مايو" alone could be a name; accept a bare month only after في/خلال/منذ/حتى/بداية/نهاية/مطلع/أواخر…
                // Hijri months are first names too (رجب طيب أردوغان، رمضان عبد الله): never alone
                if (month.Hijri || !IsMonthOnlyWord(w[mi])) return null;
            }
            int first = dayTok >= 0 ? dayTok : i;
            int? day = dayTok >= 0 ? dayValue : null;
            return ResolveMonth(text, w, first, last, month.Hijri, month.Month, day, year, rel, current, pub);
        }
        if (dayTok >= 0 && w[dayTok].Kind != TokenKind.ArabicWord) return null;

        // قبل/منذ يومين، قبل ثلاثة أيام (up to ten days back)
        if (a is "قبل" or "منذ" && i + 1 < to && DaysAgo(w, i + 1, to, out int back, out int lastAgo))
            return Relative(text, w, i, lastAgo, pub, DateKind.DaysAgo, p => p.AddDays(-back));

        // اليوم [weekday]
        if (a == "اليوم")
        {
            if (i > from && Bare(w[i - 1]) is "روسيا" or "حتى" or "منذ") return null;
            // في ذات اليوم، في اليوم نفسه: the day named before, not today
            if (i > from && Bare(w[i - 1]) is "ذات" or "نفس" or "ذلك") return null;
            if (i + 1 < to && Bare(w[i + 1]) is "نفسه" or "ذاته") return null;
            if (i + 1 < to && names.Weekdays.TryGetValue(Bare(w[i + 1]), out var wd))
                return Relative(text, w, i, i + 1, pub, DateKind.Today, p => p.DayOfWeek == wd ? p : Previous(p, wd, false));
            if (i + 1 < to && w[i + 1].Kind == TokenKind.ArabicWord && w[i + 1].Norm.StartsWith("ال", StringComparison.Ordinal)) return null;
            return Relative(text, w, i, i, pub, DateKind.Today, p => p);
        }
        // أول أمس / أمس الأول / [يوم] أمس [weekday]
        if (a is "اول" && i + 1 < to && Bare(w[i + 1]) is "امس")
            return Relative(text, w, i, i + 1, pub, DateKind.Yesterday, p => p.AddDays(-2));
        if (a is "امس" || a == "يوم" && i + 1 < to && Bare(w[i + 1]) == "امس")
        {
            int s = i, e = a == "يوم" ? i + 1 : i;
            if (e + 1 < to && Bare(w[e + 1]) == "الاول") return Relative(text, w, s, e + 1, pub, DateKind.Yesterday, p => p.AddDays(-2));
            if (e + 1 < to && names.Weekdays.TryGetValue(Bare(w[e + 1]), out var wd))
                return Relative(text, w, s, e + 1, pub, DateKind.Yesterday, p => p.AddDays(-1).DayOfWeek == wd ? p.AddDays(-1) : Previous(p, wd, true));
            return Relative(text, w, s, e, pub, DateKind.Yesterday, p => p.AddDays(-1));
        }
        if (a is "غدا" || a == "يوم" && i + 1 < to && Bare(w[i + 1]) == "غد")
            return Relative(text, w, i, a == "يوم" ? i + 1 : i, pub, DateKind.Tomorrow, p => p.AddDays(1));
        // يوم الخميس [الماضي|المقبل], الخميس الماضي, فجر الأحد, ليل الأربعاء
        {
            // (فجر is read whole: its ف is not the conjunction)
            int k = a is "يوم" or "مساء" or "صباح" or "ليله" or "ليلة" or "ليل" or "ظهر" or "عصر" or "ظهيره" || w[i].Norm is "فجر" or "وفجر" ? i + 1 : i;
            if (k < to && names.Weekdays.TryGetValue(Bare(w[k]), out var wd) && (k > i || Bare(w[k]).StartsWith("ال", StringComparison.Ordinal)))
            {
                int r = k + 1 < to ? Relative(Bare(w[k + 1])) : 0;
                if (k == i && r == 0 && !WeekdayAsDate(w, i, from, to, wd)) return null;
                int last = r != 0 ? k + 1 : k;
                if (r > 0) return Relative(text, w, i, last, pub, DateKind.Weekday, p => Next(p, wd));
                if (r < 0) return Relative(text, w, i, last, pub, DateKind.Weekday, p => Previous(p, wd, true));
                // no الماضي / المقبل: the latest such day on or before publication, or the next on or after it for a
                // future event (the reader of the event chooses, see DateExpression.For)
                var e = Relative(text, w, i, last, pub, DateKind.Weekday, p => p.DayOfWeek == wd ? p : Previous(p, wd, true));
                return pub is { } pp && pp.DayOfWeek != wd ? e with { Ahead = Day(Next(pp, wd)) } : e;
            }
        }
        // الأسبوع/الشهر/العام الماضي|المقبل|الجاري
        if (a is "الاسبوع" or "الشهر" or "العام" or "السنه" or "السنة" && i + 1 < to)
        {
            int r = Relative(Bare(w[i + 1]));
            bool current = IsCurrent(Bare(w[i + 1]));
            if (r == 0 && !current) goto year;
            if (current) r = 0;
            if (a == "الاسبوع")
            {
                if (pub is not { } p) return Expr(text, w, i, i + 1, null, DatePrecision.Month, DateKind.Week);
                var mid = p.AddDays(7 * r);
                var start = mid.AddDays(-(((int)mid.DayOfWeek + 6) % 7));
                var end = start.AddDays(6);
                return start.Month == end.Month
                    ? Expr(text, w, i, i + 1, start.ToString("yyyy-MM", CultureInfo.InvariantCulture), DatePrecision.Month, DateKind.Week)
                    : start.Year == end.Year ? Expr(text, w, i, i + 1, start.ToString("yyyy", CultureInfo.InvariantCulture), DatePrecision.Year, DateKind.Week)
                    : Expr(text, w, i, i + 1, null, DatePrecision.Year, DateKind.Week);
            }
            if (a == "الشهر")
                return Expr(text, w, i, i + 1, pub?.AddMonths(r).ToString("yyyy-MM", CultureInfo.InvariantCulture), DatePrecision.Month, DateKind.Month);
            return Expr(text, w, i, i + 1, pub?.AddYears(r).ToString("yyyy", CultureInfo.InvariantCulture), DatePrecision.Year, DateKind.Year);
        }
    year:
        if (a is "عام" or "العام" or "سنه" or "سنة" or "السنه" && i + 1 < to && w[i + 1].Kind == TokenKind.Number && YearOf(w[i + 1].Norm) is int y)
            return Expr(text, w, i, i + 1, y.ToString("D4", CultureInfo.InvariantCulture), DatePrecision.Year, DateKind.YearNumber);
        return null;
    }

    private DateExpression ResolveMonth(string text, WordView[] w, int first, int last, bool hijri, int month, int? day, int? year, int rel, bool current, DateOnly? pub)
    {
        if (hijri)
        {
            int hy;
            if (year is int given) hy = given;
            else if (pub is { } p)
            {
                var dt = p.ToDateTime(TimeOnly.MinValue);
                hy = Hijri.GetYear(dt);
                int hm = Hijri.GetMonth(dt);
                if (rel < 0 && month >= hm) hy--;
                else if (rel > 0 && month <= hm) hy++;
            }
            else return Expr(text, w, first, last, null, day is null ? DatePrecision.Month : DatePrecision.Day, DateKind.Calendar);
            try
            {
                if (day is int d)
                    return Expr(text, w, first, last, DateOnly.FromDateTime(Hijri.ToDateTime(hy, month, Math.Min(d, Hijri.GetDaysInMonth(hy, month)), 0, 0, 0, 0)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DatePrecision.Day, DateKind.Calendar);
                var midDay = DateOnly.FromDateTime(Hijri.ToDateTime(hy, month, 15, 0, 0, 0, 0));
                return Expr(text, w, first, last, midDay.ToString("yyyy-MM", CultureInfo.InvariantCulture), DatePrecision.Month, DateKind.Calendar);
            }
            catch (ArgumentOutOfRangeException)
            {
                return Expr(text, w, first, last, null, DatePrecision.Month, DateKind.Calendar);
            }
        }
        int yv;
        int? ahead = null;
        if (year is int yy) yv = yy;
        else if (pub is { } p)
        {
            yv = p.Year;
            if (rel < 0 && month >= p.Month) yv--;
            else if (rel > 0 && month <= p.Month) yv++;
            else if (rel == 0 && !current)
            {
                // no year and no الماضي / المقبل: the latest such month (or day) on or before publication, and the
                // next one on or after it for a future event
                bool later = month > p.Month || month == p.Month && day is int d0 && d0 > p.Day;
                if (later) { yv--; ahead = p.Year; }
                else if (month < p.Month || day is int d1 && d1 < p.Day) ahead = p.Year + 1;
            }
        }
        else return Expr(text, w, first, last, null, day is null ? DatePrecision.Month : DatePrecision.Day, DateKind.Calendar);
        if (day is int dd)
        {
            var date = Make(yv, month, dd);
            var e = Expr(text, w, first, last, date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DatePrecision.Day, DateKind.Calendar);
            return ahead is int ay && Make(ay, month, dd) is { } next ? e with { Ahead = Day(next) } : e;
        }
        var m = Expr(text, w, first, last, $"{yv:D4}-{month:D2}", DatePrecision.Month, DateKind.Calendar);
        return ahead is int am ? m with { Ahead = $"{am:D4}-{month:D2}" } : m;
    }

    private bool TryMonth(WordView[] w, int i, int to, out CalendarNames.MonthName month, out int after)
    {
        month = null!;
        after = i;
        if (i >= to || w[i].Kind != TokenKind.ArabicWord) return false;
        foreach (var form in w[i].Forms)
        {
            if ((form.Kind & FormKind.Noun) == 0 || !names.Months.TryGetValue(form.Text, out var list)) continue;
            foreach (var m in list)
            {
                int j = i + 1;
                bool ok = true;
                foreach (var r in m.Rest)
                {
                    if (j >= to || Bare(w[j]) != r) { ok = false; break; }
                    j++;
                }
                if (!ok) continue;
                month = m;
                after = j;
                return true;
            }
        }
        return false;
    }

    private static bool PrecededByDateCue(WordView[] w, int i, int from)
    {
        if (i <= from) return false;
        string p = Bare(w[i - 1]);
        return p is "في" or "خلال" or "منذ" or "حتي" or "بدايه" or "نهايه" or "مطلع" or "اواخر" or "اوائل" or "اوايل" or "منتصف" or "شهر" or "قبل" or "بعد";
    }

    // Month names that are not also common words or names.
    private static bool IsMonthOnlyWord(WordView v) => v.Norm.Length >= 4 && v.Norm is not ("مايو" or "ماي" or "ايار" or "اب" or "تموز");

    private static bool IsCurrent(string word) => word is "الجاري" or "الحالي" or "الحاليه" or "الحالية";

    /// <summary>Months from the publication month for الشهر الجاري/الحالي (0), الماضي (-1), المقبل (+1); null otherwise.</summary>
    private static int? MonthOffset(string word) => IsCurrent(word) ? 0 : Relative(word) is int r and not 0 ? r : null;

    private static readonly FrozenDictionary<string, int> OrdinalUnits = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["الاول"] = 1, ["الحادي"] = 1, ["الثاني"] = 2, ["الثالث"] = 3, ["الرابع"] = 4, ["الخامس"] = 5, ["السادس"] = 6,
        ["السابع"] = 7, ["الثامن"] = 8, ["التاسع"] = 9, ["العاشر"] = 10, ["العشرين"] = 20, ["الثلاثين"] = 30,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// An ordinal day: العاشر (10), الحادي عشر … التاسع عشر (11–19), العشرين (20), الحادي والعشرين … التاسع والعشرين
    /// (21–29), الثلاثين، الحادي والثلاثين.
    /// </summary>
    private static bool OrdinalDay(WordView[] w, int i, int to, out int day, out int after)
    {
        day = 0;
        after = i;
        if (w[i].Kind != TokenKind.ArabicWord || !OrdinalUnits.TryGetValue(w[i].Norm, out int unit)) return false;
        string next = i + 1 < to ? w[i + 1].Norm : "";
        if (unit < 10 && next is "عشر") (day, after) = (unit + 10, i + 2);
        else if (unit < 10 && next is "والعشرين") (day, after) = (unit + 20, i + 2);
        else if (unit == 1 && next is "والثلاثين") (day, after) = (31, i + 2);
        else if (w[i].Norm != "الحادي") (day, after) = (unit, i + 1);
        return day > 0;
    }

    /// <summary>يومين (2), or a number of days 3–10 in digits or words before أيام.</summary>
    private static bool DaysAgo(WordView[] w, int i, int to, out int days, out int last)
    {
        days = 0;
        last = i;
        if (w[i].Norm is "يومين") { days = 2; return true; }
        if (i + 1 >= to || w[i + 1].Norm != "ايام") return false;
        days = w[i].Kind == TokenKind.Number ? Num(w[i].Norm) : w[i].Norm switch
        {
            "ثلاثه" => 3, "اربعه" => 4, "خمسه" => 5, "سته" => 6, "سبعه" => 7, "ثمانيه" => 8, "تسعه" => 9, "عشره" => 10, _ => 0,
        };
        last = i + 1;
        return days is >= 3 and <= 10;
    }

    // words before a weekday that make it a name, not a date: صلاة الجمعة، خطبة الجمعة، قداس الأحد، كل خميس، أيام السبت
    private static readonly HashSet<string> NotDateBefore = WordSets.Of(["صلاه", "صلاة", "صلوات", "خطبه", "خطبة", "خطب", "قداس", "كل", "ايام", "أيام", "عطله", "عطلة", "سوق", "مسجد", "جامع", "جمعه"]);

    /// <summary>
    /// A weekday with the article and nothing after it (الخميس، وقال الخميس إن، قتلت … الاثنين، بعد) dates what is told
    /// around it, unless a word before makes it a name (صلاة الجمعة). الاثنين is also "the two": not a date before
    /// إلى، على، معا (توصل الاثنين إلى اتفاق) or after كلا، هذين.
    /// </summary>
    private static bool WeekdayAsDate(WordView[] w, int i, int from, int to, DayOfWeek day)
    {
        if (i > from && (NotDateBefore.Contains(w[i - 1].Bare) || NotDateBefore.Contains(w[i - 1].Norm))) return false;
        if (day != DayOfWeek.Monday) return true;
        // "توصل الاثنين إلى اتفاق"، "كلا الاثنين"، "الاثنين معا": the two
        if (i + 1 < to && w[i + 1].Bare is "الي" or "إلى" or "علي" or "على" or "معا" or "منهما" or "كلاهما") return false;
        return !(i > from && w[i - 1].Bare is "كلا" or "كلتا" or "هذين" or "هذان");
    }

    private static int Relative(string word) => word switch
    {
        "الماضي" or "الماضيه" or "الماضية" or "المنصرم" or "المنصرمه" or "الفائت" or "الفايت" => -1,
        "المقبل" or "المقبله" or "المقبلة" or "القادم" or "القادمه" or "القادمة" => 1,
        _ => 0,
    };

    private static DateExpression Relative(string text, WordView[] w, int first, int last, DateOnly? pub, DateKind kind, Func<DateOnly, DateOnly> resolve)
        => Expr(text, w, first, last, pub is { } p ? Day(resolve(p)) : null, DatePrecision.Day, kind);

    private static DateExpression Expr(string text, WordView[] w, int first, int last, string? value, DatePrecision precision, DateKind kind)
        => new(first, last, w[first].Start, w[last].End, text[w[first].Start..w[last].End], value, precision) { Kind = kind };

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The latest <paramref name="day"/> before (or, when <paramref name="strict"/> is false, on) <paramref name="p"/>.</summary>
    private static DateOnly Previous(DateOnly p, DayOfWeek day, bool strict)
    {
        int back = ((int)p.DayOfWeek - (int)day + 7) % 7;
        if (back == 0 && strict) back = 7;
        if (back == 0) back = 7;
        return p.AddDays(-back);
    }

    private static DateOnly Next(DateOnly p, DayOfWeek day)
    {
        int fwd = ((int)day - (int)p.DayOfWeek + 7) % 7;
        return p.AddDays(fwd == 0 ? 7 : fwd);
    }

    private static DateOnly? Make(int y, int m, int d)
        => y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;

    private static int Num(string s)
    {
        int v = 0;
        foreach (char c in s)
        {
            int digit = c is >= '0' and <= '9' ? c - '0' : c is >= '\u0660' and <= '\u0669' ? c - '\u0660' : c is >= '\u06F0' and <= '\u06F9' ? c - '\u06F0' : -1;
            if (digit < 0) return -1;
            v = v * 10 + digit;
            if (v > 100000) return -1;
        }
        return v;
    }

    private static int? YearOf(string s)
    {
        // "2021ء" may be tokenized as one token with the marker; take the leading digits.
        int n = 0, k = 0;
        while (k < s.Length && char.IsDigit(s[k])) k++;
        if (k != 4) return null;
        n = Num(s[..4]);
        return n is >= 1300 and <= 2200 ? n : null;
    }

    private static string Bare(WordView v) => v.Bare;
}
