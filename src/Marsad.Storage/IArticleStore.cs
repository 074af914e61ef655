using Marsad.Analysis.Documents;
using Marsad.Storage.Records;

namespace Marsad.Storage;

/// <summary>
/// Where analysed documents live and how they are queried: SQLite (default, one file) or PostgreSQL (shared server).
/// Both implementations pass the same conformance tests. An instance holds one connection and is NOT thread-safe;
/// open one per thread. Other processes may read while one writes (SQLite WAL, PostgreSQL MVCC).
/// Every SQL statement is parameterized; no user text is ever spliced into SQL.
/// </summary>
public interface IArticleStore : IDisposable
{
    /// <summary>A short description for messages, e.g. <c>sqlite:/data/marsad.db</c> (no password).</summary>
    string Description { get; }

    /// <summary>The schema version after migrations ran (migrations run when the store is opened).</summary>
    int SchemaVersion { get; }

    /// <summary>
    /// Stores a batch of documents in ONE transaction: each document with its sentences, entities, actors, events
    /// (merged with earlier reports of the same event) and quotes, or nothing at all if the process dies.
    /// A document whose content hash is already stored is not written again (only a sighting of its path is added),
    /// so re-ingesting is a no-op. A document with no text (unreadable input) is recorded as a rejection.
    /// </summary>
    StoreWriteResult Store(IReadOnlyList<AnalyzedDocument> documents);

    /// <summary>
    /// Replaces the annotations of stored documents with new analyses of the same texts (recoding after a model or
    /// registry change), in ONE transaction: each document's sentences, entities, actors, event reports and quotes are
    /// deleted and the new ones written by the same code as <see cref="Store"/>. Merged events follow: a report removed
    /// lowers its event's counts, an event left without reports is deleted, a new report merges by the same key, and
    /// every merged event touched takes its representative fields and confidence from its reports as an ingest of the
    /// same documents in the same order would. Actor counts and co-occurrences follow; actors and pairs nothing refers
    /// to any more are deleted. The document row keeps its seq, status, sightings and search terms (they come from the
    /// title and text, which do not change); its publication date, language and removed spans are the new analysis's.
    /// Documents the store does not hold are skipped. Replacing a document by an identical analysis changes nothing.
    /// An actor's names and country are rewritten from the new analyses (per field the first value in document order,
    /// as an ingest keeps the first), except for the actors in <paramref name="actorsRewritten"/>: a run of batches in
    /// storing order passes the same set to each, so that the first batch naming an actor rewrites it and later ones only
    /// fill in what is missing, as an ingest of the same documents would. The batch adds its actors to the set.
    /// </summary>
    RecodeWriteResult Replace(IReadOnlyList<AnalyzedDocument> documents, ISet<string>? actorsRewritten = null);

    /// <summary>Stored documents with status ok or duplicate (the ones with annotations), in storing order, without their annotations.</summary>
    IReadOnlyList<StoredText> DocumentsToRecode(RecodeQuery query);

    /// <summary>Which of these ids are stored already.</summary>
    IReadOnlySet<string> FindExisting(IReadOnlyCollection<string> ids);

    /// <summary>Every stored document id (content hashes), for skipping known texts before analysis.</summary>
    IReadOnlyList<string> AllDocumentIds();

    /// <summary>A document by id, or by a unique id prefix (at least 4 characters); null when none or ambiguous.</summary>
    StoredDocument? GetDocument(string idOrPrefix);

    /// <summary>One page of full-text results over documents whose status is ok, in the query's sort order, from its offset.</summary>
    IReadOnlyList<SearchHit> Search(SearchQuery query);

    /// <summary>
    /// The number of documents the search matches (all of them, whatever the page) and, when <paramref name="facetSize"/>
    /// is positive, the matching documents counted by outlet, actor and event type (the <paramref name="facetSize"/>
    /// largest of each) and by month (the newest 60).
    /// </summary>
    SearchSummary Summarize(SearchQuery query, int facetSize);

    /// <summary>Merged events matching the filters, most recent day first, each with all its mentions.</summary>
    IReadOnlyList<StoredEvent> Events(EventQuery query);

    /// <summary>How many merged events match the filters (<see cref="EventQuery.Limit"/> and <see cref="EventQuery.Offset"/> are ignored).</summary>
    long CountEvents(EventQuery query);

    /// <summary>The <paramref name="top"/> actors mentioned by the most documents.</summary>
    IReadOnlyList<ActorSummary> Actors(int top);

    /// <summary>Quotes, optionally by one speaker, most recent first.</summary>
    IReadOnlyList<StoredQuote> Quotes(QuoteQuery query);

    /// <summary>One page of documents (no text), most recently stored first, keyset-paginated; see <see cref="DocumentListQuery"/>.</summary>
    DocumentPage ListDocuments(DocumentListQuery query);

    /// <summary>One actor's counts, roles seen over time and the <paramref name="coOccurring"/> actors most often in the same documents; null when unknown.</summary>
    ActorDetail? GetActor(string id, int coOccurring);

    /// <summary>Who did what to whom: source → target edges per event type, weighted by the number of merged events, heaviest first.</summary>
    IReadOnlyList<NetworkEdge> ActorNetwork(NetworkQuery query);

    /// <summary>The events matching the filters (not the page) counted per day and PLOVER type, oldest day first; undated events are left out.</summary>
    IReadOnlyList<DayTypeCount> EventDayCounts(EventQuery query);

    /// <summary>The events matching the filters (not the page) counted per location, most events first; events without a location are left out.</summary>
    IReadOnlyList<PlaceCount> EventPlaceCounts(EventQuery query);

    /// <summary>The days the stored articles were published on (the timeline's default window).</summary>
    PublicationRange PublicationDays();

    /// <summary>
    /// False when the stored search index was built by a different search-term analyzer (a new normalizer or stemmer
    /// changes the terms, and old index terms would no longer meet new query terms); <see cref="RebuildSearchIndex"/> fixes it.
    /// </summary>
    bool SearchIndexIsCurrent { get; }

    /// <summary>Rebuilds the full-text index from the stored texts with the current analyzer, in one transaction; returns the documents indexed.</summary>
    int RebuildSearchIndex();

    /// <summary>
    /// Tidies the store after a bulk load so that queries run at full speed: merges the full-text index into fewer
    /// segments and refreshes the query planner's statistics. Readers may go on meanwhile; safe to call at any time.
    /// </summary>
    void Optimize() { }

    /// <summary>Row counts.</summary>
    StoreCounts Counts();

    /// <summary>Problems found by a consistency check (empty when consistent): orphans, index rows without documents, …</summary>
    IReadOnlyList<string> CheckConsistency();
}
