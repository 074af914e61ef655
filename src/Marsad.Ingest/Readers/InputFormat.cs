using System.Text;

namespace Marsad.Ingest.Readers;

/// <summary>The input formats <see cref="DocumentReader"/> understands.</summary>
public enum InputFormat
{
    Unknown,
    Text,
    Jsonl,
    JsonlGz,
    Html,
    Feed,
    Warc,
    WarcGz,
}

/// <summary>Maps file names and leading bytes to an <see cref="InputFormat"/>.</summary>
public static class InputFormats
{
    /// <summary>The format a file name promises, or null when the name is not a document format (skipped inside folders).</summary>
    public static InputFormat? FromExtension(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.StartsWith('.')) return null;
        if (name.EndsWith(".warc.gz") || name.EndsWith(".arc.gz")) return InputFormat.WarcGz;
        if (name.EndsWith(".jsonl.gz") || name.EndsWith(".ndjson.gz")) return InputFormat.JsonlGz;
        var ext = Path.GetExtension(name);
        return ext switch
        {
            "" => InputFormat.Unknown,
            ".txt" or ".text" => InputFormat.Text,
            ".jsonl" or ".ndjson" => InputFormat.Jsonl,
            ".html" or ".htm" or ".xhtml" or ".shtml" => InputFormat.Html,
            ".rss" or ".atom" or ".xml" or ".feed" => InputFormat.Feed,
            ".warc" => InputFormat.Warc,
            _ => null,
        };
    }

    /// <summary>Guesses the format from the first bytes (WARC header, gzip magic, markup, JSON); text otherwise.</summary>
    public static InputFormat Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B) return InputFormat.WarcGz; // gzip: only WARC.gz is read compressed without a name
        if (head.StartsWith("WARC/"u8)) return InputFormat.Warc;
        // Skip a UTF-8 BOM and leading white space, in ASCII-compatible encodings only.
        int i = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        while (i < head.Length && head[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        if (i >= head.Length) return InputFormat.Text;
        if (head[i] == (byte)'<')
        {
            var s = Encoding.ASCII.GetString(head[i..]).ToLowerInvariant();
            if (s.Contains("<rss") || s.Contains("<feed") || s.Contains("<rdf:rdf")) return InputFormat.Feed;
            if (s.Contains("<html") || s.Contains("<!doctype html") || s.Contains("<body") || s.Contains("<head")) return InputFormat.Html;
            if (s.StartsWith("<?xml")) return InputFormat.Feed;
        }
        if (head[i] == (byte)'{') return InputFormat.Jsonl;
        return InputFormat.Text;
    }
}
