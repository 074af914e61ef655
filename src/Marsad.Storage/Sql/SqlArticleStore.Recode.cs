using Marsad.Analysis.Events;
using System.Data;
using System.Data.Common;
using System.Globalization;
using Marsad.Analysis.Documents;
using Marsad.Storage.Events;
using Marsad.Storage.Records;

namespace Marsad.Storage.Sql;

// Recoding: stored documents analysed again replace their annotations in place (IArticleStore.Replace), through the
// write path of Store, with the merged events and actor aggregates brought back in step.
public abstract partial class SqlArticleStore
{
    public IReadOnlyList<StoredText> DocumentsToRecode(RecodeQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = new SqlQuery(Connection).Append($"SELECT {DocumentColumns} FROM documents d WHERE d.seq > @after AND d.status IN ('ok', 'duplicate')")
            .Param("@after", query.AfterSeq, DbType.Int64);
        if (!string.IsNullOrWhiteSpace(query.Since))
            q.Append(" AND d.published >= @since").Param("@since", query.Since.Trim(), DbType.String);
        q.Append(" ORDER BY d.seq LIMIT @limit").Param("@limit", Math.Max(1, query.Limit), DbType.Int32);
        var list = new List<StoredText>();
        using var cmd = q.Build();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add(new StoredText(r.Long(0), new AnalyzedDocument
            {
                Id = r.GetString(1), Path = r.Str(2), SourceId = r.Str(3), Title = r.Str(4), Published = r.Str(5), Source = r.Str(6),
                Url = r.Str(7), Language = r.Str(8), LanguageConfidence = r.Dbl(9), Status = ParseStatus(r.Str(10)), Reason = r.Str(11),
                DuplicateOf = r.Str(12), Text = r.GetString(13),
                Removed = StorageJson.Deserialize<List<RemovedSpan>>(r.Str(14)) ?? [],
            }));
        return list;
    }

