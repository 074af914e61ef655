using Marsad.Analysis.Documents;
using Marsad.Analysis.Events;
using Marsad.Analysis.Normalization;
using Marsad.Analysis.Sentences;
using Marsad.Analysis.Tokenization;

namespace Marsad.Analysis.Tests.Events;

/// <summary>Runs the events stage with its fallback actor list (no registry), so tests pin the stage's own rules.</summary>
internal static class EventTestKit
{
    public static readonly ArabicNormalizer Normalizer = new(ArabicNormalizerOptions.Search);
    // the trigger rules alone: these tests check the candidates the rules propose, one rule at a time (the trained coder has tests of its own)
    public static readonly EventStage Stage = EventStage.CreateDefault(Normalizer, coder: null);
    private static readonly ArabicTokenizer Tokenizer = new();
    private static readonly SentenceSplitter Splitter = new();

    public static EventStageResult Run(string text, string? published = "2021-04-19")
    {
        var tokens = Tokenizer.Tokenize(text);
        return Stage.Run("t", text, tokens, Splitter.Split(text, tokens), published);
    }

    public static EventRecord Single(string text, string type, string? published = "2021-04-19")
    {
        var events = Run(text, published).Events.Where(e => e.Type.Name() == type).ToList();
        Assert.True(events.Count == 1, $"expected one {type} event, got {events.Count}: {string.Join("; ", Run(text, published).Events.Select(e => e.Type.Name() + " " + e.Trigger?.Text))}");
        return events[0];
    }

    public static string Ids(IReadOnlyList<ActorRef> actors) => string.Join(",", actors.Select(a => a.Id));
}
