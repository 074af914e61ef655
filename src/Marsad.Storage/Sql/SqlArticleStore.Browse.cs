using System.Data;
using Marsad.Analysis.Documents;
using Marsad.Storage.Records;

namespace Marsad.Storage.Sql;

// Queries for browsing the store (the web pages and HTTP API): document pages, one actor's detail, the actor network.
// Kept in their own file so the shared write and search paths stay as they were.
public abstract partial class SqlArticleStore
{
    /// <summary>Appends <c>LIMIT @limit OFFSET @offset</c> for a positive limit (0 = everything, offset ignored).</summary>
    private static void AppendPage(SqlQuery q, int limit, int offset)
    {
        if (limit <= 0) return;
        q.Append(" LIMIT @limit").Param("@limit", limit, DbType.Int32);
        if (offset > 0) q.Append(" OFFSET @offset").Param("@offset", offset, DbType.Int32);
    }

    /// <summary>
    /// The upper bound of a day filter on ISO dates or timestamps, without wrapping the column in a function (so an index
    /// on it still applies): '~' sorts after every character of "2021-06-16T10:00:00Z", so <c>published &lt;= '2021-06-16~'</c>
    /// keeps the whole day.
    /// </summary>
    private static string EndOfDay(string day) => day.Trim() + "~";

    public DocumentPage ListDocuments(DocumentListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        int limit = Math.Max(1, query.Limit);
        // Newest first by the integer key: an index walk that stops after limit + 1 rows, whatever the store's size.
        var q = new SqlQuery(Connection).Append(
            "SELECT d.seq, d.id, d.title, d.published, d.source, d.url, d.status, d.text_length, d.ingested_at FROM documents d WHERE 1 = 1");
        if (query.Before is { } before) q.Append(" AND d.seq < @before").Param("@before", before, DbType.Int64);
        if (!string.IsNullOrWhiteSpace(query.Source))
            q.Append(" AND lower(d.source) = @source").Param("@source", query.Source.Trim().ToLowerInvariant(), DbType.String);
        if (!string.IsNullOrWhiteSpace(query.Since) || !string.IsNullOrWhiteSpace(query.Until))
        {
            string since = string.IsNullOrWhiteSpace(query.Since) ? "" : query.Since.Trim();
            string until = string.IsNullOrWhiteSpace(query.Until) ? "~" : EndOfDay(query.Until);
            // A wide date range is cheaper to filter while walking the key backwards (the page fills at once) than to
            // collect through the date index and sort; a narrow one the other way round. The date index says which, cheaply.
            string column = DayRangeHolds(since, until, DenseRangeRows) ? Unindexed("d.published") : "d.published";
            q.Append($" AND {column} >= @since AND {column} <= @until").Param("@since", since, DbType.String).Param("@until", until, DbType.String);
        }
        if (!string.IsNullOrWhiteSpace(query.Status)) q.Append(" AND d.status = @status").Param("@status", query.Status.Trim().ToLowerInvariant(), DbType.String);
        if (!string.IsNullOrWhiteSpace(query.ActorId))
            q.Append(" AND d.id IN (SELECT da.doc_id FROM document_actors da WHERE da.actor_id = @actorId)").Param("@actorId", query.ActorId.Trim(), DbType.String);
        q.Append(" ORDER BY d.seq DESC LIMIT @limit").Param("@limit", limit + 1, DbType.Int32);

        var items = new List<DocumentSummary>(limit + 1);
        using (var cmd = q.Build())
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                items.Add(new DocumentSummary(r.Long(0), r.GetString(1), r.Str(2), r.Str(3), r.Str(4), r.Str(5), r.GetString(6), r.Int(7), r.GetString(8)));
        if (items.Count <= limit) return new DocumentPage(items, null);
        items.RemoveAt(items.Count - 1);
        return new DocumentPage(items, items[^1].Seq);
    }

    /// <summary>Date-filtered pages switch to walking the key when the range holds at least this many documents.</summary>
    private const int DenseRangeRows = 2_000;

