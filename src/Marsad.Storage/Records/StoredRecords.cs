using Marsad.Analysis.Documents;
using Marsad.Analysis.Text;

namespace Marsad.Storage.Records;

/// <summary>What one call to <see cref="IArticleStore.Store"/> did.</summary>
/// <param name="Added">Documents written for the first time (with all their annotations).</param>
/// <param name="AlreadyStored">Documents whose content hash was already stored: nothing written but a sighting.</param>
/// <param name="Rejections">Unreadable inputs (no text) recorded with their reason.</param>
public sealed record StoreWriteResult(int Added, int AlreadyStored, int Rejections);

/// <summary>Where a stored text was seen: the first ingest and every later copy from another path.</summary>
public sealed record DocumentSighting(string? Path, string? Source, string? Url, string? SourceId, string SeenAt);

/// <summary>A stored document with its annotations, rebuilt in the shape <c>marsad analyze</c> writes.</summary>
/// <param name="Document">The document (tokens are not stored and come back null).</param>
/// <param name="IngestedAt">UTC time of the first ingest (ISO 8601).</param>
/// <param name="Sightings">Every path the same text was read from.</param>
public sealed record StoredDocument(AnalyzedDocument Document, string IngestedAt, IReadOnlyList<DocumentSighting> Sightings);

/// <summary>A full-text query with optional filters. Dates compare on <c>yyyy-MM-dd</c> prefixes.</summary>
public sealed record SearchQuery
{
    /// <summary>Words and "quoted phrases"; all must occur (after normalization and light stemming).</summary>
    public required string Text { get; init; }
    public int Limit { get; init; } = 10;
    /// <summary>Outlet name, compared case-insensitively.</summary>
    public string? Source { get; init; }
    public string? Since { get; init; }
    public string? Until { get; init; }
    /// <summary>Actor id or (part of) its English or Arabic name; the document must list the actor.</summary>
    public string? Actor { get; init; }
    /// <summary>Results skipped before the first one returned (offset paging; see <see cref="SearchSort"/> for how far relevance pages reach).</summary>
    public int Offset { get; init; }
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    /// <summary>PLOVER type: the document must report an event of this type (not negated, at <see cref="MinConfidence"/> or above).</summary>
    public string? EventType { get; init; }
    /// <summary>The event confidence threshold of the <see cref="EventType"/> filter and of the event-type facet (unscored events pass).</summary>
    public double MinConfidence { get; init; }
}

/// <summary>The order of search results.</summary>
public enum SearchSort
{
    /// <summary>Best score first (BM25 / ts_rank). With a rank cap (<c>SqlArticleStore.RankCap</c>) only the newest cap matches are ranked, so relevance pages end there; the total still counts every match.</summary>
    Relevance,
    /// <summary>Most recently published first (then most recently stored): every match can be paged to.</summary>
    Newest,
}

/// <summary>What a search matches as a whole: how many documents, and how they split by outlet, month, actor and event type.</summary>
/// <param name="Total">Every document matching the words and filters (not capped).</param>
public sealed record SearchSummary(long Total, SearchFacets Facets);

/// <summary>Counts of matching documents per value, largest first (months: newest first). Empty lists when facets were not asked for.</summary>
public sealed record SearchFacets(IReadOnlyList<FacetCount> Sources, IReadOnlyList<FacetCount> Months, IReadOnlyList<FacetCount> Actors,
    IReadOnlyList<FacetCount> EventTypes)
{
    public static readonly SearchFacets None = new([], [], [], []);
}

/// <summary>One facet value: what to filter on (<paramref name="Value"/>), how to show it, and how many matching documents have it.</summary>
/// <param name="Value">The filter value: outlet name, month (yyyy-MM), actor id or PLOVER type.</param>
/// <param name="Label">English label where one exists (actor name); null otherwise.</param>
/// <param name="LabelAr">Arabic label where one exists (actor name); null otherwise.</param>
public sealed record FacetCount(string Value, string? Label, string? LabelAr, long Count);

/// <summary>One ranked search result.</summary>
/// <param name="Score">Higher is better (BM25 on SQLite, ts_rank on PostgreSQL; not comparable across back ends).</param>
/// <param name="Snippet">An excerpt of the original text with every hit wrapped in the snippet markers.</param>
/// <param name="Hits">Hit spans in the original text (all of them, not only those in the snippet).</param>
public sealed record SearchHit(string DocumentId, double Score, string? Title, string? Published, string? Source, string? Url,
    string Snippet, IReadOnlyList<TextSpan> Hits);

