using System.Globalization;
using Marsad.Analysis.Actors;
using Marsad.Analysis.Dates;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Normalization;
using Marsad.Analysis.Quotes;
using Marsad.Analysis.Text;
using Marsad.Analysis.Tokenization;

namespace Marsad.Analysis.Events;

/// <summary>A document's words and publication date, computed once by <see cref="EventStage.Prepare"/> for every later step.</summary>
/// <remarks><see cref="DatelineDate"/>: the date read from a dateline when the metadata had none.</remarks>
public sealed record PreparedText(string Text, WordView[] Words, DateOnly? Published, string? DatelineDate);

/// <summary>What actor linking found in a document: its mentions and the directory that resolves their ids.</summary>
public readonly record struct ActorLinks(IReadOnlyList<ActorMention> Mentions, IActorDirectory Directory);

/// <summary>The events-and-quotes result for one document; <see cref="Candidates"/> holds what the rules proposed (for training).</summary>
public sealed record EventStageResult(IReadOnlyList<EventRecord> Events, IReadOnlyList<QuoteRecord> Quotes, string? DatelineDate)
{
    public IReadOnlyList<Coding.EventCandidate> Candidates { get; init; } = [];
}

/// <summary>
/// The events and quotes stage, in two explicit steps with actor linking between them: <see cref="Prepare"/> builds the
/// word views once and finds the publication date (a dateline when the metadata has none); <see cref="Run(string, PreparedText, IReadOnlyList{TextSpan}, ActorLinks?, IReadOnlyList{TextSpan}?)"/>
/// codes events and quotes from the linked mentions (<see cref="FallbackActorLinker"/> when none are given).
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

    /// <summary>
    /// The first step: the document's word views (normalized form and clitic readings, computed once for every later
    /// step) and its publication date: the metadata's (yyyy-MM-dd or longer ISO), else a dateline in its first lines.
    /// Actor linking runs between this and <see cref="Run(string, PreparedText, IReadOnlyList{TextSpan}, ActorLinks?, IReadOnlyList{TextSpan}?)"/>,
    /// since roles are resolved on the publication date.
    /// </summary>
    public PreparedText Prepare(string text, IReadOnlyList<Token> tokens, string? published)
    {
        var words = WordView.Build(text, tokens, _normalizer);
        DateOnly? pub = ParseDate(published);
        string? dateline = null;
        if (pub is null)
        {
            dateline = FindDateline(text, words);
            pub = ParseDate(dateline);
        }
        return new PreparedText(text, words, pub, dateline);
    }

    /// <summary>Both steps over a text with the fallback actor list instead of the linker (tests, tools and benchmarks).</summary>
    public EventStageResult Run(string docId, string text, IReadOnlyList<Token> tokens, IReadOnlyList<TextSpan> sentences, string? published)
        => Run(docId, Prepare(text, tokens, published), sentences);

    /// <summary>
    /// Codes one prepared document: argument mentions → event candidates → the coder's decisions → one event per real
    /// event → quotes.
    /// </summary>
    /// <param name="docId">Document id, the prefix of event ids.</param>
    /// <param name="doc">The document's words and publication date (<see cref="Prepare"/>).</param>
    /// <param name="sentences">Sentence spans to code.</param>
    /// <param name="actors">The linked actor mentions and their directory; null to use the fallback linker.</param>
    /// <param name="people">Person names the entity tagger found, for quote speakers the actor list does not know.</param>
    public EventStageResult Run(string docId, PreparedText doc, IReadOnlyList<TextSpan> sentences, ActorLinks? actors = null,
        IReadOnlyList<TextSpan>? people = null)
    {
        string text = doc.Text;
        var words = doc.Words;
        var pub = doc.Published;
        var linked = actors ?? new ActorLinks(Fallback.Link(text, words), Fallback);
        var (ments, dir) = (linked.Mentions, linked.Directory);
        // the argument mentions are built once for both extractors
        var args = ArgumentMentions.Read(text, words, ments, dir);
        var candidates = new List<Coding.EventCandidate>();
        var events = _events.Extract(docId, text, words, sentences, args, dir, pub, candidates);
        if (Coder is not null) events = Coder.Decide(candidates);
        // one event per real event: a document's mentions of it fold into one with all their evidence
        events = Merging.EventFolder.Fold(events);
        var quotes = _quotes.Extract(text, words, sentences, args, dir, people);
        return new EventStageResult(events, quotes, doc.DatelineDate) { Candidates = candidates };
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
