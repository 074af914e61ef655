using System.Text.Json;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Events;
using Marsad.Analysis.Normalization;

namespace Marsad.Analysis.Evaluation;

/// <summary>
/// One sentence of the UniversalPetrarch Arabic gold standard (<c>../shared/data/events/ar_gold_standard_records.jsonl</c>):
/// its text, the publication day, the category it was coded with (null when it is not a PLOVER type) and the source
/// and target texts of its events.
/// </summary>
public sealed record GoldSentence(string Text, string? Published, PloverType? Category, IReadOnlyList<(string Source, string Target)> Arguments);

/// <summary>
/// How the coder does on the gold sentences: detection of the two classes that gold separates (ASSAULT and PROTEST:
/// a sentence coded with one is a hit when an event of that type is shown, a false alarm when the other is), and how
/// often a shown event of the gold category has an actor matching the gold source or target text.
/// </summary>
public sealed record SentenceScore(int Sentences, Prf Detection, int SourceGold, int SourceMatched, int TargetGold, int TargetMatched,
    IReadOnlyList<string> Missed)
{
    public double? SourceMatchRate => SourceGold == 0 ? null : (double)SourceMatched / SourceGold;
    public double? TargetMatchRate => TargetGold == 0 ? null : (double)TargetMatched / TargetGold;
}

/// <summary>Reads and scores the UniversalPetrarch gold sentences (the command is <c>marsad eval events --gold FILE.jsonl</c>).</summary>
public static class SentenceGoldScorer
{
    private static readonly PloverType[] Classes = [PloverType.Assault, PloverType.Protest];
    private static readonly ArabicNormalizer Norm = new(ArabicNormalizerOptions.Search);

    /// <summary>The sentences of a gold JSONL file; a line that is not a gold record is an error naming the line.</summary>
    public static List<GoldSentence> Read(string path)
    {
        var sentences = new List<GoldSentence>();
        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0) continue;
            try
            {
                using var json = JsonDocument.Parse(line);
                var r = json.RootElement;
                string text = r.GetProperty("text").GetString() ?? throw new InvalidDataException("\"text\" is null");
                string? date = r.TryGetProperty("date", out var d) ? d.GetString() : null;
                string? published = date is { Length: 8 } ? $"{date[..4]}-{date[4..6]}-{date[6..]}" : null;
                PloverType? category = r.TryGetProperty("category", out var c) && PloverTypes.TryParse(c.GetString(), out var t) ? t : null;
                var arguments = new List<(string, string)>();
                if (r.TryGetProperty("events", out var events))
                    foreach (var e in events.EnumerateArray())
                        arguments.Add((Str(e, "source_text"), Str(e, "target_text")));
                sentences.Add(new GoldSentence(text, published, category, arguments));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or InvalidDataException)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: not a gold sentence record ({e.Message})", e);
            }
        }
        return sentences;

        static string Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
    }

    /// <summary>Scores <paramref name="analyze"/> (which returns the events a user is shown) on the sentences.</summary>
    public static SentenceScore Score(IReadOnlyList<GoldSentence> sentences, Func<SourceDocument, AnalyzedDocument> analyze, bool listMissed = false)
    {
        int tp = 0, fp = 0, fn = 0, srcGold = 0, srcHit = 0, tgtGold = 0, tgtHit = 0;
        var missed = new List<string>();
        foreach (var s in sentences)
        {
            var doc = analyze(new SourceDocument { Text = s.Text, Published = s.Published });
            var shown = doc.Events.Where(e => e.Modality != EventModality.Negated).ToList();
            foreach (var c in Classes)
            {
                bool gold = s.Category == c, found = shown.Exists(e => e.Type == c);
                if (gold && found) tp++;
                else if (found) fp++;
                else if (gold) { fn++; if (listMissed) missed.Add(s.Text); }
            }
            if (s.Category is not { } category) continue;
            var ofCategory = shown.FindAll(e => e.Type == category);
            if (ofCategory.Count == 0) continue;
            foreach (var (source, target) in s.Arguments)
            {
                if (source.Length > 0) { srcGold++; if (ofCategory.Exists(e => e.Source.Any(a => Overlaps(a, source)))) srcHit++; }
                if (target.Length > 0) { tgtGold++; if (ofCategory.Exists(e => e.Target.Any(a => Overlaps(a, target)))) tgtHit++; }
            }
        }
        return new SentenceScore(sentences.Count, new Prf(tp, tp + fp, tp + fn), srcGold, srcHit, tgtGold, tgtHit, missed);
    }

    /// <summary>A predicted actor matches a gold argument text when a word of its Arabic name (article stripped) occurs in it.</summary>
    public static bool Overlaps(ActorRef a, string goldText)
    {
        if (a.NameAr is null) return false;
        var words = Norm.NormalizeToString(goldText).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Strip).ToHashSet(StringComparer.Ordinal);
        return Norm.NormalizeToString(a.NameAr).Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => w.Length > 2 && words.Contains(Strip(w)));
        static string Strip(string w) => w.StartsWith("ال", StringComparison.Ordinal) && w.Length > 4 ? w[2..] : w;
    }
}
