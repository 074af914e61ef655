using System.Collections.Frozen;
using Marsad.Analysis.Normalization;

namespace Marsad.Analysis.Events;

/// <summary>Nationality adjectives and peoples (الأمريكي، الروسية، الروس) → country (ISO alpha-3), from
/// Resources/events/demonyms.tsv, normalized. Immutable and thread-safe.</summary>
public sealed class DemonymLexicon
{
    private readonly FrozenDictionary<string, string> _map;

    private DemonymLexicon(FrozenDictionary<string, string> map) => _map = map;

    /// <summary>Loads the embedded list.</summary>
    public static DemonymLexicon LoadDefault(ArabicNormalizer normalizer)
    {
        using var reader = EventResources.Open("events/demonyms.tsv");
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        bool header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            if (header) { header = false; continue; }
            var c = line.Split('\t');
            string n = normalizer.NormalizeToString(c[0]);
            map.TryAdd(n, c[1]);
            // the list gives the nominative plural only: الفلسطينيون → also الفلسطينيين (genitive/accusative)
            if (n.EndsWith("يون", StringComparison.Ordinal)) map.TryAdd(n[..^2] + "ين", c[1]);
        }
        return new DemonymLexicon(map.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The country of a nationality word (any of its conjunction-free readings), or null.</summary>
    public string? CountryOf(WordView w)
    {
        if (w.Kind != Tokenization.TokenKind.ArabicWord) return null;
        return _map.TryGetValue(w.Norm, out var c) || _map.TryGetValue(w.Bare, out c) ? c : null;
    }
}
