using Marsad.Analysis.Documents;

namespace Marsad.Analysis.Events.Coding;

/// <summary>
/// What outputs show: the store keeps every coded event with its confidence; <c>analyze</c>, <c>eval events</c> and
/// exports show those at or above a threshold (<see cref="EventCoder.DefaultThreshold"/> unless the user says otherwise).
/// Events without a confidence (coded by the rules alone) are always shown.
/// </summary>
public static class EventVisibility
{
    public static AnalyzedDocument Shown(AnalyzedDocument doc, double minConfidence)
    {
        if (minConfidence <= 0) return doc;
        int keep = 0;
        foreach (var e in doc.Events) if ((e.Confidence ?? 1) >= minConfidence) keep++;
        if (keep == doc.Events.Count) return doc;
        var shown = new List<EventRecord>(keep);
        foreach (var e in doc.Events) if ((e.Confidence ?? 1) >= minConfidence) shown.Add(e);
        return doc with { Events = shown };
    }
}
