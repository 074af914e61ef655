using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Marsad.Ingest.Html;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad eval boilerplate [--pages N] [--seed N]</c>: token-level precision, recall and F1 of the main-content
/// extraction against the article text, on the real page(s) in <c>shared/data/news/html/</c> and on pages built by
/// wrapping dev-corpus articles in five Arabic news-site templates (<see cref="NewsTemplates"/>: menus, tickers,
/// share widgets, inline "read also" links, captions, related articles with summaries, comment threads whose comments are
/// real prose from other articles, author boxes, newsletter and cookie banners, footers). Also HTML extraction pages/s
/// on one thread. Tokens are white-space separated words with surrounding punctuation stripped, compared as multisets.
/// </summary>
internal static class EvalBoilerplateCommand
{
    public static Command Create()
    {
        var pages = new Option<int>("--articles") { Description = "Articles to wrap (each in every template)", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 42 };
        var worst = new Option<bool>("--worst") { Description = "Print the worst pages" };
        var command = new Command("boilerplate", "Main-content extraction: token P/R/F1 on real and template-built Arabic news pages, and pages/s.");
        command.Options.Add(pages);
        command.Options.Add(seed);
        command.Options.Add(worst);
        command.SetAction(p => Run(p.GetValue(pages), p.GetValue(seed), p.GetValue(worst)));
        return command;
    }

