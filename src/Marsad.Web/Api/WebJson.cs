using System.Text.Json;
using Marsad.Storage;

namespace Marsad.Web.Api;

/// <summary>The API's JSON: the same shape as the CLI and the stores (snake_case, readable Arabic, nulls omitted).</summary>
internal static class WebJson
{
    public static readonly JsonSerializerOptions Options = new(StorageJson.Options);

    /// <summary>Applies the shape to ASP.NET Core's serializer settings.</summary>
    public static void Configure(JsonSerializerOptions target)
    {
        target.PropertyNamingPolicy = Options.PropertyNamingPolicy;
        target.DefaultIgnoreCondition = Options.DefaultIgnoreCondition;
        target.Encoder = Options.Encoder;
        foreach (var c in Options.Converters) target.Converters.Add(c);
    }
}
