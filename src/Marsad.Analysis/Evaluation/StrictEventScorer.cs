using System.Text;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Events;

namespace Marsad.Analysis.Evaluation;

/// <summary>Matched / emitted / gold counts with precision, recall and F1 (0 where a count is 0, as the shared scorer does).</summary>
public readonly record struct Prf(int Matched, int Emitted, int Gold)
{
    public double Precision => Emitted == 0 ? 0 : (double)Matched / Emitted;
    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public static Prf operator +(Prf a, Prf b) => new(a.Matched + b.Matched, a.Emitted + b.Emitted, a.Gold + b.Gold);
}

/// <summary>How a gold or emitted event went wrong (actor level).</summary>
public enum EventErrorKind
{
    /// <summary>No emitted event of the type with any of the gold actors right.</summary>
    Missed,
    /// <summary>An emitted event that matches no gold event (required or optional).</summary>
    Spurious,
    /// <summary>Right type and target, source wrong or missing.</summary>
    WrongSource,
    /// <summary>Right type and source, target wrong or missing.</summary>
    WrongTarget,
    /// <summary>Right type, source and target swapped.</summary>
    Reversed,
    /// <summary>Right actors, another type.</summary>
    WrongType,
    /// <summary>Matched, but the date is missing or wrong.</summary>
    WrongDate,
}

/// <summary>One error, with the gold event and/or the emitted event it concerns.</summary>
public sealed record EventError(string Document, EventErrorKind Kind, GoldEvent? Gold, EventRecord? Emitted);

/// <summary>Per-type counts at actor level: gold counts required gold events of the type, emitted the system's events by their type.</summary>
public sealed record TypeScore(Events.PloverType Type, Prf Actor);

/// <summary>
/// Quotes: a gold quote is found when an emitted quote begins with its first words; speaker and direct/reported are
/// judged on found quotes; precision is the share of emitted quotes that are gold quotes.
/// Each emitted quote is found for at most one gold quote, so <see cref="Found"/> also counts the emitted quotes that are gold quotes.
/// </summary>
public sealed record QuoteScore(int Gold, int Found, int SpeakerRight, int DirectRight, int Emitted)
{
    public double Recall => Gold == 0 ? 0 : (double)Found / Gold;
    public double SpeakerAccuracy => Found == 0 ? 0 : (double)SpeakerRight / Found;
    public double Precision => Emitted == 0 ? 0 : (double)Found / Emitted;
}

/// <summary>How a quote went wrong.</summary>
public enum QuoteErrorKind
{
    /// <summary>No emitted quote begins with the gold quote's first words.</summary>
    Missed,
    /// <summary>Found, but the speaker is missing, extra or another actor.</summary>
    WrongSpeaker,
    /// <summary>An emitted quote that is no gold quote.</summary>
    Spurious,
}

/// <summary>One quote error with a short reason (see <see cref="StrictEventScorer"/> for the reasons).</summary>
public sealed record QuoteError(string Document, QuoteErrorKind Kind, string Reason, GoldQuote? Gold, QuoteRecord? Emitted);

public sealed record DocumentScore(string File, bool Found, Prf Actor, Prf Country, int MustNotHits, IReadOnlyList<string> MustNotEvents);

/// <summary>The result of scoring one output against one gold file.</summary>
public sealed record EventScore(Prf Actor, Prf Country, int MustNotHits, int DatesRight, int DatesMatched,
    IReadOnlyList<TypeScore> Types, IReadOnlyList<EventError> Errors, QuoteScore Quotes, IReadOnlyList<DocumentScore> Documents)
{
    public int Count(EventErrorKind kind) => Errors.Count(e => e.Kind == kind);

    /// <summary>Every missed, wrongly attributed and spurious quote, in document order.</summary>
    public IReadOnlyList<QuoteError> QuoteErrors { get; init; } = [];

    /// <summary>
    /// The actors on the sides of actor-level matched events, and how many of them are none of the gold event's actors.
    /// The shared scorer lets a side carry extra actors (it asks only that every gold actor be covered), so a coder could
    /// buy matches by naming more parties; this is the count that shows it.
    /// </summary>
    public (int Emitted, int NotGold) MatchedSideActors { get; init; }

    /// <summary>The shared scorer's two summary lines, character for character (tests compare them).</summary>
    public string SummaryLines()
    {
        var ic = System.Globalization.CultureInfo.InvariantCulture;
        return string.Create(ic, $"overall actor-level P {Actor.Precision:0.000} R {Actor.Recall:0.000} F1 {Actor.F1:0.000}; country-level P {Country.Precision:0.000} R {Country.Recall:0.000} F1 {Country.F1:0.000}; dates right {DatesRight}/{DatesMatched}; must_not hits {MustNotHits}")
            + "\n" + string.Create(ic, $"events F1 {Actor.F1:0.000} country F1 {Country.F1:0.000} must_not {MustNotHits}");
    }
}

