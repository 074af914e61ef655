using System.IO.Compression;
using System.Text;

namespace Marsad.Ingest.Readers;

/// <summary>One WARC record reduced to what Marsad needs: an HTTP response's body with its URL, date and charset.</summary>
internal sealed record WarcRecord(string Type, string? TargetUri, string? Date, bool IsHtmlResponse, byte[] Body, string? Charset, string? Error);

/// <summary>
/// Streams the records of a WARC 1.0/1.1 file (already decompressed: WARC.gz is a series of gzip members that
/// <see cref="GZipStream"/> reads as one stream). For <c>response</c> records it parses the HTTP status line and
/// headers, undoes chunked transfer coding and gzip/deflate content coding, and keeps the Content-Type charset.
/// A damaged archive (truncated record, bad header, corrupt gzip) ends the stream with an error; records read
/// before stay read. Not thread-safe.
/// </summary>
internal sealed class WarcReader(Stream stream, long maxRecordBytes) : IDisposable
{
    private readonly BufferedStream _in = new(stream, 1 << 16);

    public void Dispose() => _in.Dispose();

    /// <summary>The next record, or null at the end; <paramref name="error"/> says why reading stopped early.</summary>
    public WarcRecord? Next(out string? error)
    {
        error = null;
        try
        {
            return ReadRecord(out error);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or EndOfStreamException)
        {
            error = "truncated or corrupt archive (" + e.Message + ")";
            return null;
        }
    }

    private WarcRecord? ReadRecord(out string? error)
    {
        error = null;
        string? version;
        do
        {
            version = ReadLine();
            if (version is null) return null;
        } while (version.Length == 0);
        if (!version.StartsWith("WARC/", StringComparison.Ordinal))
        {
            error = "not a WARC record header: '" + Truncate(version) + "'";
            return null;
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            var line = ReadLine() ?? throw new EndOfStreamException("end of file inside WARC headers");
            if (line.Length == 0) break;
            int colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        if (!headers.TryGetValue("Content-Length", out var lenText) || !long.TryParse(lenText, out var length) || length < 0)
        {
            error = "WARC record without a valid Content-Length";
            return null;
        }
        headers.TryGetValue("WARC-Type", out var type);
        headers.TryGetValue("WARC-Target-URI", out var uri);
        headers.TryGetValue("WARC-Date", out var date);
        headers.TryGetValue("Content-Type", out var blockType);
        uri = uri?.Trim('<', '>');
        string? day = date is { Length: >= 10 } ? date[..10] : null;
        bool isResponse = string.Equals(type, "response", StringComparison.OrdinalIgnoreCase)
            && (blockType is null || blockType.Contains("application/http", StringComparison.OrdinalIgnoreCase));
        // A "resource" record holds the document itself, without HTTP headers (some crawlers store pages that way).
        bool isHtmlResource = string.Equals(type, "resource", StringComparison.OrdinalIgnoreCase)
            && blockType is not null && blockType.Contains("html", StringComparison.OrdinalIgnoreCase);
        if (isHtmlResource && length <= maxRecordBytes)
        {
            var body = new byte[length];
            _in.ReadExactly(body);
            return new WarcRecord(type!, uri, day, true, body, Encodings.CharsetSniffer.FromContentType(blockType), null);
        }
        if (!isResponse || length > maxRecordBytes)
        {
            Skip(length);
            if (isResponse)
                return new WarcRecord(type ?? "", uri, day, true, [], null, $"too large: WARC record of {length} bytes");
            return new WarcRecord(type ?? "", uri, day, false, [], null, null);
        }
        var block = new byte[length];
        _in.ReadExactly(block);
        return ParseHttp(type!, uri, day, block);
    }

    private static WarcRecord ParseHttp(string type, string? uri, string? day, byte[] block)
    {
        int headerEnd = block.AsSpan().IndexOf("\r\n\r\n"u8);
        int sep = 4;
        if (headerEnd < 0) { headerEnd = block.AsSpan().IndexOf("\n\n"u8); sep = 2; }
        if (headerEnd < 0) return new WarcRecord(type, uri, day, true, [], null, "warc: HTTP response without a header end");
        var head = Encoding.Latin1.GetString(block, 0, headerEnd).Split('\n');
        string? contentType = null, transfer = null, coding = null;
        int status = 0;
        if (head.Length > 0)
        {
            var parts = head[0].Split(' ', 3);
            if (parts.Length >= 2) int.TryParse(parts[1], out status);
        }
        for (int i = 1; i < head.Length; i++)
        {
            var line = head[i].TrimEnd('\r');
            int colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) contentType = value;
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)) transfer = value;
            else if (name.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase)) coding = value;
        }
        bool html = contentType is null
            ? false
            : contentType.Contains("html", StringComparison.OrdinalIgnoreCase);
        if (!html || status is < 200 or >= 300) return new WarcRecord(type, uri, day, false, [], null, null);
        byte[] body = block[(headerEnd + sep)..];
        try
        {
            if (transfer is not null && transfer.Contains("chunked", StringComparison.OrdinalIgnoreCase)) body = Dechunk(body);
            if (coding is not null && coding.Contains("gzip", StringComparison.OrdinalIgnoreCase)) body = Inflate(new GZipStream(new MemoryStream(body), CompressionMode.Decompress));
            else if (coding is not null && coding.Contains("deflate", StringComparison.OrdinalIgnoreCase)) body = Inflate(new ZLibStream(new MemoryStream(body), CompressionMode.Decompress));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException)
        {
            return new WarcRecord(type, uri, day, true, [], null, "warc: HTTP body cannot be decoded (" + e.Message + ")");
        }
        return new WarcRecord(type, uri, day, true, body, Encodings.CharsetSniffer.FromContentType(contentType), null);
    }

    private static byte[] Inflate(Stream s)
    {
        using (s)
        {
            var ms = new MemoryStream();
            s.CopyTo(ms);
            return ms.ToArray();
        }
    }

    private static byte[] Dechunk(byte[] body)
    {
        var ms = new MemoryStream(body.Length);
        int pos = 0;
        while (pos < body.Length)
        {
            int eol = body.AsSpan(pos).IndexOf((byte)'\n');
            if (eol < 0) throw new FormatException("bad chunk header");
            var sizeText = Encoding.ASCII.GetString(body, pos, eol).Trim().Split(';')[0];
            int size = Convert.ToInt32(sizeText, 16);
            pos += eol + 1;
            if (size == 0) break;
            if (pos + size > body.Length) throw new FormatException("truncated chunk");
            ms.Write(body, pos, size);
            pos += size;
            while (pos < body.Length && body[pos] is (byte)'\r' or (byte)'\n') pos++;
        }
        return ms.ToArray();
    }

    private void Skip(long n)
    {
        var buffer = new byte[8192];
        while (n > 0)
        {
            int read = _in.Read(buffer, 0, (int)Math.Min(buffer.Length, n));
            if (read == 0) throw new EndOfStreamException("end of file inside a WARC record");
            n -= read;
        }
    }

    private string? ReadLine()
    {
        var sb = new StringBuilder();
        while (true)
        {
            int b = _in.ReadByte();
            if (b < 0) return sb.Length == 0 ? null : throw new EndOfStreamException("end of file inside a header line");
            if (b == '\n') break;
            if (sb.Length > 16384) throw new InvalidDataException("header line longer than 16 KB");
            sb.Append((char)b);
        }
        if (sb.Length > 0 && sb[^1] == '\r') sb.Length--;
        return sb.ToString();
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
