using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Marsad.Cli.Output;

/// <summary>The one JSON shape of Marsad's output: snake_case keys, readable Arabic (not \u-escaped), nulls omitted.</summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The same shape, indented, for query commands (search, events, actors, quotes, show).</summary>
    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };
}