    private static int Run(int articleCount, int seed, bool showWorst)
    {
        var data = EvalData.Root();
        if (data is null) return EvalData.Fail("shared/data not found: set MARSAD_SHARED or clone beside shared/");
        var extractor = new HtmlExtractor();

        // Real pages with reference extractions.
        var htmlDir = Path.Combine(data, "news", "html");
        var cnnHtml = Path.Combine(htmlDir, "cnn_arabic_2013_syria_clashes.newspaper4k.html");
        var realPages = new List<string>();
        if (File.Exists(cnnHtml))
        {
            var html = File.ReadAllText(cnnHtml);
            realPages.Add(html);
            var expected = File.ReadAllText(Path.Combine(htmlDir, "cnn_arabic_2013_syria_clashes.newspaper4k.expected_text.txt"));
            var page = extractor.Extract(html);
            var s = Score(page.Text, expected);
            Console.WriteLine($"real page cnn_arabic_2013 (newspaper4k reference): P {s.P:0.000} R {s.R:0.000} F1 {s.F1:0.000}; title '{page.Title}', published {page.Published}");
            var goosePath = Path.Combine(htmlDir, "cnn_arabic_2013_syria_clashes.goose3.html");
            var gooseJson = Path.Combine(htmlDir, "cnn_arabic_2013_syria_clashes.goose3.expected.json");
            if (File.Exists(goosePath) && File.Exists(gooseJson))
            {
                var gHtml = File.ReadAllText(goosePath);
                realPages.Add(gHtml);
                using var j = JsonDocument.Parse(File.ReadAllText(gooseJson));
                var prefix = j.RootElement.GetProperty("expected").GetProperty("cleaned_text").GetString() ?? "";
                var g = extractor.Extract(gHtml);
                Console.WriteLine($"real page cnn_arabic_2013 (goose3 capture, prefix reference): extracted text starts with the {prefix.Length}-character reference: {(g.Text.StartsWith(prefix, StringComparison.Ordinal) ? "yes" : "no")}; F1 against the newspaper4k text {Score(g.Text, expected).F1:0.000}");
            }
        }

        // Template-built pages.
        var articles = EvalData.ReadArticles(Path.Combine(data, "news", "dev", "articles.jsonl"))
            .Where(a => a.Text.Length >= 400 && a.Title is not null).ToList();
        var rng = new Random(seed);
        var chosen = articles.OrderBy(_ => rng.Next()).Take(articleCount).ToList();
        var built = new List<(string Template, string Html, string Gold, string Id)>();
        foreach (var a in chosen)
            for (int t = 0; t < NewsTemplates.Count; t++)
                built.Add((NewsTemplates.Name(t), NewsTemplates.Build(t, a, articles, rng), a.Text, a.Id));

        var perTemplate = new Dictionary<string, (long Hit, long Got, long Want, double F1Sum, int N)>();
        long hit = 0, got = 0, want = 0;
        var worst = new List<(double F1, string Id, string Template, string Text)>();
        var dump = Environment.GetEnvironmentVariable("MARSAD_DUMP");
        foreach (var (template, html, gold, id) in built)
        {
            var page = extractor.Extract(html);
            if (dump is not null && dump == template + ":" + id)
                Console.WriteLine("--- html\n" + html + "\n--- extracted\n" + page.Text + "\n--- gold\n" + gold + "\n---");
            var s = Score(page.Text, gold);
            hit += s.Hit; got += s.Got; want += s.Want;
            var (h, g, w, f, n) = perTemplate.GetValueOrDefault(template);
            perTemplate[template] = (h + s.Hit, g + s.Got, w + s.Want, f + s.F1, n + 1);
            worst.Add((s.F1, id, template, page.Text));
        }
        double p = (double)hit / Math.Max(1, got), r = (double)hit / Math.Max(1, want);
        Console.WriteLine($"template pages: {built.Count} ({chosen.Count} articles × {NewsTemplates.Count} templates, seed {seed}), average {built.Average(b => b.Html.Length) / 1024:0.0} KB");
        Console.WriteLine($"micro P {p:0.000} R {r:0.000} F1 {2 * p * r / Math.Max(1e-9, p + r):0.000}; macro F1 {worst.Average(x => x.F1):0.000}");
        foreach (var (name, (h, g, w, f, n)) in perTemplate.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            double tp = (double)h / Math.Max(1, g), tr = (double)h / Math.Max(1, w);
            Console.WriteLine($"  {name,-14} P {tp:0.000} R {tr:0.000} F1 {2 * tp * tr / Math.Max(1e-9, tp + tr):0.000} (macro {f / n:0.000}, {n} pages)");
        }
        if (showWorst)
            foreach (var x in worst.OrderBy(x => x.F1).Take(5))
                Console.WriteLine($"  worst {x.F1:0.000} {x.Template} {x.Id}: {x.Text[..Math.Min(300, x.Text.Length)].Replace('\n', '/')}");

        // Speed: one thread, all pages, after a warm-up.
        var all = built.Select(b => b.Html).Concat(realPages).ToList();
        for (int i = 0; i < Math.Min(50, all.Count); i++) extractor.Extract(all[i]);
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        int count = 0;
        for (int pass = 0; pass < 2; pass++)
            foreach (var html in all) { extractor.Extract(html); count++; }
        sw.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        Console.WriteLine($"HTML extraction (parse + score + metadata, one thread, {all.Count} pages × 2, average {all.Average(h => h.Length) / 1024:0.0} KB): {count / sw.Elapsed.TotalSeconds:0} pages/s wall, {count / cpu.TotalSeconds:0} pages/s per CPU-second");
        if (realPages.Count > 0)
        {
            cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            sw.Restart();
            for (int i = 0; i < 300; i++) extractor.Extract(realPages[i % realPages.Count]);
            sw.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
            Console.WriteLine($"  real CNN page ({realPages[0].Length / 1024} KB) × 300: {300 / sw.Elapsed.TotalSeconds:0} pages/s wall, {300 / cpu.TotalSeconds:0} pages/s per CPU-second");
        }
        return 0;
    }

    internal readonly record struct Scores(long Hit, long Got, long Want, double P, double R, double F1);

    internal static Scores Score(string extracted, string gold)
    {
        var g = Tokens(gold);
        var e = Tokens(extracted);
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in g) bag[t] = bag.GetValueOrDefault(t) + 1;
        long hit = 0;
        foreach (var t in e)
            if (bag.TryGetValue(t, out int n) && n > 0) { bag[t] = n - 1; hit++; }
        double p = e.Count == 0 ? 0 : (double)hit / e.Count;
        double r = g.Count == 0 ? 0 : (double)hit / g.Count;
        return new Scores(hit, e.Count, g.Count, p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    private static List<string> Tokens(string text)
    {
        var list = new List<string>();
        foreach (var raw in WebUtility.HtmlDecode(text).Split((char[])[' ', '\n', '\r', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries))
        {
            var t = raw.Trim(".,،؛:;!?؟\"'«»“”()[]-–—…*".ToCharArray());
            if (t.Length > 0) list.Add(t);
        }
        return list;
    }
}
