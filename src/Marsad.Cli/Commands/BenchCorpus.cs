using System.Diagnostics;
using System.Globalization;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Pipeline;
using Marsad.Ingest.Batch;
using Marsad.Ingest.Readers;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary>
/// The large stores benchmarks run on: a corpus analysed once and replicated to any size. Each copy after the first
/// gets a marker line, hence its own content hash, and keeps its annotations (entities, actors, events, quotes), so
/// the store looks like a real one N times larger. Used by <c>bench store</c> and <c>bench web</c>.
/// </summary>
internal static class BenchCorpus
{
    /// <summary>The corpus analysed once (all cores), keeping the documents whose status is ok.</summary>
    public static List<AnalyzedDocument> Analyze(string input) =>
        new BatchAnalyzer(new AnalysisPipelineBuilder().Build(), new AnalysisOptions())
            .Run(new DocumentReader().Read([input])).Where(d => d.Status == DocumentStatus.Ok).ToList();

    /// <summary>Stores <paramref name="docCount"/> replicated documents, 1,000 per transaction; returns the seconds taken.</summary>
    public static double LoadReplicated(IArticleStore store, IReadOnlyList<AnalyzedDocument> analyzed, int docCount)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(analyzed);
        var clock = Stopwatch.StartNew();
        var batch = new List<AnalyzedDocument>(1000);
        for (int i = 0; i < docCount; i++)
        {
            var d = analyzed[i % analyzed.Count];
            int copy = i / analyzed.Count;
            if (copy > 0)
            {
                string marked = d.Text + "\nنسخة " + copy.ToString(CultureInfo.InvariantCulture);
                d = d with { Id = ContentHash.Of(marked), Text = marked, Path = d.Path + "#copy" + copy.ToString(CultureInfo.InvariantCulture) };
            }
            batch.Add(d);
            if (batch.Count == 1000) { store.Store(batch); batch.Clear(); }
        }
        if (batch.Count > 0) store.Store(batch);
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Deletes a SQLite file with its WAL and shared-memory files.</summary>
    public static void DeleteSqlite(string path)
    {
        foreach (var p in new[] { path, path + "-wal", path + "-shm" })
            if (File.Exists(p)) File.Delete(p);
    }
}
