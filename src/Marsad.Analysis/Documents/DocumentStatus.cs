namespace Marsad.Analysis.Documents;

/// <summary>What became of a document. A document is never dropped: a rejected or duplicate one is kept with its reason.</summary>
public enum DocumentStatus
{
    /// <summary>Analysed normally.</summary>
    Ok,
    /// <summary>Could not be read or is not Arabic news text; <see cref="AnalyzedDocument.Reason"/> says why.</summary>
    Rejected,
    /// <summary>The same (or nearly the same) text was seen before; <see cref="AnalyzedDocument.DuplicateOf"/> names it.</summary>
    Duplicate,
}
