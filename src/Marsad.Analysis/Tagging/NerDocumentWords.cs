namespace Marsad.Analysis.Tagging;

/// <summary>
/// The words of a document as the document-level stages see them: per token its normalized and proclitic-stripped
/// hashes (<see cref="NerText.WordKeys"/>) and the label it was given, sentence by sentence. Reusable scratch
/// (grown on demand); not thread-safe.
/// </summary>
internal sealed class NerDocumentWords
{
    private readonly List<int> _starts = [0];

    /// <summary>Normalized-word hash per token.</summary>
    public ulong[] Norm { get; private set; } = new ulong[256];
    /// <summary>Hash of the word without proclitics per token (equal to <see cref="Norm"/> when nothing is stripped).</summary>
    public ulong[] Stem { get; private set; } = new ulong[256];
    /// <summary>The label each token was added with.</summary>
    public int[] Labels { get; private set; } = new int[256];

    public int Sentences => _starts.Count - 1;
    public int Tokens => _starts[^1];
    /// <summary>First token of a sentence (document-wide index).</summary>
    public int Start(int sentence) => _starts[sentence];
    /// <summary>One past the last token of a sentence.</summary>
    public int End(int sentence) => _starts[sentence + 1];

    public void Clear()
    {
        _starts.Clear();
        _starts.Add(0);
    }

    /// <summary>Appends a sentence with its labels; returns the document-wide index of its first token.</summary>
    public int Add<TSource>(TSource tokens, ReadOnlySpan<int> labels) where TSource : INerTokenSource
    {
        int n = tokens.Count;
        if (labels.Length < n) throw new ArgumentException("fewer labels than tokens", nameof(labels));
        int start = _starts[^1];
        if (start + n > Norm.Length)
        {
            int size = Math.Max(start + n, Norm.Length * 2);
            var norm = Norm; var stem = Stem; var l = Labels;
            Array.Resize(ref norm, size);
            Array.Resize(ref stem, size);
            Array.Resize(ref l, size);
            Norm = norm; Stem = stem; Labels = l;
        }
        for (int i = 0; i < n; i++)
        {
            NerText.WordKeys(tokens[i], out Norm[start + i], out Stem[start + i]);
            Labels[start + i] = labels[i];
        }
        _starts.Add(start + n);
        return start;
    }
}
