using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Marsad.Analysis.Actors;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Pipeline;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad eval actors --gold FILE [--docs PATH] [--actors FILE] [--verbose]</c>: precision and recall of the person
/// and organization mentions actor linking produces, against either
/// <list type="bullet">
/// <item>a seeds gold file (<c>"schema": "marsad-gold/1"</c>, e.g. ../shared/data/seeds/gold.json): its <c>actors</c>
///   list gives each actor's Arabic forms; every occurrence of a person's or organization's form in a seed text (with
///   proclitics allowed) is a gold mention, resolved on the document's <c>published</c> date; or</item>
/// <item>a mention-level gold file (JSONL, e.g. eval/actors/dev_gold.jsonl): one article per line with
///   <c>id</c>, <c>published</c> and <c>mentions</c> [{start, end, text, actor}] over the article text in --docs (a JSONL
///   corpus such as ../shared/data/news/dev/articles.jsonl).</item>
/// </list>
/// Scored: mentions that name a person or organization (kinds name and partial name, and organization names).
/// Titles, metonyms, demonyms and coreference are reported apart (counts; on mention-level gold also their accuracy
/// when the gold has them with <c>"kind": "title"</c> or <c>"coref"</c>).
/// </summary>
internal static class EvalActorsCommand
{
    public static Command Create()
    {
        var gold = new Option<string>("--gold") { Description = "Gold file: seeds gold.json or a mention-level JSONL", Required = true };
        var docs = new Option<string?>("--docs") { Description = "Seed folder (default: the gold file's folder) or JSONL corpus (default: ../shared/data/news/dev/articles.jsonl)" };
        var verbose = new Option<bool>("--verbose") { Description = "List every false positive and false negative" };
        var actors = ActorRegistryOption.Create();
        var command = new Command("actors", "Score actor linking (person and organization mentions: precision, recall).");
        command.Options.Add(gold);
        command.Options.Add(docs);
        command.Options.Add(verbose);
        command.Options.Add(actors);
        command.SetAction(parse =>
        {
            if (!ActorRegistryOption.TryLoad(parse.GetValue(actors), out var registry))
                return 2;
            string goldPath = parse.GetValue(gold)!;
            if (!File.Exists(goldPath))
            {
                Console.Error.WriteLine($"error: gold file '{goldPath}' not found");
                return 2;
            }
            var pipeline = new AnalysisPipelineBuilder { Actors = registry }.Build();
            var score = new Score(parse.GetValue(verbose));
            string first = File.ReadLines(goldPath).FirstOrDefault(l => l.Trim().Length > 0) ?? "";
            bool seeds = first.TrimStart().StartsWith('{') && File.ReadAllText(goldPath).Contains("\"marsad-gold/1\"", StringComparison.Ordinal);
            var sw = Stopwatch.StartNew();
            int n = seeds
                ? Seeds(goldPath, parse.GetValue(docs) ?? Path.GetDirectoryName(Path.GetFullPath(goldPath))!, pipeline, registry, score)
                : Mentions(goldPath, parse.GetValue(docs) ?? DefaultCorpus(), pipeline, score);
            if (n < 0)
                return 2;
            score.Print(n, sw.Elapsed);
            return 0;
        });
        return command;
    }

