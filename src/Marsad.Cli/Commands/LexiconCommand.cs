using System.CommandLine;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Marsad.Analysis.Tokenization;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad lexicon build --out FILE [--data DIR] [--min-count N]</c>: rebuilds the clitic segmenter's word lexicon
/// (normalized word forms with their frequency, plus gazetteer name tokens) from the shared corpora.
/// </summary>
internal static class LexiconCommand
{
    /// <summary>The corpora the lexicon counts, relative to the data folder.</summary>
    private static readonly string[] NewsFiles = ["news/raw/ant_multisource_nonbbc.jsonl.gz"];
    private static readonly string[] ConllFiles = ["ner/anercorp-camel/train.conll", "ner/aqmar/train.conll", "ner/newsfane-gold/train.conll"];

    public static Command Create()
    {
        var outFile = new Option<string>("--out") { Description = "Lexicon file to write", Required = true };
        var data = new Option<string>("--data") { Description = "The shared data folder", DefaultValueFactory = _ => "../shared/data" };
        var minCount = new Option<int>("--min-count") { Description = "Keep words seen at least this often", DefaultValueFactory = _ => 3 };
        var build = new Command("build", "Count normalized Arabic words in the shared corpora and write the lexicon file.");
        build.Options.Add(outFile);
        build.Options.Add(data);
        build.Options.Add(minCount);
        build.SetAction(parse => Build(parse.GetValue(outFile)!, parse.GetValue(data)!, parse.GetValue(minCount)));
        var command = new Command("lexicon", "Word lexicon of the clitic segmenter.");
        command.Subcommands.Add(build);
        return command;
    }

    private static int Build(string outFile, string dataDir, int minCount)
    {
        if (!Directory.Exists(dataDir))
        {
            Console.Error.WriteLine($"error: data folder '{dataDir}' not found (pass --data)");
            return 2;
        }
        var builder = new WordLexiconBuilder();
        foreach (var rel in NewsFiles)
        {
            var path = Path.Combine(dataDir, rel);
            if (!File.Exists(path)) { Console.Error.WriteLine($"lexicon: warning: {rel} not found, skipped"); continue; }
            int docs = 0;
            using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0) continue;
                using var json = JsonDocument.Parse(line);
                foreach (var field in (string[])["title", "text"])
                {
                    if (json.RootElement.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String)
                        builder.AddText(v.GetString()!);
                }
                docs++;
            }
            Console.Error.WriteLine($"lexicon: {rel}: {docs} articles");
        }
        foreach (var rel in ConllFiles)
        {
            var path = Path.Combine(dataDir, rel);
            if (!File.Exists(path)) { Console.Error.WriteLine($"lexicon: warning: {rel} not found, skipped"); continue; }
            foreach (var line in File.ReadLines(path))
            {
                int tab = line.IndexOfAny(['\t', ' ']);
                if (tab > 0) builder.AddText(line.AsSpan(0, tab));
            }
            Console.Error.WriteLine($"lexicon: {rel}");
        }
        int names = AddNames(builder, dataDir);
        Console.Error.WriteLine($"lexicon: {names} name tokens");

        string[] header =
        [
            "Marsad word lexicon: normalized Arabic word forms (ArabicNormalizerOptions.Search) and their frequency, for the clitic segmenter.",
            "Format: word TAB count [TAB N]. N marks a name token from the gazetteers: never split. Only names that could be split are listed.",
            $"Counted from: {string.Join(", ", NewsFiles)} (title and text; ANT corpus antcorpus/antcorpus.multisource.data @ f117ce44, citation licence: Chouigui et al.);",
            $"  the token column of {string.Join(", ", ConllFiles)} (ANERcorp CAMeL CC BY-SA 4.0; AQMAR CC BY-SA 3.0; NewsFANE Gold CC BY-SA 3.0).",
            "Names from: gazetteers/person_names.tsv (akhateeb MIT; netranslit name tokens with count >= 3, CC0), gazetteers/persons.tsv and persons_curated.tsv (Wikidata CC0 / curated), gazetteers/places.tsv (GeoNames CC BY 4.0, ArWikiCats MIT).",
            "Word frequencies are facts about the corpora; no running text is stored here.",
            $"Minimum count {minCount}; {builder.Tokens.ToString(CultureInfo.InvariantCulture)} Arabic word tokens counted. Built {DateTime.UtcNow:yyyy-MM-dd}.",
            "Rebuild from the repository root: ./marsad lexicon build --out src/Marsad.Analysis/Resources/lexicon/words.tsv",
        ];
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
        using var writer = new StreamWriter(outFile, false, new System.Text.UTF8Encoding(false));
        int written = builder.WriteTo(writer, minCount, header);
        Console.Error.WriteLine($"lexicon: wrote {written} entries to {outFile}");
        return 0;
    }

    private static int AddNames(WordLexiconBuilder builder, string dataDir)
    {
        int n = 0;
        void AddTokens(string? cell)
        {
            if (string.IsNullOrEmpty(cell)) return;
            foreach (var variant in cell.Split('|'))
            {
                foreach (var token in variant.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    builder.AddName(token);
                    n++;
                }
            }
        }
        var gaz = Path.Combine(dataDir, "gazetteers");
        foreach (var row in ReadTsv(Path.Combine(gaz, "person_names.tsv")))
        {
            // arabic english kind count source
            bool curated = row.Get("source").StartsWith("akhateeb", StringComparison.Ordinal);
            bool frequentToken = row.Get("kind") == "name_token" && int.TryParse(row.Get("count"), CultureInfo.InvariantCulture, out int c) && c >= 3;
            if (curated || frequentToken) AddTokens(row.Get("arabic"));
        }
        foreach (var file in (string[])["persons.tsv", "persons_curated.tsv"])
        {
            foreach (var row in ReadTsv(Path.Combine(gaz, file)))
            {
                AddTokens(row.Get("arabic"));
                AddTokens(row.Get("arabic_variants"));
            }
        }
        foreach (var row in ReadTsv(Path.Combine(gaz, "places.tsv")))
        {
            AddTokens(row.Get("arabic"));
            AddTokens(row.Get("arabic_variants"));
        }
        return n;
    }

    private readonly record struct TsvRow(Dictionary<string, int> Columns, string[] Cells)
    {
        public string Get(string column) => Columns.TryGetValue(column, out int i) && i < Cells.Length ? Cells[i] : "";
    }

    private static IEnumerable<TsvRow> ReadTsv(string path)
    {
        if (!File.Exists(path)) yield break;
        Dictionary<string, int>? columns = null;
        foreach (var line in File.ReadLines(path))
        {
            var cells = line.Split('\t');
            if (columns is null)
            {
                columns = new Dictionary<string, int>(StringComparer.Ordinal);
                for (int i = 0; i < cells.Length; i++) columns[cells[i]] = i;
                continue;
            }
            yield return new TsvRow(columns, cells);
        }
    }
}
