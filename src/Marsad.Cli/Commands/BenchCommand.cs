using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Marsad.Analysis.Normalization;
using Marsad.Analysis.Sentences;
using Marsad.Analysis.Text;
using Marsad.Analysis.Tokenization;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad bench text [PATH] [--passes N]</c>: single-core throughput of normalization + tokenization + sentence
/// splitting over a JSONL corpus (default <c>../shared/data/news/dev/articles.jsonl</c>), in characters and words per second.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "JSONL file (one article a line, field 'text') or a UTF-8 text file", DefaultValueFactory = _ => "../shared/data/news/dev/articles.jsonl" };
        var passes = new Option<int>("--passes") { Description = "Timed passes over the corpus (after one warm-up pass)", DefaultValueFactory = _ => 5 };
        var segment = new Option<bool>("--segment") { Description = "Also time clitic segmentation of every Arabic word (not part of the 5 M chars/s target)" };
        var text = new Command("text", "Throughput of the Arabic text core (normalize + tokenize + split sentences) on one core.");
        text.Arguments.Add(path);
        text.Options.Add(passes);
        text.Options.Add(segment);
        text.SetAction(parse => RunText(parse.GetValue(path)!, Math.Max(1, parse.GetValue(passes)), parse.GetValue(segment)));
        var command = new Command("bench", "Throughput measurements.");
        command.Subcommands.Add(text);
        return command;
    }

    private static int RunText(string path, int passes, bool segment)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"error: '{path}' not found");
            return 2;
        }
        var docs = Load(path);
        long chars = 0;
        foreach (var d in docs) chars += d.Length;
        var normalizer = new ArabicNormalizer(ArabicNormalizerOptions.Search);
        var tokenizer = new ArabicTokenizer();
        var splitter = new SentenceSplitter();
        Console.WriteLine($"bench text: {docs.Count} documents, {chars:N0} characters, one thread, {passes} timed passes");

        Pass(docs, normalizer, tokenizer, splitter, out long words, out long tokens, out long sentences); // warm-up (JIT, tiering)
        var seconds = new List<double>(passes);
        for (int p = 0; p < passes; p++)
        {
            var sw = Stopwatch.StartNew();
            Pass(docs, normalizer, tokenizer, splitter, out words, out tokens, out sentences);
            sw.Stop();
            seconds.Add(sw.Elapsed.TotalSeconds);
            Console.WriteLine($"  pass {p + 1}: {sw.Elapsed.TotalMilliseconds,8:F1} ms  {chars / sw.Elapsed.TotalSeconds / 1e6,7:F2} M chars/s  {words / sw.Elapsed.TotalSeconds / 1e6,6:F2} M words/s");
        }
        seconds.Sort();
        double best = seconds[0], median = seconds[seconds.Count / 2];
        Console.WriteLine($"tokens {tokens:N0} (words {words:N0}), sentences {sentences:N0}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"throughput (median): {chars / median / 1e6:F2} M chars/s, {words / median / 1e6:F2} M words/s; best: {chars / best / 1e6:F2} M chars/s, {words / best / 1e6:F2} M words/s"));
        if (segment) TimeSegmentation(docs, tokenizer, words, passes);
        return 0;
    }

    private static void Pass(List<string> docs, ArabicNormalizer normalizer, ArabicTokenizer tokenizer, SentenceSplitter splitter,
        out long words, out long tokens, out long sentences)
    {
        words = 0; tokens = 0; sentences = 0;
        foreach (var text in docs)
        {
            var normalized = normalizer.Normalize(text);
            GC.KeepAlive(normalized);
            var list = tokenizer.Tokenize(text);
            var counter = new CountingSink();
            SentenceSplitter.Split(text, list, ref counter);
            tokens += list.Count;
            for (int i = 0; i < list.Count; i++)
            {
                if (list[i].Kind is TokenKind.ArabicWord or TokenKind.LatinWord) words++;
            }
            sentences += counter.Count;
        }
    }

    private static void TimeSegmentation(List<string> docs, ArabicTokenizer tokenizer, long words, int passes)
    {
        var segmenter = new CliticSegmenter();
        var tokenized = docs.ConvertAll(d => tokenizer.Tokenize(d));
        long segments = SegmentAll(docs, tokenized, segmenter); // warm-up and lexicon load
        var times = new List<double>(passes);
        for (int p = 0; p < passes; p++)
        {
            var sw = Stopwatch.StartNew();
            segments = SegmentAll(docs, tokenized, segmenter);
            times.Add(sw.Elapsed.TotalSeconds);
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"clitic segmentation alone (median): {words / times[times.Count / 2] / 1e6:F2} M words/s, {segments:N0} segments"));
    }

    private static long SegmentAll(List<string> docs, List<IReadOnlyList<Token>> tokenized, CliticSegmenter segmenter)
    {
        Span<Segment> buffer = stackalloc Segment[CliticSegmenter.MaxSegments];
        long n = 0;
        for (int d = 0; d < docs.Count; d++)
        {
            var tokens = tokenized[d];
            for (int i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].Kind == TokenKind.ArabicWord) n += segmenter.Segment(docs[d], tokens[i], buffer);
            }
        }
        return n;
    }

    private struct CountingSink : ISentenceSink
    {
        public int Count;
        public void Add(TextSpan sentence) => Count++;
    }

    private static List<string> Load(string path)
    {
        var docs = new List<string>();
        if (!path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            docs.Add(File.ReadAllText(path));
            return docs;
        }
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String) docs.Add(t.GetString()!);
        }
        return docs;
    }
}
