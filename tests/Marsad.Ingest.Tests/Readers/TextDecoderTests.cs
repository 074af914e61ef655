using System.Text;
using Marsad.Ingest.Encodings;

namespace Marsad.Ingest.Tests.Readers;

public class TextDecoderTests
{
    // A real news sentence (written by the team) with Arabic letters, digits, punctuation and a Latin acronym.
    private const string Sentence = "أعلن المتحدث باسم الكرملين، دميتري بيسكوف، اليوم الخميس أن الرئيسين سيلتقيان في جنيف يوم 16 يونيو (حزيران) 2021.\nوقال إن اللقاء \"مهم\" للعلاقات.";

    private static readonly Encoding W1256 = CodePagesEncodingProvider.Instance.GetEncoding(1256)!;
    private static readonly Encoding Iso6 = CodePagesEncodingProvider.Instance.GetEncoding(28596)!;

    public static TheoryData<string, string> Encodings() => new()
    {
        { "utf-8", "utf-8" },
        { "utf-8-bom", "utf-8 (BOM)" },
        { "utf-16le-bom", "utf-16le (BOM)" },
        { "utf-16be-bom", "utf-16be (BOM)" },
        { "utf-16le", "utf-16le" },
        { "utf-16be", "utf-16be" },
        { "windows-1256", "windows-1256" },
        { "iso-8859-6", "iso-8859-6" },
    };

    internal static byte[] Encode(string text, string name) => name switch
    {
        "utf-8" => new UTF8Encoding(false).GetBytes(text),
        "utf-8-bom" => [0xEF, 0xBB, 0xBF, .. new UTF8Encoding(false).GetBytes(text)],
        "utf-16le-bom" => [0xFF, 0xFE, .. new UnicodeEncoding(false, false).GetBytes(text)],
        "utf-16be-bom" => [0xFE, 0xFF, .. new UnicodeEncoding(true, false).GetBytes(text)],
        "utf-16le" => new UnicodeEncoding(false, false).GetBytes(text),
        "utf-16be" => new UnicodeEncoding(true, false).GetBytes(text),
        "windows-1256" => W1256.GetBytes(text),
        "iso-8859-6" => Iso6.GetBytes(text),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Decode_detects_each_encoding_of_an_Arabic_sentence(string encoding, string expectedName)
    {
        // ISO-8859-6 has no Arabic-Indic digits or Latin letters beyond ASCII; the sentence uses ASCII digits so it round-trips.
        var bytes = Encode(Sentence, encoding);
        var r = TextDecoder.Decode(bytes);
        Assert.True(r.Ok, r.Error);
        Assert.Equal(Sentence, r.Text);
        Assert.Equal(expectedName, r.Encoding);
    }

    [Fact]
    public void Decode_tells_windows_1256_from_iso_8859_6_by_arabic_letter_share()
    {
        // و is 0xE6 in Windows-1256 but 0xE8 in ISO-8859-6 (where 0xE6 is ن): the wrong code page gives Latin letters or other words.
        const string text = "وزير الخارجية وولي العهد ومسؤولون";
        Assert.Equal("windows-1256", TextDecoder.Decode(W1256.GetBytes(text)).Encoding);
        Assert.Equal("iso-8859-6", TextDecoder.Decode(Iso6.GetBytes(text)).Encoding);
    }

    [Fact]
    public void Decode_trusts_a_declared_charset_only_when_it_decodes()
    {
        var bytes = new UTF8Encoding(false).GetBytes(Sentence);
        var r = TextDecoder.Decode(bytes, "windows-1256");
        // Every byte decodes in Windows-1256, but valid multi-byte UTF-8 is no accident: the wrong declaration is overruled.
        Assert.Equal(Sentence, r.Text);
        Assert.Equal("utf-8", r.Encoding);
        var utf8 = TextDecoder.Decode(bytes, "utf-8");
        Assert.Equal(Sentence, utf8.Text);
        Assert.Equal("utf-8 (declared)", utf8.Encoding);
        var wrong = TextDecoder.Decode(W1256.GetBytes(Sentence), "utf-8");
        Assert.Equal(Sentence, wrong.Text);
        Assert.Equal("windows-1256", wrong.Encoding);
    }

    [Fact]
    public void Decode_reads_English_only_utf16_without_bom()
    {
        var bytes = new UnicodeEncoding(false, false).GetBytes("Moscow and Washington agreed on new contacts.");
        var r = TextDecoder.Decode(bytes);
        Assert.Equal("utf-16le", r.Encoding);
    }

    public static TheoryData<string, byte[], string> BadInputs() => new()
    {
        { "empty", [], "empty" },
        { "binary with NULs", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00, 0x7F, 0x00], "binary" },
        { "control bytes", Enumerable.Range(0, 200).Select(i => (byte)(i % 31 + 1)).ToArray(), "binary" },
        { "invalid utf-8 inside utf-8", [.. new UTF8Encoding(false).GetBytes(Sentence[..60]), 0xD8, 0x20, .. new UTF8Encoding(false).GetBytes(Sentence[60..])], "invalid UTF-8" },
        { "odd-length utf-16", [.. new UnicodeEncoding(false, false).GetBytes("سلام عليكم ورحمة الله"), 0x27], "truncated" },
        { "lone surrogate in utf-16 with BOM", [0xFF, 0xFE, 0x27, 0x06, 0x00, 0xD8, 0x20, 0x00], "invalid utf-16le" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Decode_gives_a_one_line_reason_for_bad_input(string name, byte[] bytes, string reasonStart)
    {
        var r = TextDecoder.Decode(bytes);
        Assert.False(r.Ok, name + " decoded as " + r.Encoding);
        Assert.StartsWith(reasonStart, r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', r.Error!);
    }
}
