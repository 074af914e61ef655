using System.Data;
using System.Globalization;
using System.Text;
using Marsad.Storage.Records;
using Marsad.Storage.Search;

namespace Marsad.Storage.Sql;

// Search as an analyst pages through it: the filters as SQL, newest-first pages, the total and the facets. The ranked
// (relevance) path stays in RankedMatches; everything here reads the whole match set, which a back end describes once
// in its FullTextParts.
public abstract partial class SqlArticleStore
{
    /// <summary>
    /// The back end's full-text match in pieces, so one piece of SQL can count, facet and sort the matches on both back
    /// ends: <c>SELECT {Seq} … FROM {Table} WHERE {Match}</c>, scored by <c>{Score}</c>, with the match expression in @q.
    /// </summary>
    /// <param name="Table">The index table (with its alias, if any).</param>
    /// <param name="Seq">The matched document's seq.</param>
    /// <param name="Match">The condition that selects matches of @q.</param>
    /// <param name="Score">The relevance of a match (higher is better).</param>
    /// <param name="QueryValue">The value of @q.</param>
    protected sealed record FullTextParts(string Table, string Seq, string Match, string Score, string QueryValue);

    /// <summary>How this back end matches <paramref name="query"/>.</summary>
    protected abstract FullTextParts MatchParts(ParsedQuery query);

    /// <summary>Months a summary lists, newest first.</summary>
    public const int FacetMonths = 60;