/// <summary>
/// The strict event scorer: the same matching rules as <c>../shared/tools/score_events.py</c>, over analysed documents
/// instead of their JSON. Every non-negated event a document emits counts; nothing is folded at scoring time.
/// A gold event matches the first unused emitted event of its type (or an alt type) whose sources cover the gold
/// sources and targets cover the gold targets (CONSULT: either side), at actor level (same person or organization by
/// English last name or Arabic name; same country for country actors) and at country level. Emitted events that
/// match an optional gold event are neither right nor wrong. On top of that it classifies errors, scores per type
/// and scores quotes.
/// </summary>
public static class StrictEventScorer
{
    public static EventScore Score(EventGold gold, IEnumerable<AnalyzedDocument> output)
    {
        // the shared scorer's document lookup: source_id, path, file, id, each reduced to its file stem; first one wins
        var byName = new Dictionary<string, AnalyzedDocument>(StringComparer.Ordinal);
        foreach (var d in output)
            foreach (var key in new[] { d.SourceId, d.Path, d.Id })
                if (!string.IsNullOrEmpty(key)) byName.TryAdd(Stem(key), d);

        Prf actor = default, country = default;
        int violations = 0, datesRight = 0, datesMatched = 0, sideActors = 0, extraActors = 0;
        var errors = new List<EventError>();
        var types = new SortedDictionary<Events.PloverType, int[]>(); // in PLOVER order: matched, emitted, gold
        var quotes = new QuoteScore(0, 0, 0, 0, 0);
        var quoteErrors = new List<QuoteError>();
        var documents = new List<DocumentScore>();
        foreach (var gd in gold.Documents)
        {
            bool found = byName.TryGetValue(Stem(gd.File), out var doc);
            var emitted = doc is null ? [] : doc.Events.Where(e => e.Modality != Events.EventModality.Negated).ToList();
            var required = gd.Events.Where(g => !g.Optional).ToList();
            var optional = gd.Events.Where(g => g.Optional).ToList();
            var levels = new Prf[2];
            for (int level = 0; level < 2; level++)
            {
                bool countryLevel = level == 1;
                var pairs = Match(required, emitted, gold.Actors, countryLevel);
                var used = new bool[emitted.Count];
                foreach (var (_, si) in pairs) used[si] = true;
                var neutral = new bool[emitted.Count]; // emitted events that match an optional gold event
                for (int si = 0; si < emitted.Count; si++)
                    if (!used[si]) neutral[si] = optional.Any(g => EventOk(g, emitted[si], gold.Actors, countryLevel));
                int counted = emitted.Count - neutral.Count(x => x);
                levels[level] = new Prf(pairs.Count, counted, required.Count);
                if (countryLevel) continue;

                foreach (var (gi, si) in pairs)
                {
                    var g = required[gi];
                    foreach (var a in emitted[si].Source.Concat(emitted[si].Target))
                    {
                        sideActors++;
                        if (!g.Source.Concat(g.Target).Any(id => ActorOk(gold.Actors[id], a, false))) extraActors++;
                    }
                    var gdate = g.Date;
                    if (gdate is null) continue;
                    datesMatched++;
                    var sdate = emitted[si].Date ?? "";
                    if (sdate.Length >= gdate.Length && sdate.StartsWith(gdate, StringComparison.Ordinal)) datesRight++;
                    else errors.Add(new EventError(gd.File, EventErrorKind.WrongDate, required[gi], emitted[si]));
                }
                foreach (var g in required) Count(types, g.Type)[2]++;
                // a match counts under the emitted event's type, so a type's precision stays a share of what it emitted (a gold
                // event matched through one of its alt_types credits the emitted type, not the gold type)
                foreach (var (_, si) in pairs) Count(types, emitted[si].Type)[0]++;
                for (int si = 0; si < emitted.Count; si++)
                    if (!neutral[si]) Count(types, emitted[si].Type)[1]++;
                Classify(gd.File, required, pairs, emitted, used, neutral, gold.Actors, errors);
            }
            actor += levels[0];
            country += levels[1];
            var hits = new List<string>();
            foreach (var n in gd.MustNot)
                foreach (var s in emitted)
                    if (MustNotHit(n, s, gold.Actors))
                        hits.Add($"{s.Type.Name()} {Names(s.Source)} → {Names(s.Target)} «{s.Trigger?.Text}» (must not: {n.Why})");
            violations += hits.Count;
            quotes = Add(quotes, ScoreQuotes(gd, doc, gold.Actors, quoteErrors));
            documents.Add(new DocumentScore(gd.File, found, levels[0], levels[1], hits.Count, hits));
        }
        var typeRows = types.Select(kv => new TypeScore(kv.Key, new Prf(kv.Value[0], kv.Value[1], kv.Value[2]))).ToList();
        return new EventScore(actor, country, violations, datesRight, datesMatched, typeRows, errors, quotes, documents) { QuoteErrors = quoteErrors, MatchedSideActors = (sideActors, extraActors) };

        static int[] Count(SortedDictionary<Events.PloverType, int[]> t, Events.PloverType type)
        {
            if (!t.TryGetValue(type, out var c)) t[type] = c = new int[3];
            return c;
        }
    }

