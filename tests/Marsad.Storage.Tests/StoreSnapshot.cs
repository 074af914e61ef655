using System.Text;
using Marsad.Storage.Records;

namespace Marsad.Storage.Tests;

/// <summary>A store's whole answerable content as text, for comparing two stores or one store before and after.</summary>
internal static class StoreSnapshot
{
    public static void AssertSame(string expected, string actual)
    {
        if (expected == actual) return;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        int i = 0;
        while (i < e.Length && i < a.Length && e[i] == a[i]) i++;
        string el = i < e.Length ? e[i] : "", al = i < a.Length ? a[i] : "";
        int c = 0;
        while (c < el.Length && c < al.Length && el[c] == al[c]) c++;
        string Around(string line) => line.Length == 0 ? "(end)" : line[..Math.Min(line.Length, 60)] + " … " + line[Math.Max(0, c - 200)..Math.Min(line.Length, c + 300)];
        Assert.Fail($"first difference at line {i + 1} of {e.Length} vs {a.Length}, character {c}:\nexpected: {Around(el)}\nactual:   {Around(al)}");
    }

    /// <summary>
    /// Everything the store answers about its documents, events, actors and quotes, as text: each document with its
    /// annotations, the merged events (by key, with their counts, fields and mentions), the actors with their counts,
    /// roles and co-occurring actors, the quotes and the row counts. Times of ingestion are left out, and the merged
    /// events' integer ids unless <paramref name="withIds"/>.
    /// </summary>
    public static string Of(IArticleStore store, bool withIds)
    {
        var sb = new StringBuilder();
        foreach (var id in store.AllDocumentIds().Order(StringComparer.Ordinal))
        {
            var d = store.GetDocument(id)!.Document;
            sb.Append("doc ").Append(StorageJson.Serialize(d)).Append('\n');
        }
        foreach (var e in store.Events(new EventQuery()).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var shown = e with { GlobalId = withIds ? e.GlobalId : 0, DateAdded = "", Mentions = [.. e.Mentions.Select(m => m with { IngestedAt = "" })] };
            sb.Append("event ").Append(StorageJson.Serialize(shown)).Append(" mentions ").Append(e.NumMentions).Append(" articles ").Append(e.NumArticles)
                .Append(" sources ").Append(e.NumSources).Append('\n');
        }
        foreach (var a in store.Actors(0).OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            var detail = store.GetActor(a.Id, 1000)!;
            sb.Append("actor ").Append(StorageJson.Serialize(detail with { CoOccurring = [.. detail.CoOccurring.OrderBy(x => x.Id, StringComparer.Ordinal)] })).Append('\n');
        }
        foreach (var q in store.Quotes(new QuoteQuery()).OrderBy(q => q.DocumentId, StringComparer.Ordinal).ThenBy(q => q.Index))
            sb.Append("quote ").Append(StorageJson.Serialize(q)).Append('\n');
        sb.Append("counts ").Append(store.Counts()).Append('\n');
        return sb.ToString();
    }
}
