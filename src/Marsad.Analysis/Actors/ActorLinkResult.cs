using Marsad.Analysis.Documents;

namespace Marsad.Analysis.Actors;

/// <summary>
/// What actor linking found in one document: every span linked to an actor, the actors used (registry actors and
/// persons first met in this document), and the entity list with <c>actor</c> filled. Immutable.
/// </summary>
public sealed class ActorLinkResult
{
    internal ActorLinkResult(IReadOnlyList<ActorMention> mentions, IReadOnlyDictionary<string, Actor> actors,
        IReadOnlyList<EntityMention> entities, DateOnly? date)
    {
        Mentions = mentions;
        ActorsById = actors;
        Entities = entities;
        Date = date;
    }

    /// <summary>Linked spans in text order (two mentions may share a span: الرئيسان names two actors).</summary>
    public IReadOnlyList<ActorMention> Mentions { get; }

    /// <summary>Every actor a mention points to, by id (includes new actors with ids starting "new:").</summary>
    public IReadOnlyDictionary<string, Actor> ActorsById { get; }

    /// <summary>Entities: the tagger's mentions with <c>actor</c> set, plus the registry's own name spans (origin "gazetteer").</summary>
    public IReadOnlyList<EntityMention> Entities { get; }

    /// <summary>The date roles were resolved on (the document's publication date), if known.</summary>
    public DateOnly? Date { get; }

    /// <summary>Finds an actor used in this document (including new ones).</summary>
    public bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Actor? actor) => ActorsById.TryGetValue(id, out actor);

    /// <summary>The document's actor list: identity and role on the document date, in order of first mention.</summary>
    public IReadOnlyList<ActorInfo> ActorInfos()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<ActorInfo>();
        foreach (var m in Mentions)
            if (seen.Add(m.ActorId) && ActorsById.TryGetValue(m.ActorId, out var a))
                list.Add(a.ToInfo(Date));
        return list;
    }
}
