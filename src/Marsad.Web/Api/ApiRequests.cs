using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marsad.Web.Options;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marsad.Web.Api;

/// <summary>Request checks shared by the endpoints: bounded bodies, the write key, dates, limits. Stateless.</summary>
internal static class ApiRequests
{
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>
    /// Reads a JSON body of at most <see cref="MarsadWebOptions.MaxRequestBytes"/> bytes. Returns the value, or the
    /// problem to answer with: 413 when too large (by Content-Length or while reading), 400 when empty or not JSON.
    /// </summary>
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadJsonAsync<T>(HttpContext context, MarsadWebOptions options, CancellationToken cancel)
        where T : class
    {
        var (bytes, problem) = await ReadBodyAsync(context, options, cancel);
        if (problem is not null) return (null, problem);
        if (bytes!.Length == 0) return (null, Problem(400, "Empty body", "Send a JSON object."));
        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes, WebJson.Options);
            return value is null ? (null, Problem(400, "Empty body", "Send a JSON object, not null.")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, Problem(400, "Malformed JSON", e.Message));
        }
    }

    /// <summary>The raw body, at most <see cref="MarsadWebOptions.MaxRequestBytes"/> bytes (else a 413 problem).</summary>
    public static async Task<(byte[]? Bytes, ProblemHttpResult? Problem)> ReadBodyAsync(HttpContext context, MarsadWebOptions options, CancellationToken cancel)
    {
        long max = options.MaxRequestBytes;
        if (context.Request.ContentLength > max) return (null, TooLarge(max));
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        try
        {
            while ((n = await context.Request.Body.ReadAsync(chunk, cancel)) > 0)
            {
                if (buffer.Length + n > max) return (null, TooLarge(max));
                buffer.Write(chunk, 0, n);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A chunked body has no Content-Length to check first: Kestrel counts it while it is read and throws at the
            // request's MaxRequestBodySize (set to the same limit per request), which would otherwise surface as a 500.
            return (null, TooLarge(max));
        }
        return (buffer.ToArray(), null);
    }

    private static ProblemHttpResult TooLarge(long max) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Request too large", $"The body may hold at most {max:N0} bytes.");

    /// <summary>Null when the request may write; else 403 (no key configured: read-only) or 401 (missing or wrong key).</summary>
    public static ProblemHttpResult? CheckWriteKey(HttpContext context, MarsadWebOptions options)
    {
        if (string.IsNullOrEmpty(options.ApiKey))
            return Problem(StatusCodes.Status403Forbidden, "Read-only", "This server is read-only: writes need an API key configured on the server (marsad serve --api-key).");
        var sent = context.Request.Headers[ApiKeyHeader].ToString();
        bool ok = sent.Length > 0 && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(sent)), SHA256.HashData(Encoding.UTF8.GetBytes(options.ApiKey)));
        return ok ? null : Problem(StatusCodes.Status401Unauthorized, "API key required", $"Send the write key in the {ApiKeyHeader} header.");
    }

    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    /// <summary>Collects validation errors by parameter name, for one 400 ValidationProblem.</summary>
    public sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

        public bool Any => _errors.Count > 0;

        public void Add(string name, string message)
        {
            if (!_errors.TryGetValue(name, out var list)) _errors[name] = list = [];
            list.Add(message);
        }

        /// <summary>A day parameter must be yyyy-MM-dd when present.</summary>
        public void Day(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value) && !DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                Add(name, $"'{value}' is not a date; write yyyy-MM-dd.");
        }

        /// <summary>A count parameter within [min, max].</summary>
        public void Range(string name, int value, int min, int max)
        {
            if (value < min || value > max) Add(name, $"must be between {min} and {max}.");
        }

        /// <summary>A confidence threshold within [0, 1].</summary>
        public void Confidence(string name, double value)
        {
            if (double.IsNaN(value) || value < 0 || value > 1) Add(name, "must be between 0 and 1.");
        }

        public ValidationProblem ToResult() =>
            TypedResults.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
    }
}
