namespace Marsad.Analysis.Stemming;

/// <summary>
/// A light stemmer for search in the spirit of Larkey, Ballesteros and Connell's light10 (SIGIR 2002; 2007):
/// it strips a few frequent prefixes and suffixes and never looks up a root. The input is a word already
/// normalized for search (<see cref="Normalization.ArabicNormalizerOptions.Search"/>: alef forms unified,
/// ى → ي, ة → ه), so the teh marbuta suffixes appear as ه and يه. Rules, applied in this order:
/// <list type="number">
/// <item>Strip a leading و (and) when at least 3 letters remain.</item>
/// <item>Strip the first matching article-bearing prefix of ال، وال، بال، كال، فال، لل (longest first) when at least 2 letters remain.</item>
/// <item>Strip each suffix of ها، ان، ات، ون، ين، يه، ه، ي at most once, in this order, each time the word still
/// ends with it and at least 2 letters remain (3 for the one-letter ه and ي, so الى، لله، علي keep their letters).</item>
/// </list>
/// Stemming only removes letters from the ends, so the stem is a slice of the input
/// (<see cref="StemRange"/> allocates nothing). Immutable and thread-safe.
/// </summary>
public sealed class ArabicLightStemmer
{
    private static readonly string[] ArticlePrefixes = ["وال", "بال", "كال", "فال", "ال", "لل"];
    private static readonly string[] Suffixes = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];

    /// <summary>The stem of a normalized word, as a new string.</summary>
    public string Stem(ReadOnlySpan<char> normalizedWord) => StemRange(normalizedWord).ToString();

    /// <summary>The stem of a normalized word, as a slice of it.</summary>
    public static ReadOnlySpan<char> StemRange(ReadOnlySpan<char> word)
    {
        if (word.Length >= 4 && word[0] == '\u0648') word = word[1..];
        foreach (var p in ArticlePrefixes)
        {
            if (word.Length - p.Length >= 2 && word.StartsWith(p, StringComparison.Ordinal))
            {
                word = word[p.Length..];
                break;
            }
        }
        foreach (var s in Suffixes)
        {
            int keep = s.Length == 1 ? 3 : 2;
            if (word.Length - s.Length >= keep && word.EndsWith(s, StringComparison.Ordinal)) word = word[..^s.Length];
        }
        return word;
    }
}
