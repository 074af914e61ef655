using Marsad.Analysis.Documents;

namespace Marsad.Storage.Records;

/// <summary>A page of the stored documents to analyse again (<see cref="IArticleStore.DocumentsToRecode"/>).</summary>
public sealed record RecodeQuery
{
    /// <summary>Only documents stored after this one (its <see cref="StoredText.Seq"/>): keyset paging in storing order.</summary>
    public long AfterSeq { get; init; }

    /// <summary>At most this many documents.</summary>
    public int Limit { get; init; } = 64;

    /// <summary>Only documents published on or after this day (yyyy-MM-dd); null for every day.</summary>
    public string? Since { get; init; }
}

/// <summary>
/// A stored document as the pipeline needs it to analyse it again: text, title, publication date, source, path, URL,
/// status and the removed spans it was stored with (annotations are not read). <see cref="Seq"/> is its storing order.
/// </summary>
public sealed record StoredText(long Seq, AnalyzedDocument Document);

/// <summary>What one <see cref="IArticleStore.Replace"/> batch did.</summary>
/// <param name="Replaced">Documents whose annotations were replaced.</param>
/// <param name="Missing">Documents given that the store does not hold (nothing written for them).</param>
/// <param name="EventsChanged">Replaced documents whose event reports differ from what was stored (added, removed or changed).</param>
/// <param name="MergedEventsAdded">Merged events first reported by the new analyses.</param>
/// <param name="MergedEventsRemoved">Merged events left without any report, and so deleted.</param>
public sealed record RecodeWriteResult(int Replaced, int Missing, int EventsChanged, int MergedEventsAdded, int MergedEventsRemoved);
