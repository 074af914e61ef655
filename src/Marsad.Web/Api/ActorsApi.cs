using System.Globalization;
using Marsad.Analysis.Actors;
using Marsad.Storage.Records;
using Marsad.Web.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Marsad.Web.Api;

/// <summary>/api/actors, /api/actors/{id}, /api/network and /api/quotes.</summary>
internal static class ActorsApi
{
    public static void MapActorsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/actors", List).WithTags("Actors").WithName("ListActors")
            .WithSummary("Actors by number of documents, then events, then quotes.");
        app.MapGet("/api/actors/{id}", Get).WithTags("Actors").WithName("GetActor").ProducesProblem(404)
            .WithSummary("One actor: counts, registry roles with dates, roles seen in documents, co-occurring actors, recent events (at the default confidence, " + Marsad.Analysis.Events.Coding.EventCoder.DefaultThresholdText + ") and quotes.");
        app.MapGet("/api/network", Network).WithTags("Actors").WithName("ActorNetwork")
            .WithSummary("Who did what to whom: directed edges per event type (`types`: comma-separated PLOVER types), weighted by merged events at `minConfidence` (default " + Marsad.Analysis.Events.Coding.EventCoder.DefaultThresholdText + "; negated ones left out). " +
                         "`limit`: the heaviest edges read; `min_weight`: edges with fewer events dropped; `top`: only the actors with the most events, and the edges between them.");
        app.MapGet("/api/quotes", Quotes).WithTags("Quotes").WithName("ListQuotes")
            .WithSummary("Quotes, most recent first. `speaker`: id or part of a name; `speaker_id`: exact id.");
    }

    private static Results<Ok<ActorList>, ValidationProblem> List(HttpContext context, StorePool stores, QueryCache cache, int top = 50)
    {
        var errors = new ApiRequests.Errors();
        errors.Range("top", top, 1, 1000);
        if (errors.Any) return errors.ToResult();
        return TypedResults.Ok(cache.GetOrAdd(context, () => new ActorList(stores.Use(s => s.Actors(top)))));
    }

    private static Results<Ok<ActorResponse>, ProblemHttpResult> Get(string id, HttpContext context, StorePool stores, QueryCache cache)
    {
        var response = cache.GetOrAdd(context, () => stores.Use(s =>
        {
            var detail = s.GetActor(id, 20);
            if (detail is null) return Holder.Missing;
            var events = s.Events(new EventQuery { ActorId = id, Limit = 30, MinConfidence = Marsad.Analysis.Events.Coding.EventCoder.DefaultThreshold });
            var quotes = s.Quotes(new QuoteQuery { SpeakerId = id, Limit = 30 });
            ActorRegistry.BuiltIn.TryGet(id, out var entry);
            var roles = entry?.Roles.Select(r => new RegistryRole(r.Code, r.Title, Day(r.From), Day(r.To))).ToList() ?? [];
            return new Holder(new ActorResponse(detail.Actor, entry?.Code, roles, detail.Roles, detail.CoOccurring, events, quotes));
        }));
        if (response.Value is null)
            return ApiRequests.Problem(404, "No such actor", $"No actor '{id}' in this store.");
        return TypedResults.Ok(response.Value);
    }

    /// <summary>Lets a "not found" answer be cached like any other.</summary>
    private sealed record Holder(ActorResponse? Value)
    {
        public static readonly Holder Missing = new((ActorResponse?)null);
    }

    private static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Results<Ok<NetworkResponse>, ValidationProblem> Network(HttpContext context, StorePool stores, QueryCache cache,
        string? types, [FromQuery(Name = "actor_id")] string? actorId, string? since, string? until, int limit = 150,
        [FromQuery(Name = "min_weight")] int minWeight = 1, int top = 1000,
        double minConfidence = Marsad.Analysis.Events.Coding.EventCoder.DefaultThreshold)
    {
        var errors = new ApiRequests.Errors();
        errors.Confidence("minConfidence", minConfidence);
        errors.Day("since", since);
        errors.Day("until", until);
        errors.Range("limit", limit, 1, 2000);
        errors.Range("min_weight", minWeight, 1, 1_000_000);
        errors.Range("top", top, 1, 1000);
        if (errors.Any) return errors.ToResult();
        var query = new NetworkQuery
        {
            Types = (types ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            ActorId = actorId, Since = since, Until = until, Limit = limit, MinConfidence = minConfidence,
        };
        return TypedResults.Ok(cache.GetOrAdd(context, () =>
        {
            var edges = stores.Use(s => s.ActorNetwork(query)).Where(e => e.Events >= minWeight).ToList();
            var nodes = new Dictionary<string, NetworkNode>(StringComparer.Ordinal);
            void Add(Marsad.Analysis.Documents.ActorRef a, int weight) =>
                nodes[a.Id] = nodes.TryGetValue(a.Id, out var n) ? n with { Weight = n.Weight + weight } : new NetworkNode(a.Id, a.NameEn, a.NameAr, a.Country, weight);
            foreach (var e in edges)
            {
                Add(e.Source, e.Events);
                Add(e.Target, e.Events);
            }
            // The top actors by weight over the edges read; edges to anyone else go, and node weights stay those of the whole selection.
            var kept = nodes.Values.OrderByDescending(n => n.Weight).ThenBy(n => n.Id, StringComparer.Ordinal).Take(top).ToList();
            var keptIds = kept.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
            var links = edges.Where(e => keptIds.Contains(e.Source.Id) && keptIds.Contains(e.Target.Id))
                .Select(e => new NetworkLink(e.Source.Id, e.Target.Id, e.Type, e.Events)).ToList();
            var linked = links.SelectMany(l => new[] { l.Source, l.Target }).ToHashSet(StringComparer.Ordinal);
            return new NetworkResponse(kept.Where(n => linked.Contains(n.Id)).ToList(), links);
        }));
    }

    private static Results<Ok<QuotePage>, ValidationProblem> Quotes(HttpContext context, StorePool stores, QueryCache cache,
        string? speaker, [FromQuery(Name = "speaker_id")] string? speakerId, int limit = 50, int offset = 0)
    {
        var errors = new ApiRequests.Errors();
        errors.Range("limit", limit, 1, 200);
        errors.Range("offset", offset, 0, int.MaxValue);
        if (errors.Any) return errors.ToResult();
        return TypedResults.Ok(cache.GetOrAdd(context, () =>
        {
            var items = stores.Use(s => s.Quotes(new QuoteQuery { Speaker = speaker, SpeakerId = speakerId, Limit = limit + 1, Offset = offset })).ToList();
            bool more = items.Count > limit;
            if (more) items.RemoveAt(items.Count - 1);
            return new QuotePage(items, limit, offset, more ? offset + limit : null);
        }));
    }
}
