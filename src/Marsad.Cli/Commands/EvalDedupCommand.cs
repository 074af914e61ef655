using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Marsad.Analysis.Dedup;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Pipeline;
using Marsad.Ingest.Batch;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad eval dedup [--threshold J] [--seed N] [--variants N]</c>: builds a duplicate benchmark from
/// <c>shared/data/news/dev/articles.jsonl</c> and scores the batch's duplicate marking on it.
/// The stream is the whole dev corpus (3,984 articles from 16 outlets over the same weeks, so many report the same
/// stories: the natural hard negatives), then the 61 same-URL revision groups, then synthetic variants of sampled
/// articles in random order: exact copies (white space changed), copies inside page furniture, copies with 10–25 %
/// of sentences dropped, with paragraphs reordered, with light edits. Gold groups = variant-of edges plus the
/// gold/certain pairs in <c>clusters/dev_corpus_duplicate_pairs.jsonl</c> (union-find).
/// A duplicate flag is right when <c>duplicate_of</c> is in the document's gold group.
/// Also measures MinHash + LSH alone on one core (documents/s) and index bytes per document.
/// </summary>
internal static class EvalDedupCommand
{
    public static Command Create()
    {
        var threshold = new Option<double>("--threshold") { Description = "Near-duplicate Jaccard threshold", DefaultValueFactory = _ => new DuplicateDetectorOptions().Threshold };
        var containment = new Option<double>("--containment") { Description = "Containment threshold", DefaultValueFactory = _ => new DuplicateDetectorOptions().ContainmentThreshold };
        var containmentMinJ = new Option<double>("--containment-min-jaccard") { Description = "Least Jaccard estimate for the containment rule", DefaultValueFactory = _ => new DuplicateDetectorOptions().ContainmentMinJaccard };
        var seed = new Option<int>("--seed") { Description = "Random seed for the synthetic variants", DefaultValueFactory = _ => 42 };
        var variants = new Option<int>("--variants") { Description = "Articles to make variants of", DefaultValueFactory = _ => 400 };
        var verbose = new Option<bool>("--errors") { Description = "List false positives and misses" };
        var command = new Command("dedup", "Duplicate detection: precision/recall on a benchmark built from the dev corpus, and MinHash+LSH speed and memory.");
        command.Options.Add(threshold);
        command.Options.Add(containment);
        command.Options.Add(containmentMinJ);
        command.Options.Add(seed);
        command.Options.Add(variants);
        command.Options.Add(verbose);
        command.SetAction(p => Run(new DuplicateDetectorOptions
        {
            Threshold = p.GetValue(threshold), ContainmentThreshold = p.GetValue(containment), ContainmentMinJaccard = p.GetValue(containmentMinJ),
        }, p.GetValue(seed), p.GetValue(variants), p.GetValue(verbose)));
        return command;
    }

    private sealed record Item(SourceDocument Doc, string Category, string Group);

