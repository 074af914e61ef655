using Marsad.Analysis.Documents;
using Marsad.Ingest.Readers;
using Marsad.Web.Options;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marsad.Web.Api;

/// <summary>/api/analyze: the analysis of a pasted text or an uploaded file, returned at once and never stored (no key needed).</summary>
internal static class AnalyzeApi
{
    public static void MapAnalyzeApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/analyze").WithTags("Analyze");
        g.MapPost("", AnalyzeText).WithName("AnalyzeText").Accepts<DocumentInput>("application/json")
            .WithSummary("Analyse one document given as JSON; nothing is stored. Events at `minConfidence` or above (default " + Marsad.Analysis.Events.Coding.EventCoder.DefaultThresholdText + ", as `marsad analyze`; 0 = all).");
        g.MapPost("/file", AnalyzeFile).WithName("AnalyzeFile").Accepts<byte[]>("application/octet-stream")
            .WithSummary("Analyse an uploaded file (text, HTML page, RSS/Atom feed, JSONL, WARC; any supported encoding); `name` gives its file name. Nothing is stored. Events at `minConfidence` or above (default " + Marsad.Analysis.Events.Coding.EventCoder.DefaultThresholdText + ").");
    }

    private static async Task<Results<Ok<AnalysisResponse>, ValidationProblem, ProblemHttpResult>> AnalyzeText(
        HttpContext context, MarsadWebOptions options, DocumentAnalyzer analyzer, CancellationToken cancel,
        double minConfidence = Marsad.Analysis.Events.Coding.EventCoder.DefaultThreshold)
    {
        var (input, problem) = await ApiRequests.ReadJsonAsync<DocumentInput>(context, options, cancel);
        if (problem is not null) return problem;
        var errors = new ApiRequests.Errors();
        analyzer.Validate(input!, "", errors);
        errors.Confidence("minConfidence", minConfidence);
        if (errors.Any) return errors.ToResult();
        return TypedResults.Ok(new AnalysisResponse(Shown(analyzer.Analyze([input!], "pasted:"), minConfidence)));
    }

    /// <summary>The events at or above the threshold, as <c>marsad analyze --min-confidence</c> shows them.</summary>
    private static List<AnalyzedDocument> Shown(IReadOnlyList<AnalyzedDocument> docs, double minConfidence) =>
        docs.Select(d => Marsad.Analysis.Events.Coding.EventVisibility.Shown(d, minConfidence)).ToList();

    /// <summary>Extensions the readers know; anything else is read as a file without extension (format guessed from its bytes).</summary>
    private static readonly HashSet<string> KnownExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".txt", ".text", ".html", ".htm", ".xhtml", ".shtml", ".jsonl", ".ndjson", ".rss", ".atom", ".xml", ".feed", ".warc", ".gz",
    };

    private static async Task<Results<Ok<AnalysisResponse>, ValidationProblem, ProblemHttpResult>> AnalyzeFile(
        HttpContext context, MarsadWebOptions options, DocumentAnalyzer analyzer, string? name, CancellationToken cancel,
        double minConfidence = Marsad.Analysis.Events.Coding.EventCoder.DefaultThreshold)
    {
        var check = new ApiRequests.Errors();
        check.Confidence("minConfidence", minConfidence);
        if (check.Any) return check.ToResult();
        var (bytes, problem) = await ApiRequests.ReadBodyAsync(context, options, cancel);
        if (problem is not null) return problem;
        if (bytes!.Length == 0)
        {
            var errors = new ApiRequests.Errors();
            errors.Add("body", "the uploaded file is empty.");
            return errors.ToResult();
        }
        // The readers work on files (format by extension, encoding from the bytes): write the upload to a private
        // temporary folder under a fixed name, keeping only a known extension from the client's name.
        string ext = Path.GetExtension(Path.GetFileName(name ?? ""));
        if (string.Equals(ext, ".gz", StringComparison.OrdinalIgnoreCase) && (name ?? "").EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase)) ext = ".warc.gz";
        else if (!KnownExtensions.Contains(ext)) ext = "";
        string dir = Directory.CreateTempSubdirectory("marsad-upload-").FullName;
        try
        {
            string file = Path.Combine(dir, "upload" + ext);
            await File.WriteAllBytesAsync(file, bytes, cancel);
            var read = new DocumentReader().ReadFile(file).Take(options.MaxBatchDocuments).ToList();
            var docs = analyzer.Analyze(read.Select(d => d with { Path = name ?? "upload" }).ToList());
            return TypedResults.Ok(new AnalysisResponse(Shown(docs, minConfidence)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
