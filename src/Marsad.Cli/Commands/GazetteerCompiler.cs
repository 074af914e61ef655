using Marsad.Analysis.Tagging;

namespace Marsad.Cli.Commands;

/// <summary>
/// Compiles the shared gazetteer TSVs into the tagger's lexicon: (type, normalized phrase) pairs, de-duplicated and
/// sorted. Which column feeds which <see cref="LexiconType"/> is listed in <see cref="Compile"/>.
/// </summary>
internal static class GazetteerCompiler
{
    public static List<(LexiconType Type, string Phrase)> Compile(string dir, int minNameCount)
    {
        var set = new HashSet<(LexiconType, string)>();
        void Add(LexiconType type, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return;
            foreach (var v in value.Split('|'))
            {
                var words = NerText.NormalizedWords(v.Replace('(', ' ').Replace(')', ' ').Replace('،', ' ').Replace(',', ' '));
                if (words.Length == 0 || words.Length > 6) continue;
                var phrase = string.Join(' ', words);
                // Arabic letters only: skip Latin leftovers and one-letter noise.
                if (phrase.Length < 2 || phrase.Any(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '?')) continue;
                if (words.Length == 1 && phrase.Length < 3 && type != LexiconType.Country) continue;
                set.Add((type, phrase));
            }
        }
        IEnumerable<Dictionary<string, string>> Rows(string file)
        {
            using var reader = new StreamReader(Path.Combine(dir, file));
            var header = reader.ReadLine()!.Split('\t');
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                var cells = line.Split('\t');
                var row = new Dictionary<string, string>(StringComparer.Ordinal);
                for (int i = 0; i < header.Length && i < cells.Length; i++) row[header[i]] = cells[i];
                yield return row;
            }
        }
        string? Get(Dictionary<string, string> row, string key) => row.TryGetValue(key, out var v) ? v : null;

        // countries.tsv: names → Country, capitals → Capital, demonym columns → Demonym.
        foreach (var r in Rows("countries.tsv"))
        {
            Add(LexiconType.Country, Get(r, "arabic"));
            Add(LexiconType.Country, Get(r, "arabic_official"));
            Add(LexiconType.Country, Get(r, "arabic_variants"));
            Add(LexiconType.Capital, Get(r, "capital_arabic"));
            foreach (var col in new[] { "demonym_masc", "demonym_fem", "demonym_masc_pl", "demonym_fem_pl", "demonym_variants" })
            {
                Add(LexiconType.Demonym, Get(r, col));
                if (Get(r, col) is { Length: > 0 } d) Add(LexiconType.Demonym, string.Join('|', d.Split('|').Select(x => "ال" + x)));
            }
        }
        // countries_curated.tsv: name variants → Country, capital metonyms → Capital, institutions → Organization.
        foreach (var r in Rows("countries_curated.tsv"))
        {
            var type = Get(r, "type") switch
            {
                "name_variant" => LexiconType.Country,
                "metonym_capital" => LexiconType.Capital,
                "metonym_institution" => LexiconType.Organization,
                _ => LexiconType.Demonym,
            };
            Add(type, Get(r, "arabic"));
        }
        foreach (var r in Rows("demonyms.tsv"))
        {
            Add(LexiconType.Country, Get(r, "country_ar"));
            foreach (var col in new[] { "masc", "fem", "masc_pl", "fem_pl", "masc_def", "fem_def" }) Add(LexiconType.Demonym, Get(r, col));
        }
        // places.tsv: capitals → Capital, everything else → City.
        foreach (var r in Rows("places.tsv"))
        {
            var type = Get(r, "kind") is "capital" or "capital_alt" ? LexiconType.Capital : LexiconType.City;
            Add(type, Get(r, "arabic"));
            Add(type, Get(r, "arabic_variants"));
        }
        // Person names: full names → Person; their single words → NameToken.
        void AddPerson(string? names)
        {
            if (string.IsNullOrWhiteSpace(names)) return;
            Add(LexiconType.Person, names);
            foreach (var name in names.Split('|'))
                foreach (var word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    Add(LexiconType.NameToken, word);
        }
        foreach (var r in Rows("persons.tsv")) { AddPerson(Get(r, "arabic")); AddPerson(Get(r, "arabic_variants")); }
        foreach (var r in Rows("persons_curated.tsv")) { AddPerson(Get(r, "arabic")); AddPerson(Get(r, "arabic_variants")); }
        foreach (var r in Rows("person_labels.tsv")) AddPerson(Get(r, "arabic"));
        foreach (var r in Rows("person_names.tsv"))
        {
            var kind = Get(r, "kind");
            if (kind is "given_male" or "given_female" or "family") Add(LexiconType.NameToken, Get(r, "arabic"));
            else if (kind == "name_token" && int.TryParse(Get(r, "count"), out int n) && n >= minNameCount) Add(LexiconType.NameToken, Get(r, "arabic"));
        }
        foreach (var r in Rows("organizations.tsv")) Add(LexiconType.Organization, Get(r, "arabic"));
        foreach (var r in Rows("organizations_curated.tsv")) { Add(LexiconType.Organization, Get(r, "arabic")); Add(LexiconType.Organization, Get(r, "arabic_variants")); }

        return set.OrderBy(e => e.Item1).ThenBy(e => e.Item2, StringComparer.Ordinal).ToList();
    }
}