    /// <summary>Greedy matching in gold order: each gold event takes the first unused emitted event that fits.</summary>
    private static List<(int Gold, int Emitted)> Match(List<GoldEvent> golds, List<EventRecord> emitted, IReadOnlyDictionary<string, GoldActor> actors, bool countryLevel)
    {
        var used = new bool[emitted.Count];
        var pairs = new List<(int, int)>();
        for (int gi = 0; gi < golds.Count; gi++)
            for (int si = 0; si < emitted.Count; si++)
                if (!used[si] && EventOk(golds[gi], emitted[si], actors, countryLevel))
                {
                    used[si] = true;
                    pairs.Add((gi, si));
                    break;
                }
        return pairs;
    }

    // Unmatched gold events take the closest unmatched emitted event as a typed error; the rest are missed or spurious.
    private static void Classify(string file, List<GoldEvent> required, List<(int Gold, int Emitted)> pairs, List<EventRecord> emitted,
        bool[] used, bool[] neutral, IReadOnlyDictionary<string, GoldActor> actors, List<EventError> errors)
    {
        var taken = (bool[])used.Clone();
        for (int i = 0; i < neutral.Length; i++) taken[i] |= neutral[i];
        var matchedGold = new HashSet<int>(pairs.Select(p => p.Gold));
        (EventErrorKind Kind, Func<GoldEvent, EventRecord, bool> Test)[] near =
        [
            (EventErrorKind.Reversed, (g, s) => g.Accepts(s.Type) && g.Type != Events.PloverType.Consult && g.Source.Count + g.Target.Count > 0
                && SidesOk(g.Source, s.Target, actors, false) && SidesOk(g.Target, s.Source, actors, false)),
            (EventErrorKind.WrongSource, (g, s) => g.Accepts(s.Type) && SidesOk(g.Target, s.Target, actors, false)),
            (EventErrorKind.WrongTarget, (g, s) => g.Accepts(s.Type) && SidesOk(g.Source, s.Source, actors, false)),
            (EventErrorKind.WrongType, (g, s) => !g.Accepts(s.Type) && EventOk(g with { AltTypes = [s.Type] }, s, actors, false)),
        ];
        for (int gi = 0; gi < required.Count; gi++)
        {
            if (matchedGold.Contains(gi)) continue;
            var g = required[gi];
            EventError? error = null;
            foreach (var (kind, test) in near)
            {
                for (int si = 0; si < emitted.Count && error is null; si++)
                    if (!taken[si] && test(g, emitted[si]))
                    {
                        taken[si] = true;
                        error = new EventError(file, kind, g, emitted[si]);
                    }
                if (error is not null) break;
            }
            errors.Add(error ?? new EventError(file, EventErrorKind.Missed, g, null));
        }
        for (int si = 0; si < emitted.Count; si++)
            if (!taken[si]) errors.Add(new EventError(file, EventErrorKind.Spurious, null, emitted[si]));
    }

