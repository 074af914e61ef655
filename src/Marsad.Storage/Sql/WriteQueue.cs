using System.Data.Common;

namespace Marsad.Storage.Sql;

/// <summary>
/// The statements of one write transaction, in order. When the provider supports <see cref="DbBatch"/> and the back end
/// asks for it (PostgreSQL), statements whose results nobody waits for are queued and sent together, many per round
/// trip; otherwise (SQLite, in process) each runs at once. Statements always run in the order they were given:
/// anything that needs a result flushes the queue first.
/// </summary>
public sealed class WriteQueue : IDisposable
{
    /// <summary>Statements per round trip: enough to hide the network latency, small enough to bound memory.</summary>
    private const int MaxQueued = 1000;

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private DbBatch? _batch;

    internal WriteQueue(DbConnection connection, DbTransaction transaction, bool pipeline)
    {
        _connection = connection;
        _transaction = transaction;
        Pipelined = pipeline && connection.CanCreateBatch;
    }

    /// <summary>True when statements are queued and sent in batches; false when each runs at once.</summary>
    public bool Pipelined { get; }

    /// <summary>A new statement for <see cref="Add"/> (pipelined queues only).</summary>
    public DbBatchCommand CreateCommand()
    {
        if (!Pipelined) throw new InvalidOperationException("this queue runs each statement at once; it has no batch commands");
        return Batch().CreateBatchCommand();
    }

    /// <summary>Queues a statement made by <see cref="CreateCommand"/>.</summary>
    public void Add(DbBatchCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var batch = Batch();
        batch.BatchCommands.Add(command);
        if (batch.BatchCommands.Count >= MaxQueued) Flush();
    }

    /// <summary>Runs <paramref name="slot"/> with <paramref name="values"/>, now or queued.</summary>
    internal void Execute(SqlCommandSlot slot, params object?[] values)
    {
        if (!Pipelined) { slot.Execute(values); return; }
        Add(slot.ToBatchCommand(Batch(), values));
    }

    /// <summary>Runs <paramref name="slot"/> once per row and returns each run's first value (null when it gave no row).</summary>
    internal List<object?> Scalars(SqlCommandSlot slot, IReadOnlyList<object?[]> rows)
    {
        var results = new List<object?>(rows.Count);
        if (!Pipelined)
        {
            foreach (var row in rows) results.Add(slot.Scalar(row));
            return results;
        }
        Flush();
        for (int from = 0; from < rows.Count; from += MaxQueued)
        {
            using var batch = NewBatch();
            int to = Math.Min(rows.Count, from + MaxQueued);
            for (int i = from; i < to; i++) batch.BatchCommands.Add(slot.ToBatchCommand(batch, rows[i]));
            using var reader = batch.ExecuteReader();
            for (int i = from; i < to; i++)
            {
                if (i > from && !reader.NextResult())
                    throw new InvalidOperationException($"a batch of {to - from} statements returned only {i - from} results");
                object? v = reader.Read() ? reader.GetValue(0) : null;
                results.Add(v is DBNull ? null : v);
            }
        }
        return results;
    }

    /// <summary>Sends everything queued.</summary>
    public void Flush()
    {
        if (_batch is null || _batch.BatchCommands.Count == 0) return;
        _batch.ExecuteNonQuery();
        _batch.Dispose();
        _batch = null;
    }

    private DbBatch Batch() => _batch ??= NewBatch();

    private DbBatch NewBatch()
    {
        var batch = _connection.CreateBatch();
        batch.Transaction = _transaction;
        return batch;
    }

    /// <summary>Drops whatever is still queued (the transaction is being abandoned); call <see cref="Flush"/> to send it.</summary>
    public void Dispose()
    {
        _batch?.Dispose();
        _batch = null;
    }
}
