namespace Marsad.Analysis.Tagging;

/// <summary>
/// Unlabelled text as a stream of word ids, for the unsupervised resources of the tagger (word clusters, embeddings).
/// Tokens are letter/digit runs (tashkeel and tatweel kept inside a word) and single other marks, normalized with
/// <see cref="NerText.Normalize(ReadOnlySpan{char}, Span{char})"/>. A document ends with <see cref="Boundary"/>, so
/// no context crosses documents. With <c>stems</c> every word is replaced by its proclitic-stripped stem
/// (<see cref="NerText.StripProclitics"/>: لموسكو، وموسكو → موسكو), which pools the counts that clitics split.
/// Not thread-safe while adding; read-only afterwards.
/// </summary>
public sealed class RawCorpus(bool stems = false)
{
    /// <summary>The id that marks the end of a document in <see cref="Stream"/>.</summary>
    public const int Boundary = -1;
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _words = [];
    private readonly List<int> _counts = [];
    private int[] _stream = new int[1 << 20];
    private int _length;

    /// <summary>Tokens read so far (boundaries not counted).</summary>
    public long Tokens { get; private set; }

    /// <summary>Distinct words, by id.</summary>
    public IReadOnlyList<string> Words => _words;

    /// <summary>Occurrences of each word id.</summary>
    public IReadOnlyList<int> Counts => _counts;

    /// <summary>All word ids in reading order, with <see cref="Boundary"/> after each document.</summary>
    public ReadOnlySpan<int> Stream => _stream.AsSpan(0, _length);

    /// <summary>Adds one document.</summary>
    public void Add(ReadOnlySpan<char> text)
    {
        Span<char> buf = stackalloc char[64];
        var alt = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int s = i;
            if (char.IsLetterOrDigit(c))
            {
                while (i < text.Length && i - s < 60 && (char.IsLetterOrDigit(text[i]) || text[i] is >= '\u064B' and <= '\u0652' or '\u0640' or '\u0670')) i++;
            }
            else i++;
            int n = NerText.Normalize(text[s..i], buf);
            if (n == 0) continue;
            int from = stems ? NerText.StripProclitics(buf[..n], out _) : 0;
            var word = buf[from..n];
            if (!alt.TryGetValue(word, out int id))
            {
                id = _words.Count;
                var w = new string(word);
                _ids[w] = id;
                _words.Add(w);
                _counts.Add(0);
            }
            _counts[id]++;
            Push(id);
            Tokens++;
        }
        Push(Boundary);
    }

    private void Push(int id)
    {
        if (_length == _stream.Length) Array.Resize(ref _stream, _stream.Length * 2);
        _stream[_length++] = id;
    }

    /// <summary>Word ids from most to least frequent (ties by ordinal word order, so the order is deterministic).</summary>
    public int[] ByFrequency() =>
        Enumerable.Range(0, _words.Count).OrderByDescending(i => _counts[i]).ThenBy(i => _words[i], StringComparer.Ordinal).ToArray();
}
