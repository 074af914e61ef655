using System.Text;

namespace Marsad.Ingest.Encodings;

/// <summary>The outcome of decoding a byte buffer: the text and the encoding it was decoded with, or why it could not be.</summary>
public readonly record struct DecodeResult(string? Text, string? Encoding, string? Error)
{
    public bool Ok => Error is null;
    public static DecodeResult Fail(string reason) => new(null, null, reason);
}

/// <summary>
/// Detects the encoding of a text file from its bytes and decodes it; nothing is assumed.
/// Order of evidence (each step only runs if the earlier ones gave no answer):
/// <list type="number">
/// <item>a byte-order mark (UTF-8, UTF-16 LE/BE);</item>
/// <item>a declared charset (HTTP header, <c>&lt;meta charset&gt;</c>, XML declaration) that decodes strictly — except a
///   single-byte declaration over bytes that are valid multi-byte UTF-8 (a common server misconfiguration);</item>
/// <item>UTF-16 without BOM, recognised by its high-byte pattern: in UTF-16 text of Arabic and ASCII nearly every
///   high byte is 0x00 (ASCII) or 0x06 (Arabic block), on one parity only;</item>
/// <item>strict UTF-8 (invalid sequences are an error, never replaced);</item>
/// <item>binary checks: NUL bytes that do not fit UTF-16, or many control bytes, mean "not text";</item>
/// <item>mostly-valid UTF-8 with a few broken sequences is reported as invalid UTF-8 (decoding it as a legacy code
///   page would give mojibake);</item>
/// <item>legacy Arabic code pages Windows-1256 and ISO-8859-6, each decoded strictly and scored by the share of
///   Arabic letters among all letters; the higher score wins (Windows-1256 on a tie, it is the commoner).</item>
/// </list>
/// Stateless and thread-safe.
/// </summary>
public static class TextDecoder
{
    private static readonly System.Text.Encoding Utf8Strict = new UTF8Encoding(false, true);
    private static readonly System.Text.Encoding Utf16LeStrict = new UnicodeEncoding(false, false, true);
    private static readonly System.Text.Encoding Utf16BeStrict = new UnicodeEncoding(true, false, true);
    private static readonly System.Text.Encoding Windows1256 =
        CodePagesEncodingProvider.Instance.GetEncoding(1256, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;
    private static readonly System.Text.Encoding Iso88596 =
        CodePagesEncodingProvider.Instance.GetEncoding(28596, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;

    /// <summary>Gets a strict (throwing) decoder for a charset label, or null when the label is unknown.</summary>
    public static System.Text.Encoding? ForLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label)) return null;
        switch (label.Trim().Trim('"', '\'').ToLowerInvariant())
        {
            case "utf-8": case "utf8": return Utf8Strict;
            case "utf-16": case "utf-16le": case "utf16": case "unicode": return Utf16LeStrict;
            case "utf-16be": return Utf16BeStrict;
            case "windows-1256": case "cp1256": case "x-cp1256": case "ms-arab": return Windows1256;
            case "iso-8859-6": case "iso8859-6": case "iso_8859-6": case "arabic": case "asmo-708": case "iso-ir-127": case "ecma-114": return Iso88596;
            case "iso-8859-1": case "latin1": case "us-ascii": case "ascii":
                // Labels that servers send by default even for Arabic pages: treated as "not declared".
                return null;
            default:
                try
                {
                    var e = CodePagesEncodingProvider.Instance.GetEncoding(label.Trim(), EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
                        ?? System.Text.Encoding.GetEncoding(label.Trim(), EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
                    return e;
                }
                catch (ArgumentException)
                {
                    return null;
                }
        }
    }

    /// <summary>Canonical lower-case name of an encoding for the output.</summary>
    public static string NameOf(System.Text.Encoding e) => e.CodePage switch
    {
        65001 => "utf-8",
        1200 => "utf-16le",
        1201 => "utf-16be",
        1256 => "windows-1256",
        28596 => "iso-8859-6",
        _ => e.WebName,
    };

    /// <summary>Decodes <paramref name="bytes"/>, trusting <paramref name="declaredCharset"/> only when the bytes decode strictly with it.</summary>
    public static DecodeResult Decode(ReadOnlySpan<byte> bytes, string? declaredCharset = null)
    {
        if (bytes.Length == 0) return DecodeResult.Fail("empty: the file has no bytes");

        // 1. Byte-order marks.
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            return Strict(bytes[3..], Utf8Strict, "utf-8 (BOM)");
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            return Strict(bytes[2..], Utf16LeStrict, "utf-16le (BOM)");
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            return Strict(bytes[2..], Utf16BeStrict, "utf-16be (BOM)");

        // 2. A declared charset is used when it decodes cleanly; a wrong declaration falls through to detection.
        var declared = ForLabel(declaredCharset);
        if (declared is not null && declared.IsSingleByte && IsMultiByteUtf8(bytes))
            declared = null; // valid non-ASCII UTF-8 is never an accident: a server that says windows-1256 for it is wrong
        if (declared is not null)
        {
            var r = Strict(bytes, declared, null);
            if (r.Ok && !LooksBinary(r.Text!)) return r with { Encoding = NameOf(declared) + " (declared)" };
        }

        // 3. UTF-16 without BOM, by the high-byte pattern.
        int parity = Utf16Parity(bytes);
        if (parity >= 0)
        {
            var e = parity == 1 ? Utf16LeStrict : Utf16BeStrict;
            if (bytes.Length % 2 != 0)
                return DecodeResult.Fail($"truncated: looks like {NameOf(e)} but has an odd number of bytes ({bytes.Length})");
            var r = Strict(bytes, e, null);
            if (r.Ok && !LooksBinary(r.Text!)) return r;
            if (!r.Ok) return r;
        }

        // 4. Strict UTF-8.
        int nul = bytes.IndexOf((byte)0);
        if (nul < 0)
        {
            var r = Strict(bytes, Utf8Strict, null);
            if (r.Ok)
                return LooksBinary(r.Text!) ? DecodeResult.Fail("binary: control characters in the bytes, not text") : r;
        }

        // 5. Not text at all?
        if (nul >= 0) return DecodeResult.Fail($"binary: NUL byte at offset {nul} that does not fit UTF-16");
        if (ControlByteShare(bytes) > 0.01) return DecodeResult.Fail("binary: control bytes, not text");

        // 6. Mostly UTF-8 with a few bad sequences: report, do not produce mojibake.
        var (valid, invalidAt, invalidCount) = Utf8Census(bytes);
        if (valid >= 4 && invalidCount * 10 < valid)
            return DecodeResult.Fail($"invalid UTF-8: {invalidCount} bad byte sequence(s), first at byte {invalidAt}");

        // 7. Legacy Arabic code pages, scored.
        var w = Strict(bytes, Windows1256, null);
        var i = Strict(bytes, Iso88596, null);
        double ws = w.Ok ? ArabicLetterShare(w.Text!) : -1;
        double iscore = i.Ok ? ArabicLetterShare(i.Text!) : -1;
        if (ws < 0 && iscore < 0) return DecodeResult.Fail("undecodable: not UTF-8, UTF-16, Windows-1256 or ISO-8859-6");
        var best = iscore > ws ? i : w;
        if (LooksBinary(best.Text!)) return DecodeResult.Fail("binary: control characters in the bytes, not text");
        return best;
    }

    /// <summary>True when the bytes are valid UTF-8 and hold at least one multi-byte sequence.</summary>
    private static bool IsMultiByteUtf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes) is false) return false;
        foreach (var b in bytes) if (b >= 0x80) return true;
        return false;
    }

    private static DecodeResult Strict(ReadOnlySpan<byte> bytes, System.Text.Encoding e, string? name)
    {
        try
        {
            return new DecodeResult(e.GetString(bytes), name ?? NameOf(e), null);
        }
        catch (DecoderFallbackException ex)
        {
            string where = ex.Index >= 0 ? $" at byte {ex.Index}" : "";
            return DecodeResult.Fail($"invalid {name ?? NameOf(e)}{where}");
        }
    }

    /// <summary>
    /// 1 when the bytes look like UTF-16 LE (high bytes at odd offsets), 0 for BE, -1 when not UTF-16.
    /// A high byte of 0x00 (Basic Latin), 0x06 (Arabic), 0x20 (punctuation) or 0xFE/0xFB (presentation forms) is "typical".
    /// </summary>
    internal static int Utf16Parity(ReadOnlySpan<byte> bytes)
    {
        int n = Math.Min(bytes.Length, 8192) & ~1;
        if (n < 4) return -1;
        int typicalEven = 0, typicalOdd = 0, nulEven = 0, nulOdd = 0;
        for (int k = 0; k < n; k += 2)
        {
            byte a = bytes[k], b = bytes[k + 1];
            if (IsTypicalHigh(a)) typicalEven++;
            if (IsTypicalHigh(b)) typicalOdd++;
            if (a == 0) nulEven++;
            if (b == 0) nulOdd++;
        }
        int pairs = n / 2;
        // 0x06 alone is a control byte in every 8-bit encoding, 0x00 too: requiring both sides to differ sharply
        // keeps UTF-8 and Windows-1256 text (where these bytes never occur) out.
        if (typicalOdd >= pairs * 0.9 && typicalEven < pairs * 0.3 && (nulOdd > 0 || CountByte(bytes[..n], 6, 1) > 0)) return 1;
        if (typicalEven >= pairs * 0.9 && typicalOdd < pairs * 0.3 && (nulEven > 0 || CountByte(bytes[..n], 6, 0) > 0)) return 0;
        return -1;

        static bool IsTypicalHigh(byte h) => h is 0x00 or 0x06 or 0x20 or 0xFE or 0xFB or 0xFD or 0x07 or 0x08;
    }

    private static int CountByte(ReadOnlySpan<byte> bytes, byte value, int parity)
    {
        int c = 0;
        for (int k = parity; k < bytes.Length; k += 2) if (bytes[k] == value) c++;
        return c;
    }

    private static double ControlByteShare(ReadOnlySpan<byte> bytes)
    {
        int n = Math.Min(bytes.Length, 65536), c = 0;
        for (int k = 0; k < n; k++)
        {
            byte b = bytes[k];
            if ((b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C)) || b == 0x7F) c++;
        }
        return (double)c / n;
    }

    /// <summary>True when decoded text holds control characters that text files do not have (beyond tab, LF, CR, FF).</summary>
    internal static bool LooksBinary(string text)
    {
        int n = Math.Min(text.Length, 65536), c = 0;
        for (int k = 0; k < n; k++)
        {
            char ch = text[k];
            if ((ch < 0x20 && ch is not ('\t' or '\n' or '\r' or '\f')) || ch == '\u007F' || ch == '\uFFFD') c++;
        }
        return c > Math.Max(2, n / 200);
    }

    /// <summary>Counts valid multi-byte UTF-8 sequences and invalid bytes (with the first invalid offset).</summary>
    private static (int Valid, int FirstInvalid, int Invalid) Utf8Census(ReadOnlySpan<byte> bytes)
    {
        int valid = 0, invalid = 0, first = -1, k = 0;
        while (k < bytes.Length)
        {
            byte b = bytes[k];
            if (b < 0x80) { k++; continue; }
            int need = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
            bool ok = need > 0;
            if (ok)
                for (int j = 1; j <= need; j++)
                    if (k + j >= bytes.Length || (bytes[k + j] & 0xC0) != 0x80) { ok = false; break; }
            if (ok) { valid++; k += need + 1; }
            else { invalid++; if (first < 0) first = k; k++; }
        }
        return (valid, first, invalid);
    }

    /// <summary>Share of Arabic-block letters (U+0621–U+064A, U+066E–U+06D3) among all letters.</summary>
    internal static double ArabicLetterShare(string text)
    {
        int arabic = 0, letters = 0;
        int n = Math.Min(text.Length, 65536);
        for (int k = 0; k < n; k++)
        {
            char ch = text[k];
            if (!char.IsLetter(ch)) continue;
            letters++;
            if ((ch >= '\u0621' && ch <= '\u064A') || (ch >= '\u066E' && ch <= '\u06D3')) arabic++;
        }
        return letters == 0 ? 0 : (double)arabic / letters;
    }
}
