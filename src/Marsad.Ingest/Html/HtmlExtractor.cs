using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Marsad.Analysis.Cleaning;

namespace Marsad.Ingest.Html;

/// <summary>What <see cref="HtmlExtractor"/> found in one page.</summary>
public sealed record HtmlPage
{
    /// <summary>The main content: paragraphs separated by a blank line, white space collapsed inside each.</summary>
    public string Text { get; init; } = "";
    public string? Title { get; init; }
    /// <summary>Publication date as yyyy-MM-dd.</summary>
    public string? Published { get; init; }
    public string? Author { get; init; }
    public string? CanonicalUrl { get; init; }
    public string? SiteName { get; init; }
    /// <summary>The page's declared language (<c>&lt;html lang&gt;</c>), if any.</summary>
    public string? DeclaredLanguage { get; init; }
    /// <summary>Why no content could be extracted; null on success.</summary>
    public string? Error { get; init; }
}

/// <summary>
/// Extracts the article text and metadata from an HTML page by scoring its DOM, in the spirit of Readability
/// and jusText but without relying on English class names:
/// <list type="number">
/// <item>Walk the DOM once (iteratively: deeply nested pages cannot overflow the stack), dropping scripts, styles,
///   forms, navigation, footers, asides and figures, and cut it into blocks (the direct text of each block-level element),
///   with each block's link-text share.</item>
/// <item>Score paragraph-like blocks (≥ 25 letters, link density &lt; 0.5): 1 + commas and Arabic punctuation (، ؛ . ؟)
///   + length/100 (at most 3), with a bonus for starting like an Arabic news sentence (و/ف prefix or a dateline)
///   and a small penalty for position in the last fifth of the page. Each score flows to the parent block (full)
///   and grandparent (half), as in Readability.</item>
/// <item>Container score × (1 − subtree link density) × class/id hint (±20 %: a hint, never the decision).
///   The best container plus siblings scoring ≥ 25 % of it form the article.</item>
/// <item>Inside it, keep blocks in document order except link lists (link density ≥ 0.5), repeats of an earlier
///   block (captions), the headline itself and known furniture phrases (شارك، اقرأ أيضا، اترك تعليقا …).</item>
/// </list>
/// Metadata: title (og:title, JSON-LD headline, h1, &lt;title&gt; minus the site suffix), publication date (meta
/// tags, JSON-LD datePublished, &lt;time datetime&gt;, an Arabic dateline, the URL), author, canonical URL, site name.
/// Thread-safe: a parser per call.
/// </summary>
public sealed partial class HtmlExtractor
{
    private static readonly HtmlParserOptions ParserOptions = new() { IsScripting = false, IsKeepingSourceReferences = false };

    /// <summary>Extracts content and metadata; never throws for bad markup (the page gets an <see cref="HtmlPage.Error"/>).</summary>
    public HtmlPage Extract(string html, string? url = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        int depth = NestingDepth(html);
        if (depth > MaxNestingDepth)
            return new HtmlPage { Error = $"html: elements nested {depth} deep (limit {MaxNestingDepth}); not parsed" };
        IHtmlDocument doc;
        try
        {
            doc = new HtmlParser(ParserOptions).ParseDocument(html);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new HtmlPage { Error = "html: cannot parse (" + e.Message + ")" };
        }
        using (doc)
        {
            var meta = HtmlMetadata.Read(doc, url);
            if (doc.Body is null || doc.Body.ChildElementCount == 0 && string.IsNullOrWhiteSpace(doc.Body.TextContent))
                return meta with { Error = "html: page has no body" };
            var text = MainText(doc.Body, meta.Title);
            if (text.Length == 0) return meta with { Error = "html: no main text found (no paragraph-like block)" };
            if (meta.Published is null) meta = meta with { Published = ArabicDates.FindDateline(text) };
            return meta with { Text = text };
        }
    }