    private static int Run(DuplicateDetectorOptions options, int seed, int variantCount, bool listErrors)
    {
        var data = EvalData.Root();
        if (data is null) return EvalData.Fail("shared/data not found: set MARSAD_SHARED or clone beside shared/");
        var articles = EvalData.ReadArticles(Path.Combine(data, "news", "dev", "articles.jsonl"));
        var rng = new Random(seed);

        // Gold groups over real documents.
        var uf = new Dictionary<string, string>();
        string Find(string x) { while (uf.TryGetValue(x, out var p) && p != x) x = p; return x; }
        void Union(string a, string b) { var ra = Find(a); var rb = Find(b); if (ra != rb) uf[ra] = rb; }
        var relationOf = new Dictionary<(string, string), string>();
        foreach (var line in File.ReadLines(Path.Combine(data, "news", "clusters", "dev_corpus_duplicate_pairs.jsonl")))
        {
            using var j = JsonDocument.Parse(line);
            var a = j.RootElement.GetProperty("a").GetString()!;
            var b = j.RootElement.GetProperty("b").GetString()!;
            Union(a, b);
            relationOf[(a, b)] = relationOf[(b, a)] = j.RootElement.GetProperty("relation").GetString()!;
        }

        var items = new List<Item>();
        var seenIds = new HashSet<string>();
        foreach (var a in articles)
        {
            seenIds.Add(a.Id);
            items.Add(new Item(Doc(a, a.Id), "corpus", a.Id));
        }
        foreach (var line in File.ReadLines(Path.Combine(data, "news", "clusters", "ant_same_url_versions.jsonl")))
        {
            using var j = JsonDocument.Parse(line);
            string? first = null;
            foreach (var v in j.RootElement.GetProperty("versions").EnumerateArray())
            {
                var a = EvalData.FromJson(v);
                first ??= a.Id;
                Union(a.Id, first);
                if (seenIds.Add(a.Id)) items.Add(new Item(Doc(a, a.Id), "url-revision", a.Id));
            }
        }

        // Synthetic variants.
        var pool = articles.Where(a => a.Text.Length >= 800 && a.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= 4).ToList();
        var chosen = pool.OrderBy(_ => rng.Next()).Take(variantCount).ToList();
        var synthetic = new List<Item>();
        int k = 0;
        foreach (var a in chosen)
        {
            var other = pool[rng.Next(pool.Count)];
            string kind = (k++ % 5) switch { 0 => "exact-copy", 1 => "with-furniture", 2 => "sentences-dropped", 3 => "reordered", _ => "light-edits" };
            string text = kind switch
            {
                "exact-copy" => a.Text.Replace("\n", "\n\n").Replace(" ،", "،") + "\n",
                "with-furniture" => WithFurniture(a.Text, other, pool, rng),
                "sentences-dropped" => DropSentences(a.Text, rng),
                "reordered" => Reorder(a.Text, rng),
                _ => LightEdits(a.Text, rng),
            };
            synthetic.Add(new Item(new SourceDocument { Text = text, Path = $"synthetic:{kind}:{a.Id}", SourceId = a.Id + "~" + kind, Source = "mirror-" + (k % 7) }, kind, a.Id));
        }
        items.AddRange(synthetic.OrderBy(_ => rng.Next()));

        // Run the real batch (cleaning, language, dedup) over the stream.
        var batch = new BatchAnalyzer(new AnalysisPipelineBuilder().Build(), new AnalysisOptions(), options);
        var sw = Stopwatch.StartNew();
        var results = batch.Run(items.Select(i => i.Doc)).ToList();
        sw.Stop();

        var groupOfId = new Dictionary<string, string>(); // content id → gold root of the first document with that id
        var nameOfId = new Dictionary<string, string>();
        var rootsSeen = new HashSet<string>();
        var perCategory = new SortedDictionary<string, (int Gold, int Found)>(StringComparer.Ordinal);
        int tp = 0, fp = 0, goldDup = 0;
        var errors = new List<string>();
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var r = results[i];
            string root = Find(item.Group);
            groupOfId.TryAdd(r.Id, root);
            nameOfId.TryAdd(r.Id, item.Doc.SourceId ?? item.Doc.Path ?? "");
            bool isGoldDup = !rootsSeen.Add(root);
            string cat = item.Category == "corpus" ? "corpus:" + RelationCategory(item.Group, relationOf) : item.Category;
            if (isGoldDup) goldDup++;
            bool flagged = r.Status == DocumentStatus.Duplicate;
            bool right = flagged && r.DuplicateOf is not null && groupOfId.TryGetValue(r.DuplicateOf, out var g) && g == root;
            if (flagged && right) tp++;
            else if (flagged) { fp++; if (listErrors) errors.Add($"FP {item.Doc.SourceId ?? item.Doc.Path} → {nameOfId.GetValueOrDefault(r.DuplicateOf ?? "")}: {r.Reason}"); }
            if (isGoldDup)
            {
                var (gd, fd) = perCategory.GetValueOrDefault(cat);
                perCategory[cat] = (gd + 1, fd + (right ? 1 : 0));
                if (!right && listErrors) errors.Add($"MISS [{cat}] {item.Doc.SourceId ?? item.Doc.Path}: {r.Status} {r.Reason}");
            }
        }
        double precision = tp + fp == 0 ? 1 : (double)tp / (tp + fp);
        double recall = goldDup == 0 ? 1 : (double)tp / goldDup;

        // Same-story hard negatives: different outlets, same day, overlapping titles, not in one gold group.
        var (sameStoryPairs, sameStoryMerged) = SameStory(articles, results, Find);

        Console.WriteLine($"dedup benchmark: {items.Count} documents ({articles.Count} dev articles, {items.Count(i => i.Category == "url-revision")} same-URL revisions, {synthetic.Count} synthetic variants; seed {seed})");
        Console.WriteLine($"threshold: Jaccard ≥ {options.Threshold:0.00}, or containment ≥ {options.ContainmentThreshold:0.00} with Jaccard ≥ {options.ContainmentMinJaccard:0.00}; {options.ShingleSize}-word shingles, {options.Bins} bins, {options.Bands}×{options.Rows} LSH");
        Console.WriteLine($"precision {precision:0.000} ({tp}/{tp + fp})   recall {recall:0.000} ({tp}/{goldDup})");
        foreach (var (cat, (g, f)) in perCategory) Console.WriteLine($"  recall {cat,-28} {(double)f / g:0.000} ({f}/{g})");
        Console.WriteLine($"  same-story non-duplicate pairs (cross-outlet, same day, shared title words): {sameStoryPairs}, wrongly merged: {sameStoryMerged}");
        Console.WriteLine($"full batch (read→clean→language→text stages→dedup, both cores): {items.Count / sw.Elapsed.TotalSeconds:0} docs/s");
        foreach (var e in errors.Take(60)) Console.WriteLine("  " + e);

