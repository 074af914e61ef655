namespace Marsad.Analysis.Events;

/// <summary>
/// An actor reference inside a sentence as the argument finder sees it: the word range it covers (appositive title
/// chains like "رئيس مجلس الأمن الروسي نيكولاي باتروشيف" collapsed to one, the person preferred), the actor, the
/// preposition that governs it ("" when none: a subject or direct object) and whether و joins it to the one before.
/// </summary>
public sealed record ArgumentMention(int First, int Last, int Start, int End, EventActor Actor, string Prep, bool Conj)
{
    /// <summary>The first word of the title chain in front of the name (where its preposition is read).</summary>
    public int HeadFirst { get; init; } = First;

    /// <summary>How the linker reached the actor (a title such as "مساعد الرئيس الروسي" may be followed by the name).</summary>
    public Actors.ActorMentionKind MentionKind { get; init; }
}
