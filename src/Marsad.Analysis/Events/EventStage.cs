using System.Globalization;
using Marsad.Analysis.Actors;
using Marsad.Analysis.Dates;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Normalization;
using Marsad.Analysis.Quotes;
using Marsad.Analysis.Text;
using Marsad.Analysis.Tokenization;

namespace Marsad.Analysis.Events;

/// <summary>The events-and-quotes result for one document; <see cref="Candidates"/> holds what the rules proposed (for training).</summary>
public sealed record EventStageResult(IReadOnlyList<EventRecord> Events, IReadOnlyList<QuoteRecord> Quotes, string? DatelineDate)
{
    public IReadOnlyList<Coding.EventCandidate> Candidates { get; init; } = [];
}

/// <summary>
/// The events and quotes stage: builds word views once, finds the publication date in a dateline when the metadata has
/// none, links actors (with <see cref="FallbackActorLinker"/> when no mentions are given), then codes events and quotes.
/// Immutable and thread-safe.
/// </summary>
public sealed class EventStage
{
    private readonly ArabicNormalizer _normalizer;
    private readonly EventExtractor _events;
    private readonly QuoteExtractor _quotes;
    private readonly DateFinder _dates;

    private EventStage(ArabicNormalizer normalizer, TriggerLexicon lexicon, DateFinder dates, PlaceLexicon places, DemonymLexicon demonyms, FallbackActorLinker fallback,
        Coding.EventCoder? coder)
    {
        Coder = coder;
        _normalizer = normalizer;
        _dates = dates;
        _events = new EventExtractor(lexicon, dates, places, demonyms, GenericActorLexicon.LoadDefault(normalizer));
        _quotes = new QuoteExtractor(demonyms);
        Lexicon = lexicon;
        Fallback = fallback;
    }

    /// <summary>The trigger lexicon in use.</summary>
    public TriggerLexicon Lexicon { get; }
    /// <summary>The trained coder that decides the rules' candidates; null to emit the rules' events as they are.</summary>
    public Coding.EventCoder? Coder { get; }
    /// <summary>The stand-in actor linker (until the actor registry is wired in).</summary>
    public FallbackActorLinker Fallback { get; }

    /// <summary>Loads every embedded resource of the stage, the committed coder among them.</summary>
    public static EventStage CreateDefault(ArabicNormalizer normalizer) => CreateDefault(normalizer, Coding.EventCoder.LoadDefault());

    /// <summary>Loads the stage's embedded resources with the given coder (null: the rules' events as they are).</summary>
    public static EventStage CreateDefault(ArabicNormalizer normalizer, Coding.EventCoder? coder)
    {
        var names = CalendarNames.LoadDefault(normalizer);
        return new EventStage(normalizer, TriggerLexicon.LoadDefault(normalizer), new DateFinder(names), PlaceLexicon.LoadDefault(normalizer),
            DemonymLexicon.LoadDefault(normalizer), FallbackActorLinker.LoadDefault(normalizer), coder);
    }

    /// <summary>Runs the stage over one document.</summary>
    /// <param name="docId">Document id, the prefix of event ids.</param>
    /// <param name="text">Original text.</param>
    /// <param name="tokens">Tokens of the text.</param>
    /// <param name="sentences">Sentence spans.</param>
    /// <param name="published">Publication date from metadata (yyyy-MM-dd or longer ISO); null to look for a dateline.</param>
    /// <param name="link">Actor linking, called with the publication date once it is known (metadata or dateline);
    /// null to use the fallback linker.</param>
    /// <param name="people">Person names the entity tagger found, for quote speakers the actor list does not know.</param>
    public EventStageResult Run(string docId, string text, IReadOnlyList<Token> tokens, IReadOnlyList<TextSpan> sentences,
        string? published, Func<DateOnly?, (IReadOnlyList<ActorMention> Mentions, IActorDirectory Directory)>? link = null,
        IReadOnlyList<TextSpan>? people = null)
    {
        var words = WordView.Build(text, tokens, _normalizer);
        DateOnly? pub = ParseDate(published);
        string? dateline = null;
        if (pub is null)
        {
            dateline = FindDateline(text, words);
            pub = ParseDate(dateline);
        }
        IReadOnlyList<ActorMention> ments;
        IActorDirectory dir;
        if (link is null)
        {
            ments = Fallback.Link(text, words);
            dir = Fallback;
        }
        else
            (ments, dir) = link(pub);
        // the argument mentions are built once for both extractors
        var args = EventExtractor.Arguments(text, words, ments, dir);
        var candidates = new List<Coding.EventCandidate>();
        var events = _events.Extract(docId, text, words, sentences, args, dir, pub, candidates);
        if (Coder is not null) events = Coder.Decide(candidates);
        // one event per real event: a document's mentions of it fold into one with all their evidence
        events = Merging.EventFolder.Fold(events);
        var quotes = _quotes.Extract(text, words, sentences, args, dir, people);
        return new EventStageResult(events, quotes, dateline) { Candidates = candidates };
    }

    /// <summary>The word views of a text (for tools and tests).</summary>
    public WordView[] Words(string text, IReadOnlyList<Token> tokens) => WordView.Build(text, tokens, _normalizer);

    /// <summary>The date finder in use.</summary>
    public DateFinder Dates => _dates;

    /// <summary>A full date (day, month name, four-digit year) in the first 400 characters, e.g. "(سبوتنيك - 14 اكتوبر 2021ء)".</summary>
    public string? FindDateline(string text, WordView[] words)
    {
        int to = 0;
        while (to < words.Length && words[to].Start < 400) to++;
        foreach (var d in _dates.Find(text, words, 0, to, null))
            if (d.Precision == DatePrecision.Day && d.Value is not null) return d.Value;
        // "14 اكتوبر 2021" resolves without a publication date only when the year is written
        foreach (var d in _dates.Find(text, words, 0, to, new DateOnly(2000, 1, 1)))
            if (d.Precision == DatePrecision.Day && d.Value is not null && HasYear(d.Text)) return d.Value;
        return null;
    }

    private static bool HasYear(string s)
    {
        int run = 0;
        foreach (char c in s)
        {
            run = char.IsDigit(c) ? run + 1 : 0;
            if (run == 4) return true;
        }
        return false;
    }

    private static DateOnly? ParseDate(string? s)
    {
        if (s is null || s.Length < 10) return null;
        return DateOnly.TryParseExact(s.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }
}
