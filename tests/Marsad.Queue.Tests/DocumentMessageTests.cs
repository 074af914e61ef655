using System.Text;
using Marsad.Analysis.Documents;
using Marsad.Queue.Messages;

namespace Marsad.Queue.Tests;

/// <summary>The message format: round trips, compression, and every way a body can fail to be a document.</summary>
public sealed class DocumentMessageTests
{
    private static DocumentMessage Message(string text) => new()
    {
        Format = DocumentMessage.FormatTag,
        Document = new SourceDocument { Text = text, Path = "a/b.txt", Title = "عنوان", Published = "2021-06-16", Removed = [new RemovedSpan(0, 3, "furniture")] },
        DefaultPublished = "2021-01-01",
    };

    [Fact]
    public void A_small_document_travels_as_plain_json_and_comes_back_whole()
    {
        var (body, encoding) = DocumentMessageCodec.Encode(Message("قال الوزير إن الاجتماع كان مثمرا."));
        Assert.Null(encoding);
        var decoded = DocumentMessageCodec.Decode(body, encoding);
        Assert.Null(decoded.Poison);
        var m = decoded.Message!;
        Assert.Equal("قال الوزير إن الاجتماع كان مثمرا.", m.Document.Text);
        Assert.Equal("a/b.txt", m.Document.Path);
        Assert.Equal("2021-06-16", m.Document.Published);
        Assert.Equal("2021-01-01", m.DefaultPublished);
        Assert.Equal(new RemovedSpan(0, 3, "furniture"), Assert.Single(m.Document.Removed));
    }

    [Fact]
    public void A_large_document_is_compressed_and_comes_back_whole()
    {
        string text = string.Concat(Enumerable.Repeat("التقى وزير الخارجية الروسي نظيره الأميركي. ", 2_000));
        var (body, encoding) = DocumentMessageCodec.Encode(Message(text));
        Assert.Equal(DocumentMessageCodec.Gzip, encoding);
        Assert.True(body.Length < Encoding.UTF8.GetByteCount(text) / 4, $"compressed body of {body.Length} bytes");
        Assert.Equal(text, DocumentMessageCodec.Decode(body, encoding).Message!.Document.Text);
    }

    [Theory]
    [InlineData("hello, I am not JSON", "not a document: ")]
    [InlineData("{\"x\": 1}", "not a document: ")]
    [InlineData("{\"format\": \"other/1\", \"document\": {\"text\": \"x\"}}", "not a document: format is 'other/1'")]
    [InlineData("{\"format\": \"marsad-document/1\", \"document\": {\"path\": \"p\"}}", "not a document: ")]
    public void Bodies_that_are_not_documents_say_so(string body, string reasonStart)
    {
        var decoded = DocumentMessageCodec.Decode(Encoding.UTF8.GetBytes(body), null);
        Assert.Null(decoded.Message);
        Assert.StartsWith(reasonStart, decoded.Poison);
    }

    [Fact]
    public void Invalid_utf8_is_named_with_its_offset()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"format\": \"marsad-document/1\", \"document\": {\"text\": \"ab\"}}");
        bytes[55] = 0xFF;
        var decoded = DocumentMessageCodec.Decode(bytes, null);
        Assert.Equal("invalid UTF-8 at byte 55 of 59", decoded.Poison);
    }

    [Fact]
    public void Too_large_bodies_and_gzip_bombs_are_refused_before_parsing()
    {
        var big = new byte[DocumentMessageCodec.MaxBodyBytes + 1];
        Assert.StartsWith("too large: a 16,777,217-byte body", DocumentMessageCodec.Decode(big, null).Poison);

        // 64 MiB of zeros gzip to about 64 KiB: the inflated size is capped while reading.
        using var packed = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) gz.Write(zeros);
        }
        Assert.StartsWith("too large: the body inflates beyond", DocumentMessageCodec.Decode(packed.ToArray(), "gzip").Poison);
        Assert.StartsWith("not a document: corrupt gzip body", DocumentMessageCodec.Decode(new byte[] { 1, 2, 3, 4 }, "gzip").Poison);
        Assert.StartsWith("not a document: unknown content encoding 'br'", DocumentMessageCodec.Decode(new byte[] { 1 }, "br").Poison);
    }
}
