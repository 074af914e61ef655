using Marsad.Analysis.Events.Coding;
using Marsad.Storage.Export;
using Marsad.Storage.Records;
using Marsad.Web.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Marsad.Web.Api;

/// <summary>/api/search (pages of full-text results with their total and facets) and /api/export/search (the result set as a file).</summary>
internal static class SearchApi
{
    public const int MaxPage = 100, MaxOffset = 10_000, MaxExport = 10_000, FacetSize = 12;

    public static void MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", Search).WithTags("Search").WithName("Search")
            .WithSummary("Full text over documents with status ok: all words must occur, \"quoted words\" are a phrase; spelling variants and clitics fold " +
                         "(سورية finds سوريا, ترمب finds ترامب). `total` counts every match; pages by `offset`; `sort`: relevance or newest; `facets=true` adds " +
                         "counts by outlet, month, actor and event type. Filters: `source`, `since`, `until`, `actor` (id or part of a name), `event_type` " +
                         "(documents reporting such an event at `minConfidence`, default " + Marsad.Analysis.Events.Coding.EventCoder.DefaultThresholdText + ").");
        app.MapGet("/api/export/search", Export).WithTags("Exports").WithName("ExportSearch")
            .WithSummary("The search's result set (same words, filters and sort) as a file: csv (UTF-8 with BOM), parquet or jsonl; at most `limit` rows.")
            .Produces<string>(200, "text/csv", "application/vnd.apache.parquet", "application/x-ndjson");
    }

    /// <summary>The words, filters and order of a search, bound from the query string.</summary>
    internal sealed record SearchParameters(string? Q, string? Source, string? Since, string? Until, string? Actor, string? EventType, string Sort, double MinConfidence)
    {
        public void Check(ApiRequests.Errors errors)
        {
            if (string.IsNullOrWhiteSpace(Q)) errors.Add("q", "is required.");
            else if (Q.Length > 500) errors.Add("q", "is longer than 500 characters.");
            errors.Day("since", Since);
            errors.Day("until", Until);
            errors.Confidence("minConfidence", MinConfidence);
            if (Sort is not ("relevance" or "newest")) errors.Add("sort", "must be relevance or newest.");
        }

        public SearchQuery ToQuery(int limit, int offset) => new()
        {
            Text = Q!, Source = Source, Since = Since, Until = Until, Actor = Actor, EventType = EventType, Limit = limit, Offset = offset,
            Sort = Sort == "newest" ? SearchSort.Newest : SearchSort.Relevance, MinConfidence = MinConfidence,
        };
    }

    private static Results<Ok<SearchResponse>, ValidationProblem> Search(HttpContext context, StorePool stores, QueryCache cache,
        string? q, string? source, string? since, string? until, string? actor, [FromQuery(Name = "event_type")] string? eventType,
        int limit = 10, int offset = 0, string sort = "relevance", bool facets = false, double minConfidence = EventCoder.DefaultThreshold)
    {
        var search = new SearchParameters(q, source, since, until, actor, eventType, sort, minConfidence);
        var errors = new ApiRequests.Errors();
        search.Check(errors);
        errors.Range("limit", limit, 1, MaxPage);
        errors.Range("offset", offset, 0, MaxOffset);
        if (errors.Any) return errors.ToResult();
        return TypedResults.Ok(cache.GetOrAdd(context, () => stores.Use(s =>
        {
            var query = search.ToQuery(limit + 1, offset);
            var hits = s.Search(query).Select(ToResult).ToList();
            bool more = hits.Count > limit;
            if (more) hits.RemoveAt(hits.Count - 1);
            var summary = s.Summarize(query, facets ? FacetSize : 0);
            return new SearchResponse(q!, summary.Total, limit, offset, more ? offset + limit : null, sort, hits, facets ? summary.Facets : null);
        })));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(HttpContext context, StorePool stores,
        string? q, string? source, string? since, string? until, string? actor, [FromQuery(Name = "event_type")] string? eventType,
        string format = "csv", int limit = 1_000, string sort = "relevance", double minConfidence = EventCoder.DefaultThreshold)
    {
        var search = new SearchParameters(q, source, since, until, actor, eventType, sort, minConfidence);
        var errors = new ApiRequests.Errors();
        search.Check(errors);
        errors.Range("limit", limit, 1, MaxExport);
        var f = SearchExport.Formats.FirstOrDefault(x => x.Name == format);
        if (f is null) errors.Add("format", $"must be one of {string.Join(", ", SearchExport.Formats.Select(x => x.Name))}.");
        if (errors.Any) return errors.ToResult();
        // The file marks hits with [ ] like the CLI, not with the pages' private markers.
        var hits = stores.Use(s => s.Search(search.ToQuery(limit, 0))).Select(h => h with { Snippet = ToResult(h).Snippet }).ToList();
        using var buffer = new MemoryStream();
        await SearchExport.WriteAsync(buffer, format, hits, context.RequestAborted);
        return TypedResults.File(buffer.ToArray(), f!.ContentType, "marsad-search." + f.Extension);
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
