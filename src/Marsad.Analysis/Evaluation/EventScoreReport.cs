using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Events;

namespace Marsad.Analysis.Evaluation;

/// <summary>Prints an <see cref="EventScore"/> for people (a table) or programs (JSON).</summary>
public static class EventScoreReport
{
    private static readonly CultureInfo Ic = CultureInfo.InvariantCulture;

    public static string ToText(EventScore s, string goldPath, bool verbose)
    {
        var sb = new StringBuilder();
        void Line(FormattableString f) => sb.Append(f.ToString(Ic)).Append('\n');
        Line($"gold: {goldPath} ({s.Documents.Count} documents, {s.Actor.Gold} required events); every emitted event counts");
        Line($"{"level",-8} {"P",6} {"R",6} {"F1",6}  matched emitted   gold");
        foreach (var (name, p) in new[] { ("actor", s.Actor), ("country", s.Country) })
            Line($"{name,-8} {p.Precision,6:0.000} {p.Recall,6:0.000} {p.F1,6:0.000}  {p.Matched,7} {p.Emitted,7} {p.Gold,6}");
        Line($"");
        Line($"per type (actor level)");
        Line($"{"type",-10} {"gold",5} {"emitted",7} {"matched",7} {"P",6} {"R",6} {"F1",6}");
        foreach (var t in s.Types.OrderByDescending(t => t.Actor.Gold + t.Actor.Emitted))
            Line($"{t.Type.Name(),-10} {t.Actor.Gold,5} {t.Actor.Emitted,7} {t.Actor.Matched,7} {t.Actor.Precision,6:0.000} {t.Actor.Recall,6:0.000} {t.Actor.F1,6:0.000}");
        Line($"");
        Line($"errors (actor level): {string.Join(", ", Enum.GetValues<EventErrorKind>().Select(k => $"{Label(k)} {s.Count(k)}"))}");
        int actorless = s.Errors.Count(e => e.Kind == EventErrorKind.Spurious && e.Emitted!.Source.Count + e.Emitted.Target.Count == 0);
        Line($"  of the spurious, {actorless} have no actor at all");
        Line($"actors on the sides of matched events: {s.MatchedSideActors.Emitted}, of which {s.MatchedSideActors.NotGold} are none of the gold event's actors ({Ratio(s.MatchedSideActors.NotGold, s.MatchedSideActors.Emitted)}; the scorer does not count them against a match)");
        Line($"dates: {s.DatesRight} of {s.DatesMatched} matched dated gold events right ({Ratio(s.DatesRight, s.DatesMatched)})");
        var q = s.Quotes;
        Line($"quotes: {q.Found} of {q.Gold} gold quotes found (recall {Ratio(q.Found, q.Gold)}); speaker right {q.SpeakerRight} of {q.Found} ({Ratio(q.SpeakerRight, q.Found)}); direct/reported right {q.DirectRight} of {q.Found}; {q.Found} of {q.Emitted} emitted quotes are gold quotes (precision {Ratio(q.Found, q.Emitted)})");
        foreach (var kind in Enum.GetValues<QuoteErrorKind>())
        {
            var reasons = s.QuoteErrors.Where(e => e.Kind == kind).GroupBy(e => e.Reason).OrderByDescending(g => g.Count());
            Line($"  quotes {QuoteLabel(kind)}: {string.Join(", ", reasons.Select(g => $"{g.Key} {g.Count()}"))}");
        }
        Line($"must_not hits: {s.MustNotHits}");
        int absent = s.Documents.Count(d => !d.Found);
        if (absent > 0) Line($"documents missing from the output: {absent}");
        if (verbose)
        {
            foreach (var d in s.Documents)
            {
                Line($"");
                Line($"{d.File}: actor P {d.Actor.Precision:0.00} R {d.Actor.Recall:0.00} ({d.Actor.Matched}/{d.Actor.Emitted}/{d.Actor.Gold}); country ({d.Country.Matched}/{d.Country.Emitted}/{d.Country.Gold}); must_not {d.MustNotHits}");
                foreach (var h in d.MustNotEvents) Line($"   MUST NOT {h}");
                foreach (var e in s.Errors.Where(e => e.Document == d.File))
                    Line($"   {Label(e.Kind),-12} {Describe(e)}");
                foreach (var e in s.QuoteErrors.Where(e => e.Document == d.File))
                    Line($"   quote {QuoteLabel(e.Kind),-13} {Describe(e)}");
            }
        }
        sb.Append(s.SummaryLines()).Append('\n');
        return sb.ToString();
    }