    private static string DefaultCorpus()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marsad.slnx")))
            dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? ".", "..", "shared", "data", "news", "dev", "articles.jsonl");
    }

    /// <summary>Tallies of one evaluation.</summary>
    private sealed class Score(bool verbose)
    {
        public int Tp, Fp, Fn, TpPer, FpPer, FnPer, TpOrg, FpOrg, FnOrg;
        public int OtherCorrect, OtherWrong, OtherMissed;
        public readonly Dictionary<string, int> UnscoredKinds = new();
        public readonly HashSet<string> GoldActors = new(), FoundActors = new();
        public readonly List<string> Lines = new();
        public bool Verbose = verbose;

        public void Add(bool person, bool tp, bool fp, bool fn)
        {
            if (tp) { Tp++; if (person) TpPer++; else TpOrg++; }
            if (fp) { Fp++; if (person) FpPer++; else FpOrg++; }
            if (fn) { Fn++; if (person) FnPer++; else FnOrg++; }
        }

        public void Print(int docs, TimeSpan elapsed)
        {
            if (Verbose)
                foreach (var l in Lines)
                    Console.WriteLine(l);
            static string Pr(int tp, int fp, int fn) =>
                string.Create(CultureInfo.InvariantCulture, $"P={(tp + fp == 0 ? 0 : (double)tp / (tp + fp)):0.000} R={(tp + fn == 0 ? 0 : (double)tp / (tp + fn)):0.000} F1={(2.0 * tp / Math.Max(1, 2 * tp + fp + fn)):0.000} (tp={tp} fp={fp} fn={fn})");
            Console.WriteLine($"documents: {docs}  ({elapsed.TotalSeconds:0.0} s)");
            Console.WriteLine($"person+organization mentions: {Pr(Tp, Fp, Fn)}");
            Console.WriteLine($"  person:       {Pr(TpPer, FpPer, FnPer)}");
            Console.WriteLine($"  organization: {Pr(TpOrg, FpOrg, FnOrg)}");
            if (GoldActors.Count > 0)
                Console.WriteLine($"gold actors found at least once: {GoldActors.Count(FoundActors.Contains)}/{GoldActors.Count}" +
                    (GoldActors.Any(a => !FoundActors.Contains(a)) ? "  missing: " + string.Join(", ", GoldActors.Where(a => !FoundActors.Contains(a))) : ""));
            if (OtherCorrect + OtherWrong + OtherMissed > 0)
                Console.WriteLine($"titles/coreference with gold: correct={OtherCorrect} wrong={OtherWrong} missed={OtherMissed}");
            if (UnscoredKinds.Count > 0)
                Console.WriteLine("not scored (no gold span): " + string.Join(", ", UnscoredKinds.OrderBy(k => k.Key).Select(k => $"{k.Key}={k.Value}")));
        }
    }

    /// <summary>Named person and organization mentions; a country's government (rus-gov) counts as country-level, like the country.</summary>
    private static bool Scored(ActorMention m, ActorInfo? a) =>
        a is not null && m.Kind is ActorMentionKind.Name or ActorMentionKind.PartialName && a.Kind is "person" or "organization"
        && !a.Id.EndsWith("-gov", StringComparison.Ordinal);

    // ------------------------------------------------------------------ seeds gold (actors list + Arabic forms)

    private static int Seeds(string goldPath, string docsDir, AnalysisPipeline pipeline, ActorRegistry registry, Score score)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(goldPath));
        var root = json.RootElement;
        var goldActors = new List<(string Id, string Kind, string English, List<string> Forms)>();
        foreach (var a in root.GetProperty("actors").EnumerateArray())
        {
            string kind = a.GetProperty("kind").GetString() ?? "";
            if (kind is not ("person" or "organization"))
                continue;
            goldActors.Add((a.GetProperty("id").GetString()!, kind, a.GetProperty("english").GetString() ?? "",
                a.GetProperty("arabic").EnumerateArray().Select(x => x.GetString()!).ToList()));
        }
        int n = 0;
        foreach (var d in root.GetProperty("documents").EnumerateArray())
        {
            string file = d.GetProperty("file").GetString()!;
            string published = d.GetProperty("published").GetString()!;
            string path = Path.Combine(docsDir, file);
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"error: seed '{path}' not found (use --docs)");
                return -1;
            }
            string text = File.ReadAllText(path);
            var date = DateOnly.ParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var doc = pipeline.Analyze(new SourceDocument { Text = text, Path = path, Published = published }, new AnalysisOptions());
            var linker = new ActorLinker(registry);
            // Gold spans: every occurrence of a listed form; the accepted ids are what each form links to alone, plus the id itself.
            var gold = new List<(int Start, int End, string GoldId, bool Person, HashSet<string> Ok)>();
            foreach (var (id, kind, english, forms) in goldActors)
            {
                var ok = new HashSet<string>(StringComparer.Ordinal) { id, Slug(english) };
                foreach (var f in forms)
                    foreach (var m in linker.Link(f, date).Mentions)
                        if (m.Start == 0 && m.End == f.Length)
                            ok.Add(m.ActorId);
                foreach (var f in forms.OrderByDescending(f => f.Length))
                    foreach (var (s, e) in Occurrences(text, f))
                        if (!gold.Any(g => g.Start < e && s < g.End))
                            gold.Add((s, e, id, kind == "person", ok));
            }
            ScoreDoc(doc, gold, score, file, text);
            n++;
        }
        return n;
    }

    private static void ScoreDoc(AnalyzedDocument doc, List<(int Start, int End, string GoldId, bool Person, HashSet<string> Ok)> gold, Score score, string name, string text)
    {
        var infos = doc.Actors.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var matched = new bool[gold.Count];
        foreach (var g in gold)
            score.GoldActors.Add(g.GoldId);
        foreach (var m in doc.ActorMentions)
        {
            infos.TryGetValue(m.ActorId, out var a);
            int gi = gold.FindIndex(g => g.Start < m.End && m.Start < g.End);
            if (gi >= 0)
            {
                var g = gold[gi];
                bool ok = g.Ok.Contains(m.ActorId)
                    || (g.GoldId.StartsWith("new:", StringComparison.Ordinal) && m.ActorId.StartsWith("new:", StringComparison.Ordinal));
                if (ok)
                {
                    score.FoundActors.Add(g.GoldId);
                    if (!matched[gi])
                    {
                        matched[gi] = true;
                        score.Add(g.Person, tp: true, fp: false, fn: false);
                    }
                }
                else if (Scored(m, a))
                {
                    score.Add(a!.Kind == "person", tp: false, fp: true, fn: false);
                    score.Lines.Add($"FP-wrong {name} [{m.Start},{m.End}] {text[m.Start..m.End]} → {m.ActorId} (gold {g.GoldId})");
                }
                continue;
            }
            if (Scored(m, a))
            {
                score.Add(a!.Kind == "person", tp: false, fp: true, fn: false);
                score.Lines.Add($"FP {name} [{m.Start},{m.End}] {text[m.Start..m.End]} → {m.ActorId}");
            }
            else if (a is not null && a.Kind is "person" or "organization")
            {
                string k = m.Kind.ToString().ToLowerInvariant();
                score.UnscoredKinds[k] = score.UnscoredKinds.GetValueOrDefault(k) + 1;
            }
        }
        for (int i = 0; i < gold.Count; i++)
        {
            if (matched[i])
                continue;
            score.Add(gold[i].Person, tp: false, fp: false, fn: true);
            score.Lines.Add($"FN {name} [{gold[i].Start},{gold[i].End}] {text[gold[i].Start..gold[i].End]} (gold {gold[i].GoldId})");
        }
    }

    /// <summary>Occurrences of an Arabic form in a text, folded, at word boundaries (proclitics و ف ب ل ك allowed before).</summary>
    private static IEnumerable<(int Start, int End)> Occurrences(string text, string form)
    {
        var (ft, map) = FoldWithMap(text);
        var (ff, _) = FoldWithMap(form);
        int from = 0;
        while (ff.Length > 0 && (from = ft.IndexOf(ff, from, StringComparison.Ordinal)) >= 0)
        {
            int end = from + ff.Length;
            bool rightOk = end >= ft.Length || !ActorText.IsWordChar(ft[end]);
            int p = from;
            while (p > 0 && from - p < 3 && "وفبلك".Contains(ft[p - 1], StringComparison.Ordinal)) p--;
            bool leftOk = p == 0 || !ActorText.IsWordChar(ft[p - 1]);
            if (rightOk && leftOk)
                yield return (map[from], map[end - 1] + 1);
            from = end;
        }
        // ل + ال contracts to لل: "للبيت الأبيض" holds "البيت الأبيض" without its alef.
        if (ff.StartsWith("ال", StringComparison.Ordinal))
        {
            string tail = ff[1..];
            from = 0;
            while ((from = ft.IndexOf(tail, from, StringComparison.Ordinal)) >= 0)
            {
                int end = from + tail.Length;
                bool rightOk = end >= ft.Length || !ActorText.IsWordChar(ft[end]);
                bool lam = from > 0 && ft[from - 1] == 'ل';
                int p = from - 1;
                while (p > 0 && from - 1 - p < 2 && "وف".Contains(ft[p - 1], StringComparison.Ordinal)) p--;
                bool leftOk = p == 0 || !ActorText.IsWordChar(ft[p - 1]);
                if (rightOk && lam && leftOk)
                    yield return (map[from], map[end - 1] + 1);
                from = end;
            }
        }
    }

    private static (string Folded, int[] Map) FoldWithMap(string s)
    {
        var chars = new List<char>(s.Length);
        var map = new List<int>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char f = ActorText.Fold(s[i]);
            if (f == '\0')
                continue;
            chars.Add(f);
            map.Add(i);
        }
        string folded = new(chars.ToArray());
        folded = folded.Replace("اميرك", "امريك", StringComparison.Ordinal);
        return (folded, map.ToArray());
    }

    private static string Slug(string english) =>
        string.Join('-', english.ToLowerInvariant().Split([' ', '.', '\''], StringSplitOptions.RemoveEmptyEntries));

    // ------------------------------------------------------------------ mention-level gold (JSONL)

    private static int Mentions(string goldPath, string corpus, AnalysisPipeline pipeline, Score score)
    {
        var wanted = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(goldPath))
        {
            if (line.Trim().Length == 0)
                continue;
            var e = JsonDocument.Parse(line).RootElement;
            wanted[e.GetProperty("id").GetString()!] = e;
        }
        if (!File.Exists(corpus))
        {
            Console.Error.WriteLine($"error: corpus '{corpus}' not found (use --docs)");
            return -1;
        }
        int n = 0;
        foreach (var line in File.ReadLines(corpus))
        {
            if (line.Trim().Length == 0)
                continue;
            var art = JsonDocument.Parse(line).RootElement;
            string id = art.GetProperty("id").GetString()!;
            if (!wanted.TryGetValue(id, out var g))
                continue;
            string text = art.GetProperty("text").GetString()!;
            string published = g.TryGetProperty("published", out var p) ? p.GetString()! : art.GetProperty("date").GetString()!;
            var doc = pipeline.Analyze(new SourceDocument { Text = text, SourceId = id, Published = published }, new AnalysisOptions());
            var gold = new List<(int Start, int End, string GoldId, bool Person, HashSet<string> Ok)>();
            var other = new List<(int Start, int End, string GoldId)>();
            foreach (var m in g.GetProperty("mentions").EnumerateArray())
            {
                int s = m.GetProperty("start").GetInt32(), e = m.GetProperty("end").GetInt32();
                string actor = m.GetProperty("actor").GetString()!;
                string expected = m.GetProperty("text").GetString()!;
                if (e > text.Length || text[s..e] != expected)
                {
                    Console.Error.WriteLine($"error: {id} [{s},{e}] is not '{expected}' in the text");
                    return -1;
                }
                string kind = m.TryGetProperty("kind", out var k) ? k.GetString()! : "name";
                string type = m.TryGetProperty("type", out var t) ? t.GetString()! : "PER";
                if (kind == "name")
                    gold.Add((s, e, actor, type == "PER", NewOk(actor)));
                else
                    other.Add((s, e, actor));
            }
            // Title and coreference mentions with gold: counted apart, and kept out of the name scores.
            var otherMatched = new bool[other.Count];
            var names = new List<ActorMention>();
            foreach (var m in doc.ActorMentions)
            {
                int oi = other.FindIndex(o => o.Start < m.End && m.Start < o.End);
                if (oi >= 0 && gold.FindIndex(x => x.Start < m.End && m.Start < x.End) < 0)
                {
                    if (!otherMatched[oi])
                    {
                        otherMatched[oi] = true;
                        if (Same(other[oi].GoldId, m.ActorId)) score.OtherCorrect++;
                        else
                        {
                            score.OtherWrong++;
                            score.Lines.Add($"TITLE-wrong {id} [{m.Start},{m.End}] {text[m.Start..m.End]} → {m.ActorId} (gold {other[oi].GoldId})");
                        }
                    }
                    continue;
                }
                names.Add(m);
            }
            for (int i = 0; i < other.Count; i++)
                if (!otherMatched[i])
                {
                    score.OtherMissed++;
                    score.Lines.Add($"TITLE-missed {id} [{other[i].Start},{other[i].End}] {text[other[i].Start..other[i].End]} (gold {other[i].GoldId})");
                }
            ScoreDoc(doc with { ActorMentions = names }, gold, score, id, text);
            n++;
        }
        return n;

        static HashSet<string> NewOk(string actor) => new(StringComparer.Ordinal) { actor };
        static bool Same(string gold, string got) => gold == got || (gold.StartsWith("new:", StringComparison.Ordinal) && got.StartsWith("new:", StringComparison.Ordinal));
    }
}
