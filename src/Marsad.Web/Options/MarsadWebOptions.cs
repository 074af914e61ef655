namespace Marsad.Web.Options;

/// <summary>
/// The web app's settings, bound from the <c>Marsad</c> configuration section (appsettings, <c>Marsad__Db</c>
/// variables, <c>--Marsad:Db=FILE</c> arguments; <c>marsad serve</c> sets them from its flags). Validated at startup:
/// an unknown key or an impossible value stops the app with a message naming it.
/// </summary>
public sealed record MarsadWebOptions
{
    public const string Section = "Marsad";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public string Provider { get; init; } = "Sqlite";

    /// <summary>The SQLite store file (Provider Sqlite).</summary>
    public string Db { get; init; } = "marsad.db";

    /// <summary>Npgsql connection string (Provider Postgres).</summary>
    public string? Postgres { get; init; }

    /// <summary>
    /// The key writes must send in the <c>X-Api-Key</c> header. Null or empty: the app is read-only and every write
    /// answers 403. Analysis without storing (<c>POST /api/analyze</c>) is not a write and needs no key.
    /// </summary>
    public string? ApiKey { get; init; }

    /// <summary>Largest request body accepted, in bytes (larger: 413).</summary>
    public long MaxRequestBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Most documents in one batch POST.</summary>
    public int MaxBatchDocuments { get; init; } = 100;

    /// <summary>Longest text accepted for one document, in characters.</summary>
    public int MaxTextChars { get; init; } = 400_000;

    /// <summary>Open store connections kept for reuse between requests.</summary>
    public int StorePoolSize { get; init; } = 32;

    /// <summary>
    /// Seconds a list, search or network answer is reused for the same query (0 = never). Any write through the API
    /// clears the cache at once; writes by other processes (a concurrent <c>marsad ingest</c>) show after this delay.
    /// </summary>
    public int CacheSeconds { get; init; } = 10;

    /// <summary>
    /// SQLite: parallel shards for ranking large match sets inside one search (0 = the store's default, one per core).
    /// Under many concurrent searches the cores are busy anyway, and 1 avoids the extra count and hand-offs.
    /// </summary>
    public int RankShards { get; init; }

    /// <summary>
    /// Most matches one search ranks (the store's <c>RankCap</c>): a query matching more is answered from its newest
    /// matches this many, best first. 0 ranks every match.
    /// </summary>
    public int RankCap { get; init; } = Marsad.Storage.Sql.SqlArticleStore.DefaultRankCap;

    internal static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        nameof(Provider), nameof(Db), nameof(Postgres), nameof(ApiKey), nameof(MaxRequestBytes), nameof(MaxBatchDocuments),
        nameof(MaxTextChars), nameof(StorePoolSize), nameof(CacheSeconds), nameof(RankShards), nameof(RankCap),
    };

    /// <summary>Problems with these settings (empty when usable).</summary>
    public IReadOnlyList<string> Validate(IEnumerable<string> presentKeys)
    {
        ArgumentNullException.ThrowIfNull(presentKeys);
        var problems = new List<string>();
        foreach (var key in presentKeys)
            if (!Keys.Contains(key)) problems.Add($"unknown setting {Section}:{key} (known: {string.Join(", ", Keys.Order(StringComparer.Ordinal))})");
        bool postgres = string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);
        if (!postgres && !string.Equals(Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
            problems.Add($"{Section}:Provider must be Sqlite or Postgres, not '{Provider}'");
        if (postgres && string.IsNullOrWhiteSpace(Postgres)) problems.Add($"{Section}:Postgres (a connection string) is required when Provider is Postgres");
        if (!postgres && string.IsNullOrWhiteSpace(Db)) problems.Add($"{Section}:Db (the SQLite file) is required");
        if (MaxRequestBytes < 1024) problems.Add($"{Section}:MaxRequestBytes must be at least 1024");
        if (MaxBatchDocuments < 1) problems.Add($"{Section}:MaxBatchDocuments must be at least 1");
        if (MaxTextChars < 1) problems.Add($"{Section}:MaxTextChars must be at least 1");
        if (StorePoolSize < 1) problems.Add($"{Section}:StorePoolSize must be at least 1");
        if (RankShards < 0 || RankShards > 16) problems.Add($"{Section}:RankShards must be between 0 and 16");
        if (RankCap < 0) problems.Add($"{Section}:RankCap must not be negative");
        if (CacheSeconds < 0) problems.Add($"{Section}:CacheSeconds must not be negative");
        return problems;
    }

    /// <summary>True when Provider names PostgreSQL.</summary>
    public bool UsesPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);
}
