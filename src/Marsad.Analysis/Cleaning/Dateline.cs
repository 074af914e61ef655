namespace Marsad.Analysis.Cleaning;

/// <summary>
/// The place-and-outlet line an agency puts before a story's first words: «دبي، الإمارات العربية المتحدة (CNN)-- »,
/// «القدس (رويترز) - », «(CNN)-- », and the byline shape «عبدالله البرقاوي- سبق- الرياض: ». It names where the
/// story was filed and who filed it, not anyone the story is about, so later stages skip it: without this the UAE of
/// every CNN Arabic dateline (8% of the dev corpus) was offered as an actor of the lead sentence's events.
/// </summary>
public static class Dateline
{
    private const int MaxLength = 90;

    /// <summary>The reason a dateline's <see cref="Documents.RemovedSpan"/> carries.</summary>
    public const string Reason = "dateline: place and outlet before the story";

    /// <summary>
    /// The sentences with the first one cut where the story starts after a removed dateline, so that the dateline
    /// lies wholly in a sentence of its own and is skipped with the other removed spans (<see cref="TextCleaner.Outside"/>).
    /// </summary>
    public static IReadOnlyList<Text.TextSpan> CutOff(IReadOnlyList<Text.TextSpan> sentences, IReadOnlyList<Documents.RemovedSpan> removed)
    {
        int story = StoryStart(removed);
        if (story == 0 || sentences.Count == 0 || sentences[0].Start >= story || sentences[0].End <= story) return sentences;
        var cut = new List<Text.TextSpan>(sentences.Count + 1) { new(sentences[0].Start, story), new(story, sentences[0].End) };
        for (int i = 1; i < sentences.Count; i++) cut.Add(sentences[i]);
        return cut;
    }

    /// <summary>Where the story starts after the dateline the cleaner removed; 0 when it removed none.</summary>
    private static int StoryStart(IReadOnlyList<Documents.RemovedSpan> removed)
    {
        foreach (var r in removed)
            if (r.Start == 0 && r.Reason == Reason) return r.End;
        return 0;
    }

    /// <summary>
    /// Where the story proper starts when <paramref name="text"/> opens with a dateline (just after its dash or colon
    /// and the spaces after it); 0 when it does not.
    /// </summary>
    public static int StoryStart(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        int limit = Math.Min(text.Length, start + MaxLength);
        int end = OutletInParentheses(text, start, limit);
        if (end == 0) end = Byline(text, start, limit);
        if (end == 0) return 0;
        while (end < text.Length && char.IsWhiteSpace(text[end])) end++; // U+00A0 included
        return end < text.Length ? end : 0; // a dateline with no story after it is no dateline
    }

    /// <summary>"[place words] (outlet) —": at most six words before the parenthesis, at most four inside it.</summary>
    private static int OutletInParentheses(string text, int start, int limit)
    {
        int open = text.IndexOf('(', start, limit - start);
        if (open < 0 || Words(text, start, open) > 6 || HasBreak(text, start, open)) return 0;
        int close = text.IndexOf(')', open, limit - open);
        if (close < 0 || close - open < 2 || Words(text, open + 1, close) > 4) return 0;
        int i = close + 1;
        while (i < limit && text[i] is ' ' or '\u00A0') i++;
        int dashes = i;
        while (i < limit && IsDash(text[i])) i++;
        return i > dashes ? i : 0;
    }

    /// <summary>"name - outlet - city:" or "outlet- city:": two or three short parts joined by dashes, ending in a colon.</summary>
    private static int Byline(string text, int start, int limit)
    {
        int colon = text.IndexOf(':', start, Math.Min(60, limit - start));
        if (colon < 0 || HasBreak(text, start, colon)) return 0;
        int parts = 1, partStart = start;
        for (int i = start; i < colon; i++)
        {
            if (!IsDash(text[i])) continue;
            if (Words(text, partStart, i) is 0 or > 3) return 0;
            while (i + 1 < colon && IsDash(text[i + 1])) i++;
            parts++;
            partStart = i + 1;
        }
        if (parts is < 2 or > 3 || Words(text, partStart, colon) is 0 or > 3) return 0;
        return colon + 1;
    }

    private static bool IsDash(char c) => c is '-' or '—' or '–' or 'ـ';

    private static bool HasBreak(string text, int from, int to)
    {
        for (int i = from; i < to; i++) if (text[i] is '\n' or '.' or '؟' or '!') return true;
        return false;
    }

    private static int Words(string text, int from, int to)
    {
        int n = 0;
        bool inWord = false;
        for (int i = from; i < to; i++)
        {
            bool letter = char.IsLetterOrDigit(text[i]);
            if (letter && !inWord) n++;
            inWord = letter;
        }
        return n;
    }
}
