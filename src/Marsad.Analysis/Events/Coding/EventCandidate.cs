using Marsad.Analysis.Documents;

namespace Marsad.Analysis.Events.Coding;

/// <summary>
/// An actor mention the argument model may give a role: the actor, the rules' own reading of it, and the features
/// that describe it relative to the trigger (computed once by <see cref="CandidateFeatures"/>).
/// </summary>
/// <remarks><see cref="Conj"/>: و joins the mention to the one before it (a second party of the same side).</remarks>
public sealed record ArgumentCandidate(ActorRef Actor, string Kind, ArgumentRole RuleRole, string[] Features, bool Conj = false);

/// <summary>The role an actor plays in an event.</summary>
public enum ArgumentRole : byte { None = 0, Source = 1, Target = 2 }

/// <summary>
/// What the trigger rules proposed for one mention of an event: the rules' record (type, mode, modality, date, their
/// own source and target), the actor mentions around the trigger with their features, and the trigger's own
/// features. The trained coder decides from this alone, so training and coding see exactly the same inputs.
/// </summary>
public sealed record EventCandidate(EventRecord Rules, IReadOnlyList<ArgumentCandidate> Mentions, string[] TriggerFeatures, int Sentence);
