using System.Text;
using Marsad.Storage.Export;
using Marsad.Storage.Records;
using Marsad.Web.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Marsad.Web.Api;

/// <summary>/api/events (merged events with their mentions, the CLI's filters, offset pages) and /api/export/events.</summary>
internal static class EventsApi
{
    public const int MaxPage = 200, MaxExport = 100_000;

    public static void MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events", List).WithTags("Events").WithName("ListEvents")
            .WithSummary("Merged events, most recent day first, each with all its mentions. `actor`: id or part of a name; `actor_id`: exact id; `type`: PLOVER type or CAMEO prefix; `country`: ISO3 of an actor or the location. " +
                         "An edge of the actor network: `source_id`, `target_id`, `not_negated=true`; a place of the map: `place` (English or Arabic name), `place_country` (ISO3 of the location).");
        app.MapGet("/api/export/events", Export).WithTags("Exports").WithName("ExportEvents")
            .WithSummary("The filtered events as a file: csv, gdelt (GDELT 2.0 event table TSV), gdelt-mentions, plover (PLOVER JSON) or jsonl.")
            .Produces<string>(200, "text/csv", "text/tab-separated-values", "application/json", "application/x-ndjson");
    }

    /// <summary>The CLI's event filters, bound from the query string.</summary>
    internal sealed record EventFilters(string? Actor, string? ActorId, string? Type, string? Country, string? Since, string? Until)
    {
        public EventQuery ToQuery(int limit, int offset) => new()
        {
            Actor = Actor, ActorId = ActorId, Type = Type, Country = Country, Since = Since, Until = Until, Limit = limit, Offset = offset,
        };

        public void Check(ApiRequests.Errors errors)
        {
            errors.Day("since", Since);
            errors.Day("until", Until);
            if (Country is { } c && !string.IsNullOrWhiteSpace(c) && (c.Trim().Length != 3 || !c.Trim().All(char.IsAsciiLetter)))
                errors.Add("country", "must be an ISO 3166 alpha-3 code such as RUS.");
        }
    }

    private static Results<Ok<EventPage>, ValidationProblem> List(HttpContext context, StorePool stores, QueryCache cache,
        string? actor, [FromQuery(Name = "actor_id")] string? actorId, string? type, string? country, string? since, string? until,
        [FromQuery(Name = "source_id")] string? sourceId, [FromQuery(Name = "target_id")] string? targetId, string? place,
        [FromQuery(Name = "place_country")] string? placeCountry, [FromQuery(Name = "not_negated")] bool notNegated = false,
        int limit = 50, int offset = 0)
    {
        var filters = new EventFilters(actor, actorId, type, country, since, until);
        var errors = new ApiRequests.Errors();
        filters.Check(errors);
        if (placeCountry is { } pc && !string.IsNullOrWhiteSpace(pc) && (pc.Trim().Length != 3 || !pc.Trim().All(char.IsAsciiLetter)))
            errors.Add("place_country", "must be an ISO 3166 alpha-3 code such as RUS.");
        errors.Range("limit", limit, 1, MaxPage);
        errors.Range("offset", offset, 0, int.MaxValue);
        if (errors.Any) return errors.ToResult();
        return TypedResults.Ok(cache.GetOrAdd(context, () =>
        {
            // One more than asked tells whether another page follows, without counting every match.
            var query = filters.ToQuery(limit + 1, offset) with
            {
                SourceId = sourceId, TargetId = targetId, Place = place, PlaceCountry = placeCountry, NotNegated = notNegated,
            };
            var items = stores.Use(s => s.Events(query)).ToList();
            bool more = items.Count > limit;
            if (more) items.RemoveAt(items.Count - 1);
            return new EventPage(items, limit, offset, more ? offset + limit : null);
        }));
    }

    private static readonly Dictionary<string, (string ContentType, string Extension)> Formats = new(StringComparer.Ordinal)
    {
        ["csv"] = ("text/csv; charset=utf-8", "csv"),
        ["gdelt"] = ("text/tab-separated-values; charset=utf-8", "tsv"),
        ["gdelt-mentions"] = ("text/tab-separated-values; charset=utf-8", "mentions.tsv"),
        ["plover"] = ("application/json; charset=utf-8", "plover.json"),
        ["jsonl"] = ("application/x-ndjson; charset=utf-8", "jsonl"),
    };

    private static Results<FileContentHttpResult, ValidationProblem> Export(StorePool stores,
        string? actor, [FromQuery(Name = "actor_id")] string? actorId, string? type, string? country, string? since, string? until,
        string format = "csv", int limit = 10_000)
    {
        var filters = new EventFilters(actor, actorId, type, country, since, until);
        var errors = new ApiRequests.Errors();
        filters.Check(errors);
        errors.Range("limit", limit, 1, MaxExport);
        if (!Formats.TryGetValue(format, out var f)) errors.Add("format", $"must be one of {string.Join(", ", Formats.Keys)}.");
        if (errors.Any) return errors.ToResult();
        var events = stores.Use(s => s.Events(filters.ToQuery(limit, 0)));
        using var buffer = new MemoryStream();
        if (format == "plover") EventExport.WritePloverJson(buffer, events);
        else
        {
            using var w = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true);
            switch (format)
            {
                case "gdelt": GdeltExport.WriteEvents(w, events); break;
                case "gdelt-mentions": GdeltExport.WriteMentions(w, events); break;
                case "jsonl": EventExport.WriteJsonl(w, events); break;
                default: EventExport.WriteCsv(w, events); break;
            }
        }
        return TypedResults.File(buffer.ToArray(), f.ContentType, "marsad-events." + f.Extension);
    }
}
