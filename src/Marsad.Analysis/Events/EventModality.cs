namespace Marsad.Analysis.Events;

/// <summary>
/// How the text tells an event, decided from the words around the trigger. Written in JSON, the store and exports as
/// its lower-case name.
/// </summary>
public enum EventModality : byte
{
    /// <summary>Told as having happened or happening.</summary>
    Asserted,
    /// <summary>Denied or said not to happen (لم، لن، نفى أن …).</summary>
    Negated,
    /// <summary>Announced for later (سـ، من المقرر، المقبل …).</summary>
    Planned,
    /// <summary>Proposed or called for (اقترح، دعا إلى …).</summary>
    Proposed,
    /// <summary>Only possible (قد، ربما، هل …).</summary>
    Possible,
}

/// <summary>Names of <see cref="EventModality"/> as written in JSON, the store and exports.</summary>
public static class EventModalities
{
    /// <summary>The lower-case name (asserted, negated, planned, proposed, possible).</summary>
    public static string Name(this EventModality m) => m switch
    {
        EventModality.Asserted => "asserted",
        EventModality.Negated => "negated",
        EventModality.Planned => "planned",
        EventModality.Proposed => "proposed",
        EventModality.Possible => "possible",
        _ => throw new ArgumentOutOfRangeException(nameof(m), m, "unknown modality"),
    };
}
