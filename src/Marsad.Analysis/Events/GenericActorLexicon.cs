using System.Collections.Frozen;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Normalization;

namespace Marsad.Analysis.Events;

/// <summary>
/// Role nouns that act without a name (المتظاهرون، مسلحون، الشرطة) from Resources/events/generic_actors.tsv. They fill
/// an event side that no named actor fills, as an actor with id <c>agent:&lt;sector&gt;</c>, the words as written for
/// <c>name_ar</c> and no country unless a nationality adjective follows. Sound masculine plurals are also matched in their construct form (مستوطني، مسلحو).
/// Immutable and thread-safe.
/// </summary>
public sealed class GenericActorLexicon
{
    private readonly FrozenDictionary<string, (string Sector, string English)> _map;

    private GenericActorLexicon(FrozenDictionary<string, (string, string)> map) => _map = map;

    /// <summary>Loads the embedded list.</summary>
    public static GenericActorLexicon LoadDefault(ArabicNormalizer normalizer)
    {
        using var reader = EventResources.Open("events/generic_actors.tsv");
        var map = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        bool header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            if (header) { header = false; continue; }
            var c = line.Split('\t');
            foreach (var f in c[0].Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                string n = normalizer.NormalizeToString(f);
                map.TryAdd(n, (c[1], c[2]));
                // a sound masculine plural loses its ن before a genitive: مستوطنو / مستوطني براخة، مسلحي الحركة
                if (n.Length >= 5 && (n.EndsWith("ون", StringComparison.Ordinal) || n.EndsWith("ين", StringComparison.Ordinal)))
                    map.TryAdd(n[..^1], (c[1], c[2]));
            }
        }
        return new GenericActorLexicon(map.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The generic actor a word stands for, or null.</summary>
    public EventActor? Match(string text, WordView w) => Match(text, w, null);

    /// <summary>
    /// The generic actor a word stands for with the country a nationality adjective after it names (الشرطة الروسية,
    /// قناص إسرائيلي): id <c>agent:&lt;sector&gt;:&lt;country&gt;</c>, like CAMEO's RUSCOP.
    /// </summary>
    public EventActor? Match(string text, WordView w, string? country)
    {
        if (w.Kind != Tokenization.TokenKind.ArabicWord) return null;
        foreach (var f in w.Forms)
        {
            if ((f.Kind & FormKind.Noun) == 0 || !_map.TryGetValue(f.Text, out var v)) continue;
            if (!w.Norm.EndsWith(f.Text, StringComparison.Ordinal)) continue; // no pronoun suffix readings
            string surface = text[w.Start..w.End];
            string id = "agent:" + v.Sector.ToLowerInvariant();
            if (country is not null) id += ":" + country.ToLowerInvariant();
            return new EventActor(new ActorRef(id, v.English, surface, country), "agent");
        }
        return null;
    }
}
