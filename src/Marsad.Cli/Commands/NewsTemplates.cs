using System.Net;
using System.Text;

namespace Marsad.Cli.Commands;

/// <summary>
/// Five Arabic news-site page templates, written by the team for <c>eval boilerplate</c>, that wrap a real article:
/// a modern HTML5 site, an old table-layout portal (paragraphs separated by &lt;br&gt;), a "div soup" site with random
/// class names, a WordPress-style blog, and a split body with a long comment thread. The furniture is realistic and partly hard: related-article summaries,
/// comment threads and "most read" boxes hold real prose from other articles, not link lists only.
/// </summary>
internal static class NewsTemplates
{
    public const int Count = 5;

    public static string Name(int t) => t switch { 0 => "html5-portal", 1 => "table-layout", 2 => "div-soup", 3 => "wordpress", _ => "split-heavy" };

    private static readonly string[] Menu = ["الرئيسية", "أخبار محلية", "عربي ودولي", "اقتصاد", "رياضة", "ثقافة وفنون", "تكنولوجيا", "صحة", "منوعات", "فيديو", "رأي", "إنفوغراف"];
    private static readonly string[] Sites = ["بوابة الخبر", "الشرق اليوم", "نبض العرب", "المرصد الإخباري", "صدى البلد الآن"];
    private static readonly string[] Names = ["أحمد سالم", "ليلى حداد", "محمد العلي", "سارة يوسف", "خالد منصور", "نور الهدى"];

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string Sentence(EvalData.Article a, Random rng)
    {
        var parts = a.Text.Split(['.', '\n'], StringSplitOptions.RemoveEmptyEntries).Where(s => s.Trim().Length > 40).ToList();
        if (parts.Count == 0) return a.Title ?? "";
        var s = parts[rng.Next(parts.Count)].Trim();
        return s.Length > 220 ? s[..220] : s;
    }

    private static string Caption(List<EvalData.Article> pool, Random rng)
    {
        var s = Sentence(Pick(pool, rng), rng);
        return s[..Math.Min(40, s.Length)];
    }

    private static EvalData.Article Pick(List<EvalData.Article> pool, Random rng) => pool[rng.Next(pool.Count)];

    private static IEnumerable<string> Paragraphs(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()).Where(p => p.Length > 0);

    public static string Build(int t, EvalData.Article a, List<EvalData.Article> pool, Random rng) => t switch
    {
        0 => Html5(a, pool, rng),
        1 => Table(a, pool, rng),
        2 => DivSoup(a, pool, rng),
        3 => WordPress(a, pool, rng),
        _ => SplitHeavy(a, pool, rng),
    };

    private static string Date(EvalData.Article a) => a.Date is { Length: >= 10 } d ? d[..10] : "2018-05-01";

