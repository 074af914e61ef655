using Marsad.Analysis.Events;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Pipeline;
using Marsad.Analysis.Text;

namespace Marsad.Storage.Tests;

/// <summary>
/// Documents built by the tests (our own sentences, written for these tests) with the annotations other stages
/// will produce: entities, actors, events, quotes. Spans are found in the text, so they are always right.
/// </summary>
internal static class TestDocuments
{
    // Actor linking off, and entities, events and quotes cleared below: these fixtures set their annotations by hand,
    // and the counts in the conformance tests rely on that (the real stages are tested in their own projects).
    private static readonly AnalysisPipeline Pipeline = new AnalysisPipelineBuilder { LinkActors = false, EntityTagger = null }.Build();

    public static readonly ActorRef Putin = new("RUSGOV_putin", "Vladimir Putin", "فلاديمير بوتين", "RUS");
    public static readonly ActorRef Biden = new("USAGOV_biden", "Joe Biden", "جو بايدن", "USA");
    public static readonly ActorRef Usa = new("USA", "United States", "الولايات المتحدة", "USA");
    public static readonly ActorRef Russia = new("RUS", "Russia", "روسيا", "RUS");
    public static readonly ActorRef Tass = new("RUSMED_tass", "TASS", "وكالة تاس", "RUS");

    public const string SummitA =
        "التقى الرئيس الروسي فلاديمير بوتين نظيره الأمريكي جو بايدن في جنيف يوم الأربعاء.\n" +
        "وقال بوتين إن المحادثات كانت «بناءة ومفيدة للطرفين».\n" +
        "وبحث الرئيسان الوضع في سوريا والاستقرار الاستراتيجي.";

    public const string SummitB =
        "اجتمع جو بايدن مع فلاديمير بوتين في قمة جنيف، في أول لقاء بينهما.\n" +
        "ونقلت وكالة تاس عن بوتين قوله إن للرئيس الأمريكي خبرة كبيرة.";

    public const string Sanctions =
        "فرضت الولايات المتحدة عقوبات جديدة على روسيا وطردت عشرة دبلوماسيين روس.\n" +
        "وقالت موسكو إنها سترد على الخطوة الأميركية، فيما دعت إلى حوار حول سورية.";

    public const string NearCopy =
        "التقى الرئيس الروسي فلاديمير بوتين نظيره الأمريكي جو بايدن في جنيف يوم الأربعاء الماضي.\n" +
        "وقال بوتين إن المحادثات كانت «بناءة ومفيدة للطرفين».";

    public const string French = "Le président russe a rencontré son homologue américain à Genève.";

    public static AnalyzedDocument Analyze(string text, string source, string published, string? title = null, string? path = null)
    {
        var doc = Pipeline.Analyze(new SourceDocument
        {
            Text = text, Source = source, Published = published, Title = title, Path = path ?? source + ".txt",
            Url = "https://example.org/" + source + "/" + published,
        }, new AnalysisOptions());
        return doc with { Language = "ar", LanguageConfidence = 0.99, Entities = [], Actors = [], Events = [], Quotes = [] };
    }

    private static TextSpan Span(string text, string part)
    {
        int i = text.IndexOf(part, StringComparison.Ordinal);
        if (i < 0) throw new ArgumentException($"'{part}' not in text");
        return new TextSpan(i, i + part.Length);
    }

    private static EntityMention Entity(string text, string part, string type, string? actor)
    {
        var s = Span(text, part);
        return new EntityMention(s.Start, s.End, part, type) { Actor = actor, Origin = "gazetteer" };
    }

    private static EventRecord Event(string docKey, string text, string type, string? mode, string cameo, ActorRef[] src, ActorRef[] tgt,
        string? date, string trigger, string? dateText = null, Marsad.Analysis.Events.EventModality modality = Marsad.Analysis.Events.EventModality.Asserted)
    {
        var t = Span(text, trigger);
        return new EventRecord
        {
            Id = docKey + ":" + type.ToLowerInvariant(), Type = PloverTypes.Parse(type, "test document"), Mode = mode, Cameo = cameo, Source = src, Target = tgt, Date = date,
            DateText = dateText, Location = new LocationInfo("جنيف", "Geneva", "CHE"), Topics = ["strategic stability"], Modality = modality,
            Trigger = new TriggerInfo(trigger, t.Start, t.End), Rule = "test", Evidence = [t],
        };
    }

