using System.Text;
using Marsad.Ingest.Html;
using Marsad.Ingest.Readers;
using Marsad.Tests.Common;

namespace Marsad.Ingest.Tests.Html;

public class HtmlExtractorTests
{
    private const string P1 = "أعلن المتحدث باسم الكرملين، دميتري بيسكوف، اليوم الخميس، أن الرئيسين سيلتقيان في جنيف الشهر المقبل لبحث الاستقرار الاستراتيجي.";
    private const string P2 = "وأضاف بيسكوف أن التحضيرات للقمة تسير بشكل جيد، وأن الجانبين اتفقا على جدول الأعمال، بما في ذلك ملفات الأمن السيبراني.";
    private const string P3 = "وكان البيت الأبيض قد أعلن في وقت سابق أن الرئيس الأميركي سيزور أوروبا، حيث يشارك في قمة مجموعة السبع وحلف شمال الأطلسي.";

    internal static string Page(string lang = "ar") => $$$"""
        <!DOCTYPE html><html lang="{{{lang}}}"><head><meta charset="utf-8">
        <title>بوتين وبايدن يلتقيان في جنيف | موقع الأخبار</title>
        <meta property="og:site_name" content="موقع الأخبار">
        <link rel="canonical" href="https://news.example/2021/06/01/summit">
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"بوتين وبايدن يلتقيان في جنيف","datePublished":"2021-06-01T08:00:00+03:00","author":{"@type":"Person","name":"سارة أحمد"}}</script>
        </head><body>
        <div class="x1"><ul><li><a href="/">الرئيسية</a></li><li><a href="/w">العالم</a></li><li><a href="/e">اقتصاد</a></li><li><a href="/s">رياضة</a></li></ul></div>
        <div class="x2"><a href="/a">عاجل: انفجار في مرفأ</a> <a href="/b">ارتفاع أسعار النفط</a> <a href="/c">نتائج الدوري</a></div>
        <div class="x3"><h1>بوتين وبايدن يلتقيان في جنيف</h1>
          <div class="x4"><p>{{{P1}}}</p><figure><img src="a.jpg"><figcaption>بوتين وبايدن</figcaption></figure><p>{{{P2}}}</p><p>{{{P3}}}</p></div>
          <div class="x5"><h3>اقرأ أيضاً</h3><ul><li><a href="/r1">لافروف يلتقي بلينكن في ريكيافيك لبحث العلاقات الثنائية</a></li><li><a href="/r2">واشنطن تفرض عقوبات جديدة على موسكو</a></li></ul></div>
        </div>
        <div class="x6"><p>اترك تعليقاً</p><p>لن يتم نشر عنوان بريدك الإلكتروني.</p></div>
        <div class="x7">جميع الحقوق محفوظة © 2021 <a href="/p">سياسة الخصوصية</a> <a href="/c">اتصل بنا</a></div>
        </body></html>
        """;

    [Fact]
    public void Extract_keeps_the_article_paragraphs_without_relying_on_class_names()
    {
        // Class names here (x1 … x7) carry no meaning: only text and link density, punctuation and structure decide.
        var page = new HtmlExtractor().Extract(Page());
        Assert.Null(page.Error);
        Assert.Equal(P1 + "\n\n" + P2 + "\n\n" + P3, page.Text);
    }

    [Fact]
    public void Extract_reads_metadata_from_json_ld_og_and_canonical()
    {
        var page = new HtmlExtractor().Extract(Page());
        Assert.Equal("بوتين وبايدن يلتقيان في جنيف", page.Title);
        Assert.Equal("2021-06-01", page.Published);
        Assert.Equal("سارة أحمد", page.Author);
        Assert.Equal("موقع الأخبار", page.SiteName);
        Assert.Equal("https://news.example/2021/06/01/summit", page.CanonicalUrl);
    }

    [Fact]
    public void Arabic_dateline_gives_the_date_when_no_meta_does()
    {
        Assert.Equal("2021-10-14", ArabicDates.Find("(پاکستان پوائنٹ نیوز / سبوتنيك - 14 اكتوبر 2021ء) أعلن"));
        Assert.Equal("2013-08-03", ArabicDates.Find("دمشق، السبت ٣ آب/أغسطس ٢٠١٣"));
        Assert.Equal("2021-04-19", ArabicDates.Find("في 19 نيسان / أبريل 2021"));
        Assert.Equal("2013-08-03", ArabicDates.FromUrl("http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html"));
    }

