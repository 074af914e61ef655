using System.Security.Cryptography;
using System.Text;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Events;

namespace Marsad.Analysis.Merging;

/// <summary>Whether an event took place as a report tells it: the three standings are never the same event.</summary>
public enum EventStanding : byte
{
    /// <summary>Asserted: it happened or is happening.</summary>
    Happened,
    /// <summary>Planned, proposed, possible or hypothetical: it has not happened yet.</summary>
    Expected,
    /// <summary>It did not or will not happen.</summary>
    Negated,
}

/// <summary>
/// What makes two reports the same real-world event, in one place for the whole system: the analysis folds a
/// document's mentions by it (<see cref="Folds"/>), and <c>analyze</c>'s merged events and the store merge reports
/// across documents by its <see cref="Key"/>. Two reports are one event when they have
/// <list type="bullet">
/// <item>the same PLOVER type (the mode is how a report words it: a visit and talks can be one meeting);</item>
/// <item>the same standing (<see cref="EventStanding"/>);</item>
/// <item>the same participants: for the symmetric types (CONSULT, AGREE, COOPERATE) the set of actors on both sides,
/// for the others the set of sources and the set of targets; an event with no actor is nobody's, so it is only ever
/// the same as a mention of its own document;</item>
/// <item>the same day: the event's own date at its precision, else the reporting document's publication day (a
/// report that gives no date tells of something recent), else nothing can match it outside its document.</item>
/// </list>
/// The key is exact (no "close enough" dates) so that it is the same whichever report comes first and whichever
/// worker stores it: the store keys its merged events by <see cref="Hash"/>.
/// Inside one document every mention is part of one account, so <see cref="Folds"/> is looser: a retelling with fewer
/// actors or without a date is a mention of the fuller event it agrees with.
/// </summary>
public readonly record struct EventIdentity(PloverType Type, EventStanding Standing, string Participants, string When)
{
    /// <summary>The canonical text of the identity: type, standing, participants and day.</summary>
    public string Key => $"{Type.Name()}|{Standing}|{Participants}|{When}";

    /// <summary>32 hex digits of SHA-256 over <see cref="Key"/> (the store's merge key).</summary>
    public string Hash()
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(Key), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>The identity of <paramref name="e"/> as reported by a document published on <paramref name="published"/>.</summary>
    public static EventIdentity Of(EventRecord e, string? published, string documentId)
    {
        ArgumentNullException.ThrowIfNull(e);
        string participants = e.Source.Count + e.Target.Count == 0 ? "none@" + documentId
            : e.Type.IsSymmetric() ? Ids(e.Source, e.Target) : Ids(e.Source, null) + ">" + Ids(e.Target, null);
        string when = e.Date ?? Day(published) ?? "doc:" + documentId;
        return new EventIdentity(e.Type, StandingOf(e.Modality), participants, when);
    }

    public static EventStanding StandingOf(Events.EventModality modality) => modality switch
    {
        Events.EventModality.Asserted => EventStanding.Happened,
        Events.EventModality.Negated => EventStanding.Negated,
        _ => EventStanding.Expected,
    };

    /// <summary>
    /// True when <paramref name="small"/>, told in the same document as <paramref name="big"/>, is a mention of the same
    /// event: same type and standing, each of its actors among <paramref name="big"/>'s (on the same side, or either
    /// side for the symmetric types; an event with no actor is a mention of any), and dates that can name the same
    /// day (equal, one the other's month or year, or one not given). Two events with the same <see cref="Key"/> in one
    /// document always fold.
    /// </summary>
    public static bool Folds(EventRecord big, EventRecord small)
    {
        if (!SameKindAndDay(big, small)) return false;
        if (small.Type.IsSymmetric())
        {
            foreach (var a in small.Source) if (!Has(big.Source, a.Id) && !Has(big.Target, a.Id)) return false;
            foreach (var a in small.Target) if (!Has(big.Source, a.Id) && !Has(big.Target, a.Id)) return false;
            return true;
        }
        foreach (var a in small.Source) if (!Has(big.Source, a.Id)) return false;
        foreach (var a in small.Target) if (!Has(big.Target, a.Id)) return false;
        return true;
    }

    /// <summary>
    /// Within one article only (never across articles): a later mention of the same act that names its parties
    /// differently (الشرطة الروسية، then الشرطة; الجيش الإسرائيلي، then إسرائيل; غزة، then الفلسطينيين) — same type,
    /// standing and agreeing dates, a source of one actor or one country on both, and a target so shared or none on
    /// one side. Symmetric types need two shared participants, the same actors (Pompeo meeting Kim and Pompeo meeting
    /// Moon are two meetings, and so are two calls between Russian and American officials).
    /// </summary>
    public static bool RetoldInOneDocument(EventRecord x, EventRecord e)
    {
        if (!SameKindAndDay(x, e)) return false;
        if (e.Type.IsSymmetric())
        {
            int shared = 0;
            foreach (var a in e.Source) if (Has(x.Source, a.Id) || Has(x.Target, a.Id)) shared++;
            foreach (var a in e.Target) if (Has(x.Source, a.Id) || Has(x.Target, a.Id)) shared++;
            return shared >= 2;
        }
        bool source = false, target = x.Target.Count == 0 || e.Target.Count == 0;
        foreach (var a in e.Source) source |= HasAlike(x.Source, a);
        foreach (var a in e.Target) target |= HasAlike(x.Target, a);
        return source && target;
    }

    // same type and standing, and dates that can name the same day
    private static bool SameKindAndDay(EventRecord a, EventRecord b)
        => a.Type == b.Type && StandingOf(a.Modality) == StandingOf(b.Modality) && DatesAgree(a.Date, b.Date);

    /// <summary>True when two dates at any precision can name the same day (equal, one a prefix of the other, or one unknown).</summary>
    public static bool DatesAgree(string? a, string? b)
        => a is null || b is null || a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal);

    /// <summary>The yyyy-MM-dd prefix of an ISO date or date-time, or null.</summary>
    public static string? Day(string? isoDate) =>
        isoDate is { Length: >= 10 } && char.IsAsciiDigit(isoDate[0]) && isoDate[4] == '-' && isoDate[7] == '-' ? isoDate[..10] : null;

    // the same actor, or one of the same country (Israel and its army; Gaza and Palestine)
    private static bool HasAlike(IReadOnlyList<ActorRef> side, ActorRef a)
    {
        foreach (var b in side)
            if (b.Id == a.Id || a.Country is { Length: > 0 } c && c == b.Country) return true;
        return false;
    }

    private static bool Has(IReadOnlyList<ActorRef> side, string id)
    {
        foreach (var a in side)
            if (a.Id == id) return true;
        return false;
    }

    private static string Ids(IReadOnlyList<ActorRef> a, IReadOnlyList<ActorRef>? b)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var x in a) ids.Add(x.Id);
        if (b is not null) foreach (var x in b) ids.Add(x.Id);
        return string.Join(",", ids);
    }
}