    /// <summary>The scorer's match test: type (or alt type) and every gold actor covered on its side (CONSULT: either side).</summary>
    public static bool EventOk(GoldEvent g, EventRecord s, IReadOnlyDictionary<string, GoldActor> actors, bool countryLevel)
    {
        if (!g.Accepts(s.Type)) return false;
        if (g.Type == Events.PloverType.Consult)
            return SidesOk([.. g.Source, .. g.Target], [.. s.Source, .. s.Target], actors, countryLevel);
        return SidesOk(g.Source, s.Source, actors, countryLevel) && SidesOk(g.Target, s.Target, actors, countryLevel);
    }

    private static bool SidesOk(IReadOnlyList<string> goldIds, IReadOnlyList<ActorRef> emitted, IReadOnlyDictionary<string, GoldActor> actors, bool countryLevel)
    {
        foreach (var id in goldIds)
        {
            bool any = false;
            foreach (var s in emitted)
                if (ActorOk(actors[id], s, countryLevel)) { any = true; break; }
            if (!any) return false;
        }
        return true;
    }

    private static bool MustNotHit(GoldMustNot n, EventRecord s, IReadOnlyDictionary<string, GoldActor> actors)
        => s.Type == n.Type && s.Modality != Events.EventModality.Negated
           && SidesOk([n.Source], s.Source, actors, true) && SidesOk([n.Target], s.Target, actors, true);

    /// <summary>The shared scorer's actor test: same country for country actors (and at country level), else the same
    /// English last name or an Arabic name equal to, inside, or containing a gold spelling of more than 3 letters.</summary>
    public static bool ActorOk(GoldActor gold, ActorRef emitted, bool countryLevel)
    {
        if (countryLevel || gold.Kind == "country") return gold.Country == emitted.Country;
        string en = NormEn(gold.English), sen = NormEn(emitted.NameEn);
        if (sen.Length > 0 && (sen == en || LastWord(sen) == LastWord(en))) return true;
        string sar = NormAr(emitted.NameAr);
        if (sar.Length > 0)
            foreach (var spelling in gold.Arabic)
            {
                var v = NormAr(spelling);
                if (v == sar || (v.Length > 3 && (sar.Contains(v, StringComparison.Ordinal) || v.Contains(sar, StringComparison.Ordinal)))) return true;
            }
        return false;
    }

    // quotes: the first words of the gold quote must open an emitted quote (after any quotation mark or إن / أن)
    private const int QuoteHead = 20, QuoteLead = 12;

