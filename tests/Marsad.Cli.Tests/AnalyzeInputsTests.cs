using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Marsad.Tests.Common;

namespace Marsad.Cli.Tests;

public class AnalyzeInputsTests
{
    private const string Sentence1 = "أعلن المتحدث باسم الكرملين، دميتري بيسكوف، اليوم الخميس، أن الرئيسين سيلتقيان في جنيف الشهر المقبل لبحث الاستقرار الاستراتيجي.";
    private const string Sentence2 = "وأضاف بيسكوف أن التحضيرات للقمة تسير بشكل جيد، وأن الجانبين اتفقا على جدول الأعمال وملفات الأمن السيبراني.";

    [Fact]
    public void Analyze_reads_html_feed_warc_gz_legacy_text_and_globs_in_one_run()
    {
        var dir = Path.Combine(Path.GetTempPath(), "marsad-cli-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path.Combine(dir, "in"));
        try
        {
            var utf8 = new UTF8Encoding(false);
            var html = $"<html lang=\"ar\"><head><meta charset=\"utf-8\"><title>قمة جنيف</title></head><body><nav><a href=\"/\">الرئيسية</a></nav><article><p>{Sentence1}</p><p>{Sentence2}</p></article><footer>جميع الحقوق محفوظة</footer></body></html>";
            File.WriteAllText(Path.Combine(dir, "in", "page.html"), html, utf8);
            File.WriteAllText(Path.Combine(dir, "in", "feed.rss"), $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>وكالة</title><item><title>قمة</title><link>https://x.example/1</link><pubDate>Thu, 14 Oct 2021 09:30:00 GMT</pubDate><description>ذكرت الوكالة أن وفداً اقتصادياً سيزور العاصمة الأسبوع المقبل لبحث اتفاقيات التجارة والطاقة.</description></item></channel></rss>", utf8);
            var body = utf8.GetBytes(html.Replace(Sentence2, "وقال مصدر دبلوماسي إن موعد القمة لم يحدد بعد، وإن الاتصالات مستمرة بين الجانبين."));
            var http = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\n\r\n");
            byte[] block = [.. http, .. body];
            byte[] warc = [.. Encoding.ASCII.GetBytes($"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://y.example/a\r\nWARC-Date: 2021-06-17T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {block.Length}\r\n\r\n"), .. block, .. "\r\n\r\n"u8];
            using (var fs = File.Create(Path.Combine(dir, "in", "crawl.warc.gz")))
            using (var gz = new GZipStream(fs, CompressionLevel.Fastest)) gz.Write(warc);
            File.WriteAllBytes(Path.Combine(dir, "in", "legacy.txt"), CodePagesEncodingProvider.Instance.GetEncoding(1256)!.GetBytes("قال وزير الخارجية الروسي إن موسكو مستعدة للحوار مع واشنطن حول الأمن الأوروبي."));
            File.WriteAllText(Path.Combine(dir, "in", "english.txt"), "The ministers met in Geneva on Wednesday and agreed to keep talking about strategic stability.", utf8);

            var json = CliRunner.Run(["analyze", Path.Combine(dir, "in", "*.*"), "--format", "jsonl"], out var exit);
            Assert.Equal(0, exit);
            var docs = json.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(5, docs.Count);
            JsonElement ByPath(string end) => docs.Single(d => d.GetProperty("path").GetString()!.Contains(end, StringComparison.Ordinal));

            var page = ByPath("page.html");
            Assert.Equal("ok", page.GetProperty("status").GetString());
            Assert.Equal(Sentence1 + "\n\n" + Sentence2, page.GetProperty("text").GetString());
            Assert.Equal("ar", page.GetProperty("language").GetString());

            var item = ByPath("feed.rss#1");
            Assert.Equal("2021-10-14", item.GetProperty("published").GetString());
            Assert.Equal("https://x.example/1", item.GetProperty("url").GetString());

            var rec = ByPath("crawl.warc.gz#1");
            Assert.Equal("https://y.example/a", rec.GetProperty("url").GetString());
            Assert.Equal("2021-06-17", rec.GetProperty("published").GetString());

            Assert.Equal("windows-1256", ByPath("legacy.txt").GetProperty("encoding").GetString());
            var en = ByPath("english.txt");
            Assert.Equal("rejected", en.GetProperty("status").GetString());
            Assert.StartsWith("language: en", en.GetProperty("reason").GetString());
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