    private static string Html5(EvalData.Article a, List<EvalData.Article> pool, Random rng)
    {
        var site = Sites[rng.Next(Sites.Length)];
        var sb = new StringBuilder();
        sb.Append($"<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>{E(a.Title!)} | {E(site)}</title>");
        sb.Append($"<meta property=\"og:title\" content=\"{E(a.Title!)}\"><meta property=\"article:published_time\" content=\"{Date(a)}T10:00:00Z\"><meta property=\"og:site_name\" content=\"{E(site)}\">");
        sb.Append("<style>.menu{display:flex}</style><script>window.dataLayer=[];function track(){}</script></head><body>");
        sb.Append($"<header class=\"site-header\"><div class=\"logo\"><a href=\"/\">{E(site)}</a></div><nav><ul>");
        foreach (var m in Menu) sb.Append($"<li><a href=\"/section/{rng.Next(99)}\">{E(m)}</a></li>");
        sb.Append("</ul></nav><div class=\"ticker\"><span>عاجل</span>");
        for (int i = 0; i < 5; i++) sb.Append($"<a href=\"/n/{rng.Next(99999)}\">{E(Pick(pool, rng).Title!)}</a>");
        sb.Append("</div></header><main><article>");
        sb.Append($"<h1>{E(a.Title!)}</h1><div class=\"meta\"><time datetime=\"{Date(a)}\">{Date(a)}</time> <span>بقلم: {E(Names[rng.Next(Names.Length)])}</span></div>");
        sb.Append("<div class=\"share\"><a href=\"#\">فيسبوك</a> <a href=\"#\">تويتر</a> <a href=\"#\">واتساب</a> <a href=\"#\">نسخ الرابط</a></div>");
        sb.Append($"<figure><img src=\"/img/{rng.Next(9999)}.jpg\"><figcaption>{E(Caption(pool, rng))} (أرشيفية)</figcaption></figure>");
        sb.Append("<div class=\"article-body\">");
        var paras = Paragraphs(a.Text).ToList();
        for (int i = 0; i < paras.Count; i++)
        {
            sb.Append($"<p>{E(paras[i])}</p>");
            if (i == paras.Count / 2 && paras.Count > 2) sb.Append($"<p class=\"read-also\">اقرأ أيضاً: <a href=\"/n/{rng.Next(99999)}\">{E(Pick(pool, rng).Title!)}</a></p>");
        }
        sb.Append("</div><div class=\"tags\">الكلمات المفتاحية: ");
        for (int i = 0; i < 4; i++) sb.Append($"<a href=\"/tag/{i}\">{E(Menu[rng.Next(Menu.Length)])}</a> ");
        sb.Append("</div></article><section class=\"related\"><h3>أخبار ذات صلة</h3>");
        for (int i = 0; i < 4; i++)
        {
            var r = Pick(pool, rng);
            sb.Append($"<div class=\"card\"><h4><a href=\"/n/{rng.Next(99999)}\">{E(r.Title!)}</a></h4><p>{E(Sentence(r, rng))}</p></div>");
        }
        sb.Append("</section><section id=\"comments\"><h3>التعليقات (3)</h3>");
        for (int i = 0; i < 3; i++)
            sb.Append($"<div class=\"comment\"><b>{E(Names[rng.Next(Names.Length)])}</b><p>{E(Sentence(Pick(pool, rng), rng))}</p></div>");
        sb.Append("<form><textarea placeholder=\"أضف تعليقك\"></textarea><button>إرسال</button></form></section></main>");
        sb.Append($"<footer><p>{E(site)} موقع إخباري مستقل يقدم آخر الأخبار العربية والعالمية على مدار الساعة، ويلتزم بالمهنية والدقة في نقل الخبر.</p>");
        sb.Append("<a href=\"/about\">من نحن</a> <a href=\"/contact\">اتصل بنا</a> <a href=\"/privacy\">سياسة الخصوصية</a><p>جميع الحقوق محفوظة © 2018</p></footer></body></html>");
        return sb.ToString();
    }

