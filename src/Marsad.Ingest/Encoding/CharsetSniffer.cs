using System.Text;
using System.Text.RegularExpressions;

namespace Marsad.Ingest.Encodings;

/// <summary>Finds a declared charset in the ASCII-compatible head of a document (HTML meta, XML declaration, HTTP header).</summary>
public static partial class CharsetSniffer
{
    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();

    [GeneratedRegex(@"^\s*<\?xml[^>]*encoding\s*=\s*[""']([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex XmlEncoding();

    [GeneratedRegex(@"charset\s*=\s*[""']?([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderCharset();

    /// <summary>The charset of <c>&lt;meta charset&gt;</c> or <c>&lt;meta http-equiv="Content-Type" content="…; charset=…"&gt;</c> in the first 4 KB.</summary>
    public static string? FromHtmlMeta(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var m = MetaCharset().Match(head);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>The <c>encoding</c> of an XML declaration.</summary>
    public static string? FromXmlDeclaration(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 512)]);
        var m = XmlEncoding().Match(head);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>The <c>charset</c> parameter of an HTTP Content-Type header value.</summary>
    public static string? FromContentType(string? contentType)
    {
        if (contentType is null) return null;
        var m = HeaderCharset().Match(contentType);
        return m.Success ? m.Groups[1].Value : null;
    }
}
