using Microsoft.Extensions.Caching.Memory;
using Marsad.Web.Options;

namespace Marsad.Web.Storage;

/// <summary>
/// Answers of read queries (lists, search, network) kept for <see cref="MarsadWebOptions.CacheSeconds"/>, keyed by the
/// request's path and query string. Each write through the API starts a new generation, so a client never reads
/// its own write stale. A request with <c>Cache-Control: no-cache</c> bypasses the cache (the load test uses it to
/// measure the store itself). Thread-safe.
/// </summary>
public sealed class QueryCache(IMemoryCache cache, MarsadWebOptions options)
{
    private long _generation;

    /// <summary>How a request was answered, for the <c>X-Marsad-Cache</c> header.</summary>
    public enum Outcome { Hit, Miss, Bypass }

    /// <summary>Forgets every cached answer (after a write).</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    /// <summary>The cached answer for this request, or <paramref name="make"/>'s, stored for the next identical request.</summary>
    public T GetOrAdd<T>(HttpContext context, Func<T> make) where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(make);
        var outcome = Outcome.Bypass;
        T value;
        bool bypass = options.CacheSeconds == 0 ||
                      context.Request.Headers.CacheControl.Any(v => v is not null && v.Contains("no-cache", StringComparison.OrdinalIgnoreCase));
        if (bypass) value = make();
        else
        {
            string key = Interlocked.Read(ref _generation).ToString(System.Globalization.CultureInfo.InvariantCulture) + " " +
                         context.Request.Path + context.Request.QueryString;
            if (cache.TryGetValue(key, out T? cached) && cached is not null)
            {
                value = cached;
                outcome = Outcome.Hit;
            }
            else
            {
                value = make();
                cache.Set(key, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(options.CacheSeconds), Size = 1 });
                outcome = Outcome.Miss;
            }
        }
        context.Response.Headers["X-Marsad-Cache"] = outcome.ToString().ToLowerInvariant();
        return value;
    }
}
