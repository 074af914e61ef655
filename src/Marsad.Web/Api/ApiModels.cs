using Marsad.Analysis.Documents;
using Marsad.Analysis.Text;
using Marsad.Storage.Records;

namespace Marsad.Web.Api;

// The JSON shapes of the HTTP API (snake_case on the wire). Stored records are returned as they are where they fit.

/// <summary>A document to analyse (and store, when posted to /api/documents).</summary>
public sealed record DocumentInput
{
    /// <summary>The article text (required; plain text).</summary>
    public string? Text { get; init; }
    public string? Title { get; init; }
    /// <summary>Publication date: yyyy-MM-dd or an ISO 8601 timestamp. Relative dates in the text are resolved against it.</summary>
    public string? Published { get; init; }
    /// <summary>Outlet name.</summary>
    public string? Source { get; init; }
    /// <summary>Absolute http(s) URL of the article.</summary>
    public string? Url { get; init; }
    public string? Author { get; init; }
}

/// <summary>Several documents posted at once.</summary>
public sealed record BatchInput
{
    public IReadOnlyList<DocumentInput>? Documents { get; init; }
}

/// <summary>Analysis results, in the <c>marsad analyze</c> shape.</summary>
public sealed record AnalysisResponse(IReadOnlyList<AnalyzedDocument> Documents);

/// <summary>What a document write did: <c>added</c>, or <c>already_stored</c> when the same text was stored before.</summary>
public sealed record WriteResponse(string Id, string Outcome, AnalyzedDocument Document);

/// <summary>One line of a batch write.</summary>
public sealed record BatchItemResult(string Id, string Status, string? Reason, string? DuplicateOf);

/// <summary>What a batch write did.</summary>
public sealed record BatchWriteResponse(int Added, int AlreadyStored, IReadOnlyList<BatchItemResult> Results);

/// <summary>A stored document with everything known about it, in the <c>marsad show --json</c> shape.</summary>
public sealed record DocumentResponse(AnalyzedDocument Document, string IngestedAt, IReadOnlyList<DocumentSighting> Sightings);

/// <summary>A page of merged events; <c>next_offset</c> is absent on the last page; <c>total</c> counts every matching event at <c>min_confidence</c>.</summary>
public sealed record EventPage(IReadOnlyList<StoredEvent> Items, int Limit, int Offset, int? NextOffset, long Total, double MinConfidence);

/// <summary>A page of quotes; <c>next_offset</c> is absent on the last page.</summary>
public sealed record QuotePage(IReadOnlyList<StoredQuote> Items, int Limit, int Offset, int? NextOffset);

/// <summary>A piece of a snippet: plain text, or a search hit when <c>hit</c> is true.</summary>
public sealed record SnippetPart(string Text, bool Hit);

/// <summary>A search result with its snippet split into parts, so pages mark hits without parsing markup.</summary>
public sealed record SearchResult(string DocumentId, double Score, string? Title, string? Published, string? Source, string? Url,
    string Snippet, IReadOnlyList<SnippetPart> SnippetParts, IReadOnlyList<TextSpan> Hits);

/// <summary>
/// One page of search results: <c>total</c> counts every matching document (not only this page), <c>next_offset</c> is
/// absent on the last page, <c>facets</c> (when asked for) count the matching documents by outlet, month, actor and event type.
/// </summary>
public sealed record SearchResponse(string Query, long Total, int Limit, int Offset, int? NextOffset, string Sort, IReadOnlyList<SearchResult> Items,
    SearchFacets? Facets);

/// <summary>The actors the store mentions most.</summary>
public sealed record ActorList(IReadOnlyList<ActorSummary> Items);

/// <summary>A role from the actor registry (the curated list): CAMEO code, title and dates held.</summary>
public sealed record RegistryRole(string Code, string Title, string? From, string? To);

/// <summary>One actor: store counts, registry entry (English gloss, roles with dates), roles seen in documents, co-occurring actors, recent events and quotes.</summary>
public sealed record ActorResponse(ActorSummary Actor, string? Code, IReadOnlyList<RegistryRole> RegistryRoles, IReadOnlyList<ActorRoleSpan> RolesSeen,
    IReadOnlyList<CoActor> CoOccurring, IReadOnlyList<StoredEvent> Events, IReadOnlyList<StoredQuote> Quotes);

/// <summary>A node of the actor network; <c>weight</c> is the sum of its edges' events.</summary>
public sealed record NetworkNode(string Id, string? NameEn, string? NameAr, string? Country, int Weight);

/// <summary>A directed, typed edge weighted by merged events.</summary>
public sealed record NetworkLink(string Source, string Target, string Type, int Events);

/// <summary>The actor network: who met, called, accused or sanctioned whom.</summary>
public sealed record NetworkResponse(IReadOnlyList<NetworkNode> Nodes, IReadOnlyList<NetworkLink> Edges);