    [Fact]
    public void Real_CNN_Arabic_page_matches_its_reference_extraction()
    {
        var html = File.ReadAllText(SharedData.Data("news", "html", "cnn_arabic_2013_syria_clashes.newspaper4k.html"));
        var expected = File.ReadAllText(SharedData.Data("news", "html", "cnn_arabic_2013_syria_clashes.newspaper4k.expected_text.txt"));
        var page = new HtmlExtractor().Extract(html, "http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html");
        Assert.Equal("معارضون يسيطرون على مخازن للصواريخ بريف دمشق", page.Title);
        Assert.Equal("2013-08-03", page.Published);
        var got = page.Text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var want = expected.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var (p, r) = Boilerplate(got, want);
        Assert.True(p >= 0.97 && r >= 0.97, $"precision {p:0.000} recall {r:0.000}");
    }

    internal static (double P, double R) Boilerplate(string[] got, string[] want)
    {
        var bag = want.GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        int hit = 0;
        foreach (var w in got)
            if (bag.TryGetValue(w, out int n) && n > 0) { bag[w] = n - 1; hit++; }
        return ((double)hit / Math.Max(1, got.Length), (double)hit / Math.Max(1, want.Length));
    }

    [Fact]
    public void Deeply_nested_page_is_refused_quickly_and_moderate_nesting_is_read()
    {
        static string Nested(int n)
        {
            var sb = new StringBuilder("<html><body>");
            for (int i = 0; i < n; i++) sb.Append("<div>");
            sb.Append("<p>").Append(P1).Append("</p>");
            for (int i = 0; i < n; i++) sb.Append("</div>");
            return sb.Append("</body></html>").ToString();
        }
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var deep = new HtmlExtractor().Extract(Nested(100_000));
        Assert.StartsWith("html: elements nested 100", deep.Error);
        Assert.True(sw.ElapsedMilliseconds < 2000, $"took {sw.ElapsedMilliseconds} ms");
        var moderate = new HtmlExtractor().Extract(Nested(1500));
        Assert.Null(moderate.Error);
        Assert.Equal(P1, moderate.Text);
    }

    [Fact]
    public void Meta_charset_windows_1256_page_is_decoded()
    {
        using var dir = new TempDir();
        var w1256 = CodePagesEncodingProvider.Instance.GetEncoding(1256)!;
        var html = Page().Replace("<meta charset=\"utf-8\">", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">");
        var p = dir.File("page.htm", w1256.GetBytes(html));
        var d = Assert.Single(new DocumentReader().Read([p]));
        Assert.Null(d.Error);
        Assert.StartsWith(P1, d.Text);
        Assert.Equal("windows-1256 (declared)", d.Encoding);
    }
}

public class CommentThreadTests
{
    private const string A = "قال المتحدث باسم الحكومة، في مؤتمر صحفي اليوم، إن المفاوضات التي بدأت منذ 3 أيام ستستمر حتى نهاية الأسبوع.";
    private const string B = "وأضاف أن الوفدين اتفقا منذ 2 أسابيع على جدول الأعمال، وأن الجولة المقبلة ستعقد في القاهرة.";
    private const string C = "وكانت الاحتجاجات قد اندلعت منذ 5 أشهر، مطالبة بإصلاحات اقتصادية وسياسية واسعة في البلاد.";

    [Fact]
    public void A_comment_thread_longer_than_the_article_is_left_out()
    {
        var comments = string.Concat(Enumerable.Range(1, 5).Select(i =>
            $"<div><span>قارئ {i}</span> <span>منذ {i} ساعات</span><p>{B} {C} وهذا رأيي في الموضوع كله منذ البداية وحتى الآن.</p></div>"));
        var html = $"<html><body><section><h1>عنوان</h1><p>{A}</p><p>{B}</p></section><section>{comments}</section></body></html>";
        var page = new HtmlExtractor().Extract(html);
        Assert.Equal(A + "\n\n" + B, page.Text);
    }

    [Fact]
    public void News_paragraphs_saying_since_three_days_are_not_a_comment_thread()
    {
        // "منذ 3 أيام" inside long paragraphs is news wording, not a comment byline.
        var html = $"<html><body><div><p>{A}</p><p>{B}</p><p>{C}</p></div><footer>حقوق</footer></body></html>";
        Assert.Equal(A + "\n\n" + B + "\n\n" + C, new HtmlExtractor().Extract(html).Text);
    }
}
