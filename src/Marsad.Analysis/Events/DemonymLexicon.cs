using System.Collections.Frozen;
using Marsad.Analysis.Normalization;

namespace Marsad.Analysis.Events;

/// <summary>Nationality adjectives and peoples (الأمريكي، الروسية، الروس، الفلسطينيين) → country (ISO alpha-3), normalized:
/// the registry's demonym table (Resources/actors/demonyms.tsv) read with the same forms as the linker reads it
/// (<see cref="Actors.DemonymForms"/>). Immutable and thread-safe.</summary>
public sealed class DemonymLexicon
{
    private readonly FrozenDictionary<string, string> _map;

    private DemonymLexicon(FrozenDictionary<string, string> map) => _map = map;

    /// <summary>Loads the embedded table.</summary>
    public static DemonymLexicon LoadDefault(ArabicNormalizer normalizer)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (country, row, gender) in Actors.DemonymForms.Rows())
            foreach (var (form, _) in Actors.DemonymForms.Of(row, gender))
                map.TryAdd(normalizer.NormalizeToString(form), country);
        return new DemonymLexicon(map.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The country of a nationality word (any of its conjunction-free readings), or null.</summary>
    public string? CountryOf(WordView w)
    {
        if (w.Kind != Tokenization.TokenKind.ArabicWord) return null;
        return _map.TryGetValue(w.Norm, out var c) || _map.TryGetValue(w.Bare, out c) ? c : null;
    }
}
