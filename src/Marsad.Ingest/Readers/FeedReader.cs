using System.Xml;
using System.Xml.Linq;
using Marsad.Analysis.Documents;
using Marsad.Ingest.Html;

namespace Marsad.Ingest.Readers;

/// <summary>
/// RSS 2.0 (and RSS 1.0/RDF) and Atom feeds: each item or entry becomes a document with its link, date, title and
/// text (<c>content:encoded</c> / Atom <c>content</c> when present, else the description / summary, HTML turned into
/// paragraphs). Broken XML gives one rejected document naming the line; a DTD is never processed.
/// </summary>
internal static class FeedReader
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";

    public static IEnumerable<SourceDocument> Parse(string path, string xml, string? encoding, HtmlExtractor html)
    {
        XDocument doc;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersFromEntities = 1 << 20 };
            using var sr = new StringReader(xml);
            using var xr = XmlReader.Create(sr, settings);
            doc = XDocument.Load(xr, LoadOptions.None);
        }
        catch (XmlException e)
        {
            return [new SourceDocument { Text = "", Path = path, Encoding = encoding, Error = $"feed: broken XML at line {e.LineNumber}, column {e.LinePosition}" }];
        }
        var root = doc.Root!;
        var list = new List<SourceDocument>();
        string? channelTitle = null;
        if (root.Name.LocalName == "rss" || root.Name.LocalName == "RDF")
        {
            var channel = root.Element("channel") ?? root.Element(Rss1 + "channel");
            channelTitle = channel?.Element("title")?.Value.Trim() ?? channel?.Element(Rss1 + "title")?.Value.Trim();
            var items = root.Name.LocalName == "rss" ? channel?.Elements("item") ?? [] : root.Elements(Rss1 + "item");
            int i = 0;
            foreach (var item in items)
            {
                i++;
                XName N(string local) => item.Name.Namespace + local;
                var title = item.Element(N("title"))?.Value.Trim();
                var link = item.Element(N("link"))?.Value.Trim() ?? item.Element(N("guid"))?.Value.Trim();
                var date = item.Element(N("pubDate"))?.Value ?? item.Element(Dc + "date")?.Value;
                var body = item.Element(Content + "encoded")?.Value ?? item.Element(N("description"))?.Value ?? "";
                var author = item.Element(Dc + "creator")?.Value.Trim() ?? item.Element(N("author"))?.Value.Trim();
                list.Add(Item($"{path}#{i}", title, link, date, body, author, channelTitle, encoding, html));
            }
        }
        else if (root.Name == Atom + "feed")
        {
            channelTitle = root.Element(Atom + "title")?.Value.Trim();
            int i = 0;
            foreach (var entry in root.Elements(Atom + "entry"))
            {
                i++;
                var title = entry.Element(Atom + "title")?.Value.Trim();
                string? link = null;
                foreach (var l in entry.Elements(Atom + "link"))
                {
                    var rel = (string?)l.Attribute("rel");
                    if (rel is null or "alternate") { link = (string?)l.Attribute("href"); break; }
                }
                var date = entry.Element(Atom + "published")?.Value ?? entry.Element(Atom + "updated")?.Value;
                var body = entry.Element(Atom + "content")?.Value ?? entry.Element(Atom + "summary")?.Value ?? "";
                var author = entry.Element(Atom + "author")?.Element(Atom + "name")?.Value.Trim();
                list.Add(Item($"{path}#{i}", title, link, date, body, author, channelTitle, encoding, html));
            }
        }
        else
        {
            return [new SourceDocument { Text = "", Path = path, Encoding = encoding, Error = $"feed: root element <{root.Name.LocalName}> is neither RSS nor Atom" }];
        }
        if (list.Count == 0)
            list.Add(new SourceDocument { Text = "", Path = path, Encoding = encoding, Error = "feed: no item or entry" });
        return list;
    }

    private static SourceDocument Item(string where, string? title, string? link, string? date, string body, string? author, string? site, string? encoding, HtmlExtractor html)
    {
        var text = html.FragmentText(body);
        var doc = new SourceDocument
        {
            Text = text, Path = where, Title = title, Url = link, Published = HtmlMetadata.IsoDay(date),
            Author = string.IsNullOrEmpty(author) ? null : author, Source = site, Encoding = encoding,
        };
        return string.IsNullOrWhiteSpace(text) ? doc with { Error = "feed: item has no text (no description or content)" } : doc;
    }
}
