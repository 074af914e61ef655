using System.Text.Json.Serialization;

namespace Marsad.Analysis.Events;

/// <summary>
/// The sixteen PLOVER event types, from cooperation to material conflict, written in JSON, the store, exports and gold
/// files as their upper-case names (CONSULT, ASSAULT …).
/// </summary>
public enum PloverType : byte
{
    [JsonStringEnumMemberName("AGREE")] Agree,
    [JsonStringEnumMemberName("CONSULT")] Consult,
    [JsonStringEnumMemberName("SUPPORT")] Support,
    [JsonStringEnumMemberName("CONCEDE")] Concede,
    [JsonStringEnumMemberName("COOPERATE")] Cooperate,
    [JsonStringEnumMemberName("AID")] Aid,
    [JsonStringEnumMemberName("RETREAT")] Retreat,
    [JsonStringEnumMemberName("REQUEST")] Request,
    [JsonStringEnumMemberName("ACCUSE")] Accuse,
    [JsonStringEnumMemberName("REJECT")] Reject,
    [JsonStringEnumMemberName("THREATEN")] Threaten,
    [JsonStringEnumMemberName("PROTEST")] Protest,
    [JsonStringEnumMemberName("SANCTION")] Sanction,
    [JsonStringEnumMemberName("MOBILIZE")] Mobilize,
    [JsonStringEnumMemberName("COERCE")] Coerce,
    [JsonStringEnumMemberName("ASSAULT")] Assault,
}

/// <summary>Names of <see cref="PloverType"/> as written everywhere outside the code, and what the types share.</summary>
public static class PloverTypes
{
    private static readonly string[] Names = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];

    /// <summary>Every type, in PLOVER's order.</summary>
    public static IReadOnlyList<PloverType> All { get; } = Enum.GetValues<PloverType>();

    /// <summary>The upper-case name (CONSULT, ASSAULT …); the same string instance every time.</summary>
    public static string Name(this PloverType type) => (uint)type < (uint)Names.Length ? Names[(int)type]
        : throw new ArgumentOutOfRangeException(nameof(type), (int)type, "not a PLOVER event type");

    /// <summary>The type a name gives, in any case; false for a name that is not a PLOVER type.</summary>
    public static bool TryParse(string? name, out PloverType type)
    {
        for (int i = 0; i < Names.Length; i++)
            if (string.Equals(Names[i], name?.Trim(), StringComparison.OrdinalIgnoreCase)) { type = (PloverType)i; return true; }
        type = default;
        return false;
    }

    /// <summary>The type a name gives; a clear error naming the valid types for anything else.</summary>
    public static PloverType Parse(string? name, string where) => TryParse(name, out var type) ? type
        : throw new InvalidDataException($"{where}: '{name}' is not a PLOVER event type (one of {string.Join(", ", Names)})");

    /// <summary>Types whose two sides are participants alike: who met whom, who agreed or worked with whom.</summary>
    public static bool IsSymmetric(this PloverType type) => type is PloverType.Consult or PloverType.Agree or PloverType.Cooperate;
}