        Throughput(items.Select(i => i.Doc.Text).ToList(), data);
        return 0;
    }

    private static string RelationCategory(string id, Dictionary<(string, string), string> relations)
    {
        foreach (var ((a, _), rel) in relations) if (a == id) return rel;
        return "other";
    }

    private static (int Pairs, int Merged) SameStory(List<EvalData.Article> articles, List<AnalyzedDocument> results, Func<string, string> find)
    {
        var idToResult = new Dictionary<string, AnalyzedDocument>();
        for (int i = 0; i < articles.Count; i++) idToResult[articles[i].Id] = results[i];
        var rootOfContent = new Dictionary<string, string>();
        for (int i = 0; i < articles.Count; i++) rootOfContent.TryAdd(results[i].Id, articles[i].Id);
        int pairs = 0, merged = 0;
        foreach (var day in articles.Where(a => a.Date is { Length: >= 10 } && a.Title is not null).GroupBy(a => a.Date![..10]))
        {
            var list = day.ToList();
            for (int i = 0; i < list.Count; i++)
                for (int j = i + 1; j < list.Count; j++)
                {
                    var a = list[i];
                    var b = list[j];
                    if (a.Source == b.Source || find(a.Id) == find(b.Id)) continue;
                    if (TitleOverlap(a.Title!, b.Title!) < 0.4) continue;
                    pairs++;
                    var rb = idToResult[b.Id];
                    var ra = idToResult[a.Id];
                    if ((rb.DuplicateOf is not null && rootOfContent.GetValueOrDefault(rb.DuplicateOf) == a.Id) ||
                        (ra.DuplicateOf is not null && rootOfContent.GetValueOrDefault(ra.DuplicateOf) == b.Id)) merged++;
                }
        }
        return (pairs, merged);
    }

    private static double TitleOverlap(string a, string b)
    {
        static HashSet<string> Words(string s) => s.Split([' ', '،', ':', '"', '-', '«', '»'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3).Select(w => Analysis.Cleaning.TextCleaner.Key(w, out _)).ToHashSet();
        var wa = Words(a);
        var wb = Words(b);
        if (wa.Count == 0 || wb.Count == 0) return 0;
        return (double)wa.Intersect(wb).Count() / Math.Min(wa.Count, wb.Count);
    }

    private static SourceDocument Doc(EvalData.Article a, string id) => new()
    {
        Text = a.Text, Path = "dev:" + id, SourceId = id, Title = a.Title, Source = a.Source, Url = a.Url, Published = a.Date,
    };

    private static readonly string[] Mastheads = ["الرئيسية", "أخبار", "سياسة", "اقتصاد", "رياضة", "منوعات", "فيديو", "رأي"];

    private static string WithFurniture(string text, EvalData.Article other, List<EvalData.Article> pool, Random rng)
    {
        var sb = new StringBuilder();
        sb.Append("شبكة الأخبار العربية\n");
        sb.Append(string.Join(" | ", Mastheads.OrderBy(_ => rng.Next()).Take(5))).Append('\n');
        sb.Append("عاجل: ").Append(other.Title ?? "").Append("\n\n");
        sb.Append(text).Append("\n\n");
        sb.Append("تابعونا على\nاقرأ أيضاً\n");
        for (int i = 0; i < 4; i++) sb.Append(pool[rng.Next(pool.Count)].Title).Append('\n');
        sb.Append("اترك تعليقاً\nلن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *\nزر الذهاب إلى الأعلى\nجميع الحقوق محفوظة © 2018\n");
        return sb.ToString();
    }

    private static List<string> Sentences(string text)
    {
        var list = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is '.' or '؟' or '!' or '\n' && (i + 1 == text.Length || text[i + 1] is ' ' or '\n'))
            {
                if (i + 1 - start > 1) list.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }
        if (start < text.Length) list.Add(text[start..]);
        return list;
    }

    private static string DropSentences(string text, Random rng)
    {
        var s = Sentences(text);
        double rate = 0.10 + rng.NextDouble() * 0.15;
        var kept = s.Where((_, i) => i == 0 || rng.NextDouble() >= rate).ToList();
        return string.Concat(kept);
    }

    private static string Reorder(string text, Random rng)
    {
        var paras = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        // Swap two or three pairs of paragraphs (editors move paragraphs, they rarely shuffle a whole story).
        for (int n = 0; n < Math.Min(3, paras.Count / 2); n++)
        {
            int i = rng.Next(paras.Count), j = rng.Next(paras.Count);
            (paras[i], paras[j]) = (paras[j], paras[i]);
        }
        return string.Join('\n', paras);
    }

    private static readonly (string From, string To)[] Edits =
    [
        ("قال", "أكد"), ("أضاف", "تابع"), ("الأمريكي", "الأميركي"), ("الأميركي", "الأمريكي"), ("سوريا", "سورية"),
        ("اليوم", "الیوم"), ("إن", "أن"), ("التي", "الّتي"), ("على", "علی"), ("أعلن", "أعلنت"),
    ];

    private static string LightEdits(string text, Random rng)
    {
        var words = text.Split(' ');
        int edits = Math.Max(2, words.Length / 40); // about 2.5 % of the words
        for (int e = 0; e < edits; e++)
        {
            int i = rng.Next(words.Length);
            switch (rng.Next(4))
            {
                case 0: words[i] = ""; break;                                     // a word dropped
                case 1: words[i] += " " + words[rng.Next(words.Length)]; break;   // a word inserted
                case 2: var (f, t) = Edits[rng.Next(Edits.Length)]; words[i] = words[i].Replace(f, t); break; // spelling/synonym
                default: words[i] = new string(words[i].Reverse().ToArray()); break; // a typo-scale change
            }
        }
        return string.Join(' ', words.Where(w => w.Length > 0));
    }

    /// <summary>MinHash signatures + LSH insert/query alone, one thread, on the benchmark texts (three passes).</summary>
    private static void Throughput(List<string> texts, string data)
    {
        double avgChars = texts.Average(t => t.Length);
        // Warm up the JIT.
        var warm = new DuplicateDetector();
        for (int i = 0; i < Math.Min(500, texts.Count); i++) warm.Add(warm.Fingerprint(texts[i]));
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        int docs = 0;
        long bytes = 0;
        for (int pass = 0; pass < 3; pass++)
        {
            var d = new DuplicateDetector();
            foreach (var t in texts) { d.Add(d.Fingerprint(t)); docs++; }
            bytes = d.IndexBytes;
        }
        sw.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        double utf8 = texts.Average(t => (double)Encoding.UTF8.GetByteCount(t));
        Console.WriteLine($"MinHash + LSH (one thread, {texts.Count} docs × 3 passes, average {avgChars:0} chars = {utf8 / 1024:0.0} KB UTF-8): {docs / sw.Elapsed.TotalSeconds:0} docs/s wall, {docs / cpu.TotalSeconds:0} docs/s per CPU-second; index {bytes / (double)texts.Count:0} bytes/doc at {texts.Count} docs");

        var raw = Path.Combine(data, "news", "raw", "ant_multisource_nonbbc.jsonl.gz");
        if (!File.Exists(raw)) return;
        var big = new List<string>();
        using (var gz = new System.IO.Compression.GZipStream(File.OpenRead(raw), System.IO.Compression.CompressionMode.Decompress))
        using (var reader = new StreamReader(gz))
        {
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                using var j = JsonDocument.Parse(line);
                if (j.RootElement.TryGetProperty("text", out var t) && t.GetString() is { Length: > 0 } s) big.Add(s);
            }
        }
        var det = new DuplicateDetector();
        var before = GC.GetTotalMemory(true);
        cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        sw.Restart();
        foreach (var t in big) det.Add(det.Fingerprint(t));
        sw.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        var after = GC.GetTotalMemory(true);
        GC.KeepAlive(det);
        // Index bytes per document swing with table growth: sample every 500 documents (not timed).
        var sampler = new DuplicateDetector();
        double lo = double.MaxValue, hi = 0;
        for (int i = 0; i < big.Count; i++)
        {
            sampler.Add(sampler.Fingerprint(big[i]));
            if ((i + 1) % 500 == 0 && i + 1 >= 2000)
            {
                double perDoc = sampler.IndexBytes / (double)(i + 1);
                lo = Math.Min(lo, perDoc);
                hi = Math.Max(hi, perDoc);
            }
        }
        Console.WriteLine($"MinHash + LSH on raw ANT ({big.Count} docs, average {big.Average(t => t.Length):0} chars): {big.Count / sw.Elapsed.TotalSeconds:0} docs/s wall, {big.Count / cpu.TotalSeconds:0} per CPU-second; index arrays {det.IndexBytes / (double)big.Count:0} bytes/doc, managed heap growth {(after - before) / (double)big.Count:0} bytes/doc; sampled every 500 docs from 2,000 on: {lo:0}–{hi:0} bytes/doc");
    }
}
