using System.Collections.Concurrent;
using Marsad.Storage;
using Marsad.Storage.Postgres;
using Marsad.Storage.Search;
using Marsad.Storage.Sql;
using Marsad.Storage.Sqlite;
using Marsad.Web.Options;

namespace Marsad.Web.Storage;

/// <summary>
/// Store connections for requests. An <see cref="IArticleStore"/> holds one connection and is not thread-safe, and
/// opening one runs the migration check, so each request rents an open store and gives it back when done:
/// concurrent requests read on separate connections (SQLite WAL readers never wait for each other or for a writer).
/// At most <see cref="MarsadWebOptions.StorePoolSize"/> idle stores are kept; more are opened under load and closed
/// when returned. Thread-safe.
/// </summary>
public sealed class StorePool : IDisposable
{
    /// <summary>Hit markers inside snippets: private-use characters that never occur in news text, split into parts for the pages.</summary>
    public const string HitOpen = "\uE000", HitClose = "\uE001";

    private readonly ConcurrentBag<IArticleStore> _idle = [];
    private readonly Func<IArticleStore> _open;
    private readonly int _maxIdle;
    private volatile bool _disposed;

    public StorePool(MarsadWebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _maxIdle = options.StorePoolSize;
        Func<Marsad.Storage.Sql.SqlArticleStore> open = options.UsesPostgres
            ? () => PostgresArticleStore.Open(options.Postgres!)
            : () => SqliteArticleStore.Open(options.Db, rankShards: options.RankShards == 0 ? null : options.RankShards);
        _open = () =>
        {
            var store = open();
            store.RankCap = options.RankCap;
            return store;
        };
        // Open one store now: migrations run once, and a store that cannot be opened stops the app at startup.
        using var first = Rent();
        Description = first.Store.Description;
    }

    /// <summary>The store's description (no password).</summary>
    public string Description { get; }

    /// <summary>Runs <paramref name="action"/> on a rented store; a store that threw is closed, not reused.</summary>
    public T Use<T>(Func<IArticleStore, T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        using var lease = Rent();
        try
        {
            return action(lease.Store);
        }
        catch
        {
            lease.Discard();
            throw;
        }
    }

    /// <summary>An open store for the caller alone until the lease is disposed.</summary>
    /// <exception cref="ObjectDisposedException">the pool was disposed.</exception>
    public Lease Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_idle.TryTake(out var store))
        {
            store = _open();
            if (store is SqlArticleStore sql) sql.Snippets = new SnippetBuilder(sql.Analyzer, HitOpen, HitClose);
        }
        return new Lease(this, store);
    }

    private void Give(IArticleStore store)
    {
        if (_disposed || _idle.Count >= _maxIdle) store.Dispose();
        else _idle.Add(store);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var s)) s.Dispose();
    }

    /// <summary>A rented store; disposing it gives the store back (or closes it after a failure, see <see cref="Discard"/>).</summary>
    public sealed class Lease : IDisposable
    {
        private readonly StorePool _pool;
        private bool _discard, _done;

        internal Lease(StorePool pool, IArticleStore store)
        {
            _pool = pool;
            Store = store;
        }

        public IArticleStore Store { get; }

        /// <summary>Close the connection instead of reusing it (after an error that may have broken it).</summary>
        public void Discard() => _discard = true;

        public void Dispose()
        {
            if (_done) return;
            _done = true;
            if (_discard) Store.Dispose();
            else _pool.Give(Store);
        }
    }
}
