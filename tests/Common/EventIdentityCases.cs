using Marsad.Analysis.Events;
using Marsad.Analysis.Documents;

namespace Marsad.Tests.Common;

/// <summary>
/// The one test table of event identity: pairs of reports and whether they are the same event when two documents
/// report them (<see cref="SameAcross"/>: analyze's merger and both store back ends must agree) and when one document
/// tells both (<see cref="FoldsInOneDocument"/>: the analysis folds them). Each path's tests run every case.
/// </summary>
public sealed record EventIdentityCase(string Name, EventRecord A, string PublishedA, EventRecord B, string PublishedB, bool SameAcross, bool FoldsInOneDocument)
{
    public override string ToString() => Name;

    private static readonly ActorRef Putin = new("vladimir-putin", "Vladimir Putin", "فلاديمير بوتين", "RUS");
    private static readonly ActorRef Erdogan = new("recep-tayyip-erdogan", "Recep Tayyip Erdogan", "رجب طيب أردوغان", "TUR");
    private static readonly ActorRef Usa = new("usa", "United States", "الولايات المتحدة", "USA");
    private static readonly ActorRef Iran = new("iran", "Iran", "إيران", "IRN");
    private static readonly ActorRef Israel = new("isr", "Israel", "إسرائيل", "ISR");
    private static readonly ActorRef IsraeliArmy = new("isr-mil", "Israel armed forces", "الجيش الإسرائيلي", "ISR");
    private static readonly ActorRef Gaza = new("city-gaza", "Gaza", "غزة", "PSE");
    private static readonly ActorRef Palestine = new("pse", "Palestine", "فلسطين", "PSE");
    private static readonly ActorRef Lavrov = new("sergey-lavrov", "Sergey Lavrov", "سيرغي لافروف", "RUS");

    private static EventRecord E(string type, ActorRef[] src, ActorRef[] tgt, string? date = null, string? mode = null, Marsad.Analysis.Events.EventModality modality = Marsad.Analysis.Events.EventModality.Asserted, int at = 0) => new()
    {
        Id = "e" + at, Type = PloverTypes.Parse(type, "identity case"), Mode = mode, Source = src, Target = tgt, Date = date, Modality = modality,
        Trigger = new TriggerInfo("x", at, at + 1), Evidence = [new Marsad.Analysis.Text.TextSpan(at, at + 1)],
    };

    public static readonly EventIdentityCase[] All =
    [
        new("a meeting told with the sides swapped and another mode", E("CONSULT", [Putin], [Erdogan], "2018-05-01", "phone"), "2018-05-02",
            E("CONSULT", [Erdogan], [Putin], "2018-05-01", "meet", at: 20), "2018-05-03", true, true),
        new("an undated report on the day the other dates the event", E("CONSULT", [Putin], [Erdogan], "2018-05-01"), "2018-05-02",
            E("CONSULT", [Putin], [Erdogan], at: 20), "2018-05-01", true, true),
        new("an undated report published days later", E("CONSULT", [Putin], [Erdogan], "2018-05-01"), "2018-05-01",
            E("CONSULT", [Putin], [Erdogan], at: 20), "2018-05-09", false, true),
        new("a month and a day of it", E("CONSULT", [Putin], [Erdogan], "2018-05"), "2018-05-20",
            E("CONSULT", [Putin], [Erdogan], "2018-05-01", at: 20), "2018-05-20", false, true),
        new("two days", E("CONSULT", [Putin], [Erdogan], "2018-05-01"), "2018-05-09",
            E("CONSULT", [Putin], [Erdogan], "2018-05-07", at: 20), "2018-05-09", false, false),
        new("an accusation and its reverse", E("ACCUSE", [Usa], [Iran], "2018-05-08"), "2018-05-09",
            E("ACCUSE", [Iran], [Usa], "2018-05-08", at: 20), "2018-05-09", false, false),
        new("sanctions told with the same sides", E("SANCTION", [Usa], [Iran], "2018-05-08", "discontinue"), "2018-05-09",
            E("SANCTION", [Usa], [Iran], "2018-05-08", at: 20), "2018-05-10", true, true),
        new("a retelling that names one side only", E("SANCTION", [Usa], [Iran], "2018-05-08"), "2018-05-09",
            E("SANCTION", [Usa], [], "2018-05-08", at: 20), "2018-05-09", false, true),
        new("what happened and what is planned", E("CONSULT", [Putin], [Erdogan], "2018-05-01"), "2018-05-02",
            E("CONSULT", [Putin], [Erdogan], "2018-05-01", modality: Marsad.Analysis.Events.EventModality.Planned, at: 20), "2018-05-02", false, false),
        new("planned and proposed", E("CONSULT", [Putin], [Erdogan], "2018-06", modality: Marsad.Analysis.Events.EventModality.Planned), "2018-05-02",
            E("CONSULT", [Putin], [Erdogan], "2018-06", modality: Marsad.Analysis.Events.EventModality.Proposed, at: 20), "2018-05-02", true, true),
        new("a denial and the act", E("ACCUSE", [Usa], [Iran], "2018-05-08"), "2018-05-09",
            E("ACCUSE", [Usa], [Iran], "2018-05-08", modality: Marsad.Analysis.Events.EventModality.Negated, at: 20), "2018-05-09", false, false),
        new("two attacks without actors on one day", E("ASSAULT", [], [], "2018-05-08"), "2018-05-09",
            E("ASSAULT", [], [], "2018-05-08", at: 20), "2018-05-09", false, true),
        new("two types", E("CONSULT", [Putin], [Erdogan], "2018-05-01"), "2018-05-02",
            E("AGREE", [Putin], [Erdogan], "2018-05-01", at: 20), "2018-05-02", false, false),
        // one article retells an act naming its parties differently: folded there, but not the same across articles
        new("an attack retold with a shared source and target and one other party each", E("ASSAULT", [Usa, Erdogan], [Iran], "2018-05-08"), "2018-05-09",
            E("ASSAULT", [Usa, Putin], [Iran], "2018-05-08", at: 20), "2018-05-09", false, true),
        new("two meetings sharing one participant", E("CONSULT", [Putin], [Erdogan], "2018-05-01"), "2018-05-02",
            E("CONSULT", [Putin], [Usa], "2018-05-01", at: 20), "2018-05-02", false, false),
        new("an attack retold naming the attacker's state and army, the city and its country", E("ASSAULT", [Israel], [Gaza], "2018-05-14"), "2018-05-15",
            E("ASSAULT", [IsraeliArmy], [Palestine], at: 20), "2018-05-15", false, true),
        new("a meeting abroad and one with a minister of one's own country", E("CONSULT", [Putin], [Erdogan], "2018-05-01"), "2018-05-02",
            E("CONSULT", [Putin], [Lavrov], "2018-05-01", at: 20), "2018-05-02", false, false),
    ];

    /// <summary>The cases as xUnit member data.</summary>
    public static IEnumerable<object[]> Data() => All.Select(c => new object[] { c });
}
