using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Normalization;
using Marsad.Analysis.Pipeline;
using Marsad.Cli.Output;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad eval events --gold FILE --docs DIR [--json]</c>: scores event extraction.
/// A <c>.json</c> gold file in the marsad-gold/1 format (../shared/data/seeds/gold.json) is scored by its <c>about</c>
/// rules; a <c>.jsonl</c> file of UniversalPetrarch gold-standard sentences (PROTEST/ASSAULT) is scored for detection.
/// </summary>
internal static class EvalEventsCommand
{
    /// <summary>The <c>events</c> subcommand (added under an <c>eval</c> parent).</summary>
    public static Command Create()
    {
        var gold = new Option<string>("--gold") { Description = "Gold file: marsad-gold/1 JSON (seeds) or UniversalPetrarch JSONL", Required = true };
        var docs = new Option<string?>("--docs") { Description = "Folder with the documents named in the gold file (JSON gold only)" };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON" };
        var verbose = new Option<bool>("--verbose") { Description = "List matches, misses and false alarms" };
        var command = new Command("events", "Score event extraction against a gold file (P/R/F1, must_not violations, date accuracy).");
        command.Options.Add(gold);
        command.Options.Add(docs);
        command.Options.Add(json);
        command.Options.Add(verbose);
        command.SetAction(parse =>
        {
            string goldPath = parse.GetValue(gold)!;
            if (!File.Exists(goldPath)) { Console.Error.WriteLine($"error: gold file not found: {goldPath}"); return 2; }
            var pipeline = new AnalysisPipelineBuilder().Build();
            JsonObject result;
            if (goldPath.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
                result = ScoreSentences(pipeline, goldPath, parse.GetValue(verbose));
            else
            {
                string? dir = parse.GetValue(docs) ?? Path.GetDirectoryName(Path.GetFullPath(goldPath));
                result = ScoreSeeds(pipeline, goldPath, dir!, parse.GetValue(verbose));
            }
            if (parse.GetValue(json)) Console.WriteLine(result.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JsonOutput.Options.Encoder }));
            else Print(result);
            return 0;
        });
        return command;
    }

    private static readonly ArabicNormalizer Norm = new(ArabicNormalizerOptions.Search);

    private sealed record GoldActor(string Id, string English, string[] Arabic, string Country, string Kind);

    private static JsonObject ScoreSeeds(AnalysisPipeline pipeline, string goldPath, string dir, bool verbose)
    {
        var gold = JsonNode.Parse(File.ReadAllText(goldPath))!.AsObject();
        var actors = new Dictionary<string, GoldActor>(StringComparer.Ordinal);
        foreach (var a in gold["actors"]!.AsArray())
            actors[(string)a!["id"]!] = new GoldActor((string)a["id"]!, (string)a["english"]!,
                a["arabic"]!.AsArray().Select(x => Norm.NormalizeToString((string)x!)).ToArray(), (string)a["country"]!, (string)a["kind"]!);
        int[] actorLevel = new int[3], countryLevel = new int[3]; // tp, fp, fn
        int violations = 0, datedGold = 0, datedRight = 0, quotesGold = 0, quotesFound = 0, quotesSpeaker = 0, quotesDirect = 0;
        var perDoc = new JsonArray();
        foreach (var d in gold["documents"]!.AsArray())
        {
            string file = (string)d!["file"]!;
            string path = Path.Combine(dir, file);
            var doc = pipeline.Analyze(new SourceDocument { Text = File.ReadAllText(path), Path = path, Published = (string?)d["published"] }, new AnalysisOptions());
            var kinds = doc.Actors.ToDictionary(a => a.Id, a => a.Kind, StringComparer.Ordinal);
            var predicted = Collapse(doc.Events, kinds);
            var goldEvents = d["events"]!.AsArray().Select(x => x!.AsObject()).ToList();
            var docResult = new JsonObject { ["file"] = file };
            foreach (bool countryOnly in new[] { false, true })
            {
                var (tp, fp, fn, details, dated, datedOk) = Match(goldEvents, predicted, actors, countryOnly, kinds);
                var counts = countryOnly ? countryLevel : actorLevel;
                counts[0] += tp; counts[1] += fp; counts[2] += fn;
                if (!countryOnly) { datedGold += dated; datedRight += datedOk; }
                docResult[countryOnly ? "country" : "actor"] = new JsonObject { ["tp"] = tp, ["fp"] = fp, ["fn"] = fn };
                if (verbose && !countryOnly) docResult["details"] = details;
            }
            var viol = new JsonArray();
            foreach (var mn in d["must_not"]!.AsArray())
            {
                string type = (string)mn!["type"]!;
                foreach (var e in doc.Events)
                {
                    if (e.Modality == "negated" || e.Type != type) continue;
                    if (e.Source.Any(p => ActorMatches(p, actors[(string)mn["source"]!], false, kinds)) && e.Target.Any(p => ActorMatches(p, actors[(string)mn["target"]!], false, kinds)))
                        viol.Add($"{e.Type} {e.Trigger?.Text} ({e.Rule})");
                }
            }
            violations += viol.Count;
            docResult["must_not_violations"] = viol;
            // quotes: a gold quote is found when a predicted quote starts with its first words; then speaker, direct, via
            foreach (var gq in d["quotes"]?.AsArray() ?? [])
            {
                quotesGold++;
                string start = Norm.NormalizeToString((string)gq!["starts_with"]!);
                string head = start.Length > 25 ? start[..25] : start;
                var q = doc.Quotes.FirstOrDefault(x => Norm.NormalizeToString(x.Text).TrimStart('"', '“', '”', '«', ' ').StartsWith(head, StringComparison.Ordinal));
                string verdict;
                if (q is null) verdict = "quote missed";
                else
                {
                    quotesFound++;
                    var speaker = actors[(string)gq["speaker"]!];
                    bool sp = q.Speaker is not null && ActorMatches(q.Speaker, speaker, false, kinds);
                    bool direct = q.Direct == (bool)gq["direct"]!;
                    if (sp) quotesSpeaker++;
                    if (direct) quotesDirect++;
                    verdict = $"quote found: speaker {(sp ? "right" : "wrong (" + (q.Speaker?.Id ?? "none") + ")")}, direct {(direct ? "right" : "wrong")}, via {q.Via?.NameAr ?? "none"} (gold {(string?)gq["via"] ?? "none"})";
                }
                if (verbose) ((JsonArray)docResult["details"]!).Add($"{verdict}: «{head}…»");
            }
            perDoc.Add(docResult);
        }
        return new JsonObject
        {
            ["gold"] = goldPath,
            ["actor_level"] = Prf(actorLevel),
            ["country_level"] = Prf(countryLevel),
            ["must_not_violations"] = violations,
            ["dated_gold_events_matched"] = datedGold,
            ["dated_right"] = datedRight,
            ["date_accuracy"] = datedGold == 0 ? null : Math.Round((double)datedRight / datedGold, 3),
            ["quotes"] = new JsonObject { ["gold"] = quotesGold, ["found"] = quotesFound, ["speaker_right"] = quotesSpeaker, ["direct_right"] = quotesDirect },
            ["documents"] = perDoc,
        };
    }

    /// <summary>
    /// One predicted event per real event of a document. Negated and actor-less events are dropped; a mention is folded into
    /// another of the same type, mode and a compatible date when each of its actors is one of the other's, or — for a state, government,
    /// city or organization (not a person) — of the same country as one of them on the same side ("موسكو وواشنطن تناقشان"
    /// retells the Patrushev–Sullivan call; "الجانب الأمريكي … خلال لقاء" retells the Bolton meeting). The most specific
    /// mention (most persons) is kept, with the first known date.
    /// </summary>
    private static List<EventRecord> Collapse(IReadOnlyList<EventRecord> events, Dictionary<string, string> kinds)
    {
        var list = new List<EventRecord>();
        foreach (var e in events)
        {
            if (e.Modality == "negated" || e.Source.Count + e.Target.Count == 0) continue;
            // the report of what happened is kept over an announcement of it ("سيبحث" folds into "اجتماع")
            int i = list.FindIndex(x => Alike(x, e) && Covered(e, x, kinds));
            if (i >= 0)
            {
                list[i] = Asserted(e) && !Asserted(list[i]) ? Union(e, list[i]) : Union(list[i], e);
                continue;
            }
            int j = list.FindIndex(x => Alike(x, e) && Covered(x, e, kinds));
            if (j >= 0) list[j] = Asserted(list[j]) && !Asserted(e) ? Union(list[j], e) : Union(e, list[j]);
            else list.Add(e);
        }
        return list;

        // two mentions of one event: the kept one gains the other's participants and, if it has none, its date
        static EventRecord Union(EventRecord keep, EventRecord other) => keep with
        {
            Date = keep.Date ?? other.Date,
            Source = keep.Source.Concat(other.Source).DistinctBy(a => a.Id).ToList(),
            Target = keep.Target.Concat(other.Target).DistinctBy(a => a.Id).Where(a => !keep.Source.Concat(other.Source).Any(x => x.Id == a.Id)).ToList(),
        };

        // same type, mode (or one unknown) and compatible dates
        static bool Asserted(EventRecord e) => e.Modality == "asserted";
        static bool Alike(EventRecord a, EventRecord b) => a.Type == b.Type
            && (a.Mode is null || b.Mode is null || a.Mode == b.Mode)
            && Marsad.Analysis.Merging.EventMerger.Compatible(a.Date, b.Date);
    }

    // every actor of `small` is in `big` (same id, or same country when the small one is not a person); symmetric types
    // compare all participants, directed ones side by side
    private static bool Covered(EventRecord small, EventRecord big, Dictionary<string, string> kinds)
    {
        bool symmetric = small.Type is "CONSULT" or "AGREE" or "COOPERATE";
        // a mention naming a person must name the same people; an all-generic one (states, governments, bodies) may be
        // a vaguer telling of a specific one between the same countries
        bool generic = small.Source.Concat(small.Target).All(a => kinds.TryGetValue(a.Id, out var k) && k != "person");
        if (symmetric)
        {
            var all = big.Source.Concat(big.Target).ToList();
            return small.Source.Concat(small.Target).All(a => all.Any(b => Same(a, b)));
        }
        return small.Source.All(a => big.Source.Any(b => Same(a, b))) && small.Target.All(a => big.Target.Any(b => Same(a, b)));

        bool Same(ActorRef a, ActorRef b) => a.Id == b.Id || generic && a.Country is not null && a.Country == b.Country;
    }

    private static (int Tp, int Fp, int Fn, JsonArray Details, int Dated, int DatedOk) Match(List<JsonObject> goldEvents, List<EventRecord> predicted,
        Dictionary<string, GoldActor> actors, bool countryOnly, Dictionary<string, string> kinds)
    {
        var used = new bool[predicted.Count];
        var details = new JsonArray();
        int tp = 0, fn = 0, dated = 0, datedOk = 0;
        // required events first, so an optional one never takes a prediction a required one needs
        foreach (var g in goldEvents.OrderBy(g => (bool?)g["optional"] == true ? 1 : 0))
        {
            bool optional = (bool?)g["optional"] == true;
            var types = new HashSet<string> { (string)g["type"]! };
            if (g["alt_types"] is JsonArray alt) foreach (var t in alt) types.Add((string)t!);
            var gs = g["source"]!.AsArray().Select(x => actors[(string)x!]).ToList();
            var gt = g["target"]!.AsArray().Select(x => actors[(string)x!]).ToList();
            bool symmetric = (string)g["type"]! is "CONSULT" or "AGREE" or "COOPERATE";
            // the best candidate: same mode and date preferred, then the first
            int hit = -1, hitRank = int.MaxValue;
            string? goldMode = (string?)g["mode"], goldDate = (string?)g["date"];
            for (int i = 0; i < predicted.Count; i++)
            {
                var p = predicted[i];
                if (used[i] || !types.Contains(p.Type)) continue;
                bool ok = Side(gs, p.Source, countryOnly, kinds) && Side(gt, p.Target, countryOnly, kinds);
                if (!ok && symmetric)
                {
                    var all = p.Source.Concat(p.Target).ToList();
                    ok = Side(gs, all, countryOnly, kinds) && Side(gt, all, countryOnly, kinds) && (gs.Count + gt.Count < 2 || all.Count >= 2);
                }
                if (!ok) continue;
                int rank = (goldMode is null || p.Mode == goldMode ? 0 : 1) + (p.Date == goldDate ? 0 : 1);
                if (rank < hitRank) { hit = i; hitRank = rank; }
            }
            string label = $"{g["type"]} {string.Join(",", gs.Select(a => a.Id))} → {string.Join(",", gt.Select(a => a.Id))} «{g["trigger"]}»";
            if (hit >= 0)
            {
                used[hit] = true;
                if (optional) { details.Add("optional matched: " + label); continue; }
                tp++;
                string? gd = (string?)g["date"];
                if (gd is not null)
                {
                    dated++;
                    if (predicted[hit].Date == gd) datedOk++;
                }
                details.Add($"match: {label} ← «{predicted[hit].Trigger?.Text}» date {predicted[hit].Date ?? "null"} (gold {gd ?? "null"})");
            }
            else if (!optional)
            {
                fn++;
                details.Add("missed: " + label);
            }
        }
        int fp = 0;
        for (int i = 0; i < predicted.Count; i++)
        {
            if (used[i]) continue;
            fp++;
            var p = predicted[i];
            details.Add($"false alarm: {p.Type} {string.Join(",", p.Source.Select(a => a.Id))} → {string.Join(",", p.Target.Select(a => a.Id))} «{p.Trigger?.Text}» ({p.Rule}, {p.Modality})");
        }
        return (tp, fp, fn, details, dated, datedOk);
    }

    private static bool Side(List<GoldActor> gold, IEnumerable<ActorRef> predicted, bool countryOnly, Dictionary<string, string> kinds)
        => gold.Count == 0 || gold.Any(g => predicted.Any(p => ActorMatches(p, g, countryOnly, kinds)));

    /// <summary>Actor level: the same id, an Arabic or English name of the gold actor, or — for a gold country, which
    /// names the state as a whole — any actor of that country (its government, bodies, capital, officials: البيت الأبيض
    /// and Pompeo act for the USA). Country level: the same country for every gold actor.</summary>
    private static bool ActorMatches(ActorRef p, GoldActor g, bool countryOnly, Dictionary<string, string> kinds)
    {
        if (countryOnly) return p.Country is not null && p.Country == g.Country;
        if (p.Id == g.Id) return true;
        if (p.NameEn is not null && string.Equals(p.NameEn, g.English, StringComparison.OrdinalIgnoreCase)) return true;
        if (p.NameAr is not null && g.Arabic.Contains(Norm.NormalizeToString(p.NameAr))) return true;
        return g.Kind == "country" && p.Country == g.Country;
    }

    private static JsonObject Prf(int[] c)
    {
        double p = c[0] + c[1] == 0 ? 0 : (double)c[0] / (c[0] + c[1]);
        double r = c[0] + c[2] == 0 ? 0 : (double)c[0] / (c[0] + c[2]);
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new JsonObject { ["tp"] = c[0], ["fp"] = c[1], ["fn"] = c[2], ["precision"] = Math.Round(p, 3), ["recall"] = Math.Round(r, 3), ["f1"] = Math.Round(f, 3) };
    }

    private static JsonObject ScoreSentences(AnalysisPipeline pipeline, string goldPath, bool verbose)
    {
        int tp = 0, fp = 0, fn = 0, srcGold = 0, srcHit = 0, tgtGold = 0, tgtHit = 0, n = 0;
        var misses = new JsonArray();
        foreach (var line in File.ReadLines(goldPath))
        {
            if (line.Length == 0) continue;
            var r = JsonNode.Parse(line)!.AsObject();
            string category = (string)r["category"]!;
            string text = (string)r["text"]!;
            string? date = (string?)r["date"];
            string? published = date is { Length: 8 } ? $"{date[..4]}-{date[4..6]}-{date[6..]}" : null;
            var doc = pipeline.Analyze(new SourceDocument { Text = text, Published = published }, new AnalysisOptions());
            n++;
            var types = doc.Events.Where(e => e.Modality != "negated").Select(e => e.Type).ToHashSet();
            foreach (var c in new[] { "ASSAULT", "PROTEST" })
            {
                bool g = c == category, p = types.Contains(c);
                if (g && p) tp++;
                else if (p) fp++;
                else if (g) { fn++; if (verbose) misses.Add(text); }
            }
            if (!types.Contains(category)) continue;
            var ev = doc.Events.Where(e => e.Type == category && e.Modality != "negated").ToList();
            foreach (var ge in r["events"]!.AsArray())
            {
                string st = (string?)ge!["source_text"] ?? "", tt = (string?)ge["target_text"] ?? "";
                if (st.Length > 0) { srcGold++; if (ev.Any(e => e.Source.Any(a => Overlaps(a, st)))) srcHit++; }
                if (tt.Length > 0) { tgtGold++; if (ev.Any(e => e.Target.Any(a => Overlaps(a, tt)))) tgtHit++; }
            }
        }
        var result = new JsonObject
        {
            ["gold"] = goldPath,
            ["sentences"] = n,
            ["detection"] = Prf([tp, fp, fn]),
            ["source_match_rate"] = srcGold == 0 ? null : Math.Round((double)srcHit / srcGold, 3),
            ["source_gold"] = srcGold,
            ["target_match_rate"] = tgtGold == 0 ? null : Math.Round((double)tgtHit / tgtGold, 3),
            ["target_gold"] = tgtGold,
        };
        if (verbose) result["missed"] = misses;
        return result;
    }

    // a predicted actor matches a gold argument text when a word of its Arabic name (article stripped) occurs in it
    private static bool Overlaps(ActorRef a, string goldText)
    {
        if (a.NameAr is null) return false;
        var words = Norm.NormalizeToString(goldText).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Strip).ToHashSet();
        return Norm.NormalizeToString(a.NameAr).Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => w.Length > 2 && words.Contains(Strip(w)));
        static string Strip(string w) => w.StartsWith("ال", StringComparison.Ordinal) && w.Length > 4 ? w[2..] : w;
    }

    private static void Print(JsonObject r)
    {
        Console.WriteLine($"gold: {r["gold"]}");
        if (r["detection"] is JsonObject det)
        {
            Console.WriteLine($"sentences: {r["sentences"]}");
            Console.WriteLine($"detection  P={det["precision"]} R={det["recall"]} F1={det["f1"]} (tp {det["tp"]}, fp {det["fp"]}, fn {det["fn"]})");
            Console.WriteLine($"source match rate {r["source_match_rate"]} of {r["source_gold"]}; target match rate {r["target_match_rate"]} of {r["target_gold"]}");
            if (r["missed"] is JsonArray missed) foreach (var m in missed) Console.WriteLine("  missed: " + m);
            return;
        }
        foreach (var level in new[] { "actor_level", "country_level" })
        {
            var s = r[level]!;
            Console.WriteLine($"{level,-14} P={s["precision"]} R={s["recall"]} F1={s["f1"]} (tp {s["tp"]}, fp {s["fp"]}, fn {s["fn"]})");
        }
        Console.WriteLine($"must_not violations: {r["must_not_violations"]}");
        Console.WriteLine($"date accuracy: {r["date_accuracy"]} ({r["dated_right"]} of {r["dated_gold_events_matched"]} matched dated gold events)");
        var qs = r["quotes"]!;
        Console.WriteLine($"quotes: {qs["found"]} of {qs["gold"]} gold quotes found; speaker right {qs["speaker_right"]}, direct/reported right {qs["direct_right"]}");
        foreach (var d in r["documents"]!.AsArray())
        {
            Console.WriteLine($"  {d!["file"]}: actor tp {d["actor"]!["tp"]} fp {d["actor"]!["fp"]} fn {d["actor"]!["fn"]}; country tp {d["country"]!["tp"]} fp {d["country"]!["fp"]} fn {d["country"]!["fn"]}");
            foreach (var v in d["must_not_violations"]!.AsArray()) Console.WriteLine("    VIOLATION " + v);
            if (d["details"] is JsonArray det2) foreach (var x in det2) Console.WriteLine("    " + x);
        }
    }
}
