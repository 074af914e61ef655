using Marsad.Analysis.Events;
using System.Data;
using System.Data.Common;
using System.Globalization;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Normalization;
using Marsad.Analysis.Text;
using Marsad.Storage.Events;
using Marsad.Storage.Records;
using Marsad.Storage.Schema;
using Marsad.Storage.Search;

namespace Marsad.Storage.Sql;

/// <summary>
/// The store logic both back ends share, written once over ADO.NET with portable SQL (named @parameters,
/// <c>INSERT … ON CONFLICT … DO NOTHING/UPDATE</c>, <c>RETURNING</c>, which SQLite ≥ 3.35 and PostgreSQL both speak).
/// A back end supplies its connection, its migrations (DDL differs) and its full-text index and query.
/// The logical schema (same table and column names on both):
/// <code>
/// documents(seq, id UNIQUE, path, source_id, title, published, source, url, language, language_confidence, status,
///           reason, duplicate_of, text, text_length, removed_json, indexed, ingested_at)
/// document_sightings(doc_id, path, source, url, source_id, seen_at)   UNIQUE(doc_id, path)
/// rejections(path, reason, seen_at)                                   UNIQUE(path, reason)
/// sentences(doc_id, idx, start_offset, end_offset)
/// entities(doc_id, idx, start_offset, end_offset, text, type, actor_id, origin)
/// actors(id, name_en, name_ar, name_ar_norm, country, kind, doc_count, event_count, quote_count)   counts kept by Store
/// actor_pairs(actor_id, other_id, docs)                               documents naming both, kept by Store
/// document_actors(doc_id, actor_id, role, doc_seq, doc_day)            doc_seq, doc_day copied from the document
/// events(global_id, event_key UNIQUE, type, mode, cameo, event_date, event_day, modality, source_json, target_json,
///        location_json, location_country, topics_json, first_doc_id, date_added)
/// event_actors(global_id, actor_id, side, country)
/// event_mentions(doc_id, ordinal, global_id, record_id, sentence_idx, sentence_text, trigger_json, date_text, rule,
///                evidence_json, record_json)
/// quotes(doc_id, idx, speaker_id, speaker_json, text, direct, via_json, start_offset, end_offset, doc_published, doc_seq)
/// schema_migrations(version, description, applied_at)
/// </code>
/// Not thread-safe (one connection).
/// </summary>
public abstract partial class SqlArticleStore : IArticleStore
{
    private const int InChunk = 400;
    private readonly ArabicNormalizer _nameNormalizer = new(ArabicNormalizerOptions.Search);

    protected SqlArticleStore(DbConnection connection, SearchTermAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(analyzer);
        Connection = connection;
        Analyzer = analyzer;
        Snippets = new SnippetBuilder(analyzer);
    }

    protected DbConnection Connection { get; }

    /// <summary>The analyzer that makes index and query terms.</summary>
    public SearchTermAnalyzer Analyzer { get; }

    /// <summary>Builds snippets; replace to change the hit markers.</summary>
    public SnippetBuilder Snippets { get; set; }

    public abstract string Description { get; }

    /// <summary>Default of <see cref="RankCap"/>.</summary>
    public const int DefaultRankCap = 2_000;

    /// <summary>
    /// Most matches a search ranks. Ranking costs a few microseconds per match, so a very common word (found in half of
    /// 100,000 documents) would cost 100–250 ms; when a query (with its filters) matches more than this many documents,
    /// only the newest <see cref="RankCap"/> of them (by ingestion order, seq) are ranked and the best of those returned.
    /// A query matching fewer is ranked in full, as before. 0 or less ranks every match. 2,000 (was 5,000) keeps a
    /// common word near 2 ms of BM25 on SQLite, which is what lets 20 concurrent searches on two cores answer within
    /// 100 ms at p95 (docs/benchmarks.md, web figures).
    /// </summary>
    public int RankCap { get; set; } = DefaultRankCap;

    public int SchemaVersion { get; private set; }

    /// <summary>The back end's schema history, versions 1..n.</summary>
    protected abstract IReadOnlyList<Migration> Migrations { get; }

    /// <summary>Starts a write transaction (SQLite: BEGIN IMMEDIATE, so writers queue instead of failing).</summary>
    protected virtual DbTransaction BeginWrite() => Connection.BeginTransaction();

    /// <summary>
    /// True when the write path should queue statements and send them in batches (<see cref="WriteQueue"/>): worth it
    /// when every statement is a network round trip (PostgreSQL), not in process (SQLite).
    /// </summary>
    protected virtual bool PipelineWrites => false;

    /// <summary>Prepares the statements that add one document's terms to the full-text index in this transaction.</summary>
    protected abstract IIndexWriter CreateIndexWriter(DbTransaction transaction, WriteQueue queue);

    /// <summary>
    /// The ranked full-text query: SQL that selects <c>(seq, score)</c> of matching documents, best first, at most @limit,
    /// with <paramref name="filterSql"/> (conditions on alias <c>d</c> for documents, starting with AND) added to its WHERE.
    /// The match expression goes in the @q parameter, whose value is returned.
    /// </summary>
    protected abstract (string Sql, string QueryValue) FullTextSql(ParsedQuery query, string filterSql);

    /// <summary>Removes every row of the full-text index (inside <paramref name="transaction"/>).</summary>
    protected abstract void ClearIndex(DbTransaction transaction);

    /// <summary>Back-end checks beyond the shared ones (index row counts, integrity pragmas).</summary>
    protected abstract IEnumerable<string> BackendConsistencyProblems();

    /// <summary>Writes all sentences of a document at once; null (the default) means one INSERT per sentence.</summary>
    protected virtual ISentenceWriter? CreateSentenceWriter(DbTransaction transaction, WriteQueue queue) => null;

    /// <summary>Writes a document's sentence spans.</summary>
    protected interface ISentenceWriter : IDisposable
    {
        void Add(string documentId, IReadOnlyList<TextSpan> sentences);
    }

    /// <summary>Writes one document's terms into the index.</summary>
    protected interface IIndexWriter : IDisposable
    {
        void Add(long seq, IReadOnlyList<IndexTerm> title, IReadOnlyList<IndexTerm> body);
    }

