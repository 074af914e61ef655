using System.Collections.Frozen;
using System.Reflection;
using Marsad.Analysis.Tokenization;

namespace Marsad.Storage.Search;

/// <summary>
/// Spellings of one transliterated name that differ only by a long vowel written or left out inside the word
/// (ترامب / ترمب, نتنياهو / نتانياهو, أمريكي / أميركي, بكين / بيكين), folded to one search term so that either spelling
/// finds both. The pairs come from the actor registry: two name words of the same actor whose letters are the same once
/// ا و ي are dropped from the middle (the first letter and the last two kept, so a nisba ending such as إدارة / إدارية
/// never folds) are spellings of one name. The table maps search terms (after the analyzer's other foldings and
/// stemming) to the smallest term of their group; it is compiled into <c>Resources/spelling_variants.tsv</c> by
/// <see cref="FromRegistry"/> and checked against the registry by a test. Immutable, thread-safe.
/// </summary>
public sealed class SpellingVariants
{
    private const string ResourceName = "Marsad.Storage.Resources.spelling_variants.tsv";
    private readonly FrozenDictionary<string, string> _canonical;

    private SpellingVariants(IDictionary<string, string> canonical) => _canonical = canonical.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>No folding (what the table itself is built with).</summary>
    public static SpellingVariants None { get; } = new(new Dictionary<string, string>());

    /// <summary>The compiled table, loaded on first use (a few hundred lines, no registry or model).</summary>
    public static SpellingVariants BuiltIn => LazyBuiltIn.Value;

    private static readonly Lazy<SpellingVariants> LazyBuiltIn = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("embedded resource spelling_variants.tsv is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    });

    /// <summary>The variant → canonical pairs, sorted by variant.</summary>
    public IEnumerable<(string Variant, string Canonical)> Pairs => _canonical.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value));

    /// <summary>The canonical term of <paramref name="term"/> (itself when it has no variant).</summary>
    public string Fold(string term) => _canonical.TryGetValue(term, out var c) ? c : term;

    /// <summary>Reads a table: <c>variant TAB canonical</c> lines; # comments and the header line are skipped.</summary>
    public static SpellingVariants Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("variant\t", StringComparison.Ordinal)) continue;
            int tab = line.IndexOf('\t');
            if (tab > 0) map[line[..tab]] = line[(tab + 1)..];
        }
        return new SpellingVariants(map);
    }

    /// <summary>Writes the table in the form <see cref="Parse"/> reads, with a header naming its source.</summary>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("# Spelling variants of transliterated names for search: variant search term -> canonical search term.\n");
        writer.Write("# Compiled from src/Marsad.Analysis/Resources/actors/actors.tsv (its header names the sources and licences) by\n");
        writer.Write("# SpellingVariants.FromRegistry; regenerate with SPELLING_VARIANTS_UPDATE=1 dotnet test tests/Marsad.Storage.Tests --filter SpellingVariants\n");
        writer.Write("variant\tcanonical\n");
        foreach (var (v, c) in Pairs) writer.Write($"{v}\t{c}\n");
    }

    /// <summary>
    /// Builds the table from an actor registry TSV (columns as in actors.tsv: <c>name_ar</c> and <c>variants</c>, the
    /// latter |-separated), turning words into terms with <paramref name="analyzer"/>, which must not fold variants itself.
    /// </summary>
    public static SpellingVariants FromRegistry(TextReader registry, SearchTermAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(analyzer);
        int nameAr = -1, variants = -1;
        // Skeleton → the terms of every word with that skeleton that some actor spells two ways.
        var groups = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        while (registry.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var cells = line.Split('\t');
            if (nameAr < 0)
            {
                nameAr = Array.IndexOf(cells, "name_ar");
                variants = Array.IndexOf(cells, "variants");
                if (nameAr < 0 || variants < 0) throw new FormatException("the registry header has no name_ar and variants columns");
                continue;
            }
            if (cells.Length <= Math.Max(nameAr, variants)) continue;
            var bySkeleton = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var name in cells[variants].Split('|').Append(cells[nameAr]))
                foreach (var word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    string? letters = analyzer.FoldedLetters(word);
                    if (letters is null || letters.Length < 4) continue;
                    string? term = analyzer.Term(word, TokenKind.ArabicWord);
                    if (term is null) continue;
                    var skeleton = Skeleton(letters);
                    if (!bySkeleton.TryGetValue(skeleton, out var set)) bySkeleton[skeleton] = set = new HashSet<string>(StringComparer.Ordinal);
                    set.Add(letters + "\t" + term);
                }
            foreach (var (skeleton, words) in bySkeleton)
            {
                var terms = words.Select(w => w[(w.IndexOf('\t') + 1)..]).Distinct(StringComparer.Ordinal).ToList();
                if (words.Count < 2 || terms.Count < 2) continue;
                if (!groups.TryGetValue(skeleton, out var all)) groups[skeleton] = all = new SortedSet<string>(StringComparer.Ordinal);
                all.UnionWith(terms);
            }
        }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var terms in groups.Values)
        {
            string canonical = terms.Min!;
            foreach (var t in terms)
                if (t != canonical) map.TryAdd(t, canonical);
        }
        return new SpellingVariants(map);
    }

    /// <summary>The first letter, the middle without ا و ي, and the last two letters.</summary>
    internal static string Skeleton(string letters)
    {
        var middle = letters.AsSpan(1, letters.Length - 3);
        var sb = new System.Text.StringBuilder(letters.Length);
        sb.Append(letters[0]);
        foreach (char c in middle)
            if (c is not ('\u0627' or '\u0648' or '\u064A')) sb.Append(c);
        sb.Append(letters.AsSpan(letters.Length - 2));
        return sb.ToString();
    }
}
