using Marsad.Analysis.Documents;

namespace Marsad.Storage.Records;

/// <summary>
/// Filters and one page of <see cref="IArticleStore.ListDocuments"/>. Pages are keyset-paginated on the storage
/// sequence (most recently stored first): pass the previous page's <see cref="DocumentPage.Next"/> as <see cref="Before"/>.
/// No total is counted, so a page costs the same on the first and the thousandth page.
/// </summary>
public sealed record DocumentListQuery
{
    /// <summary>Outlet name, compared case-insensitively.</summary>
    public string? Source { get; init; }
    /// <summary>Publication date from (yyyy-MM-dd, inclusive).</summary>
    public string? Since { get; init; }
    /// <summary>Publication date to (yyyy-MM-dd, inclusive).</summary>
    public string? Until { get; init; }
    /// <summary><c>ok</c>, <c>duplicate</c> or <c>rejected</c>; null = any.</summary>
    public string? Status { get; init; }
    /// <summary>Exact actor id the document must list.</summary>
    public string? ActorId { get; init; }
    /// <summary>Documents per page (at least 1).</summary>
    public int Limit { get; init; } = 50;
    /// <summary>Only documents stored before this sequence number (the keyset cursor); null = from the newest.</summary>
    public long? Before { get; init; }
}

/// <summary>A document without its text and annotations, for lists.</summary>
/// <param name="Seq">Storage sequence number: the order documents were stored in, and the list cursor.</param>
public sealed record DocumentSummary(long Seq, string Id, string? Title, string? Published, string? Source, string? Url,
    string Status, int TextLength, string IngestedAt);

/// <summary>One page of documents and the cursor of the next page (null on the last page).</summary>
public sealed record DocumentPage(IReadOnlyList<DocumentSummary> Items, long? Next);

/// <summary>What the store knows about one actor: counts, the roles documents gave it over time, who appears with it.</summary>
public sealed record ActorDetail(ActorSummary Actor, IReadOnlyList<ActorRoleSpan> Roles, IReadOnlyList<CoActor> CoOccurring);

/// <summary>A role the actor held in documents: first and last publication day seen with it, and in how many documents.</summary>
public sealed record ActorRoleSpan(string Role, string? First, string? Last, int Documents);

/// <summary>Another actor and the number of documents that mention both.</summary>
public sealed record CoActor(string Id, string? NameEn, string? NameAr, string? Country, int Documents);

/// <summary>Filters for <see cref="IArticleStore.ActorNetwork"/>: which events become edges.</summary>
public sealed record NetworkQuery
{
    /// <summary>PLOVER types (CONSULT, ACCUSE, SANCTION …); empty = every type.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];
    /// <summary>Only edges touching this actor id; null = the whole network.</summary>
    public string? ActorId { get; init; }
    public string? Since { get; init; }
    public string? Until { get; init; }
    /// <summary>Include negated events (default: no; "did not accuse" is not an edge).</summary>
    public bool IncludeNegated { get; init; }
    /// <summary>Only events whose confidence is at least this (unscored events always pass); 0 = every event.</summary>
    public double MinConfidence { get; init; }
    /// <summary>The heaviest edges kept (at least 1).</summary>
    public int Limit { get; init; } = 200;
}

/// <summary>A directed edge of the actor network: source actor did events of one type to the target actor.</summary>
/// <param name="Events">Distinct merged events (the edge weight).</param>
public sealed record NetworkEdge(ActorRef Source, ActorRef Target, string Type, int Events);