    /// <summary>Putin meets Biden (skynews_arabia, 2021-06-16): entities, actors, one CONSULT event, one direct quote.</summary>
    public static AnalyzedDocument A()
    {
        var d = Analyze(SummitA, "skynews_arabia", "2021-06-16T10:00:00Z", "قمة بوتين وبايدن في جنيف", "a.txt");
        var quote = Span(SummitA, "بناءة ومفيدة للطرفين");
        return d with
        {
            Entities = [Entity(SummitA, "فلاديمير بوتين", "PER", Putin.Id), Entity(SummitA, "جو بايدن", "PER", Biden.Id), Entity(SummitA, "جنيف", "LOC", null)],
            Actors = [new ActorInfo(Putin.Id, Putin.NameEn, Putin.NameAr, "RUS", "person", "President of Russia"),
                      new ActorInfo(Biden.Id, Biden.NameEn, Biden.NameAr, "USA", "person", "President of the United States")],
            Events = [Event("a", SummitA, "CONSULT", "third-party", "044", [Putin], [Biden], "2021-06-16", "التقى", "يوم الأربعاء")],
            Quotes = [new QuoteRecord(Putin, "بناءة ومفيدة للطرفين", true, null, quote.Start, quote.End)],
            Removed = [new RemovedSpan(0, 0, "none-test")],
        };
    }

    /// <summary>The same meeting told by another outlet (alarabiya): merges with A's event; a reported quote via TASS.</summary>
    public static AnalyzedDocument B()
    {
        var d = Analyze(SummitB, "alarabiya", "2021-06-16T12:00:00Z", "بايدن يلتقي بوتين", "b.txt");
        var quote = Span(SummitB, "للرئيس الأمريكي خبرة كبيرة");
        return d with
        {
            Actors = [new ActorInfo(Putin.Id, Putin.NameEn, Putin.NameAr, "RUS", "person", "President of Russia"),
                      new ActorInfo(Biden.Id, Biden.NameEn, Biden.NameAr, "USA", "person", null)],
            Events = [Event("b", SummitB, "CONSULT", "third-party", "044", [Putin], [Biden], null, "اجتمع")],
            Quotes = [new QuoteRecord(Putin, "للرئيس الأمريكي خبرة كبيرة", false, Tass, quote.Start, quote.End)],
        };
    }

    /// <summary>US sanctions on Russia (cnn_arabic, 2021-04-15): a SANCTION event with a month-precision date.</summary>
    public static AnalyzedDocument C()
    {
        var d = Analyze(Sanctions, "cnn_arabic", "2021-04-15", "عقوبات أميركية على روسيا", "c.txt");
        return d with
        {
            Actors = [new ActorInfo(Usa.Id, Usa.NameEn, Usa.NameAr, "USA", "country", null), new ActorInfo(Russia.Id, Russia.NameEn, Russia.NameAr, "RUS", "country", null)],
            Events = [Event("c", Sanctions, "SANCTION", "discontinue", "163", [Usa], [Russia], "2021-04", "فرضت") with { Location = null },
                      Event("c", Sanctions, "COERCE", "expel", "1663", [Usa], [Russia], "2021-04-15", "طردت") with { Location = null, Id = "c:expel" }],
        };
    }

    /// <summary>A near copy of A, marked duplicate of A by dedup.</summary>
    public static AnalyzedDocument NearDuplicateOfA(string aId) =>
        Analyze(NearCopy, "okaz", "2021-06-17", "بوتين وبايدن", "d.txt") with
        {
            Status = DocumentStatus.Duplicate, DuplicateOf = aId, Reason = "near duplicate (test)",
        };

    /// <summary>Readable but not Arabic: kept as rejected, with its text.</summary>
    public static AnalyzedDocument RejectedFrench() =>
        Analyze(French, "france24", "2021-06-16", null, "fr.txt") with { Status = DocumentStatus.Rejected, Reason = "language: fr", Language = "fr" };

    /// <summary>Unreadable input: no text at all.</summary>
    public static AnalyzedDocument Unreadable() =>
        new() { Id = ContentHash.Of(""), Text = "", Path = "/missing/file.txt", Status = DocumentStatus.Rejected, Reason = "not found: no such file or folder" };
}