    public RecodeWriteResult Replace(IReadOnlyList<AnalyzedDocument> documents, ISet<string>? actorsRewritten = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        // One analysis per text (the last given), in the order given.
        var byId = new Dictionary<string, AnalyzedDocument>(StringComparer.Ordinal);
        foreach (var d in documents)
            if (d.Text.Length > 0) byId[d.Id] = d;
        if (byId.Count == 0) return new RecodeWriteResult(0, 0, 0, 0, 0);
        string now = Now();
        using var tx = BeginWrite();
        using var w = new Writers(Connection, tx);
        using var r = new RecodeWriters(Connection, tx);
        using var queue = new WriteQueue(Connection, tx, PipelineWrites);
        using var sentences = CreateSentenceWriter(tx, queue);
        long lastEventBefore = LastEventId(tx);

        // (1) What the store holds now: each document's seq, event reports, actors and quote speakers.
        var ids = byId.Keys.ToList();
        var seqs = new Dictionary<string, long>(StringComparer.Ordinal);
        ReadByDocument(tx, "SELECT id, seq FROM documents WHERE id IN ({0})", ids, x => seqs[x.GetString(0)] = x.Long(1));
        var docs = documents.Select(d => d.Id).Distinct(StringComparer.Ordinal).Where(seqs.ContainsKey).Select(id => byId[id]).ToList();
        var oldReports = new Dictionary<string, List<(long GlobalId, string Record)>>(StringComparer.Ordinal);
        ReadByDocument(tx, "SELECT doc_id, global_id, record_json FROM event_mentions WHERE doc_id IN ({0}) ORDER BY doc_id, ordinal", ids, x =>
        {
            if (!oldReports.TryGetValue(x.GetString(0), out var list)) oldReports[x.GetString(0)] = list = [];
            list.Add((x.Long(1), x.GetString(2)));
        });
        var oldActors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        ReadByDocument(tx, "SELECT doc_id, actor_id FROM document_actors WHERE doc_id IN ({0})", ids, x => Append(oldActors, x.GetString(0), x.GetString(1)));
        var oldSpeakers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        ReadByDocument(tx, "SELECT doc_id, speaker_id FROM quotes WHERE doc_id IN ({0}) AND speaker_id IS NOT NULL", ids,
            x => Append(oldSpeakers, x.GetString(0), x.GetString(1)));

        // (2) The old annotations go, and with them what they added to the actor aggregates.
        var tally = new ActorTally();
        foreach (var doc in docs)
        {
            tally.RemoveDocument(oldActors.GetValueOrDefault(doc.Id) ?? [], oldSpeakers.GetValueOrDefault(doc.Id) ?? []);
            foreach (var delete in r.DeleteAnnotations) queue.Execute(delete, doc.Id);
        }

        // (3) The new annotations, written as Store writes a new document's.
        var events = new List<PendingEvent>();
        int eventsChanged = 0;
        foreach (var doc in docs)
        {
            queue.Execute(r.UpdateDocument, doc.Published, doc.Language, doc.LanguageConfidence,
                doc.Removed.Count == 0 ? null : StorageJson.Serialize(doc.Removed), doc.Id);
            if (sentences is not null) sentences.Add(doc.Id, doc.Sentences);
            WriteAnnotations(w, queue, doc, seqs[doc.Id], now, sentences is null, events);
            tally.AddDocument(doc);
            var before = oldReports.GetValueOrDefault(doc.Id) ?? [];
            if (before.Count != doc.Events.Count || doc.Events.Where((e, i) => StorageJson.Serialize(e) != before[i].Record).Any()) eventsChanged++;
        }
        var eventIds = EventIds(tx, queue, events);
        WriteMentions(w, queue, events, eventIds);
        tally.AddNewEvents(events.Select(p => (eventIds[p.Key], p.Document.Events[p.Ordinal])), lastEventBefore);
        int added = eventIds.Values.Count(g => g > lastEventBefore);

        // (4) Every merged event that lost or gained a report: deleted when it has none left, else made again from its reports.
        var touched = new SortedSet<long>(eventIds.Values);
        foreach (var doc in docs)
            foreach (var (g, _) in oldReports.GetValueOrDefault(doc.Id) ?? []) touched.Add(g);
        int removed = RebuildEvents(tx, w, r, queue, touched, tally);

        // (5) The actors: their rows as the new analyses describe them, their counts, and what nothing refers to any more.
        var fields = ActorFields(docs);
        foreach (var (id, (en, ar, country, kind)) in fields)
            if (actorsRewritten is null || !actorsRewritten.Contains(id))
                queue.Execute(r.RenameActor, en, ar, ar is null ? null : _nameNormalizer.NormalizeToString(ar), country, kind, id);
        WriteTally(w, queue, tally);
        foreach (var ((actor, other), n) in tally.Pairs)
            if (n < 0) queue.Execute(r.DropEmptyPair, actor, other);
        foreach (var (id, c) in tally.Counts)
            if (c.Docs < 0) queue.Execute(r.ForgetKind, id);
        foreach (var (id, c) in tally.Counts)
            if (c.Docs < 0 || c.Events < 0 || c.Quotes < 0) queue.Execute(r.DropUnusedActor, id);
        queue.Flush();
        tx.Commit();
        if (actorsRewritten is not null) actorsRewritten.UnionWith(fields.Keys);
        return new RecodeWriteResult(docs.Count, byId.Count - docs.Count, eventsChanged, added, removed);
    }

    /// <summary>
    /// Each actor of <paramref name="docs"/> with its names, country and kind as the write path would first store them:
    /// per field the first value given, in the order <see cref="WriteAnnotations"/> upserts (a document's actors, its
    /// events' sides, its quotes' speakers; document by document). An ingest keeps an actor's first values for good; a
    /// recode writes these over the stored ones in the first batch that names the actor, so that values the old analysis
    /// gave and the new one does not (a country from another registry) do not stay behind, and later batches only fill
    /// in (see <see cref="IArticleStore.Replace"/>).
    /// </summary>
    private static Dictionary<string, (string? En, string? Ar, string? Country, string? Kind)> ActorFields(IEnumerable<AnalyzedDocument> docs)
    {
        var fields = new Dictionary<string, (string? En, string? Ar, string? Country, string? Kind)>(StringComparer.Ordinal);
        void Add(string id, string? en, string? ar, string? country, string? kind)
        {
            var f = fields.GetValueOrDefault(id);
            fields[id] = (f.En ?? en, f.Ar ?? ar, f.Country ?? country?.ToUpperInvariant(), f.Kind ?? kind);
        }
        foreach (var doc in docs)
        {
            foreach (var a in doc.Actors) Add(a.Id, a.NameEn, a.NameAr, a.Country, a.Kind);
            foreach (var e in doc.Events)
                foreach (var a in e.Source.Concat(e.Target)) Add(a.Id, a.NameEn, a.NameAr, a.Country, null);
            foreach (var q in doc.Quotes)
                if (q.Speaker is { } s) Add(s.Id, s.NameEn, s.NameAr, s.Country, null);
        }
        return fields;
    }

