using Marsad.Storage.Records;
using Marsad.Web.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marsad.Web.Api;

/// <summary>/api/search: ranked full text with snippets whose hits come as separate parts.</summary>
internal static class SearchApi
{
    public static void MapSearchApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/search", Search).WithTags("Search").WithName("Search")
            .WithSummary("Full text over documents with status ok: all words must occur, \"quoted words\" are a phrase; spelling variants and clitics fold (سورية finds سوريا). `actor`: id or part of a name.");

    private static Results<Ok<SearchResponse>, ValidationProblem> Search(HttpContext context, StorePool stores, QueryCache cache,
        string? q, string? source, string? since, string? until, string? actor, int limit = 10)
    {
        var errors = new ApiRequests.Errors();
        if (string.IsNullOrWhiteSpace(q)) errors.Add("q", "is required.");
        else if (q.Length > 500) errors.Add("q", "is longer than 500 characters.");
        errors.Day("since", since);
        errors.Day("until", until);
        errors.Range("limit", limit, 1, 50);
        if (errors.Any) return errors.ToResult();
        var query = new SearchQuery { Text = q!, Source = source, Since = since, Until = until, Actor = actor, Limit = limit };
        return TypedResults.Ok(cache.GetOrAdd(context, () =>
            new SearchResponse(q!, stores.Use(s => s.Search(query)).Select(ToResult).ToList())));
    }

    /// <summary>Splits the marked snippet into parts; the plain snippet marks hits with [ ] like the CLI.</summary>
    internal static SearchResult ToResult(SearchHit hit)
    {
        var parts = new List<SnippetPart>();
        var s = hit.Snippet;
        int i = 0;
        while (i < s.Length)
        {
            int open = s.IndexOf(StorePool.HitOpen, i, StringComparison.Ordinal);
            if (open < 0) { parts.Add(new SnippetPart(s[i..], false)); break; }
            if (open > i) parts.Add(new SnippetPart(s[i..open], false));
            int close = s.IndexOf(StorePool.HitClose, open + 1, StringComparison.Ordinal);
            if (close < 0) close = s.Length;
            parts.Add(new SnippetPart(s[(open + 1)..close], true));
            i = close + 1;
        }
        string plain = string.Concat(parts.Select(p => p.Hit ? "[" + p.Text + "]" : p.Text));
        return new SearchResult(hit.DocumentId, hit.Score, hit.Title, hit.Published, hit.Source, hit.Url, plain, parts, hit.Hits);
    }
}
