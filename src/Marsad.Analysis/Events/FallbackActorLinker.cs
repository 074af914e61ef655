using System.Collections.Frozen;
using System.Reflection;
using Marsad.Analysis.Actors;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Normalization;

namespace Marsad.Analysis.Events;

/// <summary>
/// A minimal actor linker used until the actor registry of issue 4 is wired into the pipeline: exact (normalized, clitic-
/// stripped) matches of the names in Resources/events/fallback_actors.tsv, longest first, plus "الجانب/المسؤول + demonym"
/// → the country. Mention spans exclude proclitics (و ب ل …) so the event stage can read them as prepositions.
/// No coreference, no roles, no dates. Immutable and thread-safe.
/// </summary>
public sealed class FallbackActorLinker : IActorDirectory
{
    private readonly FrozenDictionary<string, EventActor> _actors;
    private readonly FrozenDictionary<string, (string[] Words, string Id)[]> _names; // by first word
    private readonly FrozenDictionary<string, string> _demonyms; // الروسي → rus

    private FallbackActorLinker(FrozenDictionary<string, EventActor> actors, FrozenDictionary<string, (string[], string)[]> names, FrozenDictionary<string, string> demonyms)
    {
        _actors = actors;
        _names = names;
        _demonyms = demonyms;
    }

    /// <inheritdoc />
    public bool TryGet(string id, out EventActor actor) => _actors.TryGetValue(id, out actor!);

    /// <inheritdoc />
    public bool TryGetCountry(string iso3, out EventActor actor) => _actors.TryGetValue(iso3.ToLowerInvariant(), out actor!);

    /// <summary>Loads the embedded fallback list.</summary>
    public static FallbackActorLinker LoadDefault(ArabicNormalizer normalizer)
    {
        using var reader = EventResources.Open("events/fallback_actors.tsv");
        var actors = new Dictionary<string, EventActor>(StringComparer.Ordinal);
        var names = new Dictionary<string, List<(string[], string)>>(StringComparer.Ordinal);
        var demonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        bool header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            if (header) { header = false; continue; }
            var c = line.Split('\t');
            string id = c[0], kind = c[1], country = c[2];
            actors[id] = new EventActor(new ActorRef(id, c[3].Length > 0 ? c[3] : null, c[4], country), kind);
            foreach (var name in c[5].Split('|').Prepend(c[4]))
            {
                if (name.Length == 0) continue;
                var words = normalizer.NormalizeToString(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0) continue;
                if (!names.TryGetValue(words[0], out var list)) names[words[0]] = list = [];
                if (!list.Exists(x => x.Item2 == id && x.Item1.SequenceEqual(words))) list.Add((words, id));
            }
        }
        // demonyms for "الجانب الروسي" style references: built from country names we know (a few common ones).
        foreach (var (adj, id) in new[] { ("الروسي", "rus"), ("الامريكي", "usa"), ("الاميركي", "usa"), ("الصيني", "chn"), ("الفرنسي", "fra"),
            ("البريطاني", "gbr"), ("الالماني", "deu"), ("التركي", "tur"), ("الايراني", "irn"), ("الاوكراني", "ukr"), ("السوري", "syr"),
            ("المصري", "egy"), ("السعودي", "sau"), ("الاسرائيلي", "isr"), ("الفلسطيني", "pse"), ("التشيكي", "cze"), ("العراقي", "irq"),
            ("الامريكى", "usa"), ("الياباني", "jpn"), ("الهندي", "ind") })
            if (actors.ContainsKey(id)) demonyms[normalizer.NormalizeToString(adj)] = id;
        return new FallbackActorLinker(actors.ToFrozenDictionary(StringComparer.Ordinal),
            names.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(x => x.Item1.Length).ToArray(), StringComparer.Ordinal),
            demonyms.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Finds actor mentions among the word views of a document.</summary>
    public List<ActorMention> Link(string text, WordView[] words)
    {
        var result = new List<ActorMention>();
        int i = 0;
        while (i < words.Length)
        {
            var w = words[i];
            if (w.Kind != Tokenization.TokenKind.ArabicWord) { i++; continue; }
            int best = -1;
            string? bestId = null;
            int bestStart = w.Start;
            foreach (var form in w.Forms)
            {
                // names take proclitics (وبوتين، لروسيا) but never a pronoun suffix: "المالية" is not مالي
                if (form.Text.Length < 2 || !w.Norm.EndsWith(form.Text, StringComparison.Ordinal) || !_names.TryGetValue(form.Text, out var cands)) continue;
                foreach (var (nameWords, id) in cands)
                {
                    if (nameWords.Length - 1 <= best - i) continue;
                    int j = i + 1, k = 1;
                    while (k < nameWords.Length && j < words.Length && words[j].Norm == nameWords[k]) { j++; k++; }
                    if (k < nameWords.Length) continue;
                    best = j - 1;
                    bestId = id;
                    // the span starts after the stripped proclitics: the reading is a suffix-free tail of the word?
                    int offset = w.Norm.Length - form.Text.Length;
                    bestStart = w.Norm.EndsWith(form.Text, StringComparison.Ordinal) && offset > 0 ? w.End - form.Text.Length : w.Start;
                    if (bestStart < w.Start) bestStart = w.Start;
                }
            }
            if (bestId is not null)
            {
                result.Add(new ActorMention(bestStart, words[best].End, bestId, ActorMentionKind.Name));
                i = best + 1;
                continue;
            }
            // الجانب الروسي / المسؤول الروسي / الرئيس الروسي → the country (a stand-in for the government or its official)
            if (i + 1 < words.Length && w.Bare is "الجانب" or "المسؤول" or "المسؤوله" or "المسؤولون" or "المسوول" or "المسووله" or "المسوولون" or "الرييس" or "الطرف" or "الاداره" or "السلطات" or "الرئيس" or "نظيره" or "نظيرها"
                && _demonyms.TryGetValue(StripFem(words[i + 1].Norm), out var cid))
            {
                int start = w.Norm.Length > w.Bare.Length ? w.End - w.Bare.Length : w.Start;
                result.Add(new ActorMention(start, words[i + 1].End, cid, ActorMentionKind.Demonym));
                i += 2;
                continue;
            }
            i++;
        }
        return result;
    }

    private static string StripFem(string s) => s.EndsWith('ه') ? s[..^1] : s;
}
