using Marsad.Analysis.Documents;
using Marsad.Storage.Records;
using Marsad.Web.Options;
using Marsad.Web.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Marsad.Web.Api;

/// <summary>/api/documents: list and read stored documents, post new ones (analysed and stored; needs the API key).</summary>
internal static class DocumentsApi
{
    public const int MaxPage = 200;

    public static void MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/documents").WithTags("Documents");
        g.MapGet("", List).WithName("ListDocuments")
            .WithSummary("Stored documents, most recently stored first; keyset pages: pass `next` back as `cursor`.");
        g.MapGet("/{id}", Get).WithName("GetDocument").ProducesProblem(404)
            .WithSummary("One document with its text and annotations (id or a unique prefix of at least 4 hex digits); its events at `minConfidence` (default " + Marsad.Analysis.Events.Coding.EventCoder.DefaultThresholdText + ", as `analyze`; the store keeps them all).");
        g.MapPost("", PostOne).WithName("PostDocument").Accepts<DocumentInput>("application/json")
            .WithSummary("Analyse one document and store it (needs X-Api-Key).");
        g.MapPost("/batch", PostBatch).WithName("PostDocumentBatch").Accepts<BatchInput>("application/json")
            .WithSummary("Analyse and store several documents in one transaction (needs X-Api-Key).");
    }

    private static readonly string[] Statuses = ["ok", "duplicate", "rejected"];

    private static Results<Ok<DocumentPage>, ValidationProblem> List(HttpContext context, StorePool stores, QueryCache cache,
        string? source, string? since, string? until, string? status, [FromQuery(Name = "actor_id")] string? actorId, long? cursor, int limit = 50)
    {
        var errors = new ApiRequests.Errors();
        errors.Day("since", since);
        errors.Day("until", until);
        errors.Range("limit", limit, 1, MaxPage);
        if (status is not null && !Statuses.Contains(status.Trim().ToLowerInvariant())) errors.Add("status", "must be ok, duplicate or rejected.");
        if (errors.Any) return errors.ToResult();
        var query = new DocumentListQuery { Source = source, Since = since, Until = until, Status = status, ActorId = actorId, Limit = limit, Before = cursor };
        return TypedResults.Ok(cache.GetOrAdd(context, () => stores.Use(s => s.ListDocuments(query))));
    }

    private static Results<Ok<DocumentResponse>, ProblemHttpResult, ValidationProblem> Get(string id, StorePool stores,
        double minConfidence = Marsad.Analysis.Events.Coding.EventCoder.DefaultThreshold)
    {
        var errors = new ApiRequests.Errors();
        errors.Confidence("minConfidence", minConfidence);
        if (errors.Any) return errors.ToResult();
        var stored = stores.Use(s => s.GetDocument(id));
        if (stored is null)
            return ApiRequests.Problem(404, "No such document", $"No document '{id}' (or the prefix is ambiguous).");
        var shown = Marsad.Analysis.Events.Coding.EventVisibility.Shown(stored.Document, minConfidence);
        return TypedResults.Ok(new DocumentResponse(shown, stored.IngestedAt, stored.Sightings));
    }

    private static async Task<Results<Created<WriteResponse>, Ok<WriteResponse>, ValidationProblem, ProblemHttpResult>> PostOne(
        HttpContext context, MarsadWebOptions options, DocumentAnalyzer analyzer, StorePool stores, QueryCache cache, CancellationToken cancel)
    {
        if (ApiRequests.CheckWriteKey(context, options) is { } denied) return denied;
        var (input, problem) = await ApiRequests.ReadJsonAsync<DocumentInput>(context, options, cancel);
        if (problem is not null) return problem;
        var errors = new ApiRequests.Errors();
        analyzer.Validate(input!, "", errors);
        if (errors.Any) return errors.ToResult();
        var doc = analyzer.Analyze([input!], "api:")[0];
        var result = stores.Use(s => s.Store([doc]));
        cache.Invalidate();
        return result.Added == 1
            ? TypedResults.Created($"/api/documents/{doc.Id}", new WriteResponse(doc.Id, "added", doc))
            : TypedResults.Ok(new WriteResponse(doc.Id, "already_stored", doc));
    }

    private static async Task<Results<Ok<BatchWriteResponse>, ValidationProblem, ProblemHttpResult>> PostBatch(
        HttpContext context, MarsadWebOptions options, DocumentAnalyzer analyzer, StorePool stores, QueryCache cache, CancellationToken cancel)
    {
        if (ApiRequests.CheckWriteKey(context, options) is { } denied) return denied;
        var (input, problem) = await ApiRequests.ReadJsonAsync<BatchInput>(context, options, cancel);
        if (problem is not null) return problem;
        var errors = new ApiRequests.Errors();
        var docs = input!.Documents ?? [];
        if (docs.Count == 0) errors.Add("documents", "must hold at least one document.");
        if (docs.Count > options.MaxBatchDocuments) errors.Add("documents", $"may hold at most {options.MaxBatchDocuments} documents.");
        for (int i = 0; i < docs.Count && docs.Count <= options.MaxBatchDocuments; i++)
        {
            if (docs[i] is null) errors.Add($"documents[{i}]", "must be an object.");
            else analyzer.Validate(docs[i], $"documents[{i}].", errors);
        }
        if (errors.Any) return errors.ToResult();
        var analyzed = analyzer.Analyze(docs, "api-batch:");
        var result = stores.Use(s => s.Store(analyzed));
        cache.Invalidate();
        var lines = analyzed.Select(d => new BatchItemResult(d.Id, d.Status.ToString().ToLowerInvariant(), d.Reason, d.DuplicateOf)).ToList();
        return TypedResults.Ok(new BatchWriteResponse(result.Added, result.AlreadyStored, lines));
    }
}