    public static JsonObject ToJson(EventScore s, string goldPath)
    {
        var errors = new JsonObject();
        foreach (var k in Enum.GetValues<EventErrorKind>()) errors[Key(k)] = s.Count(k);
        var types = new JsonArray();
        foreach (var t in s.Types) types.Add(new JsonObject { ["type"] = t.Type.Name(), ["actor_level"] = Prf(t.Actor) });
        var docs = new JsonArray();
        foreach (var d in s.Documents)
        {
            var list = new JsonArray();
            foreach (var e in s.Errors.Where(e => e.Document == d.File)) list.Add(new JsonObject { ["kind"] = Key(e.Kind), ["what"] = Describe(e) });
            foreach (var e in s.QuoteErrors.Where(e => e.Document == d.File))
                list.Add(new JsonObject { ["kind"] = "quote_" + QuoteLabel(e.Kind).Replace(' ', '_'), ["reason"] = e.Reason, ["what"] = Describe(e) });
            docs.Add(new JsonObject
            {
                ["file"] = d.File, ["found"] = d.Found, ["actor"] = Prf(d.Actor), ["country"] = Prf(d.Country),
                ["must_not_hits"] = d.MustNotHits, ["errors"] = list,
            });
        }
        var q = s.Quotes;
        return new JsonObject
        {
            ["gold"] = goldPath,
            ["actor_level"] = Prf(s.Actor),
            ["country_level"] = Prf(s.Country),
            ["types"] = types,
            ["errors"] = errors,
            ["must_not_violations"] = s.MustNotHits,
            ["matched_side_actors"] = s.MatchedSideActors.Emitted,
            ["matched_side_actors_not_gold"] = s.MatchedSideActors.NotGold,
            ["dated_gold_events_matched"] = s.DatesMatched,
            ["dated_right"] = s.DatesRight,
            ["date_accuracy"] = s.DatesMatched == 0 ? null : Math.Round((double)s.DatesRight / s.DatesMatched, 3),
            ["quotes"] = new JsonObject
            {
                ["gold"] = q.Gold, ["found"] = q.Found, ["speaker_right"] = q.SpeakerRight, ["direct_right"] = q.DirectRight,
                ["emitted"] = q.Emitted, ["emitted_matched"] = q.Found,
                ["recall"] = Math.Round(q.Recall, 3), ["speaker_accuracy"] = Math.Round(q.SpeakerAccuracy, 3), ["precision"] = Math.Round(q.Precision, 3),
                ["errors"] = QuoteReasons(s),
            },
            ["documents"] = docs,
        };
    }

    // {"missed": {"not emitted": 12, …}, "wrong_speaker": {…}, "spurious": {…}}
    private static JsonObject QuoteReasons(EventScore s)
    {
        var o = new JsonObject();
        foreach (var kind in Enum.GetValues<QuoteErrorKind>())
        {
            var r = new JsonObject();
            foreach (var g in s.QuoteErrors.Where(e => e.Kind == kind).GroupBy(e => e.Reason).OrderByDescending(g => g.Count())) r[g.Key] = g.Count();
            o[QuoteLabel(kind).Replace(' ', '_')] = r;
        }
        return o;
    }

    private static string QuoteLabel(QuoteErrorKind k) => k switch
    {
        QuoteErrorKind.WrongSpeaker => "wrong speaker",
        _ => k.ToString().ToLowerInvariant(),
    };

    private static string Describe(QuoteError e)
    {
        static string Head(string t) => (t.Length > 60 ? t[..60] + "…" : t).ReplaceLineEndings(" ");
        string gold = e.Gold is null ? "" : $"gold {e.Gold.Speaker ?? "(none)"} «{Head(e.Gold.StartsWith)}»";
        string sys = e.Emitted is null ? "" : $"emitted {(e.Emitted.Speaker is { } sp ? sp.NameEn ?? sp.NameAr ?? sp.Id : "(none)")} «{Head(e.Emitted.Text)}» @{e.Emitted.Start}";
        return $"[{e.Reason}] " + (gold.Length > 0 && sys.Length > 0 ? gold + " | " + sys : gold + sys);
    }

    private static JsonObject Prf(Prf p) => new()
    {
        ["tp"] = p.Matched, ["fp"] = p.Emitted - p.Matched, ["fn"] = p.Gold - p.Matched, ["emitted"] = p.Emitted, ["gold"] = p.Gold,
        ["precision"] = Math.Round(p.Precision, 3), ["recall"] = Math.Round(p.Recall, 3), ["f1"] = Math.Round(p.F1, 3),
    };

    private static string Ratio(int a, int b) => b == 0 ? "n/a" : ((double)a / b).ToString("0.000", Ic);

    private static string Label(EventErrorKind k) => k switch
    {
        EventErrorKind.WrongSource => "wrong source",
        EventErrorKind.WrongTarget => "wrong target",
        EventErrorKind.WrongType => "wrong type",
        EventErrorKind.WrongDate => "wrong date",
        _ => k.ToString().ToLowerInvariant(),
    };

    private static string Key(EventErrorKind k) => Label(k).Replace(' ', '_');

    private static string Describe(EventError e)
    {
        string gold = e.Gold is null ? "" : $"gold {e.Gold.Type.Name()} {string.Join(",", e.Gold.Source)} → {string.Join(",", e.Gold.Target)} «{e.Gold.Trigger}» {e.Gold.Date}";
        string sys = e.Emitted is null ? "" : $"emitted {e.Emitted.Type.Name()} {Names(e.Emitted.Source)} → {Names(e.Emitted.Target)} «{e.Emitted.Trigger?.Text}» {e.Emitted.Date} ({e.Emitted.Modality}, {e.Emitted.Rule})";
        return gold.Length > 0 && sys.Length > 0 ? gold + " | " + sys : gold + sys;
    }

    private static string Names(IReadOnlyList<ActorRef> side) => side.Count == 0 ? "-" : string.Join(",", side.Select(a => a.NameEn ?? a.NameAr ?? a.Id));
}
