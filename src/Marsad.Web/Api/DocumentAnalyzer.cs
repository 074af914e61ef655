using System.Globalization;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Pipeline;
using Marsad.Ingest.Batch;
using Marsad.Web.Options;

namespace Marsad.Web.Api;

/// <summary>
/// Turns posted documents into analyses with the project's pipeline (built once, on first use: the tagger model and
/// lexicons take a moment to load). Several documents go through <see cref="BatchAnalyzer"/>, so duplicates inside
/// a batch are marked as <c>marsad ingest</c> marks them. Thread-safe.
/// </summary>
public sealed class DocumentAnalyzer(MarsadWebOptions options)
{
    private readonly Lazy<AnalysisPipeline> _pipeline = new(() => new AnalysisPipelineBuilder().Build());

    /// <summary>Checks one posted document; problems go to <paramref name="errors"/> under <paramref name="prefix"/>.</summary>
    internal void Validate(DocumentInput input, string prefix, ApiRequests.Errors errors)
    {
        if (string.IsNullOrWhiteSpace(input.Text)) errors.Add(prefix + "text", "is required.");
        else if (input.Text.Length > options.MaxTextChars) errors.Add(prefix + "text", $"is longer than {options.MaxTextChars:N0} characters.");
        if (!string.IsNullOrWhiteSpace(input.Published) && Day(input.Published) is null)
            errors.Add(prefix + "published", $"'{input.Published}' is not a date; write yyyy-MM-dd or an ISO 8601 timestamp.");
        if (!string.IsNullOrWhiteSpace(input.Url) &&
            (!Uri.TryCreate(input.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
            errors.Add(prefix + "url", "must be an absolute http or https URL.");
        foreach (var (name, value) in new[] { ("title", input.Title), ("source", input.Source), ("author", input.Author) })
            if (value is { Length: > 1000 }) errors.Add(prefix + name, "is longer than 1,000 characters.");
    }

    private static string? Day(string value)
    {
        var v = value.Trim();
        if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return v;
        return DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _) ? v : null;
    }

    /// <summary>Analyses validated documents, in order.</summary>
    public IReadOnlyList<AnalyzedDocument> Analyze(IReadOnlyList<DocumentInput> inputs, string pathPrefix) =>
        Analyze(inputs.Select((d, i) => new SourceDocument
        {
            Text = d.Text!, Title = Clean(d.Title), Published = Clean(d.Published), Source = Clean(d.Source), Url = Clean(d.Url), Author = Clean(d.Author),
            Path = pathPrefix + i.ToString(CultureInfo.InvariantCulture),
        }).ToList());

    /// <summary>Analyses documents already read (e.g. from an uploaded file).</summary>
    public IReadOnlyList<AnalyzedDocument> Analyze(IReadOnlyList<SourceDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 1 && documents[0].Error is null)
            return [_pipeline.Value.Analyze(documents[0], new AnalysisOptions())];
        return new BatchAnalyzer(_pipeline.Value, new AnalysisOptions()).Run(documents).ToList();
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
