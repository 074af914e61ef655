using System.Collections.Concurrent;
using System.CommandLine;
using System.Globalization;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Pipeline;
using Marsad.Cli.Output;
using Marsad.Ingest.Batch;
using Marsad.Ingest.Readers;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad ingest PATH... [--db FILE | --postgres CONNSTR | --queue AMQP-URI] [--published D] [--batch N]</c>: analyse and store.
/// With <c>--queue</c> nothing is analysed here: the documents are published to the work queue for <c>marsad worker</c>s
/// (<see cref="Queue.Publishing.QueuePublisher"/>, docs/queue.md).
/// Analysis runs in parallel on all cores (BatchAnalyzer) on one thread while this thread writes finished documents
/// to the store, a batch per transaction; texts already stored are not analysed again (content hash), only their
/// path is noted. Killing the process loses at most the batches in flight; a rerun completes them.
/// </summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, folders (recursive) or JSONL files to ingest", Arity = ArgumentArity.OneOrMore }.RejectingOptions();
        var store = new StoreOptions();
        var published = new Option<string?>("--published") { Description = "Publication date (yyyy-MM-dd) for documents that carry none" };
        var batchSize = new Option<int>("--batch") { Description = "Documents per transaction", DefaultValueFactory = _ => 256 };
        var queue = new QueueOptions();
        var command = new Command("ingest", "Analyse documents and store them (re-ingesting stored texts is a no-op), or publish them to a work queue.");
        command.Arguments.Add(paths);
        store.AddTo(command);
        queue.AddTo(command, required: false);
        command.Options.Add(published);
        command.Options.Add(batchSize);
        command.SetAction(parse =>
        {
            string? date = parse.GetValue(published);
            if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                Console.Error.WriteLine($"error: --published '{date}' is not a date; write it as yyyy-MM-dd, e.g. 2021-10-14");
                return 2;
            }
            int size = parse.GetValue(batchSize);
            if (size < 1) { Console.Error.WriteLine("error: --batch must be at least 1"); return 2; }
            // A path that is not there is a mistake in the command, not a bad document: say so and store nothing
            // (not even a new empty store), instead of counting it as one rejection and exiting 0.
            if (!CliChecks.AllPathsExist("ingest", parse.GetValue(paths)!)) return 2;
            if (queue.Uri(parse) is { } amqp)
                return QueueCommands.Publish(amqp, queue.Topology(parse), parse.GetValue(paths)!, date);
            using var s = store.Open(parse, create: true);
            if (s is null) return 1;
            var result = Run(s, parse.GetValue(paths)!, new AnalysisOptions { DefaultPublished = date }, size, Console.Error);
            return result.Failed ? 1 : 0;
        });
        return command;
    }

    /// <summary>What an ingest run did.</summary>
    /// <param name="Read">Documents read (including unreadable inputs).</param>
    /// <param name="Added">Documents written.</param>
    /// <param name="AlreadyStored">Documents whose text the store held before (or got from another writer during) this run.</param>
    /// <param name="Repeats">Exact repeats of a document earlier in this run's input (its first copy is stored; these add only a sighting).</param>
    /// <param name="Rejected">Documents rejected (unreadable, not Arabic, failed analysis).</param>
    /// <param name="Duplicates">Near duplicates (stored, with status duplicate).</param>
    /// <param name="Seconds">Wall time of the run.</param>
    /// <param name="Failed">Reading or analysis stopped with an error.</param>
    internal sealed record IngestResult(int Read, int Added, int AlreadyStored, int Repeats, int Rejected, int Duplicates, double Seconds, bool Failed);

    /// <summary>Reason on the stand-ins for texts the store held when the run began (they are not analysed again).</summary>
    private const string AlreadyStoredReason = "already stored";

    /// <summary>Exact repeats listed one per line before the rest are only counted.</summary>
    private const int RepeatsListed = 20;

    /// <summary>Reads, analyses and stores; progress and the summary go to <paramref name="log"/>.</summary>
    internal static IngestResult Run(IArticleStore store, IReadOnlyList<string> paths, AnalysisOptions options, int batchSize, TextWriter log)
    {
        if (!store.SearchIndexIsCurrent)
        {
            log.WriteLine("ingest: the search terms changed since this store was indexed (new normalizer, tokenizer or stemmer): rebuilding the index…");
            log.WriteLine($"ingest: re-indexed {store.RebuildSearchIndex():N0} documents");
        }
        var pipeline = new AnalysisPipelineBuilder().Build();
        var batch = new BatchAnalyzer(pipeline, options);
        var existing = new HashSet<string>(store.AllDocumentIds(), StringComparer.Ordinal);
        var skipped = new ConcurrentQueue<AnalyzedDocument>();
        using var queue = new BlockingCollection<List<AnalyzedDocument>>(boundedCapacity: 8);
        Exception? producerError = null;
        int read = 0;

        // Producer: read → (skip texts already stored) → analyse on all cores → hand over in batches.
        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                IEnumerable<SourceDocument> Fresh()
                {
                    foreach (var doc in new DocumentReader().Read(paths))
                    {
                        Interlocked.Increment(ref read);
                        if (doc.Error is null && doc.Text.Length > 0)
                        {
                            string id = ContentHash.Of(doc.Text);
                            if (existing.Contains(id))
                            {
                                // Stored already: no analysis, only the sighting of this path.
                                skipped.Enqueue(new AnalyzedDocument
                                {
                                    Id = id, Path = doc.Path, SourceId = doc.SourceId, Source = doc.Source, Url = doc.Url, Text = doc.Text,
                                    Status = DocumentStatus.Duplicate, DuplicateOf = id, Reason = AlreadyStoredReason,
                                });
                                continue;
                            }
                        }
                        yield return doc;
                    }
                }
                var current = new List<AnalyzedDocument>(batchSize);
                foreach (var doc in batch.Run(Fresh()))
                {
                    current.Add(doc);
                    if (current.Count >= batchSize)
                    {
                        queue.Add(current);
                        current = new List<AnalyzedDocument>(batchSize);
                    }
                }
                if (current.Count > 0) queue.Add(current);
            }
            catch (Exception e)
            {
                producerError = e;
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, TaskCreationOptions.LongRunning);

        // Consumer (this thread): one transaction per batch.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var lastShown = TimeSpan.Zero;
        int added = 0, already = 0, repeats = 0, rejected = 0, duplicates = 0, done = 0;
        var storedThisRun = new HashSet<string>(StringComparer.Ordinal);   // ids of texts this run has written
        void Write(List<AnalyzedDocument> docs)
        {
            var r = store.Store(docs);
            added += r.Added;
            rejected += r.Rejections;
            int repeatsHere = 0;
            foreach (var d in docs)
            {
                if (d.Status == DocumentStatus.Rejected)
                {
                    if (d.Text.Length > 0) rejected++;
                    log.WriteLine($"rejected: {d.Path}: {d.Reason}");
                    continue;
                }
                if (d.Reason == AlreadyStoredReason) continue;
                if (!storedThisRun.Add(d.Id))
                {
                    // The same text (same id) earlier in this input: the store counts it as already stored, since its
                    // first copy was just written, but on a fresh store "already stored" reads as if it had been there.
                    repeatsHere++;
                    if (repeats + repeatsHere <= RepeatsListed) log.WriteLine($"duplicate: {d.Path}: duplicate of {d.Id}");
                }
                else if (d.Status == DocumentStatus.Duplicate && d.Id != d.DuplicateOf) duplicates++;
            }
            repeats += repeatsHere;
            already += Math.Max(0, r.AlreadyStored - repeatsHere);
            done += docs.Count;
            if (clock.Elapsed - lastShown >= TimeSpan.FromSeconds(1))
            {
                lastShown = clock.Elapsed;
                log.WriteLine($"ingest: {done:N0} documents, {done / Math.Max(clock.Elapsed.TotalSeconds, 1e-6):N0}/s, {added:N0} new");
            }
        }
        foreach (var docs in queue.GetConsumingEnumerable())
        {
            while (skipped.TryDequeue(out var s)) docs.Add(s);
            Write(docs);
        }
        producer.Wait();
        var rest = new List<AnalyzedDocument>();
        while (skipped.TryDequeue(out var s)) rest.Add(s);
        if (rest.Count > 0) Write(rest);
        // After a bulk load (at least a tenth of the store new), merge the index and refresh planner statistics.
        if (added >= 1000 && added * 10L >= existing.Count + added)
        {
            log.WriteLine($"ingest: optimizing the store after {added:N0} new documents…");
            store.Optimize();
        }

        double seconds = clock.Elapsed.TotalSeconds;
        if (producerError is not null) log.WriteLine($"error: reading or analysis stopped: {producerError.Message}");
        if (repeats > RepeatsListed) log.WriteLine($"duplicate: … and {repeats - RepeatsListed:N0} more exact repeat(s) in the input, not listed");
        log.WriteLine($"ingest: {read:N0} documents in {seconds:N1} s ({read / Math.Max(seconds, 1e-6):N0}/s): " +
                      $"{added:N0} added, {already:N0} already stored, {repeats:N0} repeated in the input, {rejected:N0} rejected, " +
                      $"{duplicates:N0} near-duplicate; store {store.Description}");
        return new IngestResult(read, added, already, repeats, rejected, duplicates, seconds, producerError is not null);
    }
}