    /// <summary>
    /// Scores one document's quotes and records each error with a reason a rule-writer can act on:
    /// missed — "inside an emitted quote" (an emitted quote covers the gold start: a boundary or merge problem) or
    /// "not emitted"; wrong speaker — "no speaker", "speaker where the gold has none", "an outlet" (a relay taken as
    /// the speaker), "same country, other actor" (a body or country for a named person, or the reverse), "another actor";
    /// spurious — "overlaps a gold quote" (a second piece of a gold quote), "short quoted phrase" (a direct quote of six
    /// words or fewer: usually a name or term), "direct, no gold" or "reported, no gold".
    /// </summary>
    private static QuoteScore ScoreQuotes(GoldDocument gd, AnalyzedDocument? doc, IReadOnlyDictionary<string, GoldActor> actors, List<QuoteError> errors)
    {
        var emitted = doc?.Quotes ?? [];
        var texts = emitted.Select(q => NormAr(q.Text)).ToArray();
        var used = new bool[emitted.Count];
        int found = 0, speaker = 0, direct = 0;
        foreach (var gq in gd.Quotes)
        {
            var head = NormAr(gq.StartsWith);
            if (head.Length > QuoteHead) head = head[..QuoteHead];
            if (head.Length == 0) continue;
            int hit = -1;
            for (int i = 0; i < emitted.Count; i++)
            {
                if (used[i]) continue;
                int at = texts[i].IndexOf(head, StringComparison.Ordinal);
                if (at < 0 || at > QuoteLead) continue;
                hit = i;
                break;
            }
            if (hit < 0)
            {
                bool inside = gq.Start is int s && emitted.Any(q => q.Start <= s && s < q.End);
                errors.Add(new QuoteError(gd.File, QuoteErrorKind.Missed, inside ? "inside an emitted quote" : "not emitted", gq, null));
                continue;
            }
            used[hit] = true;
            found++;
            var q = emitted[hit];
            bool sp = gq.Speaker is null ? q.Speaker is null : q.Speaker is not null && ActorOk(actors[gq.Speaker], q.Speaker, false);
            if (sp) speaker++;
            else errors.Add(new QuoteError(gd.File, QuoteErrorKind.WrongSpeaker, SpeakerReason(gq, q, doc!, actors), gq, q));
            if (q.Direct == gq.Direct) direct++;
        }
        for (int i = 0; i < emitted.Count; i++)
        {
            if (used[i]) continue;
            var q = emitted[i];
            string reason = gd.Quotes.Any(g => g.Start is int s && q.Start <= s + 40 && s < q.End) ? "overlaps a gold quote"
                : q.Direct && q.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6 ? "short quoted phrase"
                : q.Direct ? "direct, no gold" : "reported, no gold";
            errors.Add(new QuoteError(gd.File, QuoteErrorKind.Spurious, reason, null, q));
        }
        return new QuoteScore(gd.Quotes.Count, found, speaker, direct, emitted.Count);
    }

    private static string SpeakerReason(GoldQuote gq, QuoteRecord q, AnalyzedDocument doc, IReadOnlyDictionary<string, GoldActor> actors)
    {
        if (q.Speaker is null) return "no speaker";
        if (gq.Speaker is null) return "speaker where the gold has none";
        string id = q.Speaker.Id;
        if (id.StartsWith("media:", StringComparison.Ordinal) || doc.Actors.Any(a => a.Id == id && a.Code is { } c && c.EndsWith("MED", StringComparison.Ordinal))) return "an outlet";
        return q.Speaker.Country is not null && q.Speaker.Country == actors[gq.Speaker].Country ? "same country, other actor" : "another actor";
    }

    private static QuoteScore Add(QuoteScore a, QuoteScore b)
        => new(a.Gold + b.Gold, a.Found + b.Found, a.SpeakerRight + b.SpeakerRight, a.DirectRight + b.DirectRight, a.Emitted + b.Emitted);

    private static string Names(IReadOnlyList<ActorRef> side) => string.Join(",", side.Select(a => a.NameEn ?? a.NameAr ?? a.Id));

    /// <summary>The shared scorer's document key: the last path part, after any '#', without .txt/.htm(l)/.json.</summary>
    public static string Stem(string s)
    {
        s = s.Replace('\\', '/');
        s = s[(s.LastIndexOf('/') + 1)..];
        s = s[(s.LastIndexOf('#') + 1)..];
        foreach (var ext in new[] { ".txt", ".html", ".htm", ".json" })
            if (s.EndsWith(ext, StringComparison.Ordinal)) return s[..^ext.Length];
        return s;
    }

    /// <summary>The shared scorer's Arabic folding: no diacritics or tatweel, one alef, ى→ي, ة→ه, ؤ→و, ئ→ي, single spaces.</summary>
    public static string NormAr(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (var c in s)
        {
            if (c is >= '\u064B' and <= '\u0652' or '\u0670' or '\u0640') continue;
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c switch { 'إ' or 'أ' or 'آ' or 'ٱ' => 'ا', 'ى' => 'ي', 'ة' => 'ه', 'ؤ' => 'و', 'ئ' => 'ي', _ => c });
        }
        return sb.ToString();
    }

    // lower-case, keep a–z and spaces only, trimmed (inner runs of spaces stay, as in the shared scorer)
    private static string NormEn(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var sb = new StringBuilder(s.Length);
        foreach (var c in s.ToLowerInvariant())
            if (c is >= 'a' and <= 'z' or ' ') sb.Append(c);
        return sb.ToString().Trim(' ');
    }

    private static string LastWord(string s)
    {
        var parts = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0 ? "" : parts[^1];
    }
}
