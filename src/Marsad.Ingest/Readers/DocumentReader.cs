using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Marsad.Analysis.Documents;
using Marsad.Ingest.Encodings;
using Marsad.Ingest.Html;

namespace Marsad.Ingest.Readers;

/// <summary>Limits that keep one pathological input from exhausting memory.</summary>
public sealed record ReaderOptions
{
    /// <summary>Largest single document (a text or HTML file, a JSONL line, a WARC record) read, in bytes.</summary>
    public long MaxDocumentBytes { get; init; } = 16L * 1024 * 1024;
}

/// <summary>
/// Reads documents from files, folders (recursive), globs (<c>news/**/*.html</c>), plain text in any supported
/// encoding, JSONL (<c>.jsonl</c>, <c>.jsonl.gz</c>), HTML pages (main content extracted), RSS 2.0 and Atom feeds
/// (an item per document) and WARC / WARC.gz archives (an HTML response record per document).
/// Reading never throws for bad input: an unreadable file becomes a <see cref="SourceDocument"/> with
/// <see cref="SourceDocument.Error"/> set (a one-line reason), and the batch goes on.
/// A cut-off .jsonl.gz is told apart from bad JSON only when the host reads gzip strictly (the
/// <c>System.IO.Compression.UseStrictValidation</c> runtime switch, on for every program in this repository through
/// Directory.Build.props); otherwise .NET ends a truncated gzip stream quietly and its last, partial line reads as invalid JSON.
/// Thread-safe (holds only immutable options).
/// </summary>
public sealed class DocumentReader(ReaderOptions? options = null)
{
    private readonly ReaderOptions _options = options ?? new ReaderOptions();
    private readonly HtmlExtractor _html = new();