/// <summary>Filters for <see cref="IArticleStore.Events"/>. Null means "any".</summary>
public sealed record EventQuery
{
    /// <summary>Actor id, or (part of) an English or Arabic name, on either side of the event.</summary>
    public string? Actor { get; init; }
    /// <summary>PLOVER type (CONSULT …) or a CAMEO code prefix (04, 042 …).</summary>
    public string? Type { get; init; }
    /// <summary>ISO 3166 alpha-3 code of an actor's country or of the event's location.</summary>
    public string? Country { get; init; }
    public string? Since { get; init; }
    public string? Until { get; init; }
    /// <summary>At most this many events, most recent first; 0 = all.</summary>
    public int Limit { get; init; }
    /// <summary>Events skipped before the first one returned (pagination; only with a positive <see cref="Limit"/>).</summary>
    public int Offset { get; init; }
    /// <summary>Exact actor id on either side (unlike <see cref="Actor"/>, never matched against names).</summary>
    public string? ActorId { get; init; }
    /// <summary>Exact actor id on the source side (an edge of the actor network is a source and a target id).</summary>
    public string? SourceId { get; init; }
    /// <summary>Exact actor id on the target side.</summary>
    public string? TargetId { get; init; }
    /// <summary>The event's location by its English or its Arabic name, exactly.</summary>
    public string? Place { get; init; }
    /// <summary>ISO 3166 alpha-3 code of the event's location only (unlike <see cref="Country"/>, never an actor's).</summary>
    public string? PlaceCountry { get; init; }
    /// <summary>Leave out negated events ("did not accuse"), as the actor network does.</summary>
    public bool NotNegated { get; init; }
    /// <summary>
    /// Only events whose confidence is at least this (0 = every stored event). An event the coder did not score (null
    /// confidence, e.g. stored by <c>analyze --rules-only</c>) always passes, as in <c>analyze --min-confidence</c>.
    /// </summary>
    public double MinConfidence { get; init; }
    /// <summary>Only these modalities (<see cref="AllModalities"/>); empty = any.</summary>
    public IReadOnlyList<string> Modalities { get; init; } = [];

    /// <summary>Every modality an event can have: what happened, what was planned or proposed, what may happen, what did not.</summary>
    public static readonly IReadOnlyList<string> AllModalities = ["asserted", "planned", "proposed", "possible", "negated"];
}

/// <summary>
/// A merged event: every report of the same happening (same type, mode, modality, actors and day) across
/// documents, with its mentions. Counts follow GDELT: mentions, distinct sources, distinct documents.
/// </summary>
public sealed record StoredEvent
{
    /// <summary>Stable integer id (GDELT GLOBALEVENTID).</summary>
    public required long GlobalId { get; init; }
    /// <summary>The merge key (hex), identical on every back end for the same event.</summary>
    public required string Key { get; init; }
    public required string Type { get; init; }
    public string? Mode { get; init; }
    public string? Cameo { get; init; }
    /// <summary>The event's date at its known precision (yyyy-MM-dd, yyyy-MM, yyyy) or null.</summary>
    public string? Date { get; init; }
    /// <summary>A full day for sorting and day-resolution exports: the event date, else the first report's date.</summary>
    public string? Day { get; init; }
    public required string Modality { get; init; }
    /// <summary>The coder's confidence: the highest of the event's reports; null when none was scored.</summary>
    public double? Confidence { get; init; }
    public IReadOnlyList<ActorRef> Source { get; init; } = [];
    public IReadOnlyList<ActorRef> Target { get; init; } = [];
    public LocationInfo? Location { get; init; }
    public IReadOnlyList<string> Topics { get; init; } = [];
    /// <summary>UTC time the event was first stored (ISO 8601).</summary>
    public required string DateAdded { get; init; }
    public IReadOnlyList<StoredEventMention> Mentions { get; init; } = [];
    public int NumMentions => Mentions.Count;
    public int NumArticles => Mentions.Select(m => m.DocumentId).Distinct().Count();
    public int NumSources => Mentions.Select(m => m.Source ?? m.Url ?? m.DocumentId).Distinct().Count();
}

/// <summary>One report of an event in one document, with the words that support it.</summary>
public sealed record StoredEventMention
{
    public required string DocumentId { get; init; }
    /// <summary>The event's id as the extractor gave it inside the document.</summary>
    public required string RecordId { get; init; }
    /// <summary>0-based index of the sentence holding the trigger, or -1.</summary>
    public int SentenceIndex { get; init; } = -1;
    public string? SentenceText { get; init; }
    public TriggerInfo? Trigger { get; init; }
    public string? DateText { get; init; }
    public string? Rule { get; init; }
    public IReadOnlyList<TextSpan> Evidence { get; init; } = [];
    public string? Title { get; init; }
    public string? Published { get; init; }
    public string? Source { get; init; }
    public string? Url { get; init; }
    public string? Path { get; init; }
    public int DocumentLength { get; init; }
    public required string IngestedAt { get; init; }
}

/// <summary>An actor with how often the store mentions it.</summary>
public sealed record ActorSummary(string Id, string? NameEn, string? NameAr, string? Country, string? Kind, int Documents, int Events, int Quotes);

/// <summary>Filters for <see cref="IArticleStore.Quotes"/>.</summary>
public sealed record QuoteQuery
{
    /// <summary>Speaker actor id, or (part of) its English or Arabic name.</summary>
    public string? Speaker { get; init; }
    /// <summary>0 = all.</summary>
    public int Limit { get; init; }
    /// <summary>Quotes skipped before the first one returned (pagination; only with a positive <see cref="Limit"/>).</summary>
    public int Offset { get; init; }
    /// <summary>Exact speaker actor id (never matched against names).</summary>
    public string? SpeakerId { get; init; }
}

/// <summary>A stored quote with the document it came from.</summary>
public sealed record StoredQuote(string DocumentId, int Index, QuoteRecord Quote, string? Published, string? Source, string? Title);

/// <summary>Row counts, for progress lines, benchmarks and consistency checks.</summary>
public sealed record StoreCounts(long Documents, long Indexed, long Sentences, long Entities, long Actors, long Events,
    long EventMentions, long Quotes, long Sightings, long Rejections);
