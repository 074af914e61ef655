using System.IO.Compression;
using System.Text;
using Marsad.Ingest.Readers;

namespace Marsad.Ingest.Tests.Readers;

public class DocumentReaderTests
{
    private const string Arabic = "قال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة للحوار مع واشنطن حول الاستقرار الاستراتيجي.";

    [Fact]
    public void Folder_is_read_recursively_with_each_file_encoding_detected()
    {
        using var dir = new TempDir();
        foreach (var row in TextDecoderTests.Encodings())
        {
            var name = (string)row[0];
            dir.File($"sub/{name}/doc.txt", TextDecoderTests.Encode(Arabic, name));
        }
        dir.File("ignored.png", [0x89, 0x50, 0x4E, 0x47]);
        var docs = new DocumentReader().Read([dir.Path]).ToList();
        Assert.Equal(TextDecoderTests.Encodings().Count, docs.Count);
        Assert.All(docs, d => { Assert.Null(d.Error); Assert.Equal(Arabic, d.Text); });
        Assert.Contains(docs, d => d.Encoding == "windows-1256");
        Assert.Contains(docs, d => d.Encoding == "utf-16be");
    }

    [Fact]
    public void Jsonl_lines_carry_their_metadata_and_date_alias()
    {
        using var dir = new TempDir();
        var p = dir.File("a.jsonl",
            "{\"id\":\"x1\",\"text\":\"" + Arabic + "\",\"title\":\"عنوان\",\"date\":\"2021-06-16\",\"source\":\"وكالة\",\"url\":\"https://example.org/1\"}\n\n" +
            "{\"id\":\"x2\",\"text\":\"نص\",\"published\":\"2021-06-17\"}\n");
        var docs = new DocumentReader().Read([p]).ToList();
        Assert.Equal(2, docs.Count);
        Assert.Equal("x1", docs[0].SourceId);
        Assert.Equal("2021-06-16", docs[0].Published);
        Assert.Equal("وكالة", docs[0].Source);
        Assert.Equal("https://example.org/1", docs[0].Url);
        Assert.EndsWith("a.jsonl:1", docs[0].Path);
        Assert.EndsWith("a.jsonl:3", docs[1].Path);
        Assert.Equal("2021-06-17", docs[1].Published);
    }

    [Fact]
    public void Jsonl_gz_is_read()
    {
        using var dir = new TempDir();
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
            gz.Write(Encoding.UTF8.GetBytes("{\"id\":\"g\",\"text\":\"" + Arabic + "\"}\n"));
        var p = dir.File("b.jsonl.gz", ms.ToArray());
        var d = Assert.Single(new DocumentReader().Read([p]));
        Assert.Equal(Arabic, d.Text);
    }