    /// <summary>
    /// The search filters (outlet, days, actor, event type) as conditions on <c>d</c> (documents), each starting with AND,
    /// and their parameters. <see cref="SeqFilter"/> states the same tests on a seq for the capped ranking path.
    /// </summary>
    private (string Sql, List<(string Name, object? Value, DbType Type)> Parameters) SearchFilter(SearchQuery query)
    {
        var filter = new StringBuilder();
        var extra = new List<(string, object?, DbType)>();
        if (!string.IsNullOrWhiteSpace(query.Source))
        {
            filter.Append(" AND lower(d.source) = @source");
            extra.Add(("@source", query.Source.Trim().ToLowerInvariant(), DbType.String));
        }
        if (!string.IsNullOrWhiteSpace(query.Since))
        {
            filter.Append(" AND substr(d.published, 1, 10) >= @since");
            extra.Add(("@since", query.Since.Trim(), DbType.String));
        }
        if (!string.IsNullOrWhiteSpace(query.Until))
        {
            filter.Append(" AND substr(d.published, 1, 10) <= @until");
            extra.Add(("@until", query.Until.Trim(), DbType.String));
        }
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            filter.Append(" AND d.seq IN (SELECT da.doc_seq FROM document_actors da WHERE da.actor_id IN (").Append(ActorMatchSql).Append("))");
            AddActorParams(extra, query.Actor);
        }
        if (!string.IsNullOrWhiteSpace(query.EventType))
        {
            filter.Append(" AND d.id IN (").Append(DocumentsWithEventTypeSql).Append(')');
            AddEventTypeParams(extra, query);
        }
        return (filter.ToString(), extra);
    }

    /// <summary>Ids of documents reporting an event of type @eventType that is not negated and reaches @eventMinConfidence.</summary>
    private const string DocumentsWithEventTypeSql =
        "SELECT em.doc_id FROM event_mentions em JOIN events ev ON ev.global_id = em.global_id " +
        "WHERE ev.type = @eventType AND ev.modality <> 'negated' AND (ev.confidence IS NULL OR ev.confidence >= @eventMinConfidence)";

    private static void AddEventTypeParams(List<(string, object?, DbType)> extra, SearchQuery query)
    {
        extra.Add(("@eventType", query.EventType!.Trim().ToUpperInvariant(), DbType.String));
        extra.Add(("@eventMinConfidence", query.MinConfidence, DbType.Double));
    }

    /// <summary>The seqs of every match that passes <paramref name="filterSql"/> (alias <c>d</c> joined only when a filter needs it).</summary>
    private static string MatchSeqsSql(FullTextParts parts, string filterSql) =>
        $"SELECT {parts.Seq} AS seq FROM {parts.Table}" + (filterSql.Length == 0 ? "" : $" JOIN documents d ON d.seq = {parts.Seq}") +
        $" WHERE {parts.Match}{filterSql}";

    /// <summary>One page of matches, most recently published first (then most recently stored), with their scores.</summary>
    private List<(long Seq, double Score)> NewestMatches(ParsedQuery parsed, string filterSql, IReadOnlyList<(string Name, object? Value, DbType Type)> parameters,
        int limit, int offset)
    {
        var parts = MatchParts(parsed);
        var q = new SqlQuery(Connection).Append(
                $"SELECT {parts.Seq}, {parts.Score} FROM {parts.Table} JOIN documents d ON d.seq = {parts.Seq} WHERE {parts.Match}{filterSql} " +
                $"ORDER BY COALESCE(d.published, '') DESC, {parts.Seq} DESC LIMIT @limit OFFSET @offset")
            .Param("@q", parts.QueryValue, DbType.String).Param("@limit", limit, DbType.Int32).Param("@offset", offset, DbType.Int32);
        foreach (var (n, v, t) in parameters) q.Param(n, v, t);
        var page = new List<(long, double)>(limit);
        using var cmd = q.Build();
        using var r = cmd.ExecuteReader();
        while (r.Read()) page.Add((r.Long(0), r.Dbl(1) ?? 0));
        return page;
    }

    public SearchSummary Summarize(SearchQuery query, int facetSize)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parsed = ParsedQuery.Parse(query.Text, Analyzer);
        if (parsed.IsEmpty) return new SearchSummary(0, SearchFacets.None);
        var parts = MatchParts(parsed);
        var (filter, parameters) = SearchFilter(query);
        string matches = MatchSeqsSql(parts, filter);

        SqlQuery Query(string sql)
        {
            var q = new SqlQuery(Connection).Append(sql).Param("@q", parts.QueryValue, DbType.String);
            foreach (var (n, v, t) in parameters) q.Param(n, v, t);
            return q;
        }

        long total;
        using (var cmd = Query($"SELECT COUNT(*) FROM ({matches}) m").Build())
            total = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (facetSize <= 0 || total == 0) return new SearchSummary(total, SearchFacets.None);

        List<FacetCount> Facet(string sql, int limit)
        {
            var list = new List<FacetCount>();
            var q = Query(sql).Param("@facetLimit", limit, DbType.Int32);
            if (sql.Contains("@facetMinConfidence", StringComparison.Ordinal)) q.Param("@facetMinConfidence", query.MinConfidence, DbType.Double);
            using var cmd = q.Build();
            using var r = cmd.ExecuteReader();
            while (r.Read()) list.Add(new FacetCount(r.GetString(0), r.Str(1), r.Str(2), r.Long(3)));
            return list;
        }

        // The outer queries name documents "doc": "d" belongs to the filters inside the match set.
        var sources = Facet(
            $"SELECT doc.source, NULL, NULL, COUNT(*) AS n FROM documents doc WHERE doc.seq IN ({matches}) AND doc.source IS NOT NULL " +
            "GROUP BY doc.source ORDER BY n DESC, doc.source LIMIT @facetLimit", facetSize);
        var months = Facet(
            $"SELECT substr(doc.published, 1, 7) AS month, NULL, NULL, COUNT(*) AS n FROM documents doc WHERE doc.seq IN ({matches}) " +
            "AND doc.published IS NOT NULL AND length(doc.published) >= 7 GROUP BY substr(doc.published, 1, 7) ORDER BY month DESC LIMIT @facetLimit", FacetMonths);
        var actors = Facet(
            $"SELECT da.actor_id, a.name_en, a.name_ar, COUNT(*) AS n FROM document_actors da JOIN actors a ON a.id = da.actor_id WHERE da.doc_seq IN ({matches}) " +
            "GROUP BY da.actor_id, a.name_en, a.name_ar ORDER BY n DESC, da.actor_id LIMIT @facetLimit", facetSize);
        var types = Facet(
            "SELECT ev.type, NULL, NULL, COUNT(DISTINCT em.doc_id) AS n FROM event_mentions em JOIN events ev ON ev.global_id = em.global_id " +
            $"JOIN documents doc ON doc.id = em.doc_id WHERE doc.seq IN ({matches}) AND ev.modality <> 'negated' " +
            "AND (ev.confidence IS NULL OR ev.confidence >= @facetMinConfidence) GROUP BY ev.type ORDER BY n DESC, ev.type LIMIT @facetLimit", facetSize);
        return new SearchSummary(total, new SearchFacets(sources, months, actors, types));
    }
}
