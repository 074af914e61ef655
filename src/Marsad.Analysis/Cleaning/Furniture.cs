using System.Collections.Frozen;

namespace Marsad.Analysis.Cleaning;

/// <summary>
/// Lines that are page furniture on Arabic news sites whatever the site: navigation and share prompts, comment
/// forms, "read also" headers, copyright lines. Written by the team from common site templates (facts, not text).
/// A line is furniture when, after trimming punctuation and normalizing, it equals a phrase or starts with a prefix
/// phrase and is short.
/// </summary>
public static class Furniture
{
    private static readonly FrozenSet<string> Exact = new[]
    {
        "زر الذهاب إلى الأعلى", "الذهاب إلى الأعلى", "اترك تعليقاً", "اترك تعليقا", "أضف تعليقك", "أضف تعليق", "التعليقات",
        "شارك", "شارك الخبر", "شارك المقال", "مشاركة", "شاركها", "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", "إقرأ أيضاً", "اقرأ ايضا",
        "أخبار ذات صلة", "مواضيع ذات صلة", "مقالات ذات صلة", "اخبار ذات صلة", "الأكثر قراءة", "الأكثر مشاهدة", "الأكثر تداولا",
        "تابعونا على", "تابعنا على", "تابعونا", "طباعة", "أرسل لصديق", "إرسال لصديق", "حجم الخط", "تكبير الخط", "تصغير الخط",
        "الرئيسية", "آخر الأخبار", "عاجل", "فيديو", "صور", "إعلان", "اعلان", "المزيد", "اقرأ المزيد", "عرض المزيد",
        "جميع الحقوق محفوظة", "كل الحقوق محفوظة", "سياسة الخصوصية", "اتصل بنا", "من نحن", "اشترك في النشرة البريدية",
        "لن يتم نشر عنوان بريدك الإلكتروني", "الحقول الإلزامية مشار إليها بـ", "الاسم", "البريد الإلكتروني", "الموقع الإلكتروني",
        "إرسال التعليق", "أرسل التعليق", "تعليقات الفيسبوك", "Facebook", "Twitter", "WhatsApp", "Telegram",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] Prefixes =
    [
        "جميع الحقوق محفوظة", "حقوق النشر", "©", "Copyright", "اقرأ أيضا:", "اقرأ أيضاً:", "إقرأ أيضا:", "شاهد أيضا", "شاهد أيضاً",
        "تابعونا على", "تابعوا آخر الأخبار", "للمزيد من الأخبار", "اشترك في", "حمل تطبيق", "حمّل تطبيق", "مصدر الصورة", "صورة أرشيفية",
        "(صورة", "الصورة:", "تصوير:", "لن يتم نشر عنوان بريدك", "آخر تحديث", "تاريخ النشر", "تاريخ التحديث", "الكلمات المفتاحية", "الوسوم:",
    ];

    private static readonly string[] DisclaimerMarkers =
    [
        "التعليقات", "تعليقك", "تعليقاتكم", "سياسة الخصوصية", "شروط استخدام", "شروط الاستخدام", "إرشادات الاستخدام",
        "لا تعبر عن رأي", "لا يعبر عن رأي", "لا تعبر بالضرورة", "الآراء الواردة", "جميع الحقوق محفوظة", "بريدك الإلكتروني",
    ];

    /// <summary>
    /// True for comment-policy and disclaimer paragraphs ("الآراء الواردة أدناه لا تعبر عن رأي الموقع", "ننصحك بمراجعة إرشادات
    /// الاستخدام … سياسة الخصوصية"): at least two distinct markers, so a news sentence that mentions one ("رفض التعليق") stays.
    /// </summary>
    public static bool IsDisclaimer(ReadOnlySpan<char> paragraph)
    {
        if (paragraph.Length > 600) return false;
        int hits = 0;
        foreach (var m in DisclaimerMarkers)
            if (paragraph.Contains(m, StringComparison.Ordinal) && ++hits >= 2) return true;
        return false;
    }

    /// <summary>True when the line is short site furniture.</summary>
    public static bool IsFurnitureLine(ReadOnlySpan<char> line)
    {
        var t = line.Trim().Trim(" :|-–—•·»«،.*\u200f\u200e".AsSpan());
        if (t.Length == 0 || t.Length > 80) return false;
        if (Exact.GetAlternateLookup<ReadOnlySpan<char>>().Contains(t)) return true;
        foreach (var p in Prefixes)
            if (t.StartsWith(p, StringComparison.Ordinal) && t.Length <= 100) return true;
        return false;
    }
}
