using System.Text.Json;
using Marsad.Analysis.Events;

namespace Marsad.Analysis.Evaluation;

/// <summary>An actor of a gold file: the events, must-nots and quotes refer to it by <see cref="Id"/>.</summary>
public sealed record GoldActor(string Id, string English, IReadOnlyList<string> Arabic, string? Country, string Kind);

/// <summary>One gold event (PLOVER type, actors by id, date at its precision, modality).</summary>
public sealed record GoldEvent(PloverType Type, IReadOnlyList<PloverType> AltTypes, string? Mode, IReadOnlyList<string> Source,
    IReadOnlyList<string> Target, string? Date, string Modality, bool Optional, string? Trigger, string? Note)
{
    /// <summary>Character span of the words the annotator gave as evidence (a clause around the trigger), when known.</summary>
    public (int Start, int End)? EvidenceSpan { get; init; }

    public bool Accepts(PloverType type) => Type == type || AltTypes.Contains(type);
}

/// <summary>A reading a careful coder must not produce (scored at country level, like the shared scorer).</summary>
public sealed record GoldMustNot(PloverType Type, string Source, string Target, string? Why);

/// <summary>A gold quote: its speaker (null when the text never names one), first words, and relay.</summary>
public sealed record GoldQuote(string? Speaker, string StartsWith, bool Direct, string? Via)
{
    /// <summary>Where <see cref="StartsWith"/> begins in the text (the built gold gives it; the seeds' gold does not).</summary>
    public int? Start { get; init; }
}

/// <summary>One annotated document. <see cref="File"/> is a seed file name or a corpus article id.</summary>
public sealed record GoldDocument(string File, string? Published, IReadOnlyList<GoldEvent> Events,
    IReadOnlyList<GoldMustNot> MustNot, IReadOnlyList<GoldQuote> Quotes);

/// <summary>
/// A marsad-gold/1 file (<c>../shared/data/seeds/gold.json</c>, <c>eval/events/tune.json</c>, <c>check.json</c>).
/// <see cref="Articles"/> names the JSONL corpus that holds the documents' text when they are articles, not files.
/// </summary>
public sealed class EventGold
{
    public required IReadOnlyDictionary<string, GoldActor> Actors { get; init; }
    public required IReadOnlyList<GoldDocument> Documents { get; init; }
    public string? Articles { get; init; }

    public static EventGold Load(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = json.RootElement;
        if (!root.TryGetProperty("schema", out var schema) || schema.GetString() != "marsad-gold/1")
            throw new InvalidDataException($"{path}: not a marsad-gold/1 file (no \"schema\": \"marsad-gold/1\")");
        var actors = new Dictionary<string, GoldActor>(StringComparer.Ordinal);
        foreach (var a in root.GetProperty("actors").EnumerateArray())
        {
            var id = a.GetProperty("id").GetString()!;
            actors[id] = new GoldActor(id, Str(a, "english") ?? "", Strings(a, "arabic"), Str(a, "country"), Str(a, "kind") ?? "person");
        }
        var documents = new List<GoldDocument>();
        foreach (var d in root.GetProperty("documents").EnumerateArray())
        {
            var file = Str(d, "file") ?? Str(d, "id") ?? throw new InvalidDataException($"{path}: a document has neither \"file\" nor \"id\"");
            var events = new List<GoldEvent>();
            foreach (var e in Array(d, "events"))
            {
                var ev = new GoldEvent(PloverTypes.Parse(Str(e, "type"), $"{path}: {file}"),
                    [.. Strings(e, "alt_types").Select(t => PloverTypes.Parse(t, $"{path}: {file}: alt_types"))], Str(e, "mode"), Strings(e, "source"),
                    Strings(e, "target"), Str(e, "date"), Str(e, "modality") ?? "asserted",
                    e.TryGetProperty("optional", out var o) && o.ValueKind == JsonValueKind.True, Str(e, "trigger"), Str(e, "note"))
                { EvidenceSpan = Span(e, "evidence_span") };
                foreach (var id in ev.Source.Concat(ev.Target))
                    if (!actors.ContainsKey(id)) throw new InvalidDataException($"{path}: {file}: event actor '{id}' is not in \"actors\"");
                events.Add(ev);
            }
            var mustNot = new List<GoldMustNot>();
            foreach (var n in Array(d, "must_not"))
            {
                var m = new GoldMustNot(PloverTypes.Parse(Str(n, "type"), $"{path}: {file}: must_not"), Str(n, "source")!, Str(n, "target")!, Str(n, "why"));
                if (m.Source is null || m.Target is null || !actors.ContainsKey(m.Source) || !actors.ContainsKey(m.Target))
                    throw new InvalidDataException($"{path}: {file}: a must_not needs source and target actor ids from \"actors\"");
                mustNot.Add(m);
            }
            var quotes = new List<GoldQuote>();
            foreach (var q in Array(d, "quotes"))
                quotes.Add(new GoldQuote(Str(q, "speaker"), Str(q, "starts_with") ?? "", q.TryGetProperty("direct", out var dir) && dir.ValueKind == JsonValueKind.True, Str(q, "via"))
                {
                    Start = q.TryGetProperty("start", out var st) && st.ValueKind == JsonValueKind.Number ? st.GetInt32() : null,
                });
            documents.Add(new GoldDocument(file, Str(d, "published"), events, mustNot, quotes));
        }
        return new EventGold { Actors = actors, Documents = documents, Articles = Str(root, "articles") };
    }

    private static (int, int)? Span(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array && v.GetArrayLength() == 2 ? (v[0].GetInt32(), v[1].GetInt32()) : null;

    private static string? Str(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static IEnumerable<JsonElement> Array(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    private static string[] Strings(JsonElement e, string name)
        => Array(e, name).Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToArray();
}
