using System.Data.Common;
using Marsad.Storage.Records;
using Marsad.Storage.Schema;
using Marsad.Storage.Search;
using Marsad.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Marsad.Storage.Sqlite;

/// <summary>
/// The default store: one SQLite file. Opened in WAL mode (readers never wait for the writer, a crash loses at
/// most the transaction in flight), <c>synchronous = NORMAL</c>, a 30 s busy timeout so writers queue.
/// Full text: an FTS5 table (contentless, <c>ascii</c> tokenizer: every non-ASCII character is a token character,
/// so each of Marsad's own terms stays one token) ranked with BM25, title weighted twice the body.
/// Not thread-safe: open one store per thread.
/// </summary>
public sealed class SqliteArticleStore : SqlArticleStore
{
    private readonly string _path;

    private SqliteArticleStore(SqliteConnection connection, string path, SearchTermAnalyzer analyzer) : base(connection, analyzer)
    {
        _path = path;
    }

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/> and brings its schema up to date.</summary>
    /// <param name="path">The database file; created with its folder when missing.</param>
    /// <param name="analyzer">Search term analyzer (default: the project's pipeline).</param>
    /// <param name="rankShards">Parallel shards for ranking large match sets (default: one per core, at most 4; 1 = never).</param>
    /// <exception cref="SchemaTooNewException">the file was written by a newer Marsad.</exception>
    public static SqliteArticleStore Open(string path, SearchTermAnalyzer? analyzer = null, int? rankShards = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var cs = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 30 };
        var connection = new SqliteConnection(cs.ToString());
        connection.Open();
        var store = new SqliteArticleStore(connection, full, analyzer ?? SearchTermAnalyzer.Default);
        if (rankShards is { } shards) store.Shards = Math.Clamp(shards, 1, 16);
        try
        {
            store.Exec("PRAGMA journal_mode = WAL");
            store.Exec("PRAGMA synchronous = NORMAL");
            store.Exec("PRAGMA busy_timeout = 30000");
            store.Exec("PRAGMA cache_size = -65536");
            store.Exec("PRAGMA temp_store = MEMORY");
            store.Exec("PRAGMA mmap_size = 1073741824");
            store.Migrate();
        }
        catch
        {
            store.Dispose();
            throw;
        }
        return store;
    }

    public override string Description => "sqlite:" + _path;

    /// <summary>The file's journal mode (wal after opening).</summary>
    public string JournalMode => (string)(ScalarOf("PRAGMA journal_mode") ?? "");

    protected override IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "documents, annotations, merged events, quotes", CoreSchema.Version1("INTEGER PRIMARY KEY", "REAL")),
        new(2, "FTS5 index over Marsad search terms",
        [
            FtsTableSql,
        ]),
        new(3, "store facts (search-term signature)", CoreSchema.Version3()),
        new(4, "search filters from indexes (document seq per actor, lower-case source)", CoreSchema.SearchFilterIndexes()),
        new(5, "actor counts and co-occurrence kept by the write path", CoreSchema.ActorAggregates()),
        new(6, "document day on document actors, document order on quotes", CoreSchema.ActorPageIndexes()),
        new(7, "coder confidence on merged events", CoreSchema.EventConfidence("REAL", "json_extract(m.record_json, '$.confidence')")),
    ];

    private const string FtsTableSql = "CREATE VIRTUAL TABLE doc_fts USING fts5(title, body, content = '', tokenize = 'ascii')";

    /// <summary>FTS5 'optimize' merges the index's b-tree segments into one; PRAGMA optimize refreshes planner statistics where stale.</summary>
    protected override IReadOnlyList<string> OptimizeStatements { get; } =
        ["INSERT INTO doc_fts (doc_fts) VALUES ('optimize')", "PRAGMA optimize"];

    /// <summary>A contentless FTS5 table cannot delete rows: drop and recreate it.</summary>
    protected override void ClearIndex(DbTransaction transaction)
    {
        Exec("DROP TABLE doc_fts", transaction);
        Exec(FtsTableSql, transaction);
    }

    /// <summary>SQLite has no statistics unless ANALYZE ran; a unary plus keeps it from choosing an index for this term.</summary>
    protected override string Unindexed(string column) => "+" + column;

    protected override DbTransaction BeginWrite() => ((SqliteConnection)Connection).BeginTransaction(deferred: false);

    protected override IIndexWriter CreateIndexWriter(DbTransaction transaction, WriteQueue queue) => new FtsWriter((SqliteConnection)Connection, (SqliteTransaction)transaction);

    /// <summary>
    /// BM25 (title ×2) called as a function in the select list: FTS5's <c>rank</c> column with <c>ORDER BY rank</c> gave the
    /// same scores at about 1.5× the cost (measured on the 100,000-document bench store). Without filters the documents
    /// table is not touched until the top rows are known; equal scores come oldest first.
    /// </summary>
    protected override (string Sql, string QueryValue) FullTextSql(ParsedQuery query, string filterSql) => FullTextSql(query, filterSql, sharded: false);

    private const string Bm25 = "-bm25(doc_fts, 2.0, 1.0)";

    protected override FullTextParts MatchParts(ParsedQuery query) => new("doc_fts", "doc_fts.rowid", "doc_fts MATCH @q", Bm25, query.ToFts5());

    private static (string Sql, string QueryValue) FullTextSql(ParsedQuery query, string filterSql, bool sharded)
    {
        string range = sharded ? " AND rowid BETWEEN @seqFrom AND @seqTo" : "";
        string sql = filterSql.Length == 0
            ? "SELECT rowid, " + Bm25 + " AS score FROM doc_fts WHERE doc_fts MATCH @q" + range + " ORDER BY score DESC, rowid LIMIT @limit"
            : "SELECT f.seq, f.score FROM (SELECT rowid AS seq, " + Bm25 + " AS score FROM doc_fts WHERE doc_fts MATCH @q" + range + ") f " +
              "JOIN documents d ON d.seq = f.seq WHERE 1 = 1" + filterSql + " ORDER BY f.score DESC, f.seq LIMIT @limit";
        return (sql, query.ToFts5());
    }

    /// <summary>Matches above which ranking is split over <see cref="Shards"/> read connections in parallel.</summary>
    internal int ParallelRankThreshold { get; set; } = 8_000;
    private int Shards { get; set; } = Math.Clamp(Environment.ProcessorCount, 1, 4);
    private SqliteConnection[]? _readers;

    /// <summary>
    /// BM25 costs about a microsecond per match, so a word found in half of 100,000 documents costs ~50 ms to rank on
    /// one core. When the (cheap) match count is large, the rowid range is split into one shard per core, each ranked on
    /// its own read-only connection (WAL lets them read alongside everything else), and the per-shard top lists merged.
    /// </summary>
    /// <remarks>
    /// With a <see cref="SqlArticleStore.RankCap"/>, every query ranks the newest cap matches that pass its filters (none
    /// for a plain query) in one pass (<see cref="NewestMatchesRanked"/>); BM25's term statistics still come from the
    /// whole index, so scores do not change. With no cap (0) every match is ranked, in shards on large match sets.
    /// </remarks>
    protected override List<(long Seq, double Score)> RankedMatches(ParsedQuery parsed, SearchQuery query, string filterSql,
        IReadOnlyList<(string Name, object? Value, System.Data.DbType Type)> parameters, int limit)
    {
        if (RankCap > 0) return NewestMatchesRanked(parsed, query, limit);
        if (Shards < 2) return base.RankedMatches(parsed, query, filterSql, parameters, limit);
        long matches;
        using (var count = Connection.CreateCommand())
        {
            count.CommandText = "SELECT COUNT(*) FROM doc_fts WHERE doc_fts MATCH @q";
            var p = count.CreateParameter();
            p.ParameterName = "@q";
            p.Value = parsed.ToFts5();
            count.Parameters.Add(p);
            matches = Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        if (matches < ParallelRankThreshold) return base.RankedMatches(parsed, query, filterSql, parameters, limit);

        long min = Convert.ToInt64(ScalarOf("SELECT COALESCE(MIN(seq), 0) FROM documents"), System.Globalization.CultureInfo.InvariantCulture);
        long max = Convert.ToInt64(ScalarOf("SELECT COALESCE(MAX(seq), 0) FROM documents"), System.Globalization.CultureInfo.InvariantCulture);
        _readers ??= Enumerable.Range(0, Shards).Select(_ => OpenReader()).ToArray();
        var sql = FullTextSql(parsed, filterSql, sharded: true);
        long width = (max - min) / Shards + 1;
        var results = new List<(long, double)>[Shards];
        Parallel.For(0, Shards, i =>
        {
            long from = min + i * width, to = i == Shards - 1 ? max : from + width - 1;
            results[i] = RankedMatches(_readers[i], sql, parameters, limit, (from, to));
        });
        return results.SelectMany(r => r).OrderByDescending(r => r.Item2).ThenBy(r => r.Item1).Take(limit).ToList();
    }

    /// <summary>
    /// A query, capped: FTS5 walks the matches newest first (no ranking yet), each match's rowid is tested
    /// against the filters' seq lists (<see cref="SqlArticleStore.SeqFilter"/>: built once per query from indexes, so no
    /// document row is read, except for a wide date range), and BM25 is computed only for the first
    /// <see cref="SqlArticleStore.RankCap"/> that pass; the walk stops there. Before, every match was ranked and then
    /// joined to its document row (<c>قال</c> with an actor: ~48,000 BM25 scores and row reads for ~10,000 passing).
    /// Ties are broken by seq, oldest first. A query without filters is the same walk with nothing to test: one statement
    /// instead of finding the cap-th newest match first and then ranking from there (common words 8.4 → 4.5 ms).
    /// </summary>
    private List<(long Seq, double Score)> NewestMatchesRanked(ParsedQuery parsed, SearchQuery query, int limit)
    {
        // "+" keeps the rowid tests out of FTS5's own constraints: offered to it, each listed seq became a separate
        // full-text lookup (seconds instead of milliseconds).
        var (onSeq, onDocument, parameters) = SeqFilter(query, "+doc_fts.rowid");
        string join = onDocument.Length == 0 ? "" : " CROSS JOIN documents d ON d.seq = doc_fts.rowid";
        string sql = "SELECT x.seq, x.score FROM (SELECT doc_fts.rowid AS seq, " + Bm25 + " AS score FROM doc_fts" + join +
                     " WHERE doc_fts MATCH @q" + onSeq + onDocument + " ORDER BY doc_fts.rowid DESC LIMIT @cap) x ORDER BY x.score DESC, x.seq LIMIT @limit";
        return RankedMatches(Connection, (sql, parsed.ToFts5()), [.. parameters, ("@cap", RankCap, System.Data.DbType.Int32)], limit, null);
    }

    private SqliteConnection OpenReader()
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = _path, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 30 };
        var c = new SqliteConnection(cs.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA cache_size = -32768; PRAGMA mmap_size = 1073741824";
        cmd.ExecuteNonQuery();
        return c;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _readers is not null)
            foreach (var r in _readers) r.Dispose();
        base.Dispose(disposing);
    }

    protected override IEnumerable<string> BackendConsistencyProblems()
    {
        // On a fresh connection: FTS5's part of the check reads state this connection may have cached while another
        // connection wrote (seen as a false "malformed inverted index" on a reader that searched during an ingest,
        // while a new connection found the same file sound).
        string? integrity;
        using (var fresh = OpenReader())
        using (var cmd = fresh.CreateCommand())
        {
            cmd.CommandText = "PRAGMA integrity_check";
            integrity = cmd.ExecuteScalar() as string;
        }
        if (integrity != "ok") yield return "integrity_check: " + integrity;
        long indexed = Convert.ToInt64(ScalarOf("SELECT COUNT(*) FROM documents WHERE indexed = 1"), System.Globalization.CultureInfo.InvariantCulture);
        long fts = Convert.ToInt64(ScalarOf("SELECT COUNT(*) FROM doc_fts"), System.Globalization.CultureInfo.InvariantCulture);
        if (indexed != fts) yield return $"{indexed} documents marked indexed but {fts} rows in the full-text index";
        long stray = Convert.ToInt64(ScalarOf("SELECT COUNT(*) FROM doc_fts f WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.seq = f.rowid AND d.indexed = 1)"),
            System.Globalization.CultureInfo.InvariantCulture);
        if (stray != 0) yield return $"{stray} full-text rows without an indexed document";
    }

    private sealed class FtsWriter : IIndexWriter
    {
        private readonly SqliteCommand _insert;

        public FtsWriter(SqliteConnection c, SqliteTransaction tx)
        {
            _insert = c.CreateCommand();
            _insert.Transaction = tx;
            _insert.CommandText = "INSERT INTO doc_fts (rowid, title, body) VALUES (@seq, @title, @body)";
            _insert.Parameters.Add("@seq", SqliteType.Integer);
            _insert.Parameters.Add("@title", SqliteType.Text);
            _insert.Parameters.Add("@body", SqliteType.Text);
        }

        public void Add(long seq, IReadOnlyList<IndexTerm> title, IReadOnlyList<IndexTerm> body)
        {
            _insert.Parameters[0].Value = seq;
            _insert.Parameters[1].Value = Join(title);
            _insert.Parameters[2].Value = Join(body);
            _insert.ExecuteNonQuery();
        }

        private static string Join(IReadOnlyList<IndexTerm> terms)
        {
            var sb = new System.Text.StringBuilder(terms.Count * 7);
            for (int i = 0; i < terms.Count; i++)
            {
                if (i > 0) sb.Append(' ');
                sb.Append(terms[i].Term);
            }
            return sb.ToString();
        }

        public void Dispose() => _insert.Dispose();
    }
}
