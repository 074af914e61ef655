using System.Globalization;
using System.Text;
using Marsad.Analysis.Dates;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Merging;

namespace Marsad.Analysis.Evaluation;

/// <summary>
/// How a corpus's events are dated, with no gold needed: per standing (happened, expected, negated) how many events
/// carry a date, at which precision, from which kind of date words, and how many fall after their article's
/// publication. An asserted event dated after publication is always an error (docs/dates.md); planned ones may be.
/// Counts every coded event (the store keeps all) and, apart, those shown at a confidence threshold. Not thread-safe.
/// </summary>
public sealed class DateAudit(double shownThreshold)
{
    private sealed class Row
    {
        public int Events, Dated, AfterPublication, Shown, ShownDated, ShownAfter;
        public readonly int[] ByPrecision = new int[3];
        public readonly SortedDictionary<string, int[]> ByKind = new(StringComparer.Ordinal); // dated, after publication
    }

    private readonly Row[] _rows = [new(), new(), new()];
    public int Documents { get; private set; }
    public int DocumentsWithPublication { get; private set; }

    /// <summary>Asserted events dated after their article's publication, over every coded event.</summary>
    public int AssertedAfterPublication => _rows[(int)EventStanding.Happened].AfterPublication;

    /// <summary>Adds the events of one analysed document (documents that were not analysed are skipped).</summary>
    public void Add(AnalyzedDocument doc)
    {
        if (doc.Status != DocumentStatus.Ok) return;
        Documents++;
        DateOnly? pub = DateOnly.TryParseExact(EventIdentity.Day(doc.Published), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        if (pub is not null) DocumentsWithPublication++;
        foreach (var e in doc.Events)
        {
            var row = _rows[(int)EventIdentity.StandingOf(e.Modality)];
            bool shown = e.Confidence is null || e.Confidence >= shownThreshold;
            row.Events++;
            if (shown) row.Shown++;
            if (e.Date is null) continue;
            row.Dated++;
            if (shown) row.ShownDated++;
            if (e.DatePrecision is { } p) row.ByPrecision[(int)p]++;
            bool after = pub is { } pd && DateExpression.IsAfter(e.Date, pd);
            string kind = e.DateKind?.ToString() ?? "(none)";
            if (!row.ByKind.TryGetValue(kind, out var k)) row.ByKind[kind] = k = new int[2];
            k[0]++;
            if (!after) continue;
            k[1]++;
            row.AfterPublication++;
            if (shown) row.ShownAfter++;
        }
    }

    public string ToText()
    {
        var ic = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(string.Create(ic, $"documents: {Documents} analysed, {DocumentsWithPublication} with a publication date"));
        sb.AppendLine(string.Create(ic, $"all coded events (shown at confidence >= {shownThreshold:0.##} in brackets)"));
        sb.AppendLine("standing     events            dated             after publication    day  month   year");
        foreach (var s in new[] { EventStanding.Happened, EventStanding.Expected, EventStanding.Negated })
        {
            var r = _rows[(int)s];
            string name = s switch { EventStanding.Happened => "asserted", EventStanding.Expected => "planned etc", _ => "negated" };
            sb.AppendLine(string.Create(ic, $"{name,-12} {r.Events,6} ({r.Shown,5})  {r.Dated,6} ({r.ShownDated,5})  {r.AfterPublication,8} ({r.ShownAfter,5})     {r.ByPrecision[0],6} {r.ByPrecision[1],6} {r.ByPrecision[2],6}"));
        }
        sb.AppendLine("dated events by kind of date words: dated (after publication), asserted | planned etc");
        var kinds = new SortedSet<string>(_rows[0].ByKind.Keys.Concat(_rows[1].ByKind.Keys), StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            var a = _rows[0].ByKind.GetValueOrDefault(kind) ?? [0, 0];
            var p = _rows[1].ByKind.GetValueOrDefault(kind) ?? [0, 0];
            sb.AppendLine(string.Create(ic, $"  {kind,-12} {a[0],6} ({a[1]}) | {p[0],5} ({p[1]})"));
        }
        sb.AppendLine(string.Create(ic, $"asserted events dated after publication: {AssertedAfterPublication}"));
        return sb.ToString();
    }
}