    /// <summary>Brings the schema to the newest version. Call once from the back end's constructor/open.</summary>
    protected void Migrate()
    {
        int latest = Migrations.Count == 0 ? 0 : Migrations.Max(m => m.Version);
        // An up-to-date store (the usual case) is only read: opening one must not wait for a writer's transaction.
        if (StoredVersion() is { } stored && stored >= latest)
        {
            SchemaVersion = stored;
            if (stored > latest) throw new SchemaTooNewException(stored, latest);
            return;
        }
        Exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)");
        foreach (var m in Migrations.OrderBy(m => m.Version))
        {
            using var tx = BeginWrite();
            int current = CurrentVersion(tx);
            if (current > latest) throw new SchemaTooNewException(current, latest);
            if (m.Version <= current) { tx.Commit(); continue; }
            foreach (var statement in m.Statements) Exec(statement, tx);
            var q = new SqlQuery(Connection).Append("INSERT INTO schema_migrations (version, description, applied_at) VALUES (@v, @d, @t)")
                .Param("@v", m.Version, DbType.Int32).Param("@d", m.Description, DbType.String).Param("@t", Now(), DbType.String);
            using (var cmd = q.Build()) { cmd.Transaction = tx; cmd.ExecuteNonQuery(); }
            tx.Commit();
        }
        using (var tx = Connection.BeginTransaction())
        {
            SchemaVersion = CurrentVersion(tx);
            tx.Commit();
        }
        if (SchemaVersion > latest) throw new SchemaTooNewException(SchemaVersion, latest);
    }

    /// <summary>The newest applied migration, read without a write lock; null when the store has no schema yet.</summary>
    private int? StoredVersion()
    {
        try
        {
            return Convert.ToInt32(ScalarOf("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"), CultureInfo.InvariantCulture);
        }
        catch (DbException)
        {
            return null; // no schema_migrations table: a new store
        }
    }

    private int CurrentVersion(DbTransaction tx)
    {
        using var cmd = Connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a constant SQL statement (DDL, pragmas). Never used with user text.</summary>
    protected void Exec(string sql, DbTransaction? tx = null)
    {
        using var cmd = Connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>Runs a constant scalar query.</summary>
    protected object? ScalarOf(string sql)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        var v = cmd.ExecuteScalar();
        return v is DBNull ? null : v;
    }

    protected static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // ------------------------------------------------------------------ writing

    public StoreWriteResult Store(IReadOnlyList<AnalyzedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0) return new StoreWriteResult(0, 0, 0);
        int added = 0, already = 0, rejections = 0;
        string now = Now();
        using var tx = BeginWrite();
        if (ReadInfo(SignatureKey, tx) is null) WriteInfo(SignatureKey, Analyzer.Signature, tx);
        using var w = new Writers(Connection, tx);
        using var queue = new WriteQueue(Connection, tx, PipelineWrites);
        using var index = CreateIndexWriter(tx, queue);
        using var sentences = CreateSentenceWriter(tx, queue);
        long lastEventBefore = LastEventId(tx);
        var tally = new ActorTally();

        // (1) The documents, in order. A text already stored (or stored earlier in this batch) returns no seq.
        var texts = new List<AnalyzedDocument>(documents.Count);
        var rows = new List<object?[]>(documents.Count);
        foreach (var doc in documents)
        {
            if (doc.Text.Length == 0)
            {
                // Unreadable input: nothing to hash or search, but the failure is kept with its reason.
                queue.Execute(w.Rejection, doc.Path ?? "", doc.Reason ?? "no text", now);
                rejections++;
                continue;
            }
            texts.Add(doc);
            rows.Add([doc.Id, doc.Path, doc.SourceId, doc.Title, doc.Published, doc.Source, doc.Url,
                doc.Language, doc.LanguageConfidence, StatusName(doc.Status), doc.Reason, doc.DuplicateOf, doc.Text, doc.Text.Length,
                doc.Removed.Count == 0 ? null : StorageJson.Serialize(doc.Removed), doc.Status == DocumentStatus.Ok ? 1 : 0, now]);
        }
        var seqs = queue.Scalars(w.Document, rows);

        // (2) Every path is a sighting; the new documents get their annotations and index terms.
        var events = new List<PendingEvent>();
        for (int i = 0; i < texts.Count; i++)
        {
            var doc = texts[i];
            queue.Execute(w.Sighting, doc.Id, doc.Path ?? "", doc.Source, doc.Url, doc.SourceId, now);
            if (seqs[i] is not { } seqObj) { already++; continue; }
            long seq = Convert.ToInt64(seqObj, CultureInfo.InvariantCulture);
            if (sentences is not null) sentences.Add(doc.Id, doc.Sentences);
            WriteAnnotations(w, queue, doc, seq, now, sentences is null, events);
            tally.AddDocument(doc);
            if (doc.Status == DocumentStatus.Ok)
                index.Add(seq, Analyzer.Terms(doc.Title ?? ""), Analyzer.Terms(doc.Text));
            added++;
        }

        // (3) The merged events' ids (an event first reported in this batch has one only now), then what points to them.
        var ids = EventIds(tx, queue, events);
        WriteMentions(w, queue, events, ids);
        tally.AddNewEvents(events.Select(p => (ids[p.Key], p.Document.Events[p.Ordinal])), lastEventBefore);
        WriteTally(w, queue, tally);
        queue.Flush();
        tx.Commit();
        return new StoreWriteResult(added, already, rejections);
    }

    /// <summary>Each report's row in <c>event_mentions</c> and its actors in <c>event_actors</c>, under its merged event's id.</summary>
    private static void WriteMentions(Writers w, WriteQueue queue, List<PendingEvent> events, Dictionary<string, long> ids)
    {
        foreach (var p in events)
        {
            long globalId = ids[p.Key];
            var e = p.Document.Events[p.Ordinal];
            WriteEventActors(w, queue, globalId, e);
            var doc = p.Document;
            int sentence = SentenceOf(doc, e.Trigger?.Start ?? (e.Evidence.Count > 0 ? e.Evidence[0].Start : -1));
            string? sentenceText = sentence >= 0 ? doc.Text[doc.Sentences[sentence].Start..doc.Sentences[sentence].End] : null;
            queue.Execute(w.Mention, doc.Id, p.Ordinal, globalId, e.Id, sentence, sentenceText,
                e.Trigger is null ? null : StorageJson.Serialize(e.Trigger), e.DateText, e.Rule,
                StorageJson.Serialize(e.Evidence), StorageJson.Serialize(e));
        }
    }

    /// <summary>A report's source and target actors on its merged event (a pair already there keeps its first country).</summary>
    private static void WriteEventActors(Writers w, WriteQueue queue, long globalId, EventRecord e)
    {
        foreach (var (side, actors) in new[] { ("source", e.Source), ("target", e.Target) })
            foreach (var a in actors)
                queue.Execute(w.EventActor, globalId, a.Id, side, a.Country?.ToUpperInvariant());
    }

    /// <summary>The newest merged event's id when the batch starts; events with a larger id are first reported by the batch.</summary>
    private long LastEventId(DbTransaction tx)
    {
        using var cmd = Connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT COALESCE(MAX(global_id), 0) FROM events";
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>An event of a new document, written before its merged id is known.</summary>
    private readonly record struct PendingEvent(AnalyzedDocument Document, int Ordinal, string Key);

    /// <summary>The global ids of the events' keys (every key is in the events table by now).</summary>
    private Dictionary<string, long> EventIds(DbTransaction tx, WriteQueue queue, List<PendingEvent> events)
    {
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        if (events.Count == 0) return ids;
        queue.Flush();
        foreach (var chunk in events.Select(e => e.Key).Distinct(StringComparer.Ordinal).Chunk(InChunk))
        {
            var q = new SqlQuery(Connection).Append("SELECT event_key, global_id FROM events WHERE event_key IN (").Append(InList(null, "k", chunk.Length)).Append(')');
            for (int i = 0; i < chunk.Length; i++) q.Param("@k" + i.ToString(CultureInfo.InvariantCulture), chunk[i], DbType.String);
            using var cmd = q.Build();
            cmd.Transaction = tx;
            using var r = cmd.ExecuteReader();
            while (r.Read()) ids[r.GetString(0)] = r.Long(1);
        }
        return ids;
    }

    private const string SignatureKey = "search_terms_signature";

    private string? ReadInfo(string key, DbTransaction? tx)
    {
        using var cmd = new SqlQuery(Connection).Append("SELECT value FROM store_info WHERE key = @k").Param("@k", key, DbType.String).Build();
        cmd.Transaction = tx;
        var v = cmd.ExecuteScalar();
        return v is null or DBNull ? null : (string)v;
    }

    private void WriteInfo(string key, string value, DbTransaction tx)
    {
        using var cmd = new SqlQuery(Connection).Append("INSERT INTO store_info (key, value) VALUES (@k, @v) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
            .Param("@k", key, DbType.String).Param("@v", value, DbType.String).Build();
        cmd.Transaction = tx;
        cmd.ExecuteNonQuery();
    }

    public bool SearchIndexIsCurrent
    {
        get
        {
            var stored = ReadInfo(SignatureKey, null);
            return stored is null || stored == Analyzer.Signature;
        }
    }

    public int RebuildSearchIndex()
    {
        using var tx = BeginWrite();
        ClearIndex(tx);
        int n = 0;
        using (var queue = new WriteQueue(Connection, tx, PipelineWrites))
        using (var index = CreateIndexWriter(tx, queue))
        using (var cmd = Connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT seq, title, text FROM documents WHERE indexed = 1 ORDER BY seq";
            var rows = new List<(long, string?, string)>();
            using (var r = cmd.ExecuteReader())
                while (r.Read()) rows.Add((r.Long(0), r.Str(1), r.GetString(2)));
            foreach (var (seq, title, text) in rows)
            {
                index.Add(seq, Analyzer.Terms(title ?? ""), Analyzer.Terms(text));
                n++;
            }
            queue.Flush();
        }
        WriteInfo(SignatureKey, Analyzer.Signature, tx);
        tx.Commit();
        return n;
    }

    /// <summary>The back end's statements for <see cref="IArticleStore.Optimize"/>, run one by one outside a transaction.</summary>
    protected abstract IReadOnlyList<string> OptimizeStatements { get; }

    public void Optimize()
    {
        foreach (var statement in OptimizeStatements) Exec(statement);
    }

    private static string StatusName(DocumentStatus s) => s switch
    {
        DocumentStatus.Ok => "ok",
        DocumentStatus.Rejected => "rejected",
        DocumentStatus.Duplicate => "duplicate",
        _ => s.ToString().ToLowerInvariant(),
    };

    private static DocumentStatus ParseStatus(string? s) => s switch
    {
        "rejected" => DocumentStatus.Rejected,
        "duplicate" => DocumentStatus.Duplicate,
        _ => DocumentStatus.Ok,
    };

    private void WriteAnnotations(Writers w, WriteQueue queue, AnalyzedDocument doc, long seq, string now, bool writeSentences, List<PendingEvent> events)
    {
        for (int i = 0; writeSentences && i < doc.Sentences.Count; i++)
            queue.Execute(w.Sentence, doc.Id, i, doc.Sentences[i].Start, doc.Sentences[i].End);
        for (int i = 0; i < doc.Entities.Count; i++)
        {
            var e = doc.Entities[i];
            queue.Execute(w.Entity, doc.Id, i, e.Start, e.End, e.Text, e.Type, e.Actor, e.Origin);
        }
        foreach (var a in doc.Actors)
        {
            UpsertActor(w, queue, a.Id, a.NameEn, a.NameAr, a.Country, a.Kind);
            queue.Execute(w.DocumentActor, doc.Id, a.Id, a.Role, seq, Day(doc.Published));
        }
        for (int i = 0; i < doc.Events.Count; i++)
        {
            var e = doc.Events[i];
            string key = EventMerging.Key(e, doc);
            queue.Execute(w.Event, key, e.Type.Name(), e.Mode, e.Cameo, e.Date, EventMerging.EventDay(e, doc), e.Modality.Name(),
                StorageJson.Serialize(e.Source), StorageJson.Serialize(e.Target),
                e.Location is null ? null : StorageJson.Serialize(e.Location), e.Location?.Country?.ToUpperInvariant(),
                StorageJson.Serialize(e.Topics), doc.Id, now, e.Confidence);
            foreach (var actors in new[] { e.Source, e.Target })
                foreach (var a in actors)
                    UpsertActor(w, queue, a.Id, a.NameEn, a.NameAr, a.Country, null);
            events.Add(new PendingEvent(doc, i, key));
        }
        for (int i = 0; i < doc.Quotes.Count; i++)
        {
            var q = doc.Quotes[i];
            if (q.Speaker is not null) UpsertActor(w, queue, q.Speaker.Id, q.Speaker.NameEn, q.Speaker.NameAr, q.Speaker.Country, null);
            queue.Execute(w.Quote, doc.Id, i, q.Speaker?.Id, q.Speaker is null ? null : StorageJson.Serialize(q.Speaker), q.Text,
                q.Direct ? 1 : 0, q.Via is null ? null : StorageJson.Serialize(q.Via), q.Start, q.End, doc.Published ?? "", seq);
        }
    }

    private void UpsertActor(Writers w, WriteQueue queue, string id, string? nameEn, string? nameAr, string? country, string? kind) =>
        queue.Execute(w.Actor, id, nameEn, nameAr, nameAr is null ? null : _nameNormalizer.NormalizeToString(nameAr), country?.ToUpperInvariant(), kind);

    /// <summary>The first ten characters of a published value (its day), as <c>substr(published, 1, 10)</c> gives them.</summary>
    private static string? Day(string? published) => published is null ? null : published.Length <= 10 ? published : published[..10];

    private static int SentenceOf(AnalyzedDocument doc, int offset)
    {
        if (offset < 0) return -1;
        for (int i = 0; i < doc.Sentences.Count; i++)
            if (offset >= doc.Sentences[i].Start && offset < doc.Sentences[i].End) return i;
        return -1;
    }

    /// <summary>The prepared statements of one write transaction.</summary>
    private sealed class Writers : IDisposable
    {
        private const DbType S = DbType.String, I = DbType.Int32, L = DbType.Int64, D = DbType.Double;

        public Writers(DbConnection c, DbTransaction tx)
        {
            Document = new(c, tx,
                "INSERT INTO documents (id, path, source_id, title, published, source, url, language, language_confidence, status, reason, duplicate_of, text, text_length, removed_json, indexed, ingested_at) " +
                "VALUES (@id, @path, @source_id, @title, @published, @source, @url, @language, @lc, @status, @reason, @dup, @text, @len, @removed, @indexed, @at) " +
                "ON CONFLICT (id) DO NOTHING RETURNING seq",
                ("@id", S), ("@path", S), ("@source_id", S), ("@title", S), ("@published", S), ("@source", S), ("@url", S), ("@language", S),
                ("@lc", D), ("@status", S), ("@reason", S), ("@dup", S), ("@text", S), ("@len", I), ("@removed", S), ("@indexed", I), ("@at", S));
            Sighting = new(c, tx,
                "INSERT INTO document_sightings (doc_id, path, source, url, source_id, seen_at) VALUES (@d, @p, @s, @u, @i, @t) ON CONFLICT (doc_id, path) DO NOTHING",
                ("@d", S), ("@p", S), ("@s", S), ("@u", S), ("@i", S), ("@t", S));
            Rejection = new(c, tx,
                "INSERT INTO rejections (path, reason, seen_at) VALUES (@p, @r, @t) ON CONFLICT (path, reason) DO NOTHING",
                ("@p", S), ("@r", S), ("@t", S));
            Sentence = new(c, tx, "INSERT INTO sentences (doc_id, idx, start_offset, end_offset) VALUES (@d, @i, @s, @e)",
                ("@d", S), ("@i", I), ("@s", I), ("@e", I));
            Entity = new(c, tx,
                "INSERT INTO entities (doc_id, idx, start_offset, end_offset, text, type, actor_id, origin) VALUES (@d, @i, @s, @e, @x, @t, @a, @o)",
                ("@d", S), ("@i", I), ("@s", I), ("@e", I), ("@x", S), ("@t", S), ("@a", S), ("@o", S));
            Actor = new(c, tx,
                "INSERT INTO actors (id, name_en, name_ar, name_ar_norm, country, kind) VALUES (@id, @en, @ar, @arn, @c, @k) " +
                "ON CONFLICT (id) DO UPDATE SET name_en = COALESCE(actors.name_en, excluded.name_en), name_ar = COALESCE(actors.name_ar, excluded.name_ar), " +
                "name_ar_norm = COALESCE(actors.name_ar_norm, excluded.name_ar_norm), country = COALESCE(actors.country, excluded.country), kind = COALESCE(actors.kind, excluded.kind)",
                ("@id", S), ("@en", S), ("@ar", S), ("@arn", S), ("@c", S), ("@k", S));
            DocumentActor = new(c, tx,
                "INSERT INTO document_actors (doc_id, actor_id, role, doc_seq, doc_day) VALUES (@d, @a, @r, @s, @y) ON CONFLICT (doc_id, actor_id) DO NOTHING",
                ("@d", S), ("@a", S), ("@r", S), ("@s", L), ("@y", S));
            Event = new(c, tx,
                "INSERT INTO events (event_key, type, mode, cameo, event_date, event_day, modality, source_json, target_json, location_json, location_country, topics_json, first_doc_id, date_added, confidence) " +
                "VALUES (@k, @t, @m, @c, @dt, @dy, @mo, @s, @g, @l, @lc, @tp, @f, @a, @cf) ON CONFLICT (event_key) DO UPDATE SET confidence = " +
                // A merged event is as credible as its best report; an unscored report (null) passes every threshold, so it wins.
                "CASE WHEN events.confidence IS NULL OR excluded.confidence IS NULL THEN NULL " +
                "WHEN excluded.confidence > events.confidence THEN excluded.confidence ELSE events.confidence END",
                ("@k", S), ("@t", S), ("@m", S), ("@c", S), ("@dt", S), ("@dy", S), ("@mo", S), ("@s", S), ("@g", S), ("@l", S), ("@lc", S), ("@tp", S), ("@f", S), ("@a", S), ("@cf", D));
            EventActor = new(c, tx,
                "INSERT INTO event_actors (global_id, actor_id, side, country) VALUES (@g, @a, @s, @c) ON CONFLICT (global_id, actor_id, side) DO NOTHING",
                ("@g", L), ("@a", S), ("@s", S), ("@c", S));
            Mention = new(c, tx,
                "INSERT INTO event_mentions (doc_id, ordinal, global_id, record_id, sentence_idx, sentence_text, trigger_json, date_text, rule, evidence_json, record_json) " +
                "VALUES (@d, @o, @g, @r, @si, @st, @tr, @dt, @ru, @ev, @rec)",
                ("@d", S), ("@o", I), ("@g", L), ("@r", S), ("@si", I), ("@st", S), ("@tr", S), ("@dt", S), ("@ru", S), ("@ev", S), ("@rec", S));
            ActorCounts = new(c, tx,
                "UPDATE actors SET doc_count = doc_count + @d, event_count = event_count + @e, quote_count = quote_count + @q WHERE id = @id",
                ("@d", I), ("@e", I), ("@q", I), ("@id", S));
            ActorPair = new(c, tx,
                "INSERT INTO actor_pairs (actor_id, other_id, docs) VALUES (@a, @o, @n) ON CONFLICT (actor_id, other_id) DO UPDATE SET docs = actor_pairs.docs + excluded.docs",
                ("@a", S), ("@o", S), ("@n", I));
            Quote = new(c, tx,
                "INSERT INTO quotes (doc_id, idx, speaker_id, speaker_json, text, direct, via_json, start_offset, end_offset, doc_published, doc_seq) " +
                "VALUES (@d, @i, @s, @sj, @t, @dr, @v, @st, @en, @pub, @seq)",
                ("@d", S), ("@i", I), ("@s", S), ("@sj", S), ("@t", S), ("@dr", I), ("@v", S), ("@st", I), ("@en", I), ("@pub", S), ("@seq", L));
        }

        public SqlCommandSlot Document { get; }
        public SqlCommandSlot Sighting { get; }
        public SqlCommandSlot Rejection { get; }
        public SqlCommandSlot Sentence { get; }
        public SqlCommandSlot Entity { get; }
        public SqlCommandSlot Actor { get; }
        public SqlCommandSlot DocumentActor { get; }
        public SqlCommandSlot Event { get; }
        public SqlCommandSlot EventActor { get; }
        public SqlCommandSlot Mention { get; }
        public SqlCommandSlot Quote { get; }
        public SqlCommandSlot ActorCounts { get; }
        public SqlCommandSlot ActorPair { get; }

        public void Dispose()
        {
            foreach (var s in new[] { Document, Sighting, Rejection, Sentence, Entity, Actor, DocumentActor, Event, EventActor, Mention, Quote, ActorCounts, ActorPair })
                s.Dispose();
        }
    }

    // ------------------------------------------------------------------ reading

    public IReadOnlySet<string> FindExisting(IReadOnlyCollection<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Distinct().Chunk(InChunk))
        {
            var q = new SqlQuery(Connection).Append("SELECT id FROM documents WHERE id IN (").Append(InList(q: null, "i", chunk.Length)).Append(')');
            for (int i = 0; i < chunk.Length; i++) q.Param("@i" + i, chunk[i], DbType.String);
            using var cmd = q.Build();
            using var r = cmd.ExecuteReader();
            while (r.Read()) found.Add(r.GetString(0));
        }
        return found;
    }

    public IReadOnlyList<string> AllDocumentIds()
    {
        var ids = new List<string>();
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = "SELECT id FROM documents";
        using var r = cmd.ExecuteReader();
        while (r.Read()) ids.Add(r.GetString(0));
        return ids;
    }

    private static string InList(SqlQuery? q, string prefix, int n) =>
        string.Join(", ", Enumerable.Range(0, n).Select(i => "@" + prefix + i.ToString(CultureInfo.InvariantCulture)));

    private const string DocumentColumns =
        "d.seq, d.id, d.path, d.source_id, d.title, d.published, d.source, d.url, d.language, d.language_confidence, d.status, d.reason, d.duplicate_of, d.text, d.removed_json, d.ingested_at";

    public StoredDocument? GetDocument(string idOrPrefix)
    {
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        string id = idOrPrefix.Trim().ToLowerInvariant();
        if (id.Length == 0) return null;
        using (var cmd = new SqlQuery(Connection).Append("SELECT id FROM documents WHERE id = @id").Param("@id", id, DbType.String).Build())
        {
            var exact = cmd.ExecuteScalar();
            if (exact is null or DBNull)
            {
                // A unique prefix of at least four hex digits also names a document.
                if (id.Length < 4 || !id.All(char.IsAsciiHexDigitLower) && !id.All(char.IsAsciiHexDigit)) return null;
                using var pre = new SqlQuery(Connection).Append("SELECT id FROM documents WHERE id LIKE @p ORDER BY id LIMIT 2")
                    .Param("@p", id + "%", DbType.String).Build();
                using var r = pre.ExecuteReader();
                var ids = new List<string>();
                while (r.Read()) ids.Add(r.GetString(0));
                if (ids.Count != 1) return null;
                id = ids[0];
            }
        }

        AnalyzedDocument doc;
        string ingestedAt;
        using (var cmd = new SqlQuery(Connection).Append($"SELECT {DocumentColumns} FROM documents d WHERE d.id = @id").Param("@id", id, DbType.String).Build())
        using (var r = cmd.ExecuteReader())
        {
            if (!r.Read()) return null;
            doc = new AnalyzedDocument
            {
                Id = r.GetString(1), Path = r.Str(2), SourceId = r.Str(3), Title = r.Str(4), Published = r.Str(5), Source = r.Str(6),
                Url = r.Str(7), Language = r.Str(8), LanguageConfidence = r.Dbl(9), Status = ParseStatus(r.Str(10)), Reason = r.Str(11),
                DuplicateOf = r.Str(12), Text = r.GetString(13),
                Removed = StorageJson.Deserialize<List<RemovedSpan>>(r.Str(14)) ?? [],
            };
            ingestedAt = r.GetString(15);
        }

        var sentences = new List<TextSpan>();
        using (var r = Read("SELECT start_offset, end_offset FROM sentences WHERE doc_id = @id ORDER BY idx", id))
            while (r.Read()) sentences.Add(new TextSpan(r.Int(0), r.Int(1)));
        var entities = new List<EntityMention>();
        using (var r = Read("SELECT start_offset, end_offset, text, type, actor_id, origin FROM entities WHERE doc_id = @id ORDER BY idx", id))
            while (r.Read()) entities.Add(new EntityMention(r.Int(0), r.Int(1), r.GetString(2), r.GetString(3)) { Actor = r.Str(4), Origin = r.Str(5) });
        var actors = new List<ActorInfo>();
        using (var r = Read("SELECT a.id, a.name_en, a.name_ar, a.country, a.kind, da.role FROM document_actors da JOIN actors a ON a.id = da.actor_id WHERE da.doc_id = @id ORDER BY a.id", id))
            while (r.Read()) actors.Add(new ActorInfo(r.GetString(0), r.Str(1), r.Str(2), r.Str(3), r.Str(4) ?? "unknown", r.Str(5)));
        var events = new List<EventRecord>();
        using (var r = Read("SELECT record_json FROM event_mentions WHERE doc_id = @id ORDER BY ordinal", id))
            while (r.Read()) events.Add(StorageJson.Deserialize<EventRecord>(r.GetString(0))!);
        var quotes = new List<QuoteRecord>();
        using (var r = Read("SELECT speaker_json, text, direct, via_json, start_offset, end_offset FROM quotes WHERE doc_id = @id ORDER BY idx", id))
            while (r.Read())
                quotes.Add(new QuoteRecord(StorageJson.Deserialize<ActorRef>(r.Str(0)), r.GetString(1), r.Long(2) != 0,
                    StorageJson.Deserialize<ActorRef>(r.Str(3)), r.Int(4), r.Int(5)));
        var sightings = new List<DocumentSighting>();
        using (var r = Read("SELECT path, source, url, source_id, seen_at FROM document_sightings WHERE doc_id = @id ORDER BY seen_at, path", id))
            while (r.Read()) sightings.Add(new DocumentSighting(NullIfEmpty(r.Str(0)), r.Str(1), r.Str(2), r.Str(3), r.GetString(4)));

        doc = doc with { Sentences = sentences, Entities = entities, Actors = actors, Events = events, Quotes = quotes };
        return new StoredDocument(doc, ingestedAt, sightings);
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private DbDataReader Read(string sql, string id)
    {
        var cmd = new SqlQuery(Connection).Append(sql).Param("@id", id, DbType.String).Build();
        return cmd.ExecuteReader(CommandBehavior.Default);
    }

    public IReadOnlyList<SearchHit> Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parsed = ParsedQuery.Parse(query.Text, Analyzer);
        if (parsed.IsEmpty || query.Limit <= 0) return [];

        var (filter, extra) = SearchFilter(query);
        int offset = Math.Max(0, query.Offset);
        var ranked = query.Sort == SearchSort.Newest
            ? NewestMatches(parsed, filter, extra, query.Limit, offset)
            : RankedMatches(parsed, query, filter, extra, offset + query.Limit);
        if (query.Sort != SearchSort.Newest && offset > 0) ranked = ranked.Count <= offset ? [] : ranked.GetRange(offset, ranked.Count - offset);
        if (ranked.Count == 0) return [];

        var rows = new Dictionary<long, (string Id, string? Title, string? Published, string? Source, string? Url, string Text)>();
        var seqQ = new SqlQuery(Connection).Append("SELECT d.seq, d.id, d.title, d.published, d.source, d.url, d.text FROM documents d WHERE d.seq IN (")
            .Append(InList(null, "s", ranked.Count)).Append(')');
        for (int i = 0; i < ranked.Count; i++) seqQ.Param("@s" + i, ranked[i].Seq, DbType.Int64);
        using (var cmd = seqQ.Build())
        using (var r = cmd.ExecuteReader())
            while (r.Read()) rows[r.Long(0)] = (r.GetString(1), r.Str(2), r.Str(3), r.Str(4), r.Str(5), r.GetString(6));

        var hits = new List<SearchHit>(ranked.Count);
        foreach (var (seq, score) in ranked)
        {
            if (!rows.TryGetValue(seq, out var d)) continue;
            var (snippet, spans) = Snippets.Build(d.Text, parsed);
            hits.Add(new SearchHit(d.Id, score, d.Title, d.Published, d.Source, d.Url, snippet, spans));
        }
        return hits;
    }

    /// <summary>
    /// The best <paramref name="limit"/> matches as (seq, score), best first. The default runs <see cref="FullTextSql"/>
    /// on this store's connection; a back end may override it (SQLite ranks large match sets in parallel shards, and
    /// filtered queries with <see cref="SeqFilter"/>). <paramref name="filterSql"/> holds the <paramref name="query"/>'s
    /// filters as conditions on <c>d</c> (documents), with their values in <paramref name="parameters"/>.
    /// </summary>
    protected virtual List<(long Seq, double Score)> RankedMatches(ParsedQuery parsed, SearchQuery query, string filterSql,
        IReadOnlyList<(string Name, object? Value, DbType Type)> parameters, int limit) =>
        RankedMatches(Connection, FullTextSql(parsed, filterSql), parameters, limit, null);

    /// <summary>Runs a ranked full-text query on <paramref name="connection"/>, optionally limited to a seq range.</summary>
    protected static List<(long Seq, double Score)> RankedMatches(DbConnection connection, (string Sql, string QueryValue) fullText,
        IReadOnlyList<(string Name, object? Value, DbType Type)> parameters, int limit, (long From, long To)? seqRange)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(parameters);
        var q = new SqlQuery(connection).Append(fullText.Sql).Param("@q", fullText.QueryValue, DbType.String).Param("@limit", limit, DbType.Int32);
        foreach (var (n, v, t) in parameters) q.Param(n, v, t);
        if (seqRange is { } range) q.Param("@seqFrom", range.From, DbType.Int64).Param("@seqTo", range.To, DbType.Int64);
        var ranked = new List<(long Seq, double Score)>();
        using var cmd = q.Build();
        using var r = cmd.ExecuteReader();
        while (r.Read()) ranked.Add((r.Long(0), r.Dbl(1) ?? 0));
        return ranked;
    }

    /// <summary>Date ranges holding at least this many documents are tested on the document row by <see cref="SeqFilter"/>, not listed from the index.</summary>
    internal int WideDayRangeRows { get; set; } = 20_000;

    /// <summary>
    /// The query's filters (source, dates, actor, event type) as conditions on a document's seq, for a back end that tests them on
    /// full-text matches without reading document rows: <c>seq IN (…)</c> lists taken from indexes alone
    /// (<c>document_actors (actor_id, doc_seq)</c>, <c>lower(source)</c>, <c>published</c>). A date range holding many
    /// documents would make a long list, so it is tested on the row instead (alias <c>d</c>, in <c>OnDocument</c>, empty when
    /// not needed). The tests are those of <see cref="Search"/>'s filter, so the same documents pass.
    /// </summary>
    /// <param name="seq">The seq expression to test, e.g. <c>+doc_fts.rowid</c>.</param>
    protected (string OnSeq, string OnDocument, List<(string Name, object? Value, DbType Type)> Parameters) SeqFilter(SearchQuery query, string seq)
    {
        ArgumentNullException.ThrowIfNull(query);
        var onSeq = new System.Text.StringBuilder();
        string onDocument = "";
        var parameters = new List<(string, object?, DbType)>();
        if (!string.IsNullOrWhiteSpace(query.Source))
        {
            onSeq.Append(" AND ").Append(seq).Append(" IN (SELECT s.seq FROM documents s WHERE lower(s.source) = @source)");
            parameters.Add(("@source", query.Source.Trim().ToLowerInvariant(), DbType.String));
        }
        bool since = !string.IsNullOrWhiteSpace(query.Since), until = !string.IsNullOrWhiteSpace(query.Until);
        if (since || until)
        {
            string low = since ? query.Since!.Trim() : "", high = until ? EndOfDay(query.Until!) : "~";
            string Days(string alias) =>
                (since ? $" AND substr({alias}.published, 1, 10) >= @since" : "") + (until ? $" AND substr({alias}.published, 1, 10) <= @until" : "");
            if (DayRangeHolds(low, high, WideDayRangeRows)) onDocument = Days("d");
            else
            {
                // The index range holds every published value whose day is in range; the day test then makes it exact.
                onSeq.Append(" AND ").Append(seq).Append(" IN (SELECT p.seq FROM documents p WHERE p.published >= @dayLow AND p.published <= @dayHigh")
                    .Append(Days("p")).Append(')');
                parameters.Add(("@dayLow", low, DbType.String));
                parameters.Add(("@dayHigh", high, DbType.String));
            }
            if (since) parameters.Add(("@since", query.Since!.Trim(), DbType.String));
            if (until) parameters.Add(("@until", query.Until!.Trim(), DbType.String));
        }
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            onSeq.Append(" AND ").Append(seq).Append(" IN (SELECT da.doc_seq FROM document_actors da WHERE da.actor_id IN (").Append(ActorMatchSql).Append("))");
            AddActorParams(parameters, query.Actor);
        }
        if (!string.IsNullOrWhiteSpace(query.EventType))
        {
            onSeq.Append(" AND ").Append(seq).Append(" IN (SELECT ed.seq FROM documents ed WHERE ed.id IN (").Append(DocumentsWithEventTypeSql).Append("))");
            AddEventTypeParams(parameters, query);
        }
        return (onSeq.ToString(), onDocument, parameters);
    }

    /// <summary>SQL selecting actor ids that match @actor (id), @actorLike (English name) or @actorArLike (normalized Arabic name).</summary>
    private const string ActorMatchSql =
        "SELECT a.id FROM actors a WHERE a.id = @actor OR lower(a.name_en) LIKE @actorLike ESCAPE '\\' OR a.name_ar_norm LIKE @actorArLike ESCAPE '\\'";

    private void AddActorParams(List<(string, object?, DbType)> extra, string actor)
    {
        string a = actor.Trim();
        extra.Add(("@actor", a, DbType.String));
        extra.Add(("@actorLike", "%" + EscapeLike(a.ToLowerInvariant()) + "%", DbType.String));
        extra.Add(("@actorArLike", "%" + EscapeLike(_nameNormalizer.NormalizeToString(a)) + "%", DbType.String));
    }

    private static string EscapeLike(string s) =>
        s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    public IReadOnlyList<StoredEvent> Events(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = new SqlQuery(Connection).Append(
            "SELECT e.global_id, e.event_key, e.type, e.mode, e.cameo, e.event_date, e.event_day, e.modality, e.source_json, e.target_json, " +
            "e.location_json, e.topics_json, e.date_added, e.confidence FROM events e WHERE 1 = 1");
        var extra = AppendEventFilters(q, query);
        q.Append(" ORDER BY COALESCE(e.event_day, '') DESC, e.global_id");
        AppendPage(q, query.Limit, query.Offset);
        foreach (var (n, v, t) in extra) q.Param(n, v, t);

        var events = new List<StoredEvent>();
        using (var cmd = q.Build())
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                events.Add(new StoredEvent
                {
                    GlobalId = r.Long(0), Key = r.GetString(1), Type = r.GetString(2), Mode = r.Str(3), Cameo = r.Str(4), Date = r.Str(5),
                    Day = r.Str(6), Modality = r.GetString(7),
                    Source = StorageJson.Deserialize<List<ActorRef>>(r.Str(8)) ?? [],
                    Target = StorageJson.Deserialize<List<ActorRef>>(r.Str(9)) ?? [],
                    Location = StorageJson.Deserialize<LocationInfo>(r.Str(10)),
                    Topics = StorageJson.Deserialize<List<string>>(r.Str(11)) ?? [],
                    DateAdded = r.GetString(12), Confidence = r.Dbl(13),
                });
        if (events.Count == 0) return events;

        var mentions = new Dictionary<long, List<StoredEventMention>>();
        foreach (var chunk in events.Select(e => e.GlobalId).Chunk(InChunk))
        {
            var mq = new SqlQuery(Connection).Append(
                "SELECT m.global_id, m.doc_id, m.record_id, m.sentence_idx, m.sentence_text, m.trigger_json, m.date_text, m.rule, m.evidence_json, " +
                "d.title, d.published, d.source, d.url, d.path, d.text_length, d.ingested_at " +
                "FROM event_mentions m JOIN documents d ON d.id = m.doc_id WHERE m.global_id IN (").Append(InList(null, "g", chunk.Length))
                .Append(") ORDER BY m.global_id, d.ingested_at, d.seq, m.ordinal");
            for (int i = 0; i < chunk.Length; i++) mq.Param("@g" + i, chunk[i], DbType.Int64);
            using var cmd = mq.Build();
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                long g = r.Long(0);
                if (!mentions.TryGetValue(g, out var list)) mentions[g] = list = [];
                list.Add(new StoredEventMention
                {
                    DocumentId = r.GetString(1), RecordId = r.GetString(2), SentenceIndex = r.Int(3), SentenceText = r.Str(4),
                    Trigger = StorageJson.Deserialize<TriggerInfo>(r.Str(5)), DateText = r.Str(6), Rule = r.Str(7),
                    Evidence = StorageJson.Deserialize<List<TextSpan>>(r.Str(8)) ?? [],
                    Title = r.Str(9), Published = r.Str(10), Source = r.Str(11), Url = r.Str(12), Path = r.Str(13),
                    DocumentLength = r.Int(14), IngestedAt = r.GetString(15),
                });
            }
        }
        return events.Select(e => e with { Mentions = mentions.TryGetValue(e.GlobalId, out var m) ? m : [] }).ToList();
    }

    public long CountEvents(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = new SqlQuery(Connection).Append("SELECT COUNT(*) FROM events e WHERE 1 = 1");
        foreach (var (n, v, t) in AppendEventFilters(q, query)) q.Param(n, v, t);
        using var cmd = q.Build();
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The <see cref="EventQuery"/> filters as conditions on <c>e</c> (events); returns the parameters to add after the rest of the query.</summary>
    private List<(string, object?, DbType)> AppendEventFilters(SqlQuery q, EventQuery query)
    {
        var extra = new List<(string, object?, DbType)>();
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            q.Append(" AND e.global_id IN (SELECT ea.global_id FROM event_actors ea WHERE ea.actor_id IN (").Append(ActorMatchSql).Append("))");
            AddActorParams(extra, query.Actor);
        }
        if (!string.IsNullOrWhiteSpace(query.ActorId))
        {
            q.Append(" AND e.global_id IN (SELECT ea.global_id FROM event_actors ea WHERE ea.actor_id = @actorId)");
            extra.Add(("@actorId", query.ActorId.Trim(), DbType.String));
        }
        if (!string.IsNullOrWhiteSpace(query.Type))
        {
            string t = query.Type.Trim();
            if (t.All(char.IsAsciiDigit))
            {
                q.Append(" AND e.cameo LIKE @cameo");
                extra.Add(("@cameo", t + "%", DbType.String));
            }
            else
            {
                q.Append(" AND e.type = @type");
                extra.Add(("@type", t.ToUpperInvariant(), DbType.String));
            }
        }
        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            q.Append(" AND (e.location_country = @country OR e.global_id IN (SELECT ea.global_id FROM event_actors ea WHERE ea.country = @country))");
            extra.Add(("@country", query.Country.Trim().ToUpperInvariant(), DbType.String));
        }
        if (!string.IsNullOrWhiteSpace(query.Since))
        {
            q.Append(" AND e.event_day >= @since");
            extra.Add(("@since", query.Since.Trim(), DbType.String));
        }
        if (!string.IsNullOrWhiteSpace(query.Until))
        {
            q.Append(" AND e.event_day <= @until");
            extra.Add(("@until", query.Until.Trim(), DbType.String));
        }
        AppendViewFilters(q, extra, query);
        if (query.MinConfidence > 0)
        {
            q.Append(" AND (e.confidence IS NULL OR e.confidence >= @minConfidence)");
            extra.Add(("@minConfidence", query.MinConfidence, DbType.Double));
        }
        var modalities = query.Modalities.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim().ToLowerInvariant()).Distinct().ToList();
        if (modalities.Count > 0)
        {
            q.Append(" AND e.modality IN (").Append(InList(null, "mod", modalities.Count)).Append(')');
            for (int i = 0; i < modalities.Count; i++) extra.Add(("@mod" + i.ToString(CultureInfo.InvariantCulture), modalities[i], DbType.String));
        }
        return extra;
    }

    public IReadOnlyList<ActorSummary> Actors(int top)
    {
        // The order of ix_actors_counts: the top actors are the first entries of the index.
        var q = new SqlQuery(Connection).Append(ActorSummarySelect).Append(" ORDER BY a.doc_count DESC, a.event_count DESC, a.quote_count DESC, a.id");
        if (top > 0) q.Append(" LIMIT @top").Param("@top", top, DbType.Int32);
        return ReadActorSummaries(q);
    }

    /// <summary>Actors with their document, event and quote counts, kept by the write path (alias <c>a</c>; add WHERE/ORDER BY after it).</summary>
    private const string ActorSummarySelect =
        "SELECT a.id, a.name_en, a.name_ar, a.country, a.kind, " +
        "a.doc_count, a.event_count, a.quote_count FROM actors a";

    private static List<ActorSummary> ReadActorSummaries(SqlQuery q)
    {
        var list = new List<ActorSummary>();
        using var cmd = q.Build();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(new ActorSummary(r.GetString(0), r.Str(1), r.Str(2), r.Str(3), r.Str(4), r.Int(5), r.Int(6), r.Int(7)));
        return list;
    }

    public IReadOnlyList<StoredQuote> Quotes(QuoteQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = new SqlQuery(Connection).Append(
            "SELECT q.doc_id, q.idx, q.speaker_json, q.text, q.direct, q.via_json, q.start_offset, q.end_offset, d.published, d.source, d.title " +
            "FROM quotes q JOIN documents d ON d.seq = q.doc_seq WHERE 1 = 1");
        var extra = new List<(string, object?, DbType)>();
        if (!string.IsNullOrWhiteSpace(query.Speaker))
        {
            q.Append(" AND q.speaker_id IN (").Append(ActorMatchSql).Append(')');
            AddActorParams(extra, query.Speaker);
        }
        if (!string.IsNullOrWhiteSpace(query.SpeakerId))
        {
            q.Append(" AND q.speaker_id = @speakerId");
            extra.Add(("@speakerId", query.SpeakerId.Trim(), DbType.String));
        }
        // The document's published value and seq are copied onto the quote: a speaker's newest quotes are an index range.
        q.Append(" ORDER BY q.doc_published DESC, q.doc_seq, q.idx");
        AppendPage(q, query.Limit, query.Offset);
        foreach (var (n, v, t) in extra) q.Param(n, v, t);
        var list = new List<StoredQuote>();
        using var cmd = q.Build();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var quote = new QuoteRecord(StorageJson.Deserialize<ActorRef>(r.Str(2)), r.GetString(3), r.Long(4) != 0,
                StorageJson.Deserialize<ActorRef>(r.Str(5)), r.Int(6), r.Int(7));
            list.Add(new StoredQuote(r.GetString(0), r.Int(1), quote, r.Str(8), r.Str(9), r.Str(10)));
        }
        return list;
    }

    public StoreCounts Counts()
    {
        long C(string sql) => Convert.ToInt64(ScalarOf(sql) ?? 0L, CultureInfo.InvariantCulture);
        return new StoreCounts(
            C("SELECT COUNT(*) FROM documents"), C("SELECT COUNT(*) FROM documents WHERE indexed = 1"), C("SELECT COUNT(*) FROM sentences"),
            C("SELECT COUNT(*) FROM entities"), C("SELECT COUNT(*) FROM actors"), C("SELECT COUNT(*) FROM events"),
            C("SELECT COUNT(*) FROM event_mentions"), C("SELECT COUNT(*) FROM quotes"), C("SELECT COUNT(*) FROM document_sightings"),
            C("SELECT COUNT(*) FROM rejections"));
    }

    public IReadOnlyList<string> CheckConsistency()
    {
        var problems = new List<string>();
        void Expect0(string what, string sql)
        {
            long n = Convert.ToInt64(ScalarOf(sql) ?? 0L, CultureInfo.InvariantCulture);
            if (n != 0) problems.Add($"{n} {what}");
        }
        foreach (var table in new[] { "sentences", "entities", "document_actors", "event_mentions", "quotes", "document_sightings" })
            Expect0($"rows of {table} without their document", $"SELECT COUNT(*) FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = t.doc_id)");
        Expect0("events without any mention", "SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.global_id = e.global_id)");
        Expect0("mentions of a missing event", "SELECT COUNT(*) FROM event_mentions m WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.global_id = m.global_id)");
        Expect0("document actors whose seq is not their document's",
            "SELECT COUNT(*) FROM document_actors t WHERE t.doc_seq IS NULL OR NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = t.doc_id AND d.seq = t.doc_seq)");
        Expect0("document actors or quotes whose copied document day, published value or seq differ from their document's",
            "SELECT (SELECT COUNT(*) FROM document_actors t JOIN documents d ON d.id = t.doc_id WHERE COALESCE(t.doc_day, '~') <> COALESCE(substr(d.published, 1, 10), '~')) + " +
            "(SELECT COUNT(*) FROM quotes t WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = t.doc_id AND d.seq = t.doc_seq AND COALESCE(d.published, '') = t.doc_published))");
        Expect0("document actors missing from actors", "SELECT COUNT(*) FROM document_actors t WHERE NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = t.actor_id)");
        Expect0("documents without a sighting", "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM document_sightings s WHERE s.doc_id = d.id)");
        problems.AddRange(AggregateProblems());
        problems.AddRange(BackendConsistencyProblems());
        return problems;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing) Connection.Dispose();
    }
}
