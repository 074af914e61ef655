using Marsad.Analysis.Documents;
using Marsad.Storage.Schema;

namespace Marsad.Storage.Sql;

// Actor aggregates (counts per actor, co-occurring pairs) maintained by each write batch, so the actor list and an
// actor's co-occurring actors are read from a few rows instead of counted over every document on each request.
public abstract partial class SqlArticleStore
{
    /// <summary>
    /// What one batch adds to the actor aggregates, in the terms of the rows it writes: a new document adds one to the
    /// document count of each distinct actor it names and to each ordered pair of them; a quote adds one to its
    /// speaker's quotes; an event first reported by this batch adds one to the event count of each distinct actor on
    /// either side (a merged event's actor ids are part of its key, so a later report never brings new ones). A recode
    /// batch (<see cref="Replace"/>) also takes back what the replaced rows had added, so counts can be negative here.
    /// </summary>
    private sealed class ActorTally
    {
        public Dictionary<string, (int Docs, int Events, int Quotes)> Counts { get; } = new(StringComparer.Ordinal);
        public Dictionary<(string Actor, string Other), int> Pairs { get; } = [];

        private void Add(string id, int docs, int events, int quotes)
        {
            var c = Counts.GetValueOrDefault(id);
            Counts[id] = (c.Docs + docs, c.Events + events, c.Quotes + quotes);
        }

        public void AddDocument(AnalyzedDocument doc)
        {
            var ids = doc.Actors.Select(a => a.Id).Distinct(StringComparer.Ordinal).ToList();
            foreach (var id in ids)
            {
                Add(id, 1, 0, 0);
                foreach (var other in ids)
                    if (!string.Equals(id, other, StringComparison.Ordinal))
                        Pairs[(id, other)] = Pairs.GetValueOrDefault((id, other)) + 1;
            }
            foreach (var q in doc.Quotes)
                if (q.Speaker is not null) Add(q.Speaker.Id, 0, 0, 1);
        }

        /// <summary>
        /// Takes back what a stored document added (recoding replaces it): one document from each distinct actor it
        /// named and from each ordered pair of them, and one quote from each speaker of its quotes.
        /// </summary>
        public void RemoveDocument(IEnumerable<string> actorIds, IEnumerable<string> speakerIds)
        {
            var ids = actorIds.Distinct(StringComparer.Ordinal).ToList();
            foreach (var id in ids)
            {
                Add(id, -1, 0, 0);
                foreach (var other in ids)
                    if (!string.Equals(id, other, StringComparison.Ordinal))
                        Pairs[(id, other)] = Pairs.GetValueOrDefault((id, other)) - 1;
            }
            foreach (var id in speakerIds) Add(id, 0, 0, -1);
        }

        /// <summary>Takes back the event a merged event that lost its last report had added to each of its actors.</summary>
        public void RemoveEvent(IEnumerable<string> actorIds)
        {
            foreach (var id in actorIds.Distinct(StringComparer.Ordinal)) Add(id, 0, -1, 0);
        }

        /// <param name="events">Every event of the batch's new documents with its merged id.</param>
        /// <param name="lastIdBefore">The largest merged id before the batch: larger ids are new events.</param>
        public void AddNewEvents(IEnumerable<(long GlobalId, EventRecord Event)> events, long lastIdBefore)
        {
            var counted = new HashSet<long>();
            foreach (var (globalId, e) in events)
            {
                if (globalId <= lastIdBefore || !counted.Add(globalId)) continue;
                foreach (var id in e.Source.Concat(e.Target).Select(a => a.Id).Distinct(StringComparer.Ordinal)) Add(id, 0, 1, 0);
            }
        }
    }

    private void WriteTally(Writers w, WriteQueue queue, ActorTally tally)
    {
        foreach (var (id, c) in tally.Counts)
            if (c != (0, 0, 0)) queue.Execute(w.ActorCounts, c.Docs, c.Events, c.Quotes, id);
        var pairs = tally.Pairs.Where(p => p.Value != 0).Select(p => (p.Key.Actor, p.Key.Other, p.Value)).ToList();
        if (pairs.Count == 0) return;
        if (!WriteActorPairs(queue, pairs))
            foreach (var (actor, other, docs) in pairs) queue.Execute(w.ActorPair, actor, other, docs);
    }

    /// <summary>
    /// Adds document counts to actor pairs in one go (PostgreSQL: one statement over arrays); false (the default) means
    /// one upsert per pair. Each pair occurs once in <paramref name="pairs"/>.
    /// </summary>
    protected virtual bool WriteActorPairs(WriteQueue queue, IReadOnlyList<(string Actor, string Other, int Docs)> pairs) => false;

    /// <summary>Actors whose kept counts or pair counts differ from the rows they summarize (for <see cref="CheckConsistency"/>).</summary>
    private IEnumerable<string> AggregateProblems()
    {
        long Count(string sql) => Convert.ToInt64(ScalarOf(sql) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
        long counts = Count(
            "SELECT COUNT(*) FROM actors a WHERE a.doc_count <> (SELECT COUNT(*) FROM document_actors da WHERE da.actor_id = a.id) " +
            "OR a.event_count <> (SELECT COUNT(DISTINCT ea.global_id) FROM event_actors ea WHERE ea.actor_id = a.id) " +
            "OR a.quote_count <> (SELECT COUNT(*) FROM quotes q WHERE q.speaker_id = a.id)");
        if (counts != 0) yield return $"{counts} actors whose document, event or quote counts differ from their rows";
        long pairs = Count($"SELECT COUNT(*) FROM (SELECT actor_id, other_id, docs FROM actor_pairs EXCEPT {CoreSchema.ActorPairsFromDocuments}) t") +
                     Count($"SELECT COUNT(*) FROM ({CoreSchema.ActorPairsFromDocuments} EXCEPT SELECT actor_id, other_id, docs FROM actor_pairs) t");
        if (pairs != 0) yield return $"{pairs} co-occurring actor pairs whose document count differs from the documents";
    }
}
