using System.Data;
using Marsad.Analysis.Documents;
using Marsad.Storage.Records;

namespace Marsad.Storage.Sql;

// The timeline and map pages' counts, and the event filters only they use (an edge of the network, a place on the map).
// Grouping is by stored columns only (the day text, the location JSON text), so the same SQL runs on both back ends.
public abstract partial class SqlArticleStore
{
    private void AppendViewFilters(SqlQuery q, List<(string, object?, DbType)> extra, EventQuery query)
    {
        if (!string.IsNullOrWhiteSpace(query.SourceId))
        {
            q.Append(" AND e.global_id IN (SELECT ea.global_id FROM event_actors ea WHERE ea.actor_id = @sourceId AND ea.side = 'source')");
            extra.Add(("@sourceId", query.SourceId.Trim(), DbType.String));
        }
        if (!string.IsNullOrWhiteSpace(query.TargetId))
        {
            q.Append(" AND e.global_id IN (SELECT ea.global_id FROM event_actors ea WHERE ea.actor_id = @targetId AND ea.side = 'target')");
            extra.Add(("@targetId", query.TargetId.Trim(), DbType.String));
        }
        if (!string.IsNullOrWhiteSpace(query.PlaceCountry))
        {
            q.Append(" AND e.location_country = @placeCountry");
            extra.Add(("@placeCountry", query.PlaceCountry.Trim().ToUpperInvariant(), DbType.String));
        }
        if (!string.IsNullOrWhiteSpace(query.Place))
        {
            // The location is stored as JSON written by StorageJson: match its name member exactly, quoted as it writes it.
            string name = StorageJson.Serialize(query.Place.Trim());
            q.Append(" AND (e.location_json LIKE @placeEn ESCAPE '\\' OR e.location_json LIKE @placeAr ESCAPE '\\')");
            extra.Add(("@placeEn", "%\"name_en\":" + EscapeLike(name) + "%", DbType.String));
            extra.Add(("@placeAr", "%\"name_ar\":" + EscapeLike(name) + "%", DbType.String));
        }
        if (query.NotNegated) q.Append(" AND e.modality <> 'negated'");
    }

    public IReadOnlyList<DayTypeCount> EventDayCounts(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = new SqlQuery(Connection).Append("SELECT e.event_day, e.type, COUNT(*) FROM events e WHERE e.event_day IS NOT NULL");
        var extra = AppendEventFilters(q, query);
        q.Append(" GROUP BY e.event_day, e.type ORDER BY e.event_day, e.type");
        foreach (var (n, v, t) in extra) q.Param(n, v, t);
        var rows = new List<DayTypeCount>();
        using var cmd = q.Build();
        using var r = cmd.ExecuteReader();
        while (r.Read()) rows.Add(new DayTypeCount(r.GetString(0), r.GetString(1), r.Int(2)));
        return rows;
    }

    public IReadOnlyList<PlaceCount> EventPlaceCounts(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = new SqlQuery(Connection).Append("SELECT e.location_json, COUNT(*) AS n FROM events e WHERE e.location_json IS NOT NULL");
        var extra = AppendEventFilters(q, query);
        q.Append(" GROUP BY e.location_json ORDER BY n DESC, e.location_json");
        foreach (var (n, v, t) in extra) q.Param(n, v, t);
        var rows = new List<PlaceCount>();
        using var cmd = q.Build();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            if (StorageJson.Deserialize<LocationInfo>(r.Str(0)) is { } location) rows.Add(new PlaceCount(location, r.Int(1)));
        return rows;
    }

    public PublicationRange PublicationDays()
    {
        // Both columns are ISO 8601 text, so the first ten characters are the day and compare as days.
        var q = new SqlQuery(Connection).Append(
            "SELECT MIN(substr(published, 1, 10)), MAX(substr(published, 1, 10)), COUNT(*) FROM documents " +
            "WHERE status = 'ok' AND published IS NOT NULL AND substr(published, 1, 10) <= substr(ingested_at, 1, 10)");
        using var cmd = q.Build();
        using var r = cmd.ExecuteReader();
        return r.Read() ? new PublicationRange(r.Str(0), r.Str(1), r.Int(2)) : new PublicationRange(null, null, 0);
    }
}
