using Marsad.Analysis.Cleaning;
using Marsad.Analysis.Dedup;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Pipeline;

namespace Marsad.Ingest.Batch;

/// <summary>
/// Runs the pipeline over a stream of documents on all cores and yields results in input order.
/// Documents are taken in chunks. For each chunk:
/// <list type="number">
/// <item>(in order) every readable document's short lines are counted per source, then lines recurring across
///   documents of the source are marked as furniture on each document (<see cref="SourceFurnitureTracker"/>);</item>
/// <item>(in parallel) each document is analysed (cleaning inside the document, language, text stages) and fingerprinted;</item>
/// <item>(in order) duplicate detection: exact, near (MinHash + LSH) and containment against everything seen before.
///   A duplicate keeps its analysis and gets <c>status: duplicate</c> and <c>duplicate_of</c> = the first-seen
///   original's id (a copy of a copy points to the original).</item>
/// </list>
/// One bad document never stops the batch: a stage that throws marks that document rejected with the reason.
/// </summary>
public sealed class BatchAnalyzer(AnalysisPipeline pipeline, AnalysisOptions options, DuplicateDetectorOptions? dedupOptions = null)
{
    private const int ChunkSize = 64;

    /// <summary>Analyses every document; <paramref name="progress"/> is called after each chunk with the running count.</summary>
    public IEnumerable<AnalyzedDocument> Run(IEnumerable<SourceDocument> documents, Action<int>? progress = null, CancellationToken cancel = default)
    {
        var detector = new DuplicateDetector(dedupOptions);
        var furniture = new SourceFurnitureTracker();
        var ids = new List<string>();       // detector number → id of the document's original
        var chunk = new List<SourceDocument>(ChunkSize);
        var results = new AnalyzedDocument[ChunkSize];
        var prints = new Fingerprint?[ChunkSize];
        int done = 0;
        foreach (var doc in documents)
        {
            chunk.Add(doc);
            if (chunk.Count < ChunkSize) continue;
            foreach (var r in Flush()) yield return r;
        }
        foreach (var r in Flush()) yield return r;

        IEnumerable<AnalyzedDocument> Flush()
        {
            if (chunk.Count == 0) yield break;
            cancel.ThrowIfCancellationRequested();
            MarkSourceFurniture(chunk, furniture);
            Parallel.For(0, chunk.Count, new ParallelOptions { CancellationToken = cancel }, i =>
            {
                var r = AnalyzeSafely(chunk[i]);
                results[i] = r;
                prints[i] = r.Status == DocumentStatus.Ok ? detector.Fingerprint(r.Text, r.Removed) : null;
            });
            for (int i = 0; i < chunk.Count; i++)
            {
                var r = results[i];
                var fp = prints[i];
                results[i] = null!;
                prints[i] = null;
                if (fp is not null)
                {
                    var match = detector.Add(fp);
                    if (match is { } m)
                    {
                        var original = ids[m.Original];
                        ids.Add(original);
                        r = r with { Status = DocumentStatus.Duplicate, DuplicateOf = original, Reason = Describe(m, original) };
                    }
                    else
                    {
                        ids.Add(r.Id);
                    }
                }
                yield return r;
            }
            done += chunk.Count;
            chunk.Clear();
            progress?.Invoke(done);
        }
    }

    private static string Describe(DuplicateMatch m, string original) => m.Kind switch
    {
        DuplicateKind.Exact => "exact duplicate: same normalized text as " + original,
        DuplicateKind.Near => $"near duplicate of {original} (estimated Jaccard {m.Jaccard:0.00})",
        _ => $"contained in or containing {original} (estimated containment {m.Containment:0.00}, Jaccard {m.Jaccard:0.00})",
    };

    /// <summary>The key under which cross-document furniture is learned: the outlet, else the URL's host, else the folder.</summary>
    internal static string SourceKey(SourceDocument d)
    {
        if (!string.IsNullOrWhiteSpace(d.Source)) return "s:" + d.Source;
        if (d.Url is not null && Uri.TryCreate(d.Url, UriKind.Absolute, out var u) && u.Host.Length > 0) return "h:" + u.Host;
        if (d.Path is not null)
        {
            var p = d.Path;
            int hash = p.IndexOf('#');
            if (hash > 0) p = p[..hash];
            return "f:" + (Path.GetDirectoryName(p) ?? "");
        }
        return "";
    }

    /// <summary>
    /// The documents with cross-document source furniture marked exactly as <see cref="Run"/> marks it (same chunks,
    /// same order), without analysing them: a queue publisher does this in input order, so workers that analyse each
    /// document alone give it the same analysis as a single-process run.
    /// </summary>
    public static IEnumerable<SourceDocument> MarkSourceFurniture(IEnumerable<SourceDocument> documents)
    {
        var furniture = new SourceFurnitureTracker();
        var chunk = new List<SourceDocument>(ChunkSize);
        foreach (var doc in documents)
        {
            chunk.Add(doc);
            if (chunk.Count < ChunkSize) continue;
            MarkSourceFurniture(chunk, furniture);
            foreach (var d in chunk) yield return d;
            chunk.Clear();
        }
        MarkSourceFurniture(chunk, furniture);
        foreach (var d in chunk) yield return d;
    }

    private static void MarkSourceFurniture(List<SourceDocument> chunk, SourceFurnitureTracker tracker)
    {
        foreach (var d in chunk)
            if (d.Error is null && d.Text.Length > 0) tracker.Observe(SourceKey(d), d.Text);
        for (int i = 0; i < chunk.Count; i++)
        {
            var d = chunk[i];
            if (d.Error is not null || d.Text.Length == 0) continue;
            var spans = tracker.Furniture(SourceKey(d), d.Text);
            if (spans.Count == 0) continue;
            if (d.Removed.Count > 0) spans.AddRange(d.Removed);
            chunk[i] = d with { Removed = spans };
        }
    }

    private AnalyzedDocument AnalyzeSafely(SourceDocument source)
    {
        try
        {
            return pipeline.Analyze(source, options);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug or a pathological input in one document: keep the document, say what happened, go on.
            return new AnalyzedDocument
            {
                Id = ContentHash.Of(source.Text),
                Path = source.Path,
                SourceId = source.SourceId,
                Title = source.Title,
                Published = source.Published,
                Text = source.Text,
                Status = DocumentStatus.Rejected,
                Reason = $"analysis failed: {e.GetType().Name}: {e.Message}",
            };
        }
    }
}
