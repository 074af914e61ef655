using Marsad.Analysis.Documents;

namespace Marsad.Analysis.Events.Coding;

/// <summary>
/// An actor mention the argument model may give a role: the actor, the rules' own reading of it, and the features
/// that describe it relative to the trigger (computed once by <see cref="CandidateFeatures"/>).
/// </summary>
/// <remarks><see cref="Conj"/>: و joins the mention to the one before it (a second party of the same side).</remarks>
public sealed record ArgumentCandidate(ActorRef Actor, string Kind, ArgumentRole RuleRole, string[] Features, MentionOrigin Origin, bool Conj = false)
{
    /// <summary>Named in the trigger's own sentence (linked, made by the rules there, or a nationality adjective).</summary>
    public bool InSentence => Origin is MentionOrigin.Sentence or MentionOrigin.RuleMade or MentionOrigin.Adjective;
}

/// <summary>Where an argument candidate comes from, relative to its trigger.</summary>
public enum MentionOrigin : byte
{
    /// <summary>A linked actor mention of the trigger's sentence.</summary>
    Sentence,
    /// <summary>An actor the trigger rules made themselves in the sentence (a role noun with its nationality, the last meeting's parties).</summary>
    RuleMade,
    /// <summary>A nationality adjective of the sentence outside every mention (صواريخ إسرائيلية).</summary>
    Adjective,
    /// <summary>A mention of the sentence before (for back-references), linked or made by the rules.</summary>
    PreviousSentence,
    /// <summary>One of the document's most mentioned actors, not named near the trigger.</summary>
    DocumentTop,
}

/// <summary>The role an actor plays in an event.</summary>
public enum ArgumentRole : byte { None = 0, Source = 1, Target = 2 }

/// <summary>
/// What the trigger rules proposed for one mention of an event: the rules' record (type, mode, modality, date, their
/// own source and target), the actor mentions around the trigger with their features, and the trigger's own
/// features. The trained coder decides from this alone, so training and coding see exactly the same inputs.
/// </summary>
public sealed record EventCandidate(EventRecord Rules, IReadOnlyList<ArgumentCandidate> Mentions, string[] TriggerFeatures, int Sentence);
