using Marsad.Analysis.Text;

namespace Marsad.Analysis.Documents;

/// <summary>
/// The result of analysing one document: the stable output contract of <c>marsad analyze</c>
/// (documented in docs/formats.md; evaluation tools and the store read it). Offsets point into <see cref="Text"/>.
/// </summary>
public sealed record AnalyzedDocument
{
    /// <summary>Content hash of the decoded text (first 16 hex digits of SHA-256 over UTF-8).</summary>
    public required string Id { get; init; }
    public string? Path { get; init; }
    public string? SourceId { get; init; }
    public string? Title { get; init; }
    public string? Published { get; init; }
    public string? Source { get; init; }
    public string? Url { get; init; }
    /// <summary>Author (byline) when the source names one.</summary>
    public string? Author { get; init; }
    /// <summary>Encoding the bytes were decoded with (utf-8, utf-16le, windows-1256 …), when read from bytes.</summary>
    public string? Encoding { get; init; }
    /// <summary>ISO 639-1 language code (ar, fa, ur, en, fr) or "und".</summary>
    public string? Language { get; init; }
    public double? LanguageConfidence { get; init; }
    public DocumentStatus Status { get; init; }
    public string? Reason { get; init; }
    public string? DuplicateOf { get; init; }
    public required string Text { get; init; }
    public IReadOnlyList<TextSpan> Sentences { get; init; } = [];
    /// <summary>Only filled when tokens were asked for (<c>--tokens</c>).</summary>
    public IReadOnlyList<TokenInfo>? Tokens { get; init; }
    public IReadOnlyList<EntityMention> Entities { get; init; } = [];
    public IReadOnlyList<ActorInfo> Actors { get; init; } = [];
    public IReadOnlyList<EventRecord> Events { get; init; } = [];
    public IReadOnlyList<QuoteRecord> Quotes { get; init; } = [];
    /// <summary>
    /// Every span linked to an actor (names, titles, metonyms, coreference), for the stages after actor linking
    /// (events, quotes). Not part of the JSON output: entities carry <c>actor</c> and <see cref="Actors"/> lists them.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<Marsad.Analysis.Actors.ActorMention> ActorMentions { get; init; } = [];
    /// <summary>What the trigger rules proposed before the trained coder decided (for training; not part of the JSON output).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<Marsad.Analysis.Events.Coding.EventCandidate> EventCandidates { get; init; } = [];
    /// <summary>Spans removed as page furniture or repeats, kept so nothing is lost.</summary>
    public IReadOnlyList<RemovedSpan> Removed { get; init; } = [];
}

/// <summary>A token as written in the output: its span, surface text, normalized form and clitic segments.</summary>
public sealed record TokenInfo(int Start, int End, string Text, string Norm, string Kind, IReadOnlyList<SegmentInfo> Segments);

/// <summary>A clitic segment of a token (proclitic, article, stem or suffix) with its own span.</summary>
public sealed record SegmentInfo(int Start, int End, string Text, string Role);

/// <summary>A named-entity mention (PER, ORG, LOC, MISC), optionally linked to an actor id.</summary>
public sealed record EntityMention(int Start, int End, string Text, string Type)
{
    public string? Actor { get; init; }
    /// <summary>Where the mention came from: "tagger" or "gazetteer".</summary>
    public string? Origin { get; init; }
}

/// <summary>An actor as listed on a document: identity plus the role held on the document's date.</summary>
public sealed record ActorInfo(string Id, string? NameEn, string? NameAr, string? Country, string Kind, string? Role)
{
    /// <summary>CAMEO-style code on the document date (the role's code, else the actor's base code).</summary>
    public string? Code { get; init; }
}

/// <summary>A compact actor reference used inside events and quotes.</summary>
public sealed record ActorRef(string Id, string? NameEn, string? NameAr, string? Country);

/// <summary>A place an event happened.</summary>
public sealed record LocationInfo(string? NameAr, string? NameEn, string? Country);

/// <summary>The words that triggered an event.</summary>
public sealed record TriggerInfo(string Text, int Start, int End);

/// <summary>A coded event with the evidence that supports it.</summary>
public sealed record EventRecord
{
    public required string Id { get; init; }
    /// <summary>PLOVER event type (written CONSULT, AGREE …).</summary>
    public required Marsad.Analysis.Events.PloverType Type { get; init; }
    public string? Mode { get; init; }
    public string? Cameo { get; init; }
    public IReadOnlyList<ActorRef> Source { get; init; } = [];
    public IReadOnlyList<ActorRef> Target { get; init; } = [];
    /// <summary>Resolved date at its known precision (yyyy-MM-dd, yyyy-MM, yyyy) or null.</summary>
    public string? Date { get; init; }
    /// <summary>How much of the date is known (day, month or year), read from its form; null when there is no date.</summary>
    public Marsad.Analysis.Dates.DatePrecision? DatePrecision => Date?.Length switch
    {
        10 => Marsad.Analysis.Dates.DatePrecision.Day,
        7 => Marsad.Analysis.Dates.DatePrecision.Month,
        4 => Marsad.Analysis.Dates.DatePrecision.Year,
        _ => null,
    };
    /// <summary>The words that give the date, as written (kept when they cannot be resolved: no publication date).</summary>
    public string? DateText { get; init; }
    /// <summary>Which family of date words gave the date (weekday, yesterday, calendar …); null when no words did.</summary>
    public Marsad.Analysis.Dates.DateKind? DateKind { get; init; }
    public LocationInfo? Location { get; init; }
    public IReadOnlyList<string> Topics { get; init; } = [];
    /// <summary>asserted, planned, proposed, possible or negated.</summary>
    public Marsad.Analysis.Events.EventModality Modality { get; init; } = Marsad.Analysis.Events.EventModality.Asserted;
    public TriggerInfo? Trigger { get; init; }
    /// <summary>The lexicon entry or pattern that fired.</summary>
    public string? Rule { get; init; }
    /// <summary>How likely the event is right (source, target and type), from the trained coder; null when it did not run.</summary>
    public double? Confidence { get; init; }
    public IReadOnlyList<TextSpan> Evidence { get; init; } = [];
}

/// <summary>A direct or reported quote with its speaker and relay.</summary>
public sealed record QuoteRecord(ActorRef? Speaker, string Text, bool Direct, ActorRef? Via, int Start, int End);

/// <summary>A span removed from analysis (furniture, repeated paragraph, caption) and why.</summary>
public sealed record RemovedSpan(int Start, int End, string Reason);
