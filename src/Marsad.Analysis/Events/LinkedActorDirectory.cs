using Marsad.Analysis.Actors;

namespace Marsad.Analysis.Events;

/// <summary>Adapts a document's <see cref="ActorLinkResult"/> (registry actors plus new ones) to <see cref="IActorDirectory"/>.
/// Outlets (CAMEO code …MED) are marked as media, so they relay statements instead of acting.</summary>
public sealed class LinkedActorDirectory(ActorLinkResult result, ActorRegistry registry) : IActorDirectory
{
    /// <inheritdoc />
    public bool TryGet(string id, out EventActor actor)
    {
        if (result.TryGet(id, out var a))
        {
            bool media = a.Code is { } code && code.EndsWith("MED", StringComparison.Ordinal);
            actor = new EventActor(a.ToRef(), media ? "media" : a.Kind);
            return true;
        }
        actor = null!;
        return false;
    }

    /// <inheritdoc />
    public bool TryGetCountry(string iso3, out EventActor actor)
    {
        if (registry.TryGet(iso3.ToLowerInvariant(), out var a))
        {
            actor = new EventActor(a.ToRef(), a.Kind);
            return true;
        }
        actor = null!;
        return false;
    }
}