    private static string Table(EvalData.Article a, List<EvalData.Article> pool, Random rng)
    {
        var site = Sites[rng.Next(Sites.Length)];
        var sb = new StringBuilder();
        sb.Append($"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"><title>{E(a.Title!)} - {E(site)}</title></head><body>");
        sb.Append("<table width=\"100%\"><tr><td colspan=\"3\"><img src=\"/logo.gif\"> ");
        foreach (var m in Menu.Take(8)) sb.Append($"<a href=\"/s/{rng.Next(99)}\">{E(m)}</a> | ");
        sb.Append("</td></tr><tr><td width=\"20%\" valign=\"top\"><b>الأكثر قراءة</b><br>");
        for (int i = 0; i < 6; i++) sb.Append($"<a href=\"/n/{rng.Next(99999)}\">{E(Pick(pool, rng).Title!)}</a><br>");
        sb.Append("</td><td width=\"60%\" valign=\"top\">");
        sb.Append($"<font size=\"5\"><b>{E(a.Title!)}</b></font><br><font size=\"1\">آخر تحديث: {Date(a)}</font><br><br>");
        sb.Append(string.Join("<br><br>", Paragraphs(a.Text).Select(E)));
        sb.Append("<br><br><font size=\"1\">ترحب الشبكة بتعليقاتكم، ونذكركم بأن الآراء الواردة أدناه لا تعبر عن رأي الموقع وفق شروط الاستخدام.</font>");
        sb.Append("</td><td width=\"20%\" valign=\"top\"><b>إعلان</b><br><img src=\"/ad.gif\"><br><b>مختارات</b><br>");
        for (int i = 0; i < 3; i++) { var r = Pick(pool, rng); var s = Sentence(r, rng); sb.Append($"<a href=\"/n/{rng.Next(99999)}\">{E(r.Title!)}</a><br>{E(s[..Math.Min(90, s.Length)])}…<br>"); }
        sb.Append("</td></tr><tr><td colspan=\"3\" align=\"center\"><font size=\"1\">حقوق النشر محفوظة 2018 | <a href=\"/terms\">شروط الاستخدام</a></font></td></tr></table></body></html>");
        return sb.ToString();
    }

    private static string Cls(Random rng) => "c-" + rng.Next(100000).ToString("x");

    private static string DivSoup(EvalData.Article a, List<EvalData.Article> pool, Random rng)
    {
        var site = Sites[rng.Next(Sites.Length)];
        var sb = new StringBuilder();
        sb.Append($"<!doctype html><html lang=\"ar\"><head><meta charset=\"UTF-8\"><title>{E(a.Title!)}</title>");
        sb.Append($"<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"{E(a.Title!).Replace("\"", "")}\",\"datePublished\":\"{Date(a)}\"}}</script></head><body>");
        sb.Append($"<div class=\"{Cls(rng)}\">يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك في التصفح، وبمتابعتك التصفح فإنك توافق على ذلك. <span>موافق</span></div>");
        sb.Append($"<div class=\"{Cls(rng)}\"><div class=\"{Cls(rng)}\">");
        foreach (var m in Menu) sb.Append($"<div class=\"{Cls(rng)}\"><a href=\"/{rng.Next(99)}\">{E(m)}</a></div>");
        sb.Append($"</div></div><div class=\"{Cls(rng)}\"><div class=\"{Cls(rng)}\"><div class=\"{Cls(rng)}\">{E(a.Title!)}</div>");
        sb.Append($"<div class=\"{Cls(rng)}\">{Date(a)} · {E(site)}</div><div class=\"{Cls(rng)}\">");
        foreach (var p in Paragraphs(a.Text)) sb.Append($"<div class=\"{Cls(rng)}\">{E(p)}</div>");
        sb.Append($"</div></div><div class=\"{Cls(rng)}\"><div class=\"{Cls(rng)}\">اشترك في نشرتنا البريدية لتصلك أهم الأخبار يومياً على بريدك الإلكتروني، ويمكنك إلغاء الاشتراك في أي وقت.</div>");
        sb.Append($"<div class=\"{Cls(rng)}\">الأكثر قراءة</div>");
        for (int i = 0; i < 5; i++)
        {
            var r = Pick(pool, rng);
            sb.Append($"<div class=\"{Cls(rng)}\"><a href=\"/n/{rng.Next(99999)}\">{E(r.Title!)}</a><div class=\"{Cls(rng)}\">{E(Sentence(r, rng))}</div></div>");
        }
        sb.Append($"</div></div><div class=\"{Cls(rng)}\"><a href=\"/a\">من نحن</a><a href=\"/b\">أعلن معنا</a><a href=\"/c\">اتصل بنا</a> جميع الحقوق محفوظة لـ{E(site)} 2018</div></body></html>");
        return sb.ToString();
    }

    /// <summary>
    /// Written after the extractor was tuned, as a harder check: the body split into two sibling blocks around an
    /// advert and a "read also" teaser, and a comment thread longer than the article, each comment two real sentences.
    /// </summary>
    private static string SplitHeavy(EvalData.Article a, List<EvalData.Article> pool, Random rng)
    {
        var site = Sites[rng.Next(Sites.Length)];
        var paras = Paragraphs(a.Text).ToList();
        int half = Math.Max(1, paras.Count / 2);
        var sb = new StringBuilder();
        sb.Append($"<html lang=\"ar\"><head><meta charset=\"utf-8\"><title>{E(a.Title!)} - {E(site)}</title></head><body>");
        sb.Append("<div id=\"top\">");
        foreach (var m in Menu.Take(7)) sb.Append($"<span><a href=\"/m\">{E(m)}</a></span> ");
        sb.Append($"</div><section><h1>{E(a.Title!)}</h1><section class=\"s1\">");
        foreach (var p in paras.Take(half)) sb.Append($"<p>{E(p)}</p>");
        sb.Append($"</section><section class=\"s2\"><div>إعلان</div><div><b>اقرأ أيضاً</b> <a href=\"/r\">{E(Pick(pool, rng).Title!)}</a></div></section><section class=\"s3\">");
        foreach (var p in paras.Skip(half)) sb.Append($"<p>{E(p)}</p>");
        sb.Append("</section></section><section class=\"s4\"><h2>آراء القراء</h2>");
        for (int i = 0; i < 6; i++)
        {
            var c1 = Sentence(Pick(pool, rng), rng);
            var c2 = Sentence(Pick(pool, rng), rng);
            sb.Append($"<div><span>{E(Names[rng.Next(Names.Length)])}</span> <span>منذ {1 + rng.Next(9)} ساعات</span><p>{E(c1)}. {E(c2)}.</p></div>");
        }
        sb.Append($"</section><div id=\"bottom\">{E(site)} © 2018</div></body></html>");
        return sb.ToString();
    }

    private static string WordPress(EvalData.Article a, List<EvalData.Article> pool, Random rng)
    {
        var site = Sites[rng.Next(Sites.Length)];
        var author = Names[rng.Next(Names.Length)];
        var sb = new StringBuilder();
        sb.Append($"<!DOCTYPE html><html dir=\"rtl\" lang=\"ar\"><head><meta charset=\"UTF-8\"><title>{E(a.Title!)} &#8211; {E(site)}</title><link rel=\"canonical\" href=\"https://site.example/{rng.Next(99999)}/\"></head>");
        sb.Append("<body class=\"post-template-default single\"><div id=\"page\"><div class=\"top-bar\">");
        sb.Append($"<span>{Date(a)}</span> <a href=\"/login\">تسجيل الدخول</a></div><div id=\"primary\"><div class=\"breadcrumb\"><a href=\"/\">الرئيسية</a> » <a href=\"/c\">{E(Menu[rng.Next(Menu.Length)])}</a> » {E(a.Title!)}</div>");
        sb.Append($"<article class=\"post\"><header class=\"entry-header\"><h1 class=\"entry-title\">{E(a.Title!)}</h1><span class=\"byline\">{E(author)}</span></header><div class=\"entry-content\">");
        foreach (var p in Paragraphs(a.Text)) sb.Append($"<p>{E(p)}</p>\n");
        sb.Append("<div class=\"sharedaddy\"><h3>شارك هذا:</h3><ul><li><a href=\"#\">تويتر</a></li><li><a href=\"#\">فيسبوك</a></li></ul></div></div>");
        sb.Append($"<div class=\"author-box\"><h4>عن الكاتب</h4><p>{E(author)} صحفي متخصص في الشؤون السياسية، عمل مراسلاً لعدد من الصحف العربية وغطى أحداث المنطقة منذ سنوات.</p></div>");
        sb.Append($"<nav class=\"post-navigation\"><a href=\"/p\">المقال السابق<br>{E(Pick(pool, rng).Title!)}</a> <a href=\"/n\">المقال التالي<br>{E(Pick(pool, rng).Title!)}</a></nav></article>");
        sb.Append("<div id=\"comments\"><h2>2 تعليقات</h2><ol>");
        for (int i = 0; i < 2; i++)
            sb.Append($"<li><div class=\"comment-author\">{E(Names[rng.Next(Names.Length)])} يقول:</div><p>{E(Sentence(Pick(pool, rng), rng))}</p><a href=\"#\">رد</a></li>");
        sb.Append("</ol><div id=\"respond\"><h3>اترك تعليقاً</h3><p>لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *</p><form><textarea></textarea></form></div></div></div>");
        sb.Append("<aside id=\"secondary\"><h3>أحدث المقالات</h3><ul>");
        for (int i = 0; i < 5; i++) sb.Append($"<li><a href=\"/n/{rng.Next(99999)}\">{E(Pick(pool, rng).Title!)}</a></li>");
        sb.Append("</ul></aside><footer id=\"colophon\">مدعوم بواسطة ووردبريس | قالب إخباري</footer></div></body></html>");
        return sb.ToString();
    }
}