    /// <summary>Converts an HTML fragment (a feed item's content) to plain paragraphs, without boilerplate scoring.</summary>
    public string FragmentText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (html.IndexOf('<') < 0) return WebUtilityDecode(html).Trim();
        try
        {
            using var doc = new HtmlParser(ParserOptions).ParseDocument("<html><body>" + html + "</body></html>");
            var blocks = Blocks(doc.Body!);
            var sb = new StringBuilder();
            foreach (var b in blocks)
            {
                var t = b.Text;
                if (t.Length == 0) continue;
                if (sb.Length > 0) sb.Append("\n\n");
                sb.Append(t);
            }
            return sb.ToString();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return "";
        }
    }

    /// <summary>Pages nested deeper are refused: HTML tree building is quadratic in depth (100,000 levels take a minute).</summary>
    public const int MaxNestingDepth = 2000;

    private static readonly HashSet<string> NoDepthTags = new(StringComparer.OrdinalIgnoreCase)
    {
        // Void elements and elements whose end tag is commonly omitted (they would make the count drift upwards).
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "td", "th", "tr", "dd", "dt", "option", "!doctype",
    };

    /// <summary>A cheap, approximate maximum element depth from counting start and end tags (no parsing).</summary>
    internal static int NestingDepth(string html)
    {
        int depth = 0, max = 0, i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            char c = html[i + 1];
            if (c == '/') { if (depth > 0) depth--; i += 2; continue; }
            if (!char.IsAsciiLetter(c)) { i++; continue; }
            int end = i + 1;
            while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] == '-')) end++;
            var name = html.AsSpan(i + 1, end - i - 1);
            int close = html.IndexOf('>', end);
            bool selfClosing = close > 0 && html[close - 1] == '/';
            if (!selfClosing && !NoDepthTags.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
            {
                depth++;
                if (depth > max) max = depth;
            }
            i = end;
        }
        return max;
    }

    private static string WebUtilityDecode(string s) => System.Net.WebUtility.HtmlDecode(s);

    // ---- blocks --------------------------------------------------------------------------------------

    private sealed class Block(int parent, IElement element, int depth)
    {
        public readonly int Parent = parent;
        public readonly IElement Element = element;
        public readonly int Depth = depth;
        public readonly StringBuilder Raw = new();
        public int LinkChars;
        public int TextChars;
        public int SubtreeChars;
        public int SubtreeLinkChars;
        public double Score;
        public string Text = "";
        /// <summary>A teaser: text right after a headline link (related/most-read cards), not article text.</summary>
        public bool Teaser;
        /// <summary>Inside a comment thread (see MarkCommentThreads).</summary>
        public bool InThread;
        /// <summary>Letters of link text added so far and of all text so far (to see whether the block began with a link).</summary>
        public int RawLetters;
    }

    private static readonly HashSet<string> SkipTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed", "video", "audio",
        "form", "button", "select", "textarea", "input", "nav", "footer", "aside", "figure", "figcaption", "head",
        "menu", "dialog", "map", "img", "picture", "label",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "header", "li", "ul", "ol", "dl", "dd", "dt", "td", "th", "tr",
        "table", "tbody", "thead", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "center", "body", "address",
        "hgroup", "span-block",
    };

    private static List<Block> Blocks(IElement body)
    {
        var blocks = new List<Block>();
        var stack = new Stack<(INode? Node, int Block, bool InLink)>();
        blocks.Add(new Block(-1, body, 0));
        for (var c = body.LastChild; c is not null; c = c.PreviousSibling) stack.Push((c, 0, false));
        while (stack.Count > 0)
        {
            var (node, blockId, inLink) = stack.Pop();
            if (node is null) { blocks[blockId].Raw.Append(HardBreak); continue; } // end of a nested block
            if (node is IText textNode)
            {
                var b = blocks[blockId];
                b.Raw.Append(textNode.Data);
                int letters = CountLetters(textNode.Data);
                b.RawLetters += letters;
                if (inLink) b.LinkChars += letters;
                continue;
            }
            if (node is not IElement el) continue;
            var tag = el.LocalName;
            if (SkipTags.Contains(tag) || IsHidden(el)) continue;
            if (tag == "br") { blocks[blockId].Raw.Append(HardBreak); continue; }
            int childBlock = blockId;
            if (BlockTags.Contains(tag))
            {
                childBlock = blocks.Count;
                var parentBlock = blocks[blockId];
                var nb = new Block(blockId, el, parentBlock.Depth + 1)
                {
                    // Headline link then text: the parent so far holds only link text, or the previous element is a linked headline.
                    Teaser = parentBlock.RawLetters > 0 && parentBlock.LinkChars >= parentBlock.RawLetters * 0.9 || IsHeadlineLink(el.PreviousElementSibling),
                };
                blocks.Add(nb);
                // Separate the parent's text before and after a nested block.
                blocks[blockId].Raw.Append(HardBreak);
            }
            bool link = inLink || tag == "a";
            if (childBlock != blockId) stack.Push((null, blockId, false));
            for (var c = el.LastChild; c is not null; c = c.PreviousSibling) stack.Push((c, childBlock, link));
        }
        foreach (var b in blocks)
        {
            b.Text = Collapse(b.Raw);
            b.TextChars = CountLetters(b.Text);
        }
        return blocks;
    }

    private static bool IsHeadlineLink(IElement? e)
    {
        if (e is null) return false;
        if (e.LocalName == "a") return e.TextContent.Trim().Length > 15;
        if (e.LocalName is not ("h2" or "h3" or "h4" or "h5" or "h6" or "span" or "strong" or "b")) return false;
        var a = e.QuerySelector("a");
        if (a is null) return false;
        var all = e.TextContent.Trim().Length;
        return all > 15 && a.TextContent.Trim().Length >= all * 0.9;
    }

    /// <summary>Block tags whose text is one paragraph: their score goes to the enclosing container.</summary>
    private static bool IsParagraphTag(string tag) => tag is "p" or "li" or "blockquote" or "pre" or "dd" or "dt" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "address";

    private static bool IsHidden(IElement el)
    {
        if (el.HasAttribute("hidden")) return true;
        if (el.GetAttribute("aria-hidden") == "true") return true;
        var style = el.GetAttribute("style");
        return style is not null && (style.Contains("display:none", StringComparison.OrdinalIgnoreCase) || style.Contains("display: none", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Marks a line break that markup made (&lt;br&gt;, a block boundary), unlike newlines in the source, which are spaces.</summary>
    private const char HardBreak = '\u2029';

    /// <summary>Collapses white space to single spaces and hard breaks to '\n' (several in a row to one).</summary>
    private static string Collapse(StringBuilder raw)
    {
        var sb = new StringBuilder(raw.Length);
        bool space = false, brk = false;
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            if (c == HardBreak) { brk = sb.Length > 0; space = false; continue; }
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                space = sb.Length > 0 && !brk;
                continue;
            }
            if (brk) { sb.Append('\n'); brk = false; space = false; }
            else if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static int CountLetters(string s)
    {
        int n = 0;
        foreach (var c in s) if (char.IsLetterOrDigit(c)) n++;
        return n;
    }

    // ---- scoring -------------------------------------------------------------------------------------

    private static string MainText(IElement body, string? title)
    {
        var blocks = Blocks(body);
        int n = blocks.Count;
        // Subtree sums, bottom-up (children come after their parent in pre-order).
        for (int i = n - 1; i >= 0; i--)
        {
            var b = blocks[i];
            b.SubtreeChars += b.TextChars;
            b.SubtreeLinkChars += b.LinkChars;
            if (b.Parent >= 0)
            {
                blocks[b.Parent].SubtreeChars += b.SubtreeChars;
                blocks[b.Parent].SubtreeLinkChars += b.SubtreeLinkChars;
            }
        }
        int totalChars = Math.Max(1, blocks[0].SubtreeChars);
        int seenChars = 0;
        for (int i = 0; i < n; i++)
        {
            var b = blocks[i];
            seenChars += b.TextChars;
            if (b.TextChars < 25 || b.Teaser) continue;
            double linkDensity = (double)b.LinkChars / b.TextChars;
            if (linkDensity >= 0.5) continue;
            double s = 1 + Punctuation(b.Text) + Math.Min(b.TextChars / 100.0, 3);
            if (LooksLikeNewsSentence(b.Text)) s += 1;
            if (seenChars > totalChars * 0.85) s *= 0.8;
            s *= 1 - linkDensity;
            // A paragraph (p, li …) passes its score to its container and half to the next one up; a div or td
            // holding its own lines of text (paragraphs separated by <br>) is a container itself.
            int target = IsParagraphTag(b.Element.LocalName) || b.Text.IndexOf('\n') < 0 ? b.Parent : i;
            if (target < 0) target = i;
            if (target != i) b.Score += s * 0.5;
            blocks[target].Score += s;
            if (blocks[target].Parent >= 0) blocks[blocks[target].Parent].Score += s / 2;
        }
        MarkCommentThreads(blocks);
        int best = -1;
        double bestScore = 0;
        for (int i = 0; i < n; i++)
        {
            var b = blocks[i];
            if (b.Score <= 0) continue;
            double ld = b.SubtreeChars == 0 ? 0 : (double)b.SubtreeLinkChars / b.SubtreeChars;
            b.Score *= (1 - ld) * ClassHint(b.Element) * (b.InThread ? 0.05 : 1);
            if (b.Score > bestScore) { bestScore = b.Score; best = i; }
        }
        if (best < 0) return "";

        // The article: the best container plus siblings that score well.
        var selected = new bool[n];
        selected[best] = true;
        int parent = blocks[best].Parent;
        if (parent >= 0)
            for (int i = 0; i < n; i++)
                if (i != best && blocks[i].Parent == parent && !blocks[i].InThread && blocks[i].Score >= bestScore * 0.3
                    && blocks[i].SubtreeLinkChars < blocks[i].SubtreeChars * 0.25) selected[i] = true;

        var inArticle = new bool[n];
        for (int i = 0; i < n; i++)
            inArticle[i] = selected[i] || (blocks[i].Parent >= 0 && inArticle[blocks[i].Parent]);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var normTitle = title is null ? null : Collapse(new StringBuilder(title));
        var sb = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            if (!inArticle[i]) continue;
            var b = blocks[i];
            if (b.TextChars == 0 || b.Teaser || b.InThread) continue;
            foreach (var para in b.Text.Split('\n'))
            {
                var t = para.Trim();
                int letters = CountLetters(t);
                if (letters == 0) continue;
                if (b.LinkChars >= b.TextChars * 0.5 && b.TextChars > 0) continue;
                if (normTitle is not null && (t == normTitle || (IsHeading(b.Element) && (normTitle.Contains(t, StringComparison.Ordinal) || t.Contains(normTitle, StringComparison.Ordinal))))) continue;
                if (IsDateLine(t)) continue;
                if (Furniture.IsFurnitureLine(t) || Furniture.IsDisclaimer(t)) continue;
                if (!seen.Add(t)) continue;
                if (sb.Length > 0) sb.Append("\n\n");
                sb.Append(t);
            }
        }
        return sb.ToString();
    }

    private static bool IsHeading(IElement e) => e.LocalName is "h1" or "h2";

    [System.Text.RegularExpressions.GeneratedRegex(@"منذ\s+(\d+|[\u0660-\u0669]+)\s*(ثانية|ثوان|دقيقة|دقائق|ساعة|ساعات|ساعتين|يوم|يومين|أيام|اسبوع|أسبوع|أسابيع|شهر|أشهر)|\bيقول\s*:|^\s*رد\s*$", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex CommentMarker();

    private static readonly string[] ThreadHeadings = ["التعليقات", "تعليقات", "آراء القراء", "اراء القراء", "تعليقات القراء", "أضف تعليق", "اترك تعليقا", "اترك تعليقاً"];

    /// <summary>
    /// Comment threads are told by structure and Arabic wording, not class names: a container with at least three child
    /// items carrying a comment marker in a short line (relative time "منذ 3 ساعات", "… يقول:", a lone "رد"), or whose own heading
    /// names the comments (التعليقات، آراء القراء). Everything inside is kept out of the article.
    /// </summary>
    private static void MarkCommentThreads(List<Block> blocks)
    {
        int n = blocks.Count;
        var marked = new int[n];
        var heading = new bool[n];
        for (int i = n - 1; i > 0; i--)
        {
            var b = blocks[i];
            // Only a short line can be a comment byline; "بدأت منذ 3 أيام" inside a news paragraph is not one.
            bool hasMarker = marked[i] > 0 || b.Text.Length <= 60 && CommentMarker().IsMatch(b.Text);
            if (hasMarker) marked[b.Parent]++;
            if (b.Element.LocalName is "h2" or "h3" or "h4" or "h5" && b.Text.Length < 40)
                foreach (var h in ThreadHeadings)
                    if (b.Text.Contains(h, StringComparison.Ordinal)) { heading[b.Parent] = true; break; }
        }
        for (int i = 0; i < n; i++)
        {
            var b = blocks[i];
            b.InThread = marked[i] >= 3 || heading[i] || (b.Parent >= 0 && blocks[b.Parent].InThread);
        }
    }

    /// <summary>A short line that only dates the page ("آخر تحديث: 2018-05-11", "2015-07-25 · الموقع"): no sentence, a date.</summary>
    private static bool IsDateLine(string t)
    {
        if (t.Length > 60 || t.EndsWith('.')) return false;
        int words = 1;
        foreach (var c in t) if (c == ' ') words++;
        if (words > 7) return false;
        return System.Text.RegularExpressions.Regex.IsMatch(t, @"\b(19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[-/.]\d{1,2}[-/.](19|20)\d\d\b") || ArabicDates.Find(t) is not null && words <= 5;
    }

    private static int Punctuation(string text)
    {
        int n = 0;
        foreach (var c in text)
            if (c is '،' or ',' or '؛' or '.' or '؟' or ':') n++;
        return Math.Min(n, 12);
    }

    private static bool LooksLikeNewsSentence(string text)
    {
        // Arabic news paragraphs often open with a conjunction-prefixed verb (وقال، وأضاف، فيما) or a dateline "(CNN) --".
        return text.Length > 2 && (text[0] is 'و' or 'ف' || text.Contains("--", StringComparison.Ordinal) || text.Contains("(CNN)", StringComparison.Ordinal));
    }

    private static readonly string[] NegativeHints =
    [
        "comment", "footer", "share", "social", "related", "nav", "menu", "sidebar", "widget", "banner", "promo",
        "breadcrumb", "ticker", "newsletter", "subscribe", "tags", "most-read", "mostread", "popular", "ads", "advert", "cookie", "login",
    ];
    private static readonly string[] PositiveHints = ["article", "story", "content", "entry", "post-body", "body", "text", "detail", "main"];

    private static double ClassHint(IElement e)
    {
        var s = ((e.GetAttribute("class") ?? "") + " " + (e.GetAttribute("id") ?? "")).ToLowerInvariant();
        if (s.Length <= 1) return 1;
        double f = 1;
        foreach (var h in NegativeHints) if (s.Contains(h, StringComparison.Ordinal)) { f = 0.8; break; }
        foreach (var h in PositiveHints) if (s.Contains(h, StringComparison.Ordinal)) { f *= 1.2; break; }
        return f;
    }
}
