using Marsad.Analysis.Documents;

namespace Marsad.Analysis.Events;

/// <summary>An actor as the event stage needs it: the output reference plus its kind (person, organization, media, country, city).</summary>
public sealed record EventActor(ActorRef Ref, string Kind)
{
    /// <summary>News agencies and outlets relay statements; they are never an event's source or target.</summary>
    public bool IsMedia => Kind == "media";
}

/// <summary>Looks actors up by id for the event and quote stages. Implementations must be thread-safe.</summary>
public interface IActorDirectory
{
    /// <summary>Finds the actor with this id.</summary>
    bool TryGet(string id, out EventActor actor);

    /// <summary>Finds the state actor of a country (ISO alpha-3), for nationality adjectives such as "التدخل الأمريكي".</summary>
    bool TryGetCountry(string iso3, out EventActor actor);
}