    /// <summary>Yields every document under the given files, folders and globs, in a stable order.</summary>
    public IEnumerable<SourceDocument> Read(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.GetFiles(path, "*", SearchOption.AllDirectories);
                Array.Sort(files, StringComparer.Ordinal);
                foreach (var f in files)
                {
                    // Inside a folder only document formats are read; a file named explicitly is always read.
                    if (InputFormats.FromExtension(f) is null) continue;
                    foreach (var d in ReadFile(f)) yield return d;
                }
            }
            else if (File.Exists(path))
            {
                foreach (var d in ReadFile(path)) yield return d;
            }
            else if (Glob.IsGlob(path))
            {
                var files = Glob.Expand(path);
                if (files.Count == 0)
                    yield return Failed(path, "not found: the pattern matches no file");
                foreach (var f in files)
                    foreach (var d in ReadFile(f)) yield return d;
            }
            else
            {
                yield return Failed(path, "not found: no such file or folder");
            }
        }
    }

    private static SourceDocument Failed(string path, string reason) => new() { Text = "", Path = path, Error = reason };

    /// <summary>Reads one file of any supported format.</summary>
    public IEnumerable<SourceDocument> ReadFile(string path)
    {
        var format = InputFormats.FromExtension(path) ?? InputFormat.Unknown;
        if (format == InputFormat.Unknown || format == InputFormat.Text)
        {
            // Content wins over a missing or generic extension: a .txt that is really a WARC or an HTML page is read as one.
            var sniffed = SniffFile(path, out var error);
            if (error is not null) return [Failed(path, error)];
            format = sniffed;
        }
        return format switch
        {
            InputFormat.Jsonl => ReadJsonl(path, gz: false),
            InputFormat.JsonlGz => ReadJsonl(path, gz: true),
            InputFormat.Warc => ReadWarc(path, gz: false),
            InputFormat.WarcGz => ReadWarc(path, gz: true),
            InputFormat.Html => ReadWhole(path, ReadHtml),
            InputFormat.Feed => ReadWhole(path, ReadFeed),
            _ => ReadWhole(path, ReadText),
        };
    }

    private InputFormat SniffFile(string path, out string? error)
    {
        error = null;
        try
        {
            using var fs = File.OpenRead(path);
            Span<byte> head = stackalloc byte[1024];
            int n = fs.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (n == 0) { error = "empty: the file has no bytes"; return InputFormat.Unknown; }
            return InputFormats.Sniff(head[..n]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = "unreadable: " + e.Message;
            return InputFormat.Unknown;
        }
    }

    private IEnumerable<SourceDocument> ReadWhole(string path, Func<string, byte[], IEnumerable<SourceDocument>> parse)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > _options.MaxDocumentBytes)
                return [Failed(path, $"too large: {length / 1048576.0:0.0} MB, the limit for one document is {_options.MaxDocumentBytes / 1048576.0:0.#} MB")];
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [Failed(path, "unreadable: " + e.Message)];
        }
        return parse(path, bytes);
    }

    private static IEnumerable<SourceDocument> ReadText(string path, byte[] bytes)
    {
        var r = TextDecoder.Decode(bytes);
        if (!r.Ok) return [Failed(path, r.Error!)];
        if (string.IsNullOrWhiteSpace(r.Text)) return [Failed(path, "empty: the file holds only white space")];
        return [new SourceDocument { Text = r.Text!, Path = path, Encoding = r.Encoding }];
    }

    /// <summary>Decodes and extracts one HTML page (also used for WARC records).</summary>
    internal SourceDocument HtmlDocument(string path, ReadOnlySpan<byte> bytes, string? httpCharset, string? url, string? fallbackDate)
    {
        // An HTTP charset the decoder ignores (iso-8859-1 is many servers' default) leaves the page's own <meta> in charge.
        var declared = TextDecoder.ForLabel(httpCharset) is not null ? httpCharset : CharsetSniffer.FromHtmlMeta(bytes);
        var r = TextDecoder.Decode(bytes, declared);
        if (!r.Ok) return Failed(path, r.Error!) with { Url = url };
        var page = _html.Extract(r.Text!, url);
        if (page.Error is not null) return Failed(path, page.Error) with { Url = url ?? page.CanonicalUrl, Title = page.Title, Encoding = r.Encoding };
        return new SourceDocument
        {
            Text = page.Text,
            Path = path,
            Title = page.Title,
            Published = page.Published ?? fallbackDate,
            Author = page.Author,
            Source = page.SiteName,
            Url = page.CanonicalUrl ?? url,
            Encoding = r.Encoding,
        };
    }

    private IEnumerable<SourceDocument> ReadHtml(string path, byte[] bytes) => [HtmlDocument(path, bytes, null, null, null)];

    private IEnumerable<SourceDocument> ReadFeed(string path, byte[] bytes)
    {
        var r = TextDecoder.Decode(bytes, CharsetSniffer.FromXmlDeclaration(bytes));
        if (!r.Ok) return [Failed(path, r.Error!)];
        return FeedReader.Parse(path, r.Text!, r.Encoding, _html);
    }

    private IEnumerable<SourceDocument> ReadWarc(string path, bool gz)
    {
        Stream? stream = null;
        string? openError = null;
        try
        {
            stream = File.OpenRead(path);
            if (gz) stream = new GZipStream(stream, CompressionMode.Decompress);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            openError = "unreadable: " + e.Message;
        }
        if (openError is not null) { yield return Failed(path, openError); yield break; }
        using var warc = new WarcReader(stream!, _options.MaxDocumentBytes);
        int index = 0, htmlRecords = 0;
        while (true)
        {
            var rec = warc.Next(out var error);
            if (error is not null)
            {
                yield return Failed($"{path}#{index}", (gz ? "warc.gz: " : "warc: ") + error);
                yield break;
            }
            if (rec is null) break;
            index++;
            if (!rec.IsHtmlResponse) continue;
            htmlRecords++;
            string where = $"{path}#{index}";
            if (rec.Error is not null) { yield return Failed(where, rec.Error) with { Url = rec.TargetUri }; continue; }
            yield return HtmlDocument(where, rec.Body, rec.Charset, rec.TargetUri, rec.Date);
        }
        if (htmlRecords == 0)
            yield return Failed(path, index == 0 ? "warc: no WARC record in the file" : $"warc: {index} record(s), none an HTML response");
    }

    private IEnumerable<SourceDocument> ReadJsonl(string path, bool gz)
    {
        Stream? stream = null;
        string? openError = null;
        try
        {
            stream = File.OpenRead(path);
            if (gz) stream = new GZipStream(stream, CompressionMode.Decompress);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            openError = "unreadable: " + e.Message;
        }
        if (openError is not null) { yield return Failed(path, openError); yield break; }
        using var reader = new StreamReader(stream!, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true);
        int lineNo = 0, docs = 0;
        while (true)
        {
            string? line;
            string? error = null;
            try
            {
                line = reader.ReadLine();
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                line = null;
                error = (gz ? "jsonl.gz: truncated or corrupt gzip after line " : "jsonl: unreadable after line ") + lineNo + " (" + e.Message + ")";
            }
            if (error is not null) { yield return Failed($"{path}:{lineNo + 1}", error); yield break; }
            if (line is null) break;
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            docs++;
            if (line.Length > _options.MaxDocumentBytes)
            {
                yield return Failed($"{path}:{lineNo}", $"too large: line of {line.Length} characters");
                continue;
            }
            yield return ParseJsonLine($"{path}:{lineNo}", line);
        }
        if (docs == 0) yield return Failed(path, "empty: no JSON line in the file");
    }

    /// <summary>Parses one JSONL line: <c>id, text, title?, published? | date?, source?, url?, author?</c>.</summary>
    internal static SourceDocument ParseJsonLine(string where, string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Failed(where, "jsonl: line is not a JSON object");
            string? Get(string name) => root.TryGetProperty(name, out var v)
                ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Number => v.GetRawText(), _ => null }
                : null;
            var text = Get("text");
            if (text is null)
                return Failed(where, "jsonl: line has no \"text\" string") with { SourceId = Get("id") };
            if (text.Contains('\uFFFD'))
                return Failed(where, "jsonl: text holds U+FFFD replacement characters (invalid UTF-8 in the line)") with { SourceId = Get("id") };
            return new SourceDocument
            {
                Text = text, Path = where, SourceId = Get("id"), Title = Get("title"),
                Published = Get("published") ?? Get("date"), Source = Get("source"), Url = Get("url"),
                Author = Get("author"), Encoding = "utf-8",
            };
        }
        catch (JsonException e)
        {
            return Failed(where, "jsonl: invalid JSON (" + FirstLine(e.Message) + ")");
        }
    }

    private static string FirstLine(string s)
    {
        int i = s.IndexOfAny(['\r', '\n']);
        return i < 0 ? s : s[..i];
    }
}
