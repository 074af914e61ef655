using Marsad.Analysis.Events;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Evaluation;

namespace Marsad.Analysis.Tests.Evaluation;

public class DateAuditTests
{
    private static EventRecord E(string id, string? date, Marsad.Analysis.Events.EventModality modality = Marsad.Analysis.Events.EventModality.Asserted, double? confidence = null)
        => new() { Id = id, Type = PloverType.Consult, Date = date, Modality = modality, Confidence = confidence, DateKind = date is null ? null : Marsad.Analysis.Dates.DateKind.Calendar };

    [Fact]
    public void Counts_asserted_events_dated_after_publication_and_lets_plans_be()
    {
        var audit = new DateAudit(0.5);
        audit.Add(new AnalyzedDocument
        {
            Id = "d", Text = "", Published = "2018-05-10T08:00:00Z",
            Events = [E("1", "2018-05-09"), E("2", "2018-05"), E("3", "2030", confidence: 0.2), E("4", "2018-06", Marsad.Analysis.Events.EventModality.Planned), E("5", null)],
        });
        audit.Add(new AnalyzedDocument { Id = "r", Text = "", Status = DocumentStatus.Rejected, Events = [E("6", "2031")] });
        Assert.Equal(1, audit.AssertedAfterPublication);
        Assert.Equal(1, audit.Documents);
        var text = audit.ToText();
        Assert.Contains("asserted events dated after publication: 1", text);
        Assert.Matches(@"asserted\s+4 \(\s+3\)\s+3 \(\s+2\)\s+1 \(\s+0\)", text);
    }
}
