namespace Marsad.Analysis.Actors;

/// <summary>How a stretch of text came to refer to an actor.</summary>
public enum ActorMentionKind : byte
{
    /// <summary>A full name or registered variant (جون بولتون).</summary>
    Name,
    /// <summary>A family name alone after the full name (بولتون).</summary>
    PartialName,
    /// <summary>A title plus nationality resolved to the holder on the document date (الرئيس الروسي).</summary>
    Title,
    /// <summary>A nationality adjective or people (الروسي، الروس).</summary>
    Demonym,
    /// <summary>A place standing for a government (الكرملين، واشنطن).</summary>
    Metonym,
    /// <summary>An expression resolved to an antecedent in the document (المسؤول الروسي، نظيره).</summary>
    Coreference,
}

/// <summary>
/// A span of the original text that refers to an actor: the contract between actor linking (which produces these)
/// and event and quote extraction (which reads them to find sources, targets and speakers).
/// </summary>
public sealed record ActorMention(int Start, int End, string ActorId, ActorMentionKind Kind);
