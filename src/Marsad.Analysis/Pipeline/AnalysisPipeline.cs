using System.Globalization;
using Marsad.Analysis.Actors;
using Marsad.Analysis.Cleaning;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Language;
using Marsad.Analysis.Events;
using Marsad.Analysis.Normalization;
using Marsad.Analysis.Sentences;
using Marsad.Analysis.Stemming;
using Marsad.Analysis.Tagging;
using Marsad.Analysis.Text;
using Marsad.Analysis.Tokenization;

namespace Marsad.Analysis.Pipeline;

/// <summary>
/// Runs the text stages over one document, in this order:
/// clean (mark furniture and repeated paragraphs as removed spans; the text stays whole) → identify the language
/// over the text minus removed spans (non-Arabic documents are kept, rejected with the reason, after the text stages) →
/// tokenize the original text (so every offset is an original offset) → segment clitics → split sentences →
/// tag entities in the sentences outside removed spans → link actors (after entities, whose mentions it links;
/// before events and quotes, which read its actor mentions).
/// Normalization is applied per token for matching; it never changes offsets.
/// Immutable and thread-safe: build once, share between threads.
/// </summary>
public sealed class AnalysisPipeline
{
    internal AnalysisPipeline(ArabicNormalizer normalizer, ArabicTokenizer tokenizer, CliticSegmenter segmenter,
        SentenceSplitter splitter, ArabicLightStemmer stemmer, ActorLinker? actorLinker, EventStage events, EntityTagger? entityTagger = null)
    {
        ActorLinker = actorLinker;
        Events = events;
        EntityTagger = entityTagger;
        Normalizer = normalizer;
        Tokenizer = tokenizer;
        Segmenter = segmenter;
        Splitter = splitter;
        Stemmer = stemmer;
    }

    public ArabicNormalizer Normalizer { get; }
    public ArabicTokenizer Tokenizer { get; }
    public CliticSegmenter Segmenter { get; }
    public SentenceSplitter Splitter { get; }
    public ArabicLightStemmer Stemmer { get; }
    /// <summary>The actor linking stage, or null when switched off.</summary>
    public ActorLinker? ActorLinker { get; }
    /// <summary>Events and quotes (with dateline dates; without actor linking, its own small fallback actor list).</summary>
    public EventStage Events { get; }

    /// <summary>The named-entity tagger (null = no entities).</summary>
    public EntityTagger? EntityTagger { get; }

    public TextCleaner Cleaner { get; init; } = new();
    public LanguageIdentifier LanguageIdentifier { get; init; } = new();

