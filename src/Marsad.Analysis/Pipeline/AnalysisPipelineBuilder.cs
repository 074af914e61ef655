using Marsad.Analysis.Actors;
using Marsad.Analysis.Events;
using Marsad.Analysis.Normalization;
using Marsad.Analysis.Sentences;
using Marsad.Analysis.Stemming;
using Marsad.Analysis.Tagging;
using Marsad.Analysis.Tokenization;

namespace Marsad.Analysis.Pipeline;

/// <summary>Collects the stages of an <see cref="AnalysisPipeline"/>; <see cref="Build"/> freezes them. Not thread-safe.</summary>
public sealed class AnalysisPipelineBuilder
{
    public ArabicNormalizerOptions NormalizerOptions { get; set; } = ArabicNormalizerOptions.Search;

    /// <summary>The actor registry to link against; null means the built-in one (<see cref="ActorRegistry.BuiltIn"/>).</summary>
    public ActorRegistry? Actors { get; set; }

    /// <summary>Link entities to actors (default true); false skips the stage (entities and actors stay empty).</summary>
    public bool LinkActors { get; set; } = true;
    /// <summary>The named-entity tagger; defaults to the embedded model (<see cref="NerResources.DefaultTagger"/>). Null = no entities.</summary>
    public EntityTagger? EntityTagger
    {
        get => _taggerSet ? _tagger : NerResources.DefaultTagger;
        set
        {
            _tagger = value;
            _taggerSet = true;
        }
    }

    private EntityTagger? _tagger;
    private bool _taggerSet;

    /// <summary>Overrides the trained event coder (by default the committed model is loaded); set to null for the rules' events as they are.</summary>
    public Events.Coding.EventCoder? EventCoder
    {
        get => _coderSet ? _coder : null;
        set
        {
            _coder = value;
            _coderSet = true;
        }
    }

    private Events.Coding.EventCoder? _coder;
    private bool _coderSet;

    /// <summary>Creates the immutable, thread-safe pipeline.</summary>
    public AnalysisPipeline Build()
    {
        // The three embedded resources (tagger model, actor registry, event lexicons) load independently and each takes
        // a noticeable part of a short run's start-up, so they load side by side.
        var normalizer = new ArabicNormalizer(NormalizerOptions);
        var registry = LinkActors && Actors is null ? Task.Run(() => ActorRegistry.BuiltIn) : null;
        var events = Task.Run(() => _coderSet ? EventStage.CreateDefault(normalizer, _coder) : EventStage.CreateDefault(normalizer));
        var tagger = EntityTagger;
        return new AnalysisPipeline(
            normalizer,
            new ArabicTokenizer(),
            new CliticSegmenter(),
            new SentenceSplitter(),
            new ArabicLightStemmer(),
            LinkActors ? new ActorLinker(Actors ?? registry!.GetAwaiter().GetResult()) : null,
            events.GetAwaiter().GetResult(),
            tagger);
    }
}
