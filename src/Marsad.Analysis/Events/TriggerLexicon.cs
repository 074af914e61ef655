using System.Collections.Frozen;
using System.Reflection;
using Marsad.Analysis.Normalization;

namespace Marsad.Analysis.Events;

/// <summary>Properties of a trigger entry (see the header of Resources/events/triggers.tsv).</summary>
[Flags]
public enum TriggerFlags
{
    None = 0,
    Verb = 1,
    Noun = 2,
    Symmetric = 4,
    Meeting = 8,
    Proposes = 16,
    Invites = 32,
    ContainsNegator = 64,
    /// <summary>An evaluative word: an event only when a statement verb names who says it.</summary>
    NeedsSpeaker = 128,
    /// <summary>A gathering verb (تجمع، احتشد): a rally only with a crowd or a rally setting named next to it.</summary>
    NeedsCrowd = 256,
}

/// <summary>A lexicon entry: the codes a trigger stands for and the rule name shown in the output.</summary>
public sealed record TriggerEntry(string Id, PloverType Type, string? Mode, string Cameo, TriggerFlags Flags);

/// <summary>One surface pattern of an entry: words (normalized) with the largest gap allowed before each word.</summary>
internal sealed record TriggerPattern(TriggerEntry Entry, string[] Words, int[] GapBefore, bool IsVerb);

/// <summary>A trigger found in a sentence: token indexes of its first and last word.</summary>
/// <remarks><see cref="VerbForm"/> is true when the first word was read as a verb: a V(...) form, or a written form of a verb
/// entry read without an article or preposition.
/// <see cref="AfterPreposition"/> is true when a preposition clitic (بـ لـ كـ) was stripped from the first word (للقمة، لاجتماع).</remarks>
public readonly record struct TriggerMatch(TriggerEntry Entry, int First, int Last, int MatchedWords, bool Future, bool VerbForm = false, bool AfterPreposition = false);

/// <summary>
/// The trigger lexicon compiled into a frozen index by first word. Immutable and thread-safe.
/// Multi-word patterns match words in order; a gap (~N) allows up to N words (punctuation not counted) between two words.
/// </summary>
public sealed class TriggerLexicon
{
    private readonly FrozenDictionary<string, TriggerPattern[]> _byFirst;

    private TriggerLexicon(FrozenDictionary<string, TriggerPattern[]> byFirst, IReadOnlyList<TriggerEntry> entries)
    {
        _byFirst = byFirst;
        Entries = entries;
    }

    // Words whose clitic readings collide with a trigger (وزارة → و + زار + ة).
    private static readonly FrozenSet<string> NeverTriggers = FrozenSet.ToFrozenSet(["وزاره", "وزارة", "الوزاره", "بوزاره", "لوزاره", "وزارات", "والوزاره"], StringComparer.Ordinal);

    /// <summary>All entries, in file order.</summary>
    public IReadOnlyList<TriggerEntry> Entries { get; }

    /// <summary>Number of distinct first words indexed.</summary>
    public int Count => _byFirst.Count;

    /// <summary>Loads the embedded lexicon, normalizing every word with <paramref name="normalizer"/>.</summary>
    public static TriggerLexicon LoadDefault(ArabicNormalizer normalizer)
    {
        using var reader = EventResources.Open("events/triggers.tsv");
        return Parse(reader.ReadToEnd(), normalizer);
    }

    /// <summary>Parses lexicon text in the triggers.tsv format.</summary>
    public static TriggerLexicon Parse(string content, ArabicNormalizer normalizer)
    {
        var entries = new List<TriggerEntry>();
        var index = new Dictionary<string, List<TriggerPattern>>(StringComparer.Ordinal);
        bool header = true;
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#') continue;
            if (header) { header = false; continue; }
            var cols = line.Split('\t');
            if (cols.Length < 6) throw new FormatException($"trigger lexicon: expected 6 columns: {line}");
            var flags = TriggerFlags.None;
            foreach (var f in cols[4].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                flags |= f switch
                {
                    "verb" => TriggerFlags.Verb,
                    "noun" => TriggerFlags.Noun,
                    "sym" => TriggerFlags.Symmetric,
                    "meet" => TriggerFlags.Meeting,
                    "prop" => TriggerFlags.Proposes,
                    "invite" => TriggerFlags.Invites,
                    "negword" => TriggerFlags.ContainsNegator,
                    "speech" => TriggerFlags.NeedsSpeaker,
                    "crowd" => TriggerFlags.NeedsCrowd,
                    "-" => TriggerFlags.None,
                    _ => throw new FormatException($"trigger lexicon: unknown flag '{f}' in {cols[0]}"),
                };
            var entry = new TriggerEntry(cols[0], PloverTypes.Parse(cols[1], "trigger lexicon, entry " + cols[0]), cols[2] == "-" ? null : cols[2], cols[3], flags);
            entries.Add(entry);
            foreach (var form in cols[5].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                foreach (var (words, gaps, verbFirst) in Expand(form))
                {
                    var normWords = new string[words.Count];
                    for (int i = 0; i < words.Count; i++) normWords[i] = normalizer.NormalizeToString(words[i]);
                    // Forms written out by V(...) are verbs: they never match a reading with an article or preposition
                    // stripped. Other written forms match any reading.
                    var p = new TriggerPattern(entry, normWords, [.. gaps], verbFirst);
                    if (!index.TryGetValue(normWords[0], out var list)) index[normWords[0]] = list = [];
                    list.Add(p);
                }
        }
        var frozen = index.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(p => p.Words.Length).ToArray(), StringComparer.Ordinal);
        return new TriggerLexicon(frozen, entries);
    }

