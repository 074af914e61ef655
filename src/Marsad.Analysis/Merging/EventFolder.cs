using Marsad.Analysis.Documents;

namespace Marsad.Analysis.Merging;

/// <summary>
/// One event per real event of a document: mentions that <see cref="EventIdentity.Folds"/> or
/// <see cref="EventIdentity.RetoldInOneDocument"/> joins become one event,
/// the fullest (most actors, then the likeliest, then the first), which keeps every mention's evidence, the most
/// precise date the mentions agree on, the first known location, and the highest confidence. Pure; thread-safe.
/// </summary>
public static class EventFolder
{
    public static List<EventRecord> Fold(IReadOnlyList<EventRecord> events)
    {
        var order = new int[events.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            int c = (events[b].Source.Count + events[b].Target.Count).CompareTo(events[a].Source.Count + events[a].Target.Count);
            if (c == 0) c = (events[b].Confidence ?? 0).CompareTo(events[a].Confidence ?? 0);
            return c != 0 ? c : a.CompareTo(b);
        });
        var kept = new List<EventRecord>(events.Count);
        foreach (int i in order)
        {
            var e = events[i];
            int k = kept.FindIndex(x => EventIdentity.Folds(x, e) || EventIdentity.RetoldInOneDocument(x, e));
            if (k < 0) { kept.Add(e); continue; }
            var x = kept[k];
            // the more precise of two agreeing dates (2021-04-19 over 2021-04), with the words that gave it
            bool theirs = e.Date is not null && (x.Date is null || e.Date.Length > x.Date.Length);
            kept[k] = x with
            {
                Evidence = [.. x.Evidence, .. e.Evidence],
                Date = theirs ? e.Date : x.Date,
                DateText = theirs || x.DateText is null && x.Date is null ? e.DateText : x.DateText,
                DateKind = theirs || x.DateText is null && x.Date is null ? e.DateKind : x.DateKind,
                Location = x.Location ?? e.Location,
                Confidence = x.Confidence is null && e.Confidence is null ? null : Math.Max(x.Confidence ?? 0, e.Confidence ?? 0),
            };
        }
        // the document's order, by first evidence
        kept.Sort((a, b) => (a.Trigger?.Start ?? 0).CompareTo(b.Trigger?.Start ?? 0));
        return kept;
    }
}
