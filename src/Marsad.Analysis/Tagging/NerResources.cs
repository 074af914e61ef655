using System.Reflection;

namespace Marsad.Analysis.Tagging;

/// <summary>
/// The embedded default tagger data: <c>Resources/ner/gazetteer.tsv</c> (compiled lexicon), <c>ner/triggers.tsv</c>
/// (hand-written trigger words), <c>ner/clusters.tsv</c> (word clusters) and <c>ner/model.bin</c> (the default model).
/// Everything is loaded once, on first use, and shared (thread-safe).
/// </summary>
public static class NerResources
{
    private static readonly Lazy<NerLexicon> LexiconLazy = new(() => NerLexicon.Parse(Lines("gazetteer.tsv").Concat(Lines("triggers.tsv"))));
    private static readonly Lazy<WordClusters> ClustersLazy = new(() => WordClusters.Parse(Lines("clusters.tsv")));
    private static readonly Lazy<EntityTagger?> TaggerLazy = new(() =>
    {
        // The three parts load independently: gazetteer and clusters on a pool thread while this one reads the model
        // (a cold start then takes the longer of the two, not their sum).
        var data = Task.Run(() => (Lexicon, Clusters));
        using var stream = Open("model.bin");
        var model = stream is null ? null : NerModel.Load(stream);
        var (lexicon, clusters) = data.GetAwaiter().GetResult();
        return model is null ? null : new EntityTagger(model, lexicon, clusters);
    });

    /// <summary>The compiled gazetteer plus trigger words.</summary>
    public static NerLexicon Lexicon => LexiconLazy.Value;

    /// <summary>The committed word clusters.</summary>
    public static WordClusters Clusters => ClustersLazy.Value;

    /// <summary>The default tagger, or null when this build carries no model.</summary>
    public static EntityTagger? DefaultTagger => TaggerLazy.Value;

    /// <summary>Opens an embedded file under <c>Resources/ner/</c>, or returns null.</summary>
    public static Stream? Open(string name)
    {
        var asm = typeof(NerResources).Assembly;
        return asm.GetManifestResourceStream("Marsad.Resources.ner." + name)
            ?? asm.GetManifestResourceStream("Marsad.Resources.ner/" + name)
            ?? asm.GetManifestResourceStream("Marsad.Resources.ner\\" + name);
    }

    /// <summary>The lines of an embedded text file under <c>Resources/ner/</c> (empty when absent).</summary>
    public static IEnumerable<string> Lines(string name)
    {
        using var stream = Open(name);
        if (stream is null) yield break;
        using var reader = new StreamReader(stream);
        string? line;
        while ((line = reader.ReadLine()) is not null) yield return line;
    }
}