    private static IEnumerable<(List<string> Words, List<int> Gaps, bool VerbFirst)> Expand(string form)
    {
        // Each part is a word, a V(past,present) group or a ~N gap; the V group multiplies the forms.
        var parts = new List<List<string>>();
        var gaps = new List<int>();
        var verbPart = new List<bool>();
        int pending = 0;
        foreach (var part in form.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part[0] == '~') { pending = int.Parse(part.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture); continue; }
            if (part.StartsWith("V(", StringComparison.Ordinal) && part.EndsWith(')'))
            {
                var args = part[2..^1].Split(',');
                parts.Add(VerbForms(args[0], args[1]));
                verbPart.Add(true);
            }
            else
            {
                parts.Add([part]);
                verbPart.Add(false);
            }
            gaps.Add(pending);
            pending = 0;
        }
        IEnumerable<List<string>> combos = [[]];
        foreach (var alternatives in parts)
            combos = combos.SelectMany(c => alternatives.Select(a => new List<string>(c) { a }));
        foreach (var c in combos) yield return (c, gaps, verbPart.Count > 0 && verbPart[0]);
    }

    /// <summary>Regular inflections of a verb given its past (3rd m. sg.) and present (3rd m. sg.) forms.</summary>
    internal static List<string> VerbForms(string past, string present)
    {
        var forms = new List<string>();
        if (past.EndsWith('ى'))
        {
            string b = past[..^1];
            forms.AddRange([past, b + "ت", b + "يا", b + "تا", b + "وا", b + "ينا", b + "يت"]);
        }
        else
            forms.AddRange([past, past + "ت", past + "ا", past + "تا", past + "وا", past + "نا", past + "تم"]);
        string stem = present[1..];
        if (present.EndsWith('ي'))
        {
            string b = stem[..^1];
            foreach (var pre in new[] { "ي", "ت", "ن", "أ" })
                forms.AddRange([pre + b + "ي", pre + b + "يان", pre + b + "يا", pre + b + "ون", pre + b + "وا", pre + b + "ين"]);
        }
        else
        {
            foreach (var pre in new[] { "ي", "ت", "ن", "أ" })
                forms.AddRange([pre + stem, pre + stem + "ان", pre + stem + "ا", pre + stem + "ون", pre + stem + "وا", pre + stem + "ين", pre + stem + "ن"]);
        }
        return forms;
    }

    /// <summary>
    /// Finds every trigger that starts in <c>[from, to)</c> and ends before <paramref name="to"/>.
    /// Overlapping matches are all returned; <see cref="SelectBest"/> keeps the non-overlapping best ones.
    /// </summary>
    public void Match(WordView[] words, int from, int to, List<TriggerMatch> output)
    {
        for (int i = from; i < to; i++)
        {
            var w = words[i];
            if (w.Kind != Tokenization.TokenKind.ArabicWord || NeverTriggers.Contains(w.Norm)) continue;
            foreach (var form in w.Forms)
            {
                if (!_byFirst.TryGetValue(form.Text, out var patterns)) continue;
                foreach (var p in patterns)
                {
                    if (p.IsVerb && (form.Kind & FormKind.Verb) == 0) continue;
                    int last = MatchRest(words, i, to, p);
                    if (last < 0) continue;
                    bool verbForm = p.IsVerb || (p.Entry.Flags & TriggerFlags.Verb) != 0 && (p.Entry.Flags & TriggerFlags.Noun) == 0 && (form.Kind & FormKind.Verb) != 0;
                    bool afterPrep = (form.Kind & FormKind.Verb) == 0 && w.Bare.Length > form.Text.Length && w.Bare[0] is 'ب' or 'ل' or 'ك'
                        && w.Bare.EndsWith(form.Text, StringComparison.Ordinal);
                    output.Add(new TriggerMatch(p.Entry, i, last, p.Words.Length, (form.Kind & FormKind.Future) != 0, verbForm, afterPrep));
                }
            }
        }
    }

    private static int MatchRest(WordView[] words, int first, int to, TriggerPattern p)
    {
        int pos = first;
        for (int k = 1; k < p.Words.Length; k++)
        {
            int allowed = p.GapBefore[k];
            int skipped = 0;
            int j = pos + 1;
            bool found = false;
            while (j < to)
            {
                var w = words[j];
                if (w.IsPunct && w.Kind != Tokenization.TokenKind.Quote && skipped > 0 && allowed == 0) break;
                if (!w.IsPunct)
                {
                    if (w.Has(p.Words[k])) { found = true; break; }
                    if (++skipped > allowed) break;
                }
                else if (allowed == 0 && w.Kind != Tokenization.TokenKind.Quote) break;
                j++;
            }
            if (!found) return -1;
            pos = j;
        }
        return pos;
    }

    /// <summary>Keeps the best non-overlapping matches: most words, then widest span, then earliest.</summary>
    public static List<TriggerMatch> SelectBest(List<TriggerMatch> matches)
    {
        matches.Sort((a, b) =>
        {
            int c = b.MatchedWords.CompareTo(a.MatchedWords);
            if (c != 0) return c;
            c = (b.Last - b.First).CompareTo(a.Last - a.First);
            return c != 0 ? c : a.First.CompareTo(b.First);
        });
        var kept = new List<TriggerMatch>();
        foreach (var m in matches)
        {
            bool overlaps = false;
            foreach (var k in kept)
                if (m.First <= k.Last && k.First <= m.Last) { overlaps = true; break; }
            if (!overlaps) kept.Add(m);
        }
        kept.Sort((a, b) => a.First.CompareTo(b.First));
        return kept;
    }
}
