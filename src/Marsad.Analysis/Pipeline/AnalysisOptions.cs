namespace Marsad.Analysis.Pipeline;

/// <summary>Per-run switches for what the pipeline puts in its output.</summary>
public sealed record AnalysisOptions
{
    /// <summary>Include every token with its normalized form and clitic segments.</summary>
    public bool IncludeTokens { get; init; }
    /// <summary>Publication date used when the document carries none (yyyy-MM-dd).</summary>
    public string? DefaultPublished { get; init; }
}
