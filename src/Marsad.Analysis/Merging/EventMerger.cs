using Marsad.Analysis.Documents;
using Marsad.Analysis.Text;

namespace Marsad.Analysis.Merging;

/// <summary>One piece of evidence of a merged event: the document, the event in it and its spans.</summary>
public sealed record MergedEvidence(string Document, string Event, IReadOnlyList<TextSpan> Spans);

/// <summary>
/// Several reports of one real-world event: the codes and actors they agree on, the most precise date, how many
/// mentions and distinct sources (outlets, else documents) told it (like GDELT's NumMentions / NumSources), and all evidence.
/// </summary>
public sealed record MergedEvent
{
    public required string Id { get; init; }
    public required Events.PloverType Type { get; init; }
    public string? Mode { get; init; }
    public string? Cameo { get; init; }
    public IReadOnlyList<ActorRef> Source { get; init; } = [];
    public IReadOnlyList<ActorRef> Target { get; init; } = [];
    public string? Date { get; init; }
    public Events.EventModality Modality { get; init; } = Events.EventModality.Asserted;
    public int MentionCount { get; init; }
    public int SourceCount { get; init; }
    public IReadOnlyList<string> Documents { get; init; } = [];
    public IReadOnlyList<MergedEvidence> Evidence { get; init; } = [];
}

/// <summary>
/// Merges event reports across documents: reports with the same <see cref="EventIdentity"/> key are one event (the
/// store merges by the same key). Negated reports are not output (nothing happened), and events without any actor are
/// never merged across documents (nothing identifies them). Not thread-safe: one merger per run.
/// </summary>
public sealed class EventMerger
{
    private readonly List<Group> _groups = [];
    private readonly Dictionary<string, Group> _byKey = new(StringComparer.Ordinal);

    private sealed class Group
    {
        public required EventRecord First;
        public string? Date;
        public string? Mode;
        public readonly List<MergedEvidence> Evidence = [];
        public readonly HashSet<string> Sources = new(StringComparer.Ordinal);
        public readonly List<string> Documents = [];
    }

    /// <summary>Adds the events of one analysed document.</summary>
    public void Add(AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var e in document.Events)
        {
            if (e.Modality == Events.EventModality.Negated || e.Source.Count + e.Target.Count == 0) continue;
            string key = EventIdentity.Of(e, document.Published, document.Id).Key;
            if (!_byKey.TryGetValue(key, out var g))
            {
                _byKey[key] = g = new Group { First = e, Date = e.Date, Mode = e.Mode };
                _groups.Add(g);
            }
            g.Mode ??= e.Mode;
            g.Evidence.Add(new MergedEvidence(document.Id, e.Id, e.Evidence));
            g.Sources.Add(document.Source ?? document.Id);
            if (!g.Documents.Contains(document.Id)) g.Documents.Add(document.Id);
        }
    }

    /// <summary>The merged events, in order of first report.</summary>
    public List<MergedEvent> Result()
    {
        var result = new List<MergedEvent>(_groups.Count);
        int n = 0;
        foreach (var g in _groups)
            result.Add(new MergedEvent
            {
                Id = "m" + (++n).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Type = g.First.Type,
                Mode = g.Mode,
                Cameo = g.First.Cameo,
                Source = g.First.Source,
                Target = g.First.Target,
                Date = g.Date,
                Modality = g.First.Modality,
                MentionCount = g.Evidence.Count,
                SourceCount = g.Sources.Count,
                Documents = g.Documents,
                Evidence = g.Evidence,
            });
        return result;
    }
}
