using System.Collections.Frozen;
using System.Reflection;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Normalization;

namespace Marsad.Analysis.Events;

/// <summary>A place name entry: what it is, in which country.</summary>
public sealed record Place(LocationInfo Info, bool IsCountry);

/// <summary>
/// Place names for event locations (Resources/events/places.tsv: capitals, large cities, countries), matched over
/// normalized word readings with the article and prepositions stripped, longest name first. Immutable and thread-safe.
/// </summary>
public sealed class PlaceLexicon
{
    private readonly FrozenDictionary<string, (string[] Words, Place Where)[]> _byFirst;

    private PlaceLexicon(FrozenDictionary<string, (string[], Place)[]> byFirst) => _byFirst = byFirst;

    /// <summary>Loads the embedded list.</summary>
    public static PlaceLexicon LoadDefault(ArabicNormalizer normalizer)
    {
        using var reader = EventResources.Open("events/places.tsv");
        var map = new Dictionary<string, List<(string[], Place)>>(StringComparer.Ordinal);
        bool header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            if (header) { header = false; continue; }
            var c = line.Split('\t');
            var place = new Place(new LocationInfo(c[0], c[2], c[3].Length > 0 ? c[3] : null), c[4] == "country");
            foreach (var name in c[1].Split('|').Prepend(c[0]))
            {
                if (name.Length < 2) continue;
                var words = normalizer.NormalizeToString(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0 || words[0].Length < 3) continue;
                if (!map.TryGetValue(words[0], out var list)) map[words[0]] = list = [];
                // the first spelling listed wins (cities are listed before countries; bigger cities first)
                if (!list.Exists(x => x.Item1.AsSpan().SequenceEqual(words.AsSpan(1)))) list.Add((words[1..], place));
            }
        }
        return new PlaceLexicon(map.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(x => x.Item1.Length).ToArray(), StringComparer.Ordinal));
    }

    /// <summary>Matches a place name starting at word <paramref name="i"/>; returns the index of its last word or -1.</summary>
    public int Match(WordView[] words, int i, int to, out Place? place)
    {
        place = null;
        if (i >= to || words[i].Kind != Tokenization.TokenKind.ArabicWord) return -1;
        foreach (var form in words[i].Forms)
        {
            if ((form.Kind & FormKind.Noun) == 0 || !_byFirst.TryGetValue(form.Text, out var list)) continue;
            foreach (var (rest, p) in list)
            {
                int j = i + 1, k = 0;
                while (k < rest.Length && j < to && words[j].Norm == rest[k]) { j++; k++; }
                if (k < rest.Length) continue;
                place = p;
                return j - 1;
            }
        }
        return -1;
    }
}
