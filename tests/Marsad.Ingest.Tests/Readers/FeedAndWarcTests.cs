using System.Text;
using Marsad.Ingest.Readers;
using Marsad.Ingest.Tests.Html;

namespace Marsad.Ingest.Tests.Readers;

public class FeedAndWarcTests
{
    private const string Item1 = "قال وزير الخارجية الروسي إن بلاده مستعدة لاستئناف الحوار مع الولايات المتحدة حول الاستقرار الاستراتيجي.";
    private const string Item2 = "أعلنت وزارة الخزانة الأميركية فرض عقوبات جديدة على شركات روسية، في خطوة قالت موسكو إنها سترد عليها.";

    [Fact]
    public void Rss_items_become_documents_with_link_date_title_and_html_content_as_text()
    {
        using var dir = new TempDir();
        var rss = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>وكالة الأنباء</title>
              <item><title>لافروف: مستعدون للحوار</title><link>https://news.example/1</link><pubDate>Thu, 14 Oct 2021 09:30:00 +0300</pubDate>
                <description>ملخص قصير</description><content:encoded><![CDATA[<p>{Item1}</p>]]></content:encoded><dc:creator>مراسلنا</dc:creator></item>
              <item><title>عقوبات جديدة</title><link>https://news.example/2</link><pubDate>Fri, 15 Oct 2021 10:00:00 GMT</pubDate>
                <description>&lt;p&gt;{Item2}&lt;/p&gt;</description></item>
            </channel></rss>
            """;
        var p = dir.File("feed.xml", rss);
        var docs = new DocumentReader().Read([p]).ToList();
        Assert.Equal(2, docs.Count);
        Assert.Equal(Item1, docs[0].Text);
        Assert.Equal("https://news.example/1", docs[0].Url);
        Assert.Equal("2021-10-14", docs[0].Published);
        Assert.Equal("لافروف: مستعدون للحوار", docs[0].Title);
        Assert.Equal("مراسلنا", docs[0].Author);
        Assert.Equal("وكالة الأنباء", docs[0].Source);
        Assert.Equal(Item2, docs[1].Text);
        Assert.EndsWith("feed.xml#2", docs[1].Path);
    }

    [Fact]
    public void Atom_entries_become_documents()
    {
        using var dir = new TempDir();
        var atom = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>الموقع</title>
              <entry><title>خبر</title><link rel="alternate" href="https://news.example/a"/><published>2021-06-16T10:00:00Z</published>
                <content type="html">&lt;p&gt;{Item1}&lt;/p&gt;</content><author><name>كاتب</name></author></entry>
            </feed>
            """;
        var d = Assert.Single(new DocumentReader().Read([dir.File("a.atom", atom)]));
        Assert.Equal(Item1, d.Text);
        Assert.Equal("https://news.example/a", d.Url);
        Assert.Equal("2021-06-16", d.Published);
        Assert.Equal("كاتب", d.Author);
    }

    [Fact]
    public void Feed_with_a_dtd_entity_bomb_is_not_expanded()
    {
        using var dir = new TempDir();
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><rss><channel><item><title>&b;</title><description>&b;</description></item></channel></rss>";
        var docs = new DocumentReader().Read([dir.File("bomb.rss", xml)]).ToList();
        Assert.NotEmpty(docs);
        Assert.All(docs, d => Assert.True(d.Text.Length < 1000));
    }

    [Fact]
    public void Warc_and_warc_gz_html_responses_become_documents_with_url_and_date()
    {
        using var dir = new TempDir();
        var w1256 = CodePagesEncodingProvider.Instance.GetEncoding(1256)!;
        var page = HtmlExtractorTests.Page().Replace("<meta charset=\"utf-8\">", "");
        byte[] warc =
        [
            .. Warc.RecordBytes("https://news.example/x", Encoding.ASCII.GetBytes("User-agent: *"), "text/plain", type: "request"),
            .. Warc.RecordBytes("https://news.example/1", new UTF8Encoding(false).GetBytes(page), "text/html"),
            .. Warc.RecordBytes("https://news.example/img.png", [0x89, 0x50, 0x4E, 0x47], "image/png"),
            .. Warc.RecordBytes("https://news.example/2", w1256.GetBytes(page), "text/html; charset=windows-1256", "2021-06-17T11:00:00Z"),
        ];
        foreach (var (name, bytes) in new[] { ("a.warc", warc), ("a.warc.gz", DocumentReaderTests.Gzip(warc)) })
        {
            var docs = new DocumentReader().Read([dir.File(name, bytes)]).ToList();
            Assert.Equal(2, docs.Count);
            Assert.All(docs, d => Assert.Null(d.Error));
            Assert.Equal(docs[0].Text, docs[1].Text);
            Assert.Equal("windows-1256 (declared)", docs[1].Encoding);
            Assert.Equal("utf-8", docs[0].Encoding);
            Assert.Equal("2021-06-01", docs[0].Published); // the page's own date wins over the crawl date
        }
    }

    [Fact]
    public void Warc_record_date_is_used_when_the_page_has_none()
    {
        using var dir = new TempDir();
        var html = "<html><body><p>" + Item1 + "</p></body></html>";
        var d = Assert.Single(new DocumentReader().Read([dir.File("b.warc", Warc.RecordBytes("https://news.example/z", new UTF8Encoding(false).GetBytes(html), date: "2021-06-17T11:00:00Z"))]));
        Assert.Equal("2021-06-17", d.Published);
        Assert.Equal("https://news.example/z", d.Url);
    }
}

public class WarcResourceTests
{
    [Fact]
    public void Warc_resource_record_with_html_is_read_and_http_latin1_default_defers_to_meta()
    {
        using var dir = new TempDir();
        const string p = "قال وزير الخارجية الروسي إن بلاده مستعدة لاستئناف الحوار مع الولايات المتحدة حول الاستقرار الاستراتيجي.";
        var html = "<html><head><meta charset=\"windows-1256\"></head><body><p>" + p + "</p></body></html>";
        var body = CodePagesEncodingProvider.Instance.GetEncoding(1256)!.GetBytes(html);
        var head = Encoding.ASCII.GetBytes($"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://z.example/r\r\nWARC-Date: 2021-06-18T00:00:00Z\r\nContent-Type: text/html; charset=iso-8859-1\r\nContent-Length: {body.Length}\r\n\r\n");
        var d = Assert.Single(new DocumentReader().Read([dir.File("r.warc", [.. head, .. body, .. "\r\n\r\n"u8])]));
        Assert.Null(d.Error);
        Assert.Equal(p, d.Text);
        Assert.Equal("windows-1256 (declared)", d.Encoding);
        Assert.Equal("https://z.example/r", d.Url);
    }
}
