using System.Diagnostics;
using Marsad.Analysis.Cleaning;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Pipeline;
using Marsad.Storage.Records;

namespace Marsad.Storage.Recoding;

/// <summary>What to recode and how many documents go in one transaction.</summary>
public sealed record RecodeOptions
{
    /// <summary>Documents per transaction (each batch is all old or all new after a crash).</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Only documents published on or after this day (yyyy-MM-dd); null for all.</summary>
    public string? Since { get; init; }

    /// <summary>At most this many documents (the first in storing order); 0 or less for all.</summary>
    public int Limit { get; init; }
}

/// <summary>What a recode run did.</summary>
/// <param name="Documents">Documents analysed again (replaced or kept).</param>
/// <param name="Replaced">Documents whose annotations were replaced.</param>
/// <param name="EventsChanged">Replaced documents whose event reports changed.</param>
/// <param name="Kept">Documents left as they were because the new analysis rejected them or failed (see <see cref="KeptReasons"/>).</param>
/// <param name="MergedEventsAdded">Merged events that did not exist before.</param>
/// <param name="MergedEventsRemoved">Merged events deleted because no report was left.</param>
/// <param name="Seconds">Wall time.</param>
public sealed record RecodeSummary(int Documents, int Replaced, int EventsChanged, int Kept, int MergedEventsAdded, int MergedEventsRemoved, double Seconds)
{
    /// <summary>The first few kept documents with the reason (id: reason).</summary>
    public IReadOnlyList<string> KeptReasons { get; init; } = [];

    /// <summary>Documents per second over the whole run.</summary>
    public double DocumentsPerSecond => Documents / Math.Max(Seconds, 1e-6);
}

/// <summary>
/// Re-runs the analysis of stored documents with the current pipeline (a new coder or tagger model, a changed actor
/// registry) and replaces their annotations in the store, a batch per transaction (<see cref="IArticleStore.Replace"/>),
/// without the original files: the store keeps each document's text, title, publication date, source, path and URL,
/// which is what the pipeline reads. Documents go in storing order; the next batch is analysed on all cores while the
/// current one is written.
/// <para>
/// What cannot be recomputed from one stored document is kept as stored: its status and duplicate link (near-duplicate
/// detection compares documents in input order) and the cross-document source furniture marked at ingest
/// (<see cref="SourceFurnitureTracker.IsSourceFurniture"/>: lines recurring across a source's documents); the in-document
/// cleaning is done again. With an unchanged pipeline every document gets the analysis it was stored with, so a second
/// run changes nothing. A document the new analysis rejects (it throws, or no longer finds Arabic) keeps its old
/// annotations and is counted as kept.
/// </para>
/// </summary>
public sealed class StoreRecoder(AnalysisPipeline pipeline, AnalysisOptions? options = null)
{
    private const int ListedKept = 20;
    private readonly AnalysisOptions _options = options ?? new AnalysisOptions();

    /// <summary>Recodes the documents <paramref name="recode"/> selects; <paramref name="progress"/> gets the running summary after each batch.</summary>
    public RecodeSummary Run(IArticleStore store, RecodeOptions recode, Action<RecodeSummary>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(recode);
        int batchSize = Math.Max(1, recode.BatchSize);
        int limit = recode.Limit > 0 ? recode.Limit : int.MaxValue;
        var clock = Stopwatch.StartNew();
        int fetched = 0, documents = 0, replaced = 0, changed = 0, kept = 0, added = 0, removed = 0;
        var keptReasons = new List<string>();
        var actorsRewritten = new HashSet<string>(StringComparer.Ordinal);
        long after = 0;

        // The store is one connection, used by this thread only: it reads a page, hands it to the analysis task and
        // writes the page analysed before while that runs.
        List<StoredText> NextPage()
        {
            int take = Math.Min(batchSize, limit - fetched);
            if (take <= 0) return [];
            var page = store.DocumentsToRecode(new RecodeQuery { AfterSeq = after, Limit = take, Since = recode.Since }).ToList();
            if (page.Count > 0) after = page[^1].Seq;
            fetched += page.Count;
            return page;
        }
        RecodeSummary Summary() => new(documents, replaced, changed, kept, added, removed, clock.Elapsed.TotalSeconds) { KeptReasons = keptReasons };

        var page = NextPage();
        var analysis = page.Count == 0 ? null : Task.Run(() => AnalyzeAll(page, cancel), cancel);
        while (analysis is not null)
        {
            var results = analysis.GetAwaiter().GetResult();
            cancel.ThrowIfCancellationRequested();
            documents += results.Count;
            var next = NextPage();
            analysis = next.Count == 0 ? null : Task.Run(() => AnalyzeAll(next, cancel), cancel);
            var fresh = new List<AnalyzedDocument>(results.Count);
            foreach (var (doc, reason) in results)
            {
                if (reason is null) { fresh.Add(doc); continue; }
                kept++;
                if (keptReasons.Count < ListedKept) keptReasons.Add($"{doc.Id}: {reason}");
            }
            var r = store.Replace(fresh, actorsRewritten);
            replaced += r.Replaced;
            changed += r.EventsChanged;
            added += r.MergedEventsAdded;
            removed += r.MergedEventsRemoved;
            progress?.Invoke(Summary());
        }
        return Summary();
    }

    /// <summary>Each stored document analysed again; a reason instead when the new analysis cannot replace the old one.</summary>
    private List<(AnalyzedDocument Document, string? Reason)> AnalyzeAll(List<StoredText> page, CancellationToken cancel)
    {
        var results = new (AnalyzedDocument, string?)[page.Count];
        Parallel.For(0, page.Count, new ParallelOptions { CancellationToken = cancel }, i => results[i] = Analyze(page[i].Document));
        return [.. results];
    }

    /// <summary>The new analysis of one stored document, or the stored document and why it stays as it is.</summary>
    public (AnalyzedDocument Document, string? Reason) Analyze(AnalyzedDocument stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var source = new SourceDocument
        {
            Text = stored.Text, Path = stored.Path, SourceId = stored.SourceId, Title = stored.Title, Published = stored.Published,
            Source = stored.Source, Url = stored.Url,
            Removed = [.. stored.Removed.Where(SourceFurnitureTracker.IsSourceFurniture)],
        };
        AnalyzedDocument doc;
        try
        {
            doc = pipeline.Analyze(source, _options);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (stored, $"analysis failed: {e.GetType().Name}: {e.Message}");
        }
        if (doc.Status != DocumentStatus.Ok) return (stored, doc.Reason ?? "rejected by the new analysis");
        if (doc.Id != stored.Id) return (stored, $"the stored text hashes to {doc.Id}, not to its id");
        return (doc with { Status = stored.Status, Reason = stored.Reason, DuplicateOf = stored.DuplicateOf }, null);
    }
}
