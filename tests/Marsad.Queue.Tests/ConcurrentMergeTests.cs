using Marsad.Analysis.Documents;
using Marsad.Analysis.Pipeline;
using Marsad.Storage.Postgres;
using Marsad.Tests.Common;

namespace Marsad.Queue.Tests;

/// <summary>
/// Cross-document event merging under contention, on the real PostgreSQL store: four writers (one connection each, as
/// four workers have) store reports of the same events at the same moment, one document per transaction, and the
/// merged events, their mentions and the actors' counts must equal those of one writer storing the same documents in turn.
/// </summary>
[Collection("broker")]
public sealed class ConcurrentMergeTests : IDisposable
{
    private readonly QueueTestServers _servers = new();

    [Fact]
    public void Four_concurrent_writers_merge_events_exactly_as_one_writer_does()
    {
        // The five seed articles (001 and 003 retell one phone call), each in six copies that differ by a last line,
        // so thirty documents report the same events again and again.
        var pipeline = new AnalysisPipelineBuilder().Build();
        var docs = new List<AnalyzedDocument>();
        foreach (var file in SharedData.SeedFiles())
        {
            string text = File.ReadAllText(file);
            for (int copy = 0; copy < 6; copy++)
                docs.Add(pipeline.Analyze(new SourceDocument { Text = text + $"\n\nنسخة رقم {copy}", Path = $"{file}#{copy}" }, new AnalysisOptions()));
        }

        string sequential = _servers.NewSchema();
        using (var store = PostgresArticleStore.Open(sequential))
            foreach (var d in docs) store.Store([d]);

        string concurrent = _servers.NewSchema();
        const int Writers = 4;
        var stores = Enumerable.Range(0, Writers).Select(_ => PostgresArticleStore.Open(concurrent)).ToArray();
        using var start = new Barrier(Writers);
        Parallel.For(0, Writers, new ParallelOptions { MaxDegreeOfParallelism = Writers }, w =>
        {
            start.SignalAndWait();
            for (int i = w; i < docs.Count; i += Writers) stores[w].Store([docs[i]]);
        });
        foreach (var s in stores) s.Dispose();

        var expected = MergedEvents(sequential);
        Assert.Contains(expected.Values, e => e.Documents >= 6);   // the test only means something if reports do merge
        Assert.Equal(expected, MergedEvents(concurrent));
        Assert.Equal(Actors(sequential), Actors(concurrent));
        using var check = PostgresArticleStore.Open(concurrent);
        Assert.Empty(check.CheckConsistency());
        Assert.Equal(docs.Count, check.Counts().Documents);
    }

    /// <summary>Each merged event by key: its mentions, documents and sources.</summary>
    internal static Dictionary<string, (long Mentions, long Documents, long Sources)> MergedEvents(string connection)
    {
        var keys = QueueTestServers.Column(connection,
            "SELECT e.event_key || '|' || COUNT(*) || '|' || COUNT(DISTINCT m.doc_id) || '|' || COUNT(DISTINCT COALESCE(d.source, '')) " +
            "FROM events e JOIN event_mentions m ON m.global_id = e.global_id JOIN documents d ON d.id = m.doc_id GROUP BY e.event_key");
        var result = new Dictionary<string, (long, long, long)>(StringComparer.Ordinal);
        foreach (string row in keys.Cast<string>())
        {
            var p = row.Split('|');
            result[p[0]] = (long.Parse(p[1]), long.Parse(p[2]), long.Parse(p[3]));
        }
        Assert.Equal(result.Count, QueueTestServers.Count(connection, "events"));   // no event without mentions, none doubled
        return result;
    }

    /// <summary>Every actor's kept counts and co-occurrences, as sorted lines.</summary>
    internal static List<string> Actors(string connection) =>
    [
        .. QueueTestServers.Column(connection, "SELECT id || ' ' || doc_count || ' ' || event_count || ' ' || quote_count FROM actors ORDER BY id").Cast<string>(),
        .. QueueTestServers.Column(connection, "SELECT actor_id || ' ' || other_id || ' ' || docs FROM actor_pairs ORDER BY actor_id, other_id").Cast<string>(),
    ];

    public void Dispose() => _servers.Dispose();
}
