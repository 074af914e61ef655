using System.Text;

namespace Marsad.Ingest.Tests;

/// <summary>Builds WARC 1.0 records for tests.</summary>
internal static class Warc
{
    public static string Record(string uri, string html, string contentType = "text/html; charset=utf-8", string date = "2021-06-16T10:00:00Z", string type = "response")
        => Encoding.Latin1.GetString(RecordBytes(uri, new UTF8Encoding(false).GetBytes(html), contentType, date, type));

    public static byte[] RecordBytes(string uri, byte[] body, string contentType = "text/html; charset=utf-8", string date = "2021-06-16T10:00:00Z", string type = "response")
    {
        var http = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\n\r\n");
        byte[] block = [.. http, .. body];
        var head = Encoding.ASCII.GetBytes(
            $"WARC/1.0\r\nWARC-Type: {type}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\nWARC-Record-ID: <urn:uuid:{Guid.NewGuid()}>\r\n" +
            $"Content-Type: application/http; msgtype=response\r\nContent-Length: {block.Length}\r\n\r\n");
        return [.. head, .. block, .. "\r\n\r\n"u8];
    }
}
