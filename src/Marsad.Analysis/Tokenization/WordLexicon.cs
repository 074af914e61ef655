using System.Collections.Frozen;
using System.Globalization;

namespace Marsad.Analysis.Tokenization;

/// <summary>
/// Normalized Arabic word forms (<see cref="NormalizerOptions"/>: search folding, but teh marbuta ة kept, because
/// folding it to heh would make every feminine noun look like a word with the pronoun suffix ه) with their corpus
/// frequency, and the forms that are names (never split into clitics). The default lexicon is embedded
/// (<c>Resources/lexicon/words.tsv</c>, rebuilt by <c>./marsad lexicon build</c>). Immutable and thread-safe.
/// File format: <c>#</c> header lines, then <c>word TAB count [TAB N]</c>, where N marks a name.
/// </summary>
public sealed class WordLexicon
{
    /// <summary>The embedded resource name of the default lexicon.</summary>
    public const string ResourceName = "Marsad.Resources.lexicon.words.tsv";
    private const int NameFlag = 1 << 30;

    /// <summary>How lexicon words (and the words looked up in it) are normalized: like
    /// <see cref="Normalization.ArabicNormalizerOptions.Search"/> but with teh marbuta ة kept.</summary>
    public static Normalization.ArabicNormalizerOptions NormalizerOptions { get; } = new() { TehMarbutaToHeh = false };

    private static readonly Lazy<WordLexicon> DefaultLazy = new(LoadDefault);
    private readonly FrozenDictionary<string, int> _entries;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private WordLexicon(Dictionary<string, int> entries)
    {
        _entries = entries.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The embedded default lexicon (loaded once).</summary>
    public static WordLexicon Default => DefaultLazy.Value;

    /// <summary>Number of word forms.</summary>
    public int Count => _entries.Count;

    /// <summary>Corpus frequency of a normalized form (0 when unknown).</summary>
    public int Frequency(ReadOnlySpan<char> normalizedWord) =>
        _lookup.TryGetValue(normalizedWord, out int v) ? v & ~NameFlag : 0;

    /// <summary>True when the normalized form is a name token from the gazetteers.</summary>
    public bool IsName(ReadOnlySpan<char> normalizedWord) =>
        _lookup.TryGetValue(normalizedWord, out int v) && (v & NameFlag) != 0;

    /// <summary>Reads a lexicon in the file format above.</summary>
    /// <exception cref="FormatException">a line is not <c>word TAB count [TAB N]</c>.</exception>
    public static WordLexicon Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new Dictionary<string, int>(StringComparer.Ordinal);
        int lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (parts.Length < 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
                throw new FormatException($"lexicon line {lineNo}: expected 'word<TAB>count[<TAB>N]'");
            count = Math.Min(count, NameFlag - 1);
            if (parts.Length > 2 && parts[2] == "N") count |= NameFlag;
            entries[parts[0]] = count;
        }
        return new WordLexicon(entries);
    }

    private static WordLexicon LoadDefault()
    {
        using var stream = typeof(WordLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return Read(reader);
    }
}
