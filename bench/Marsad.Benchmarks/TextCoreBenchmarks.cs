using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Marsad.Analysis.Normalization;
using Marsad.Analysis.Sentences;
using Marsad.Analysis.Text;
using Marsad.Analysis.Tokenization;

namespace Marsad.Benchmarks;

/// <summary>
/// The Arabic text core on real news (the first <see cref="Chars"/> characters of
/// ../shared/data/news/dev/articles.jsonl, or $MARSAD_SHARED/data/...). Sizes sweep so that O(n²) would show.
/// Run: dotnet run -c Release --project bench/Marsad.Benchmarks -- --filter '*TextCore*'
/// </summary>
[MemoryDiagnoser]
public class TextCoreBenchmarks
{
    private readonly ArabicNormalizer _normalizer = new(ArabicNormalizerOptions.Search);
    private readonly ArabicTokenizer _tokenizer = new();
    private readonly CliticSegmenter _segmenter = new();
    private string _text = "";
    private IReadOnlyList<Token> _tokens = [];
    private char[] _buffer = [];
    private int[] _offsets = [];

    [Params(10_000, 1_000_000)]
    public int Chars { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = Corpus.Text(Chars);
        _tokens = _tokenizer.Tokenize(_text);
        _buffer = new char[_normalizer.MaxOutputLength(_text)];
        _offsets = new int[_buffer.Length];
    }

    /// <summary>Normalization kernel into preallocated buffers (with offset map).</summary>
    [Benchmark]
    public int NormalizeKernel() => _normalizer.Normalize(_text, _buffer, _offsets);

    /// <summary>Normalization stage: new string plus offset map.</summary>
    [Benchmark]
    public int Normalize() => _normalizer.Normalize(_text).Text.Length;

    /// <summary>Tokenizer kernel: enumerate tokens, nothing stored.</summary>
    [Benchmark]
    public int TokenizeKernel() => ArabicTokenizer.Count(_text);

    /// <summary>Tokenizer stage: a list of tokens.</summary>
    [Benchmark]
    public int Tokenize() => _tokenizer.Tokenize(_text).Count;

    /// <summary>Sentence splitting over ready tokens.</summary>
    [Benchmark]
    public int Split()
    {
        var sink = new CountingSink();
        SentenceSplitter.Split(_text, _tokens, ref sink);
        return sink.Count;
    }

    /// <summary>What the throughput target covers: normalize + tokenize + split.</summary>
    [Benchmark(Baseline = true)]
    public int NormalizeTokenizeSplit()
    {
        var normalized = _normalizer.Normalize(_text);
        var tokens = _tokenizer.Tokenize(_text);
        var sink = new CountingSink();
        SentenceSplitter.Split(_text, tokens, ref sink);
        return normalized.Text.Length + tokens.Count + sink.Count;
    }

    /// <summary>Clitic segmentation of every Arabic word (span kernel, no allocation).</summary>
    [Benchmark]
    public int SegmentWords()
    {
        Span<Segment> segments = stackalloc Segment[CliticSegmenter.MaxSegments];
        int n = 0;
        foreach (var t in _tokens)
        {
            if (t.Kind == TokenKind.ArabicWord) n += _segmenter.Segment(_text, t, segments);
        }
        return n;
    }

    private struct CountingSink : ISentenceSink
    {
        public int Count;
        public void Add(TextSpan sentence) => Count++;
    }
}

/// <summary>Loads benchmark text from the shared news corpus.</summary>
internal static class Corpus
{
    public static string Text(int chars)
    {
        var path = Find("news", "dev", "articles.jsonl");
        var sb = new StringBuilder(chars + 10_000);
        foreach (var line in File.ReadLines(path))
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String) sb.Append(t.GetString()).Append("\n\n");
            if (sb.Length >= chars) break;
        }
        return sb.ToString(0, Math.Min(chars, sb.Length));
    }

    private static string Find(params string[] parts)
    {
        var env = Environment.GetEnvironmentVariable("MARSAD_SHARED");
        if (!string.IsNullOrEmpty(env)) return Path.Combine([env, "data", .. parts]);
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marsad.slnx"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("cannot find the repository (Marsad.slnx); set MARSAD_SHARED");
        return Path.Combine([dir.FullName, "..", "shared", "data", .. parts]);
    }
}