    [Fact]
    public void A_cut_off_jsonl_gz_is_reported_as_truncated_gzip_after_the_lines_read_whole()
    {
        // The cut falls inside a line: that line must be reported as the gzip's fault, not as invalid JSON.
        var line = "{\"id\":\"g\",\"text\":\"" + Arabic + "\"}\n";
        var whole = Gzip(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 200).Select(i => line.Replace("\"g\"", $"\"g{i}\"")))));
        using var dir = new TempDir();
        var p = dir.File("cut.jsonl.gz", whole[..(whole.Length / 2)]);
        var docs = new DocumentReader().Read([p]).ToList();
        var failed = Assert.Single(docs, d => d.Error is not null);
        Assert.Same(failed, docs[^1]);
        Assert.StartsWith("jsonl.gz: truncated or corrupt gzip", failed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("invalid JSON", failed.Error, StringComparison.Ordinal);
        Assert.All(docs[..^1], d => Assert.Equal(Arabic, d.Text));

        // The whole file still reads without error.
        var all = new DocumentReader().Read([dir.File("whole.jsonl.gz", whole)]).ToList();
        Assert.Equal(200, all.Count);
        Assert.All(all, d => Assert.Null(d.Error));
    }

    [Fact]
    public void Glob_matches_files_in_nested_folders()
    {
        using var dir = new TempDir();
        dir.File("2021/06/a.txt", Arabic);
        dir.File("2021/07/b.txt", Arabic + " ثانية");
        dir.File("2021/07/c.md", "not read");
        var docs = new DocumentReader().Read([Path.Combine(dir.Path, "2021", "**", "*.txt")]).ToList();
        Assert.Equal(2, docs.Count);
        Assert.All(docs, d => Assert.Null(d.Error));
        var none = Assert.Single(new DocumentReader().Read([Path.Combine(dir.Path, "*.html")]));
        Assert.StartsWith("not found", none.Error);
    }

    public static TheoryData<string, byte[], string> BadFiles()
    {
        var utf8 = new UTF8Encoding(false);
        var gzTruncated = Gzip(utf8.GetBytes(Warc.Record("https://example.org/a", "<html><body><p>" + Arabic + "</p></body></html>")));
        return new()
        {
            { "empty.txt", [], "empty" },
            { "blank.txt", utf8.GetBytes("  \n\t \n"), "empty" },
            { "image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x01, 0x02, 0x03], "binary" },
            { "broken.txt", [.. utf8.GetBytes(Arabic), 0xC3, 0x28, .. utf8.GetBytes(Arabic)], "invalid UTF-8" },
            { "bad.jsonl", utf8.GetBytes("{\"id\": 1, \"text\": \"نص\"\n"), "jsonl: invalid JSON" },
            { "notext.jsonl", utf8.GetBytes("{\"id\": \"a\", \"body\": \"نص\"}\n"), "jsonl: line has no \"text\"" },
            { "nobody.html", utf8.GetBytes("<html><head><title>عنوان</title></head></html>"), "html: page has no body" },
            { "menu.html", utf8.GetBytes("<html><body><ul><li><a href=/>الرئيسية</a></li></ul></body></html>"), "html: no main text" },
            { "broken.rss", utf8.GetBytes("<?xml version=\"1.0\"?><rss><channel><item><title>خبر</title></item>"), "feed: broken XML" },
            { "truncated.warc.gz", gzTruncated[..(gzTruncated.Length * 2 / 3)], "warc.gz: truncated" },
            { "truncated.warc", utf8.GetBytes(Warc.Record("https://example.org/a", "<html><body><p>" + Arabic + "</p></body></html>"))[..150], "warc: truncated" },
            { "notwarc.warc", utf8.GetBytes("hello\r\n\r\n"), "warc: not a WARC record header" },
        };
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_file_gives_a_reason_and_the_batch_goes_on(string name, byte[] bytes, string reasonStart)
    {
        using var dir = new TempDir();
        var bad = dir.File(name, bytes);
        var good = dir.File("good.txt", Arabic);
        var docs = new DocumentReader().Read([bad, good]).ToList();
        var failed = docs.Where(d => d.Error is not null).ToList();
        Assert.NotEmpty(failed);
        Assert.StartsWith(reasonStart, failed[0].Error!, StringComparison.Ordinal);
        Assert.All(failed, d => Assert.DoesNotContain('\n', d.Error!));
        Assert.Equal(Arabic, docs[^1].Text);
    }

    [Fact]
    public void Over_large_file_is_refused_without_being_read()
    {
        using var dir = new TempDir();
        var p = Path.Combine(dir.Path, "big.txt");
        using (var fs = File.Create(p)) fs.SetLength(50L * 1024 * 1024); // sparse: 50 MB of NULs on disk
        var d = Assert.Single(new DocumentReader().Read([p]));
        Assert.StartsWith("too large: 50.0 MB", d.Error);
    }

    [Fact]
    public void Missing_path_is_reported()
    {
        var d = Assert.Single(new DocumentReader().Read(["/nonexistent/marsad/file.txt"]));
        Assert.StartsWith("not found", d.Error);
    }

    internal static byte[] Gzip(byte[] data)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(data);
        return ms.ToArray();
    }
}
