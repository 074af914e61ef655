using BenchmarkDotNet.Attributes;
using Marsad.Analysis.Tagging;

namespace Marsad.Benchmarks;

/// <summary>
/// Tagging speed of the default NER model on one thread, model already loaded: features + Viterbi over the
/// sentences of ../shared/data/ner/anercorp-camel/dev.conll (12,334 tokens). Tokens/s = 12,334 / mean time.
/// <c>TagSentences</c> tags each sentence on its own (both stages); <c>TagDocument</c> tags them as one stream with
/// the document features and the consistency pass, as <c>marsad ner eval</c> does.
/// Run: dotnet run -c Release --project bench/Marsad.Benchmarks -- --filter '*EntityTagger*'
/// </summary>
[MemoryDiagnoser]
public class EntityTaggerBenchmark
{
    private EntityTagger _tagger = null!;
    private List<NerSentence> _sentences = null!;
    private int[] _labels = [];
    private string[][] _tokens = [];
    private int[][] _documentLabels = [];

    /// <summary>How many dev sentences to tag per invocation (shows the cost is linear).</summary>
    [Params(100, 397)]
    public int Sentences { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _tagger = NerResources.DefaultTagger ?? throw new InvalidOperationException("no embedded model");
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Marsad.slnx"))) dir = Path.GetDirectoryName(dir);
        var path = Path.Combine(dir ?? ".", "..", "shared", "data", "ner", "anercorp-camel", "dev.conll");
        using var reader = new StreamReader(path);
        _sentences = ConllFormat.Read(reader).Take(Sentences).ToList();
        _labels = new int[_sentences.Max(s => s.Tokens.Length)];
        _tokens = _sentences.Select(s => s.Tokens).ToArray();
        _documentLabels = _tokens.Select(t => new int[t.Length]).ToArray();
        Console.WriteLine($"// {_sentences.Sum(s => s.Tokens.Length)} tokens per invocation");
    }

    [Benchmark]
    public int TagSentences()
    {
        int sum = 0;
        foreach (var s in _sentences)
        {
            _tagger.Tag(new StringTokens(s.Tokens), _labels);
            sum += _labels[0];
        }
        return sum;
    }

    [Benchmark]
    public int TagDocument() => _tagger.TagDocument(_tokens, _documentLabels);

    [Benchmark]
    public NerModel LoadDefaultModel()
    {
        using var stream = NerResources.Open("model.bin")!;
        return NerModel.Load(stream);
    }
}