    /// <summary>True when at least <paramref name="rows"/> documents fall in [since, until] (an index-only count that stops there).</summary>
    private bool DayRangeHolds(string since, string until, int rows)
    {
        using var cmd = new SqlQuery(Connection).Append(
            "SELECT COUNT(*) FROM (SELECT 1 FROM documents WHERE published >= @since AND published <= @until LIMIT @rows) t")
            .Param("@since", since, DbType.String).Param("@until", until, DbType.String).Param("@rows", rows, DbType.Int32).Build();
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) >= rows;
    }

    /// <summary>
    /// The column as an expression the planner will not answer from an index (SQLite: unary <c>+</c>); the default leaves it
    /// alone for planners that choose by statistics (PostgreSQL).
    /// </summary>
    protected virtual string Unindexed(string column) => column;

    public ActorDetail? GetActor(string id, int coOccurring)
    {
        ArgumentNullException.ThrowIfNull(id);
        var summary = ReadActorSummaries(new SqlQuery(Connection).Append(ActorSummarySelect).Append(" WHERE a.id = @id").Param("@id", id, DbType.String));
        if (summary.Count == 0) return null;

        var roles = new List<ActorRoleSpan>();
        // The document's day is copied onto document_actors: an index range (actor, role, day), no document read.
        var rq = new SqlQuery(Connection).Append(
            "SELECT da.role, MIN(da.doc_day), MAX(da.doc_day), COUNT(*) " +
            "FROM document_actors da WHERE da.actor_id = @id AND da.role IS NOT NULL " +
            "GROUP BY da.role ORDER BY 2, da.role").Param("@id", id, DbType.String);
        using (var cmd = rq.Build())
        using (var r = cmd.ExecuteReader())
            while (r.Read()) roles.Add(new ActorRoleSpan(r.GetString(0), r.Str(1), r.Str(2), r.Int(3)));

        var co = new List<CoActor>();
        if (coOccurring > 0)
        {
            // Pair counts kept by the write path: one index range, not a join over every document of the actor.
            var cq = new SqlQuery(Connection).Append(
                "SELECT a.id, a.name_en, a.name_ar, a.country, p.docs FROM actor_pairs p JOIN actors a ON a.id = p.other_id " +
                "WHERE p.actor_id = @id ORDER BY p.docs DESC, a.id LIMIT @limit")
                .Param("@id", id, DbType.String).Param("@limit", coOccurring, DbType.Int32);
            using var cmd = cq.Build();
            using var r = cmd.ExecuteReader();
            while (r.Read()) co.Add(new CoActor(r.GetString(0), r.Str(1), r.Str(2), r.Str(3), r.Int(4)));
        }
        return new ActorDetail(summary[0], roles, co);
    }

    public IReadOnlyList<NetworkEdge> ActorNetwork(NetworkQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = new SqlQuery(Connection).Append(
            "SELECT s.actor_id, sa.name_en, sa.name_ar, sa.country, t.actor_id, ta.name_en, ta.name_ar, ta.country, e.type, COUNT(*) AS n " +
            "FROM events e " +
            "JOIN event_actors s ON s.global_id = e.global_id AND s.side = 'source' " +
            "JOIN event_actors t ON t.global_id = e.global_id AND t.side = 'target' AND t.actor_id <> s.actor_id " +
            "JOIN actors sa ON sa.id = s.actor_id JOIN actors ta ON ta.id = t.actor_id WHERE 1 = 1");
        if (!query.IncludeNegated) q.Append(" AND e.modality <> 'negated'");
        if (query.MinConfidence > 0)
            q.Append(" AND (e.confidence IS NULL OR e.confidence >= @minConfidence)").Param("@minConfidence", query.MinConfidence, DbType.Double);
        var types = query.Types.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim().ToUpperInvariant()).Distinct().ToList();
        if (types.Count > 0)
        {
            q.Append(" AND e.type IN (").Append(string.Join(", ", types.Select((_, i) => "@t" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))).Append(')');
            for (int i = 0; i < types.Count; i++) q.Param("@t" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), types[i], DbType.String);
        }
        if (!string.IsNullOrWhiteSpace(query.ActorId))
            q.Append(" AND (s.actor_id = @actorId OR t.actor_id = @actorId)").Param("@actorId", query.ActorId.Trim(), DbType.String);
        if (!string.IsNullOrWhiteSpace(query.Since)) q.Append(" AND e.event_day >= @since").Param("@since", query.Since.Trim(), DbType.String);
        if (!string.IsNullOrWhiteSpace(query.Until)) q.Append(" AND e.event_day <= @until").Param("@until", query.Until.Trim(), DbType.String);
        q.Append(" GROUP BY s.actor_id, sa.name_en, sa.name_ar, sa.country, t.actor_id, ta.name_en, ta.name_ar, ta.country, e.type " +
                 "ORDER BY n DESC, s.actor_id, t.actor_id, e.type LIMIT @limit").Param("@limit", Math.Max(1, query.Limit), DbType.Int32);

        var edges = new List<NetworkEdge>();
        using var cmd = q.Build();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            edges.Add(new NetworkEdge(new ActorRef(r.GetString(0), r.Str(1), r.Str(2), r.Str(3)), new ActorRef(r.GetString(4), r.Str(5), r.Str(6), r.Str(7)),
                r.GetString(8), r.Int(9)));
        return edges;
    }
}
