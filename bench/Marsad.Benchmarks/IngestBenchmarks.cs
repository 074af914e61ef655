using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Marsad.Analysis.Dedup;
using Marsad.Analysis.Language;
using Marsad.Ingest.Html;

namespace Marsad.Benchmarks;

/// <summary>
/// MinHash signatures + LSH insert/query, language identification and HTML extraction over dev-corpus articles
/// (read from ../shared/data at setup). The same figures, on more data, come from <c>./marsad eval dedup|boilerplate|langid</c>.
/// </summary>
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private List<string> _texts = [];
    private List<string> _pages = [];

    [Params(1000)]
    public int Documents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marsad.slnx"))) dir = dir.Parent;
        var path = Path.Combine(dir?.FullName ?? ".", "..", "shared", "data", "news", "dev", "articles.jsonl");
        foreach (var line in File.ReadLines(path).Take(Documents))
        {
            using var j = JsonDocument.Parse(line);
            var text = j.RootElement.GetProperty("text").GetString() ?? "";
            _texts.Add(text);
            var body = string.Concat(text.Split('\n').Select(p => "<p>" + System.Net.WebUtility.HtmlEncode(p) + "</p>"));
            _pages.Add("<html><head><title>t</title></head><body><nav><a href=/>الرئيسية</a> <a href=/a>أخبار</a></nav><div><h1>عنوان</h1>" + body +
                "</div><div><h3>أخبار ذات صلة</h3><ul><li><a href=/1>خبر أول مرتبط بالموضوع</a></li><li><a href=/2>خبر ثان مرتبط</a></li></ul></div><footer>جميع الحقوق محفوظة</footer></body></html>");
        }
    }

    [Benchmark(Description = "MinHash + LSH: fingerprint and add every document")]
    public int MinHashLsh()
    {
        var d = new DuplicateDetector();
        int dups = 0;
        foreach (var t in _texts) if (d.Add(d.Fingerprint(t)) is not null) dups++;
        return dups;
    }

    [Benchmark(Description = "Language identification of every document")]
    public int LanguageId()
    {
        var id = new LanguageIdentifier();
        int ar = 0;
        foreach (var t in _texts) if (id.Identify(t).IsArabic) ar++;
        return ar;
    }

    [Benchmark(Description = "HTML extraction of every page")]
    public int HtmlExtraction()
    {
        var x = new HtmlExtractor();
        int chars = 0;
        foreach (var p in _pages) chars += x.Extract(p).Text.Length;
        return chars;
    }
}
