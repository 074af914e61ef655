using System.Globalization;
using Marsad.Analysis.Events.Coding;
using Marsad.Storage.Records;
using Marsad.Web.Storage;
using Marsad.Web.Charts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Marsad.Web.Api;

/// <summary>/api/timeline (event counts per day, week or month and type) and /api/map (event counts per place and country).</summary>
internal static class ViewsApi
{
    public static void MapViewsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/timeline", Timeline).WithTags("Events").WithName("EventTimeline")
            .WithSummary("Merged events counted per `granularity` (day, week from Monday, month) and PLOVER type, with the /api/events filters and confidence threshold. " +
                         "Without `since` and `until` the window is the days the stored articles were published on; events dated outside it are counted in `before` and `after`.");
        app.MapGet("/api/map", Map).WithTags("Events").WithName("EventMap")
            .WithSummary("Merged events with a location, counted per place (with coordinates from the packaged gazetteer) and per country (ISO alpha-3 and numeric, the id of its shape), with the /api/events filters and confidence threshold.");
    }

    private static readonly string[] Granularities = ["day", "week", "month"];

    private static Results<Ok<TimelineResponse>, ValidationProblem> Timeline(HttpContext context, StorePool stores, QueryCache cache,
        string? actor, [FromQuery(Name = "actor_id")] string? actorId, string? type, string? country, string? since, string? until,
        string? modality, string granularity = "month", double minConfidence = EventCoder.DefaultThreshold)
    {
        var filters = new EventsApi.EventFilters(actor, actorId, type, country, since, until, minConfidence, modality);
        var errors = new ApiRequests.Errors();
        filters.Check(errors);
        if (!Granularities.Contains(granularity, StringComparer.Ordinal)) errors.Add("granularity", "must be day, week or month.");
        if (errors.Any) return errors.ToResult();
        return TypedResults.Ok(cache.GetOrAdd(context, () =>
        {
            // Every dated event of the other filters is counted: those outside the window are reported, not lost.
            var (rows, published) = stores.Use(s => (s.EventDayCounts(filters.ToQuery(0, 0) with { Since = null, Until = null }), s.PublicationDays()));
            bool defaultWindow = string.IsNullOrWhiteSpace(since) && string.IsNullOrWhiteSpace(until);
            string? from = defaultWindow ? published.First : Blank(since);
            string? to = defaultWindow ? published.Last : Blank(until);
            return TimelineBuckets.Count(rows, granularity, from, to, defaultWindow, published);
        }));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static Results<Ok<MapResponse>, ValidationProblem> Map(HttpContext context, StorePool stores, QueryCache cache,
        string? actor, [FromQuery(Name = "actor_id")] string? actorId, string? type, string? country, string? since, string? until,
        string? modality, double minConfidence = EventCoder.DefaultThreshold)
    {
        var filters = new EventsApi.EventFilters(actor, actorId, type, country, since, until, minConfidence, modality);
        var errors = new ApiRequests.Errors();
        filters.Check(errors);
        if (errors.Any) return errors.ToResult();
        return TypedResults.Ok(cache.GetOrAdd(context, () => MapGazetteer.Shared.Place(stores.Use(s => s.EventPlaceCounts(filters.ToQuery(0, 0))))));
    }

}
