namespace Marsad.Storage.Schema;

/// <summary>
/// One step of a store's schema history. Migrations are numbered from 1, run in order, each in its own
/// transaction together with its row in <c>schema_migrations</c>, so a store is always at a whole version.
/// A published migration is never edited: a change is a new migration. Each back end lists its own SQL
/// (the dialects differ) but keeps the same version numbers for the same logical schema.
/// </summary>
/// <param name="Version">1, 2, 3 … without gaps.</param>
/// <param name="Description">What the step does, in a few words.</param>
/// <param name="Statements">SQL statements run one after another.</param>
public sealed record Migration(int Version, string Description, IReadOnlyList<string> Statements);

/// <summary>The store's schema is newer than this program understands.</summary>
public sealed class SchemaTooNewException(int storeVersion, int programVersion)
    : Exception($"the store's schema is version {storeVersion}, newer than this program's {programVersion}: upgrade marsad")
{
    public int StoreVersion { get; } = storeVersion;
    public int ProgramVersion { get; } = programVersion;
}
