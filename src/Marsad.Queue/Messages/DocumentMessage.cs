using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marsad.Analysis.Documents;

namespace Marsad.Queue.Messages;

/// <summary>
/// One document on the work queue: the source document as the reader delivered it (with the cross-document furniture
/// the publisher marked) and the run's default publication date. Documents travel inline, as UTF-8 JSON, gzip-compressed
/// above <see cref="DocumentMessageCodec.CompressAbove"/> bytes: the reader already refuses files above 16 MiB and news articles are a few
/// kilobytes, so neither references nor chunking are needed. A body above <see cref="DocumentMessageCodec.MaxBodyBytes"/> (or one that
/// inflates above <see cref="DocumentMessageCodec.MaxJsonBytes"/>) is not a news document and is dead-lettered as too large.
/// </summary>
public sealed record DocumentMessage
{
    /// <summary>The format tag every document message carries; anything else on the queue is not a document.</summary>
    public const string FormatTag = "marsad-document/1";

    public required string Format { get; init; }

    public required SourceDocument Document { get; init; }

    /// <summary>Publication date (yyyy-MM-dd) for a document that carries none, as <c>ingest --published</c> gives it.</summary>
    public string? DefaultPublished { get; init; }
}

/// <summary>A decoded message: the document, or why it cannot be one (the dead-letter reason).</summary>
public readonly record struct DecodedMessage(DocumentMessage? Message, string? Poison);

/// <summary>Turns <see cref="DocumentMessage"/>s into queue bodies and back, checking everything a hostile body could break.</summary>
public static class DocumentMessageCodec
{
    /// <summary>Bodies above this are gzip-compressed.</summary>
    public const int CompressAbove = 16 * 1024;

    /// <summary>The largest body a worker accepts (compressed or not).</summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>The largest JSON a body may inflate to (a 16 MiB file of Arabic text is about that once escaped).</summary>
    public const int MaxJsonBytes = 48 * 1024 * 1024;

    /// <summary>The content encoding of a compressed body.</summary>
    public const string Gzip = "gzip";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>The body and its content encoding (null or <see cref="Gzip"/>).</summary>
    public static (byte[] Body, string? ContentEncoding) Encode(DocumentMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(message, Json);
        if (json.Length <= CompressAbove) return (json, null);
        using var packed = new MemoryStream(json.Length / 3);
        using (var gz = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(json);
        return (packed.ToArray(), Gzip);
    }

    /// <summary>Decodes a body; never throws on bad input (the reason comes back instead).</summary>
    public static DecodedMessage Decode(ReadOnlyMemory<byte> body, string? contentEncoding)
    {
        if (body.Length > MaxBodyBytes)
            return Poisoned($"too large: a {body.Length:N0}-byte body (at most {MaxBodyBytes:N0} bytes)");
        ReadOnlyMemory<byte> json = body;
        if (string.Equals(contentEncoding, Gzip, StringComparison.OrdinalIgnoreCase))
        {
            var inflated = Inflate(body, out var error);
            if (inflated is null) return Poisoned(error!);
            json = inflated;
        }
        else if (!string.IsNullOrEmpty(contentEncoding))
        {
            return Poisoned($"not a document: unknown content encoding '{contentEncoding}'");
        }
        if (Utf8Error(json.Span) is { } at)
            return Poisoned($"invalid UTF-8 at byte {at:N0} of {json.Length:N0}");
        DocumentMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<DocumentMessage>(json.Span, Json);
        }
        catch (JsonException e)
        {
            return Poisoned("not a document: " + OneLine(e.Message));
        }
        if (message is null || message.Format != DocumentMessage.FormatTag)
            return Poisoned($"not a document: format is '{message?.Format}', expected '{DocumentMessage.FormatTag}'");
        if (message.Document.Text is null)
            return Poisoned("not a document: no text");
        return new DecodedMessage(message, null);
    }

    /// <summary>A short stable key of a body (dead letters are recorded once per key).</summary>
    public static string BodyKey(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(body, hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    private static DecodedMessage Poisoned(string reason) => new(null, reason);

    /// <summary>The offset of the first byte that is not valid UTF-8, or null.</summary>
    private static long? Utf8Error(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return null;
        // Slow path only for a bad body: walk runes to find where it breaks.
        long offset = 0;
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out _, out int used) != OperationStatus.Done) return offset;
            bytes = bytes[used..];
            offset += used;
        }
        return offset;
    }

    private static byte[]? Inflate(ReadOnlyMemory<byte> body, out string? error)
    {
        error = null;
        try
        {
            using var input = new MemoryStream(body.ToArray(), writable: false);
            using var gz = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = ArrayPool<byte>.Shared.Rent(81920);
            try
            {
                int n;
                while ((n = gz.Read(buffer, 0, buffer.Length)) > 0)
                {
                    if (output.Length + n > MaxJsonBytes)
                    {
                        error = $"too large: the body inflates beyond {MaxJsonBytes:N0} bytes";
                        return null;
                    }
                    output.Write(buffer, 0, n);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            error = "not a document: corrupt gzip body: " + OneLine(e.Message);
            return null;
        }
    }

    private static string OneLine(string s)
    {
        var line = s.ReplaceLineEndings(" ");
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