    /// <summary>Analyses one readable document. A document with <see cref="SourceDocument.Error"/> is returned as rejected.</summary>
    public AnalyzedDocument Analyze(SourceDocument source, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        string text = source.Text;
        var doc = new AnalyzedDocument
        {
            Id = ContentHash.Of(text),
            Path = source.Path,
            SourceId = source.SourceId,
            Title = source.Title,
            Published = source.Published ?? options.DefaultPublished,
            Source = source.Source,
            Url = source.Url,
            Author = source.Author,
            Encoding = source.Encoding,
            Text = text,
        };
        if (source.Error is not null)
            return doc with { Status = DocumentStatus.Rejected, Reason = source.Error };

        var removed = Cleaner.Clean(text, source.Removed);
        var language = LanguageIdentifier.Identify(text, removed);
        doc = doc with { Removed = removed, Language = language.Code, LanguageConfidence = language.Confidence };

        // Tokens and sentences cover the whole text (every token in exactly one sentence), removed spans included:
        // later stages skip sentences inside `Removed` (TextCleaner.Outside). A non-Arabic document keeps its text
        // analysis but is rejected, so nothing downstream codes events from it.
        var tokens = Tokenizer.Tokenize(text);
        var sentences = Splitter.Split(text, tokens);
        // Entities: the tagger over the tokenizer's tokens, in the sentences outside removed spans (a repeated
        // paragraph must not repeat its entities); offsets map back through Token spans. Non-Arabic text gets none.
        IReadOnlyList<EntityMention> entities = [];
        // a dateline (place and outlet before the story) is cut off the first sentence, so it is skipped as removed
        var kept = TextCleaner.Outside(Dateline.CutOff(sentences, removed), removed);
        if (language.IsArabic && EntityTagger is not null)
            entities = EntityTagger.Recognize(text, tokens, kept);
        // Stage order: words and publication date (metadata, else a dateline) → actors, linked on that date since roles
        // are resolved on it → event candidates, arguments, events → quotes, all reading the linked mentions.
        ActorLinkResult? actors = null;
        var coded = new EventStageResult([], [], null);
        if (language.IsArabic)
        {
            var prepared = Events.Prepare(text, tokens, doc.Published);
            ActorLinks? links = null;
            if (ActorLinker is { } linker)
            {
                actors = linker.Link(TextCleaner.Blanked(text, removed), prepared.Published, entities);
                links = new ActorLinks(actors.Mentions, new LinkedActorDirectory(actors, linker.Registry));
            }
            coded = Events.Run(doc.Id, prepared, kept, links, People(entities));
        }
        doc = doc with
        {
            Status = DocumentStatus.Ok,
            Published = doc.Published ?? coded.DatelineDate,
            Sentences = sentences,
            // The event and quote finders look across sentence boundaries; what starts inside a removed span
            // (a repeated paragraph, furniture) is dropped here so it is not counted twice.
            Events = removed.Count == 0 ? coded.Events : KeepOutside(coded.Events, e => e.Trigger?.Start ?? -1, removed),
            Quotes = removed.Count == 0 ? coded.Quotes : KeepOutside(coded.Quotes, q => q.Start, removed),
            Tokens = options.IncludeTokens ? DescribeTokens(text, tokens) : null,
            Entities = actors?.Entities ?? entities,
            Actors = actors?.ActorInfos() ?? [],
            ActorMentions = actors?.Mentions ?? [],
            EventCandidates = coded.Candidates,
        };
        if (!language.IsArabic)
            return doc with { Status = DocumentStatus.Rejected, Reason = $"language: {language.Code} (confidence {language.Confidence:0.00}), not Arabic" };
        return doc;
    }

    private static List<TextSpan> People(IReadOnlyList<EntityMention> entities)
    {
        var people = new List<TextSpan>();
        foreach (var e in entities)
            if (e.Type == "PER") people.Add(new TextSpan(e.Start, e.End));
        return people;
    }

    private static List<T> KeepOutside<T>(IReadOnlyList<T> items, Func<T, int> start, IReadOnlyList<RemovedSpan> removed)
    {
        var kept = new List<T>(items.Count);
        foreach (var item in items)
        {
            int at = start(item);
            bool inside = false;
            foreach (var r in removed)
                if (at >= r.Start && at < r.End) { inside = true; break; }
            if (!inside) kept.Add(item);
        }
        return kept;
    }

    /// <summary>The date part of a publication date (yyyy-MM-dd, or an ISO timestamp starting with one), or null.</summary>
    internal static DateOnly? ParseDate(string? published) =>
        published is { Length: >= 10 } && DateOnly.TryParseExact(published.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : null;

    private List<TokenInfo> DescribeTokens(string text, IReadOnlyList<Token> tokens)
    {
        var list = new List<TokenInfo>(tokens.Count);
        Span<Segment> segments = stackalloc Segment[CliticSegmenter.MaxSegments];
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var surface = text[t.Start..t.End];
            int count = Segmenter.Segment(text, t, segments);
            var segInfo = new List<SegmentInfo>(count);
            for (int j = 0; j < count; j++)
            {
                var s = segments[j];
                segInfo.Add(new SegmentInfo(s.Start, s.End, text[s.Start..s.End], s.Role.ToString().ToLowerInvariant()));
            }
            list.Add(new TokenInfo(t.Start, t.End, surface, Normalizer.NormalizeToString(surface), t.Kind.ToString(), segInfo));
        }
        return list;
    }
}