    private static void Append(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }

    /// <summary>Runs <paramref name="sqlFormat"/> (with <c>{0}</c> where the parameter list goes) for <paramref name="keys"/>, 400 at a time.</summary>
    private void ReadByDocument<T>(DbTransaction tx, string sqlFormat, IReadOnlyList<T> keys, Action<DbDataReader> row)
    {
        DbType type = typeof(T) == typeof(long) ? DbType.Int64 : DbType.String;
        foreach (var chunk in keys.Chunk(InChunk))
        {
            var q = new SqlQuery(Connection).Append(string.Format(CultureInfo.InvariantCulture, sqlFormat, InList(null, "k", chunk.Length)));
            for (int i = 0; i < chunk.Length; i++) q.Param("@k" + i.ToString(CultureInfo.InvariantCulture), chunk[i], type);
            using var cmd = q.Build();
            cmd.Transaction = tx;
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) row(reader);
        }
    }

    /// <summary>
    /// Brings the merged events <paramref name="touched"/> back in step with their reports: one without reports is
    /// deleted (its actors lose it from their event counts); the others take their fields from their first report in
    /// storing order (document seq, then position in the document), which is the report that created the event when
    /// the documents were ingested in that order, their confidence from all reports (the highest; none when a report
    /// is unscored, as <see cref="Store"/> merges it) and their actors from all reports, first report first.
    /// Returns the number of events deleted.
    /// </summary>
    private int RebuildEvents(DbTransaction tx, Writers w, RecodeWriters r, WriteQueue queue, IReadOnlyCollection<long> touched, ActorTally tally)
    {
        if (touched.Count == 0) return 0;
        queue.Flush();
        var reports = new Dictionary<long, List<(string DocumentId, string? Published, EventRecord Event)>>();
        ReadByDocument(tx,
            "SELECT m.global_id, m.doc_id, d.published, m.record_json FROM event_mentions m JOIN documents d ON d.id = m.doc_id " +
            "WHERE m.global_id IN ({0}) ORDER BY m.global_id, d.seq, m.ordinal", touched.ToList(), x =>
            {
                long g = x.Long(0);
                if (!reports.TryGetValue(g, out var list)) reports[g] = list = [];
                list.Add((x.GetString(1), x.Str(2), StorageJson.Deserialize<EventRecord>(x.GetString(3))!));
            });
        var gone = touched.Where(g => !reports.ContainsKey(g)).ToList();
        var goneActors = new Dictionary<long, List<string>>();
        ReadByDocument(tx, "SELECT global_id, actor_id FROM event_actors WHERE global_id IN ({0})", gone, x =>
        {
            long g = x.Long(0);
            if (!goneActors.TryGetValue(g, out var list)) goneActors[g] = list = [];
            list.Add(x.GetString(1));
        });
        foreach (var g in gone)
        {
            tally.RemoveEvent(goneActors.GetValueOrDefault(g) ?? []);
            queue.Execute(r.DeleteEventActors, g);
            queue.Execute(r.DeleteEvent, g);
        }
        foreach (var (g, list) in reports)
        {
            var (docId, published, e) = list[0];
            var doc = new AnalyzedDocument { Id = docId, Published = published, Text = "" };
            double? confidence = list.Any(x => x.Event.Confidence is null) ? null : list.Max(x => x.Event.Confidence);
            queue.Execute(r.RefreshEvent, e.Type.Name(), e.Mode, e.Cameo, e.Date, EventMerging.EventDay(e, doc), e.Modality.Name(),
                StorageJson.Serialize(e.Source), StorageJson.Serialize(e.Target),
                e.Location is null ? null : StorageJson.Serialize(e.Location), e.Location?.Country?.ToUpperInvariant(),
                StorageJson.Serialize(e.Topics), docId, confidence, g);
            queue.Execute(r.DeleteEventActors, g);
            foreach (var report in list) WriteEventActors(w, queue, g, report.Event);
        }
        return gone.Count;
    }

    /// <summary>The statements recoding adds to the write path's (<see cref="Writers"/>).</summary>
    private sealed class RecodeWriters : IDisposable
    {
        private const DbType S = DbType.String, L = DbType.Int64, D = DbType.Double;

        public RecodeWriters(DbConnection c, DbTransaction tx)
        {
            DeleteAnnotations = [.. new[] { "sentences", "entities", "document_actors", "event_mentions", "quotes" }
                .Select(table => new SqlCommandSlot(c, tx, $"DELETE FROM {table} WHERE doc_id = @d", ("@d", S)))];
            UpdateDocument = new(c, tx,
                "UPDATE documents SET published = @p, language = @l, language_confidence = @lc, removed_json = @r WHERE id = @id",
                ("@p", S), ("@l", S), ("@lc", D), ("@r", S), ("@id", S));
            RefreshEvent = new(c, tx,
                "UPDATE events SET type = @t, mode = @m, cameo = @c, event_date = @dt, event_day = @dy, modality = @mo, source_json = @s, " +
                "target_json = @g, location_json = @l, location_country = @lc, topics_json = @tp, first_doc_id = @f, confidence = @cf WHERE global_id = @id",
                ("@t", S), ("@m", S), ("@c", S), ("@dt", S), ("@dy", S), ("@mo", S), ("@s", S), ("@g", S), ("@l", S), ("@lc", S), ("@tp", S), ("@f", S),
                ("@cf", D), ("@id", L));
            DeleteEventActors = new(c, tx, "DELETE FROM event_actors WHERE global_id = @g", ("@g", L));
            DeleteEvent = new(c, tx, "DELETE FROM events WHERE global_id = @g", ("@g", L));
            DropEmptyPair = new(c, tx, "DELETE FROM actor_pairs WHERE actor_id = @a AND other_id = @o AND docs <= 0", ("@a", S), ("@o", S));
            RenameActor = new(c, tx,
                "UPDATE actors SET name_en = @en, name_ar = @ar, name_ar_norm = @arn, country = @c, kind = COALESCE(@k, kind) WHERE id = @id",
                ("@en", S), ("@ar", S), ("@arn", S), ("@c", S), ("@k", S), ("@id", S));
            // Only a document's actor list gives an actor a kind: an actor no document lists any more has none.
            ForgetKind = new(c, tx, "UPDATE actors SET kind = NULL WHERE id = @id AND doc_count = 0", ("@id", S));
            DropUnusedActor = new(c, tx, "DELETE FROM actors WHERE id = @id AND doc_count = 0 AND event_count = 0 AND quote_count = 0", ("@id", S));
        }

        /// <summary>One statement per annotation table, each deleting a document's rows (parameter: the document id).</summary>
        public IReadOnlyList<SqlCommandSlot> DeleteAnnotations { get; }
        public SqlCommandSlot UpdateDocument { get; }
        public SqlCommandSlot RefreshEvent { get; }
        public SqlCommandSlot DeleteEventActors { get; }
        public SqlCommandSlot DeleteEvent { get; }
        public SqlCommandSlot DropEmptyPair { get; }
        public SqlCommandSlot DropUnusedActor { get; }
        public SqlCommandSlot RenameActor { get; }
        public SqlCommandSlot ForgetKind { get; }

        public void Dispose()
        {
            foreach (var s in DeleteAnnotations.Concat([UpdateDocument, RefreshEvent, DeleteEventActors, DeleteEvent, DropEmptyPair, DropUnusedActor, RenameActor, ForgetKind]))
                s.Dispose();
        }
    }
}
