using Marsad.Analysis.Events.Coding;
using Marsad.Storage.Export;
using Marsad.Storage.Records;
using Marsad.Web.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Marsad.Web.Api;

/// <summary>/api/events (merged events with their mentions, the CLI's filters, offset pages, a total) and /api/export/events.</summary>
internal static class EventsApi
{
    public const int MaxPage = 200, MaxExport = 100_000;

    /// <summary>Response header of an export that left events out (the GDELT tables): how many, and why.</summary>
    public const string LeftOutHeader = "X-Marsad-Left-Out";

    public static void MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events", List).WithTags("Events").WithName("ListEvents")
            .WithSummary("Merged events, most recent day first, each with all its mentions, and the total. `actor`: id or part of a name; `actor_id`: exact id; " +
                         "`type`: PLOVER type or CAMEO prefix; `country`: ISO3 of an actor or the location; `minConfidence`: the coder's confidence threshold " +
                         "(default " + Marsad.Analysis.Events.Coding.EventCoder.DefaultThresholdText + ", as `analyze`; 0 = every stored event; unscored events always show); `modality`: comma-separated modalities. " +
                         "An edge of the actor network: `source_id`, `target_id`, `not_negated=true`; a place of the map: `place` (English or Arabic name), `place_country` (ISO3 of the location).");
        app.MapGet("/api/export/events", Export).WithTags("Exports").WithName("ExportEvents")
            .WithSummary("The filtered events (same filters and threshold as /api/events) as a file: csv (UTF-8 with BOM), parquet, gdelt (GDELT 2.0 event table: " +
                         "asserted events with an actor code; the X-Marsad-Left-Out header counts the rest), gdelt-mentions, plover (PLOVER JSON) or jsonl.")
            .Produces<string>(200, "text/csv", "application/vnd.apache.parquet", "text/tab-separated-values", "application/json", "application/x-ndjson");
    }

    /// <summary>The CLI's event filters, bound from the query string, with the confidence threshold and modalities.</summary>
    internal sealed record EventFilters(string? Actor, string? ActorId, string? Type, string? Country, string? Since, string? Until,
        double MinConfidence, string? Modality)
    {
        public EventQuery ToQuery(int limit, int offset) => new()
        {
            Actor = Actor, ActorId = ActorId, Type = Type, Country = Country, Since = Since, Until = Until, Limit = limit, Offset = offset,
            MinConfidence = MinConfidence, Modalities = Modalities(),
        };

        private string[] Modalities() =>
            (Modality ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(m => m.ToLowerInvariant()).ToArray();

        public void Check(ApiRequests.Errors errors)
        {
            errors.Day("since", Since);
            errors.Day("until", Until);
            if (Country is { } c && !string.IsNullOrWhiteSpace(c) && (c.Trim().Length != 3 || !c.Trim().All(char.IsAsciiLetter)))
                errors.Add("country", "must be an ISO 3166 alpha-3 code such as RUS.");
            errors.Confidence("minConfidence", MinConfidence);
            if (Modalities().FirstOrDefault(m => !EventQuery.AllModalities.Contains(m)) is { } bad)
                errors.Add("modality", $"'{bad}' is not one of {string.Join(", ", EventQuery.AllModalities)}.");
        }
    }

    private static Results<Ok<EventPage>, ValidationProblem> List(HttpContext context, StorePool stores, QueryCache cache,
        string? actor, [FromQuery(Name = "actor_id")] string? actorId, string? type, string? country, string? since, string? until,
        [FromQuery(Name = "source_id")] string? sourceId, [FromQuery(Name = "target_id")] string? targetId, string? place,
        [FromQuery(Name = "place_country")] string? placeCountry, string? modality, [FromQuery(Name = "not_negated")] bool notNegated = false,
        int limit = 50, int offset = 0, double minConfidence = EventCoder.DefaultThreshold)
    {
        var filters = new EventFilters(actor, actorId, type, country, since, until, minConfidence, modality);
        var errors = new ApiRequests.Errors();
        filters.Check(errors);
        if (placeCountry is { } pc && !string.IsNullOrWhiteSpace(pc) && (pc.Trim().Length != 3 || !pc.Trim().All(char.IsAsciiLetter)))
            errors.Add("place_country", "must be an ISO 3166 alpha-3 code such as RUS.");
        errors.Range("limit", limit, 1, MaxPage);
        errors.Range("offset", offset, 0, int.MaxValue);
        if (errors.Any) return errors.ToResult();
        return TypedResults.Ok(cache.GetOrAdd(context, () => stores.Use(s =>
        {
            // One more than asked tells whether another page follows.
            EventQuery Query(int l, int o) => filters.ToQuery(l, o) with
            {
                SourceId = sourceId, TargetId = targetId, Place = place, PlaceCountry = placeCountry, NotNegated = notNegated,
            };
            var items = s.Events(Query(limit + 1, offset)).ToList();
            bool more = items.Count > limit;
            if (more) items.RemoveAt(items.Count - 1);
            long total = offset == 0 && !more ? items.Count : s.CountEvents(Query(0, 0));
            return new EventPage(items, limit, offset, more ? offset + limit : null, total, minConfidence);
        })));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(HttpContext context, StorePool stores,
        string? actor, [FromQuery(Name = "actor_id")] string? actorId, string? type, string? country, string? since, string? until,
        string? modality, string format = "csv", int limit = 10_000, double minConfidence = EventCoder.DefaultThreshold)
    {
        var filters = new EventFilters(actor, actorId, type, country, since, until, minConfidence, modality);
        var errors = new ApiRequests.Errors();
        filters.Check(errors);
        errors.Range("limit", limit, 1, MaxExport);
        var f = EventFiles.Find(format);
        if (f is null) errors.Add("format", $"must be one of {string.Join(", ", EventFiles.Formats.Select(x => x.Name))}.");
        if (errors.Any) return errors.ToResult();
        var events = stores.Use(s => s.Events(filters.ToQuery(limit, 0)));
        using var buffer = new MemoryStream();
        var outcome = await EventFiles.WriteAsync(buffer, format, events, context.RequestAborted);
        if (outcome.LeftOut > 0) context.Response.Headers[LeftOutHeader] = $"{outcome.LeftOut}; {outcome.LeftOutWhy}";
        return TypedResults.File(buffer.ToArray(), f!.ContentType, "marsad-events." + f.Extension);
    }
}
