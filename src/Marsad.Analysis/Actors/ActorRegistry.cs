using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;

namespace Marsad.Analysis.Actors;

/// <summary>How a registered phrase refers to its actor.</summary>
internal enum PhraseKind : byte
{
    /// <summary>A full name or registered variant.</summary>
    Name,
    /// <summary>A one-word variant of a person whose full name has more words (بوتين).</summary>
    FamilyName,
    /// <summary>A people (الروس، الأمريكيون) standing for its country.</summary>
    People,
    /// <summary>A capital standing for its government (واشنطن → usa-gov).</summary>
    Metonym,
}

/// <summary>One actor a registered phrase may refer to; a lower <see cref="Rank"/> wins ties.</summary>
internal readonly record struct PhraseTarget(Actor Actor, PhraseKind Kind, int Rank);

/// <summary>An Arabic title of office (وزير الخارجية) with its role key and, for some, a fixed country.</summary>
/// <param name="RoleKey">Role key of roles.tsv.</param>
/// <param name="FixedCountry">Country the title always belongs to, or null when a nationality must follow.</param>
/// <param name="Words">Number of words of the title form.</param>
/// <param name="Suffixes">Phrases one of which must follow the nationality (لدى الأمم المتحدة), or null.</param>
internal sealed record TitleEntry(string RoleKey, string? FixedCountry, int Words, (int Words, ulong[] Hashes)[]? Suffixes = null);

/// <summary>
/// The actor registry: canonical actors with names, variants, dated roles and CAMEO codes, plus the word-hash indexes
/// actor linking needs (names, titles, nationality adjectives, capitals, role nouns, first names).
/// The built-in registry is compiled from the shared gazetteers by <c>tools/actors/build_registry.py</c> into
/// embedded resources (<c>Resources/actors/*.tsv</c>); users merge their own entries over it with <see cref="Merge"/>.
/// Immutable and thread-safe once built.
/// </summary>
public sealed class ActorRegistry
{
    private static readonly Lazy<ActorRegistry> BuiltInRegistry = new(LoadBuiltIn, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, Actor> _byId;
    private readonly FrozenDictionary<string, (Actor Actor, ActorRole Role)[]> _holders;
    private readonly ResourceTables _tables;

    internal FrozenDictionary<ulong, PhraseTarget[]> Phrases { get; }
    internal FrozenSet<ulong> PhrasePrefixes { get; }
    internal int MaxPhraseWords { get; }
    /// <summary>Hashes of every word that can begin a registered phrase or a title (a quick filter before longer lookups).</summary>
    internal FrozenSet<ulong> StartWords { get; }
    internal FrozenDictionary<ulong, TitleEntry[]> Titles => _tables.Titles;
    internal FrozenSet<ulong> TitlePrefixes => _tables.TitlePrefixes;
    internal FrozenDictionary<ulong, string> DemonymAdjectives => _tables.DemonymAdjectives;
    internal FrozenSet<ulong> GivenNames => _tables.GivenNames;
    /// <summary>First-name tokens that are also common words (بيان، نجم، تركي): a name only where a title says so.</summary>
    internal FrozenSet<ulong> PlainGivenNames => _tables.PlainGivenNames;
    internal FrozenDictionary<ulong, string> Agents => _tables.Agents;

    private ActorRegistry(IReadOnlyList<Actor> actors, ResourceTables tables, IReadOnlyDictionary<string, string> metonyms)
    {
        _tables = tables;
        _metonyms = metonyms;
        OrderedActors = actors;
        _byId = actors.GroupBy(a => a.Id, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var phrases = new Dictionary<ulong, List<PhraseTarget>>();
        var prefixes = new HashSet<ulong>();
        int maxWords = 1;
        int rank = 0;
        var firstWords = new HashSet<ulong>();
        foreach (var actor in actors)
        {
            if (!ReferenceEquals(_byId[actor.Id], actor))
                continue;
            rank++;
            int primaryWords = actor.NameAr is null ? 0 : ActorText.PhraseHashes(actor.NameAr).Count;
            foreach (var name in Names(actor))
            {
                var words = ActorText.PhraseHashes(name);
                if (words.Count == 0 || words.Count > 8)
                    continue;
                var kind = actor.Kind == "person" && words.Count == 1 && primaryWords > 1 ? PhraseKind.FamilyName : PhraseKind.Name;
                Add(phrases, prefixes, words, new PhraseTarget(actor, kind, rank));
                firstWords.Add(words[0]);
                maxWords = Math.Max(maxWords, words.Count);
            }
        }
        foreach (var (arabic, actorId) in metonyms)
        {
            if (!_byId.TryGetValue(actorId, out var gov))
                continue;
            var words = ActorText.PhraseHashes(arabic);
            if (words.Count == 0)
                continue;
            // An institution with its own entry (الكرملين) keeps it; only places become metonyms.
            ulong h = ActorText.SeqHash(words, words.Count);
            if (phrases.TryGetValue(h, out var existing) && existing.Exists(t => t.Actor.Kind is "organization"))
                continue;
            Add(phrases, prefixes, words, new PhraseTarget(gov, PhraseKind.Metonym, 0));
            firstWords.Add(words[0]);
            maxWords = Math.Max(maxWords, words.Count);
        }
        foreach (var (word, country) in tables.Peoples)
        {
            if (_byId.TryGetValue(country.ToLowerInvariant(), out var c))
            {
                Add(phrases, prefixes, [word], new PhraseTarget(c, PhraseKind.People, int.MaxValue - 1));
                firstWords.Add(word);
            }
        }
        Phrases = phrases.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.OrderBy(t => t.Rank).ToArray());
        StartWords = firstWords.Concat(tables.TitleFirstWords).ToFrozenSet();
        PhrasePrefixes = prefixes.ToFrozenSet();
        MaxPhraseWords = maxWords;

        var holders = new Dictionary<string, List<(Actor, ActorRole)>>(StringComparer.Ordinal);
        foreach (var actor in _byId.Values)
        {
            if (actor.Kind != "person")
                continue;
            string country = actor.Country ?? "INT";
            foreach (var role in actor.Roles)
            {
                if (role.Key is "official" or "minister" or "ambassador" or "judge")
                    continue;
                var key = HolderKey(string.IsNullOrEmpty(country) ? "INT" : country, role.Key);
                if (!holders.TryGetValue(key, out var list))
                    holders[key] = list = [];
                list.Add((actor, role));
            }
        }
        _holders = holders.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    private static void Add(Dictionary<ulong, List<PhraseTarget>> phrases, HashSet<ulong> prefixes, List<ulong> words, PhraseTarget target)
    {
        ulong h = ActorText.SeqSeed;
        for (int i = 0; i < words.Count; i++)
        {
            h = ActorText.Combine(h, words[i]);
            if (i < words.Count - 1)
                prefixes.Add(h);
        }
        if (!phrases.TryGetValue(h, out var list))
            phrases[h] = list = [];
        if (!list.Exists(t => ReferenceEquals(t.Actor, target.Actor) && t.Kind == target.Kind))
            list.Add(target);
    }

    private static IEnumerable<string> Names(Actor a)
    {
        if (!string.IsNullOrWhiteSpace(a.NameAr))
            yield return a.NameAr;
        foreach (var v in a.Variants)
            if (!string.IsNullOrWhiteSpace(v))
                yield return v;
    }

    private static string HolderKey(string country, string roleKey) => country + "|" + roleKey;

    /// <summary>The built-in registry compiled into the assembly (loaded once, on first use).</summary>
    public static ActorRegistry BuiltIn => BuiltInRegistry.Value;

    /// <summary>Number of actors.</summary>
    public int Count => _byId.Count;

    /// <summary>All actors, in no particular order.</summary>
    public IEnumerable<Actor> Actors => _byId.Values;

    /// <summary>Finds an actor by id.</summary>
    public bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Actor? actor) => _byId.TryGetValue(id, out actor);

    /// <summary>The compact reference (id and names) of an actor id, or null when unknown.</summary>
    public Documents.ActorRef? ToRef(string id) => _byId.TryGetValue(id, out var a) ? a.ToRef() : null;

    /// <summary>
    /// The person holding <paramref name="roleKey"/> (president, foreign_minister, national_security_advisor …) for
    /// <paramref name="country"/> (ISO alpha-3, INT for international posts) on <paramref name="date"/>, or null.
    /// Among several candidates the one with an Arabic name and the latest start wins.
    /// </summary>
    public Actor? HolderOn(string country, string roleKey, DateOnly date)
    {
        if (!_holders.TryGetValue(HolderKey(country, roleKey), out var list))
            return null;
        Actor? best = null;
        DateOnly bestFrom = DateOnly.MinValue;
        bool bestArabic = false;
        foreach (var (actor, role) in list)
        {
            if (!role.Covers(date))
                continue;
            bool arabic = actor.NameAr is not null;
            var from = role.From ?? DateOnly.MinValue;
            if (best is null || (arabic && !bestArabic) || (arabic == bestArabic && from > bestFrom))
            {
                best = actor;
                bestFrom = from;
                bestArabic = arabic;
            }
        }
        return best;
    }

    /// <summary>Every person holding <paramref name="roleKey"/> for <paramref name="country"/> on <paramref name="date"/>.</summary>
    public IReadOnlyList<Actor> HoldersOn(string country, string roleKey, DateOnly date)
    {
        if (!_holders.TryGetValue(HolderKey(country, roleKey), out var list))
            return [];
        var result = new List<Actor>();
        foreach (var (actor, role) in list)
            if (role.Covers(date) && !result.Contains(actor))
                result.Add(actor);
        return result;
    }

    /// <summary>The government actor of a country (rus-gov), or null.</summary>
    public Actor? GovernmentOf(string? country) =>
        country is null or "" or "INT" ? null : _byId.GetValueOrDefault(country.ToLowerInvariant() + "-gov");

    /// <summary>
    /// A new registry with <paramref name="entries"/> merged over this one. An entry with a known id updates it: given
    /// names and fields replace, variants are added, and a role replaces the old roles with the same role key. An
    /// unknown id adds an actor. User entries win ties between actors sharing a spelling.
    /// </summary>
    public ActorRegistry Merge(IEnumerable<Actor> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var merged = new Dictionary<string, Actor>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            var baseActor = merged.GetValueOrDefault(e.Id) ?? _byId.GetValueOrDefault(e.Id);
            merged[e.Id] = baseActor is null ? (string.IsNullOrEmpty(e.Kind) ? e with { Kind = "person" } : e) : MergeOne(baseActor, e);
        }
        var order = new List<Actor>(merged.Values);
        foreach (var a in OrderedActors)
            if (!merged.ContainsKey(a.Id))
                order.Add(a);
        return new ActorRegistry(order, _tables, _metonyms);
    }

    private static Actor MergeOne(Actor b, Actor e)
    {
        var variants = new List<string>(b.Variants);
        if (e.NameAr is not null && b.NameAr is not null && e.NameAr != b.NameAr && !variants.Contains(b.NameAr))
            variants.Add(b.NameAr);
        foreach (var v in e.Variants)
            if (!variants.Contains(v))
                variants.Add(v);
        var roles = new List<ActorRole>();
        var replaced = new HashSet<string>(e.Roles.Select(r => r.Key), StringComparer.Ordinal);
        foreach (var r in b.Roles)
            if (!replaced.Contains(r.Key))
                roles.Add(r);
        roles.AddRange(e.Roles);
        return b with
        {
            Kind = string.IsNullOrEmpty(e.Kind) ? b.Kind : e.Kind,
            Country = e.Country ?? b.Country,
            Code = e.Code ?? b.Code,
            NameEn = e.NameEn ?? b.NameEn,
            NameAr = e.NameAr ?? b.NameAr,
            Variants = variants,
            Roles = roles,
            Lat = e.Lat ?? b.Lat,
            Lon = e.Lon ?? b.Lon,
        };
    }

    private IReadOnlyList<Actor> OrderedActors { get; }
    private readonly IReadOnlyDictionary<string, string> _metonyms;

    /// <summary>Builds a registry from actors alone, with the built-in titles and word tables (tests, tools).</summary>
    public static ActorRegistry FromActors(IEnumerable<Actor> actors)
    {
        var list = actors.ToList();
        var b = BuiltIn;
        return new ActorRegistry(list, b._tables, b._metonyms);
    }

    // ---------------------------------------------------------------- loading the embedded resources

    private static ActorRegistry LoadBuiltIn()
    {
        var roles = new Dictionary<string, List<ActorRole>>(StringComparer.Ordinal);
        foreach (var r in ReadResource("actors.roles.tsv"))
        {
            if (r.Length < 6)
                continue;
            if (!roles.TryGetValue(r[0], out var list))
                roles[r[0]] = list = [];
            list.Add(new ActorRole(r[1], r[2], r[3], ActorRole.ParseStart(r[4]), ActorRole.ParseEnd(r[5])));
        }
        var actors = new List<Actor>(12000);
        foreach (var r in ReadResource("actors.actors.tsv"))
        {
            if (r.Length < 9)
                continue;
            actors.Add(new Actor
            {
                Id = r[0],
                Kind = r[1],
                Country = Null(r[2]),
                Code = Null(r[3]),
                NameEn = Null(r[4]),
                NameAr = Null(r[5]),
                Variants = r[6].Length == 0 ? [] : r[6].Split('|'),
                Roles = roles.TryGetValue(r[0], out var rl) ? rl : [],
                Lat = double.TryParse(r[7], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) ? lat : null,
                Lon = double.TryParse(r[8], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) ? lon : null,
            });
        }
        var metonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in ReadResource("actors.metonyms.tsv"))
            if (r.Length >= 2)
                metonyms.TryAdd(r[0], r[1]);
        var tables = ResourceTables.Load();
        return new ActorRegistry(actors, tables, metonyms);
    }

    private static string? Null(string s) => s.Length == 0 ? null : s;

    internal static IEnumerable<string[]> ReadResource(string name)
    {
        var asm = typeof(ActorRegistry).Assembly;
        // The csproj names resources after their folder; the separator may come through as '/' or '\'.
        string wanted = "Marsad.Resources." + name;
        string? found = Array.Find(asm.GetManifestResourceNames(), n => n.Replace('/', '.').Replace('\\', '.') == wanted);
        using var stream = (found is null ? null : asm.GetManifestResourceStream(found))
            ?? throw new InvalidOperationException($"embedded resource Marsad.Resources.{name} is missing");
        using var reader = new StreamReader(stream);
        bool header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            if (header)
            {
                header = false;
                continue;
            }
            yield return line.Split('\t');
        }
    }

    /// <summary>Word tables that do not depend on the actor list (shared by merged registries).</summary>
    internal sealed class ResourceTables
    {
        public required FrozenDictionary<ulong, TitleEntry[]> Titles { get; init; }
        public required FrozenSet<ulong> TitlePrefixes { get; init; }
        public required IReadOnlyCollection<ulong> TitleFirstWords { get; init; }
        public required FrozenDictionary<ulong, string> DemonymAdjectives { get; init; }
        public required IReadOnlyList<(ulong Word, string Country)> Peoples { get; init; }
        public required FrozenSet<ulong> GivenNames { get; init; }
        public required FrozenSet<ulong> PlainGivenNames { get; init; }
        public required FrozenDictionary<ulong, string> Agents { get; init; }

        public static ResourceTables Load()
        {
            var titles = new Dictionary<ulong, List<TitleEntry>>();
            var titlePrefixes = new HashSet<ulong>();
            var titleFirst = new HashSet<ulong>();
            foreach (var r in ReadResource("actors.titles.tsv"))
            {
                string key = r[0];
                string? fixedCountry = r.Length > 1 && r[1].Length > 0 ? r[1] : null;
                (int, ulong[])[]? rowSuffixes = null;
                if (r.Length > 3 && r[3].Length > 0)
                {
                    var sl = new List<(int, ulong[])>();
                    foreach (var sfx in r[3].Split('|'))
                    {
                        var w = ActorText.PhraseHashes(sfx);
                        if (w.Count > 0)
                            sl.Add((w.Count, w.ToArray()));
                    }
                    rowSuffixes = sl.ToArray();
                }
                foreach (var form in r[2].Split('|'))
                {
                    var words = ActorText.PhraseHashes(form);
                    if (words.Count == 0)
                        continue;
                    titleFirst.Add(words[0]);
                    ulong h = ActorText.SeqSeed;
                    for (int i = 0; i < words.Count; i++)
                    {
                        h = ActorText.Combine(h, words[i]);
                        if (i < words.Count - 1)
                            titlePrefixes.Add(h);
                    }
                    if (!titles.TryGetValue(h, out var list))
                        titles[h] = list = [];
                    list.Add(new TitleEntry(key, fixedCountry, words.Count, rowSuffixes));
                }
            }
            var adjectives = new Dictionary<ulong, string>();
            var peoples = new List<(ulong, string)>();
            foreach (var (country, form, gender) in DemonymForms.Rows())
            {
                foreach (var (f, people) in DemonymForms.Of(form, gender))
                {
                    if (ActorText.PhraseHashes(f) is not { Count: 1 } words)
                        continue;
                    adjectives.TryAdd(words[0], country);
                    // the masculine plural (الروس، الأمريكيون، فلسطينيين) names the people and stands for the country
                    if (people)
                        peoples.Add((words[0], country));
                }
                if (DemonymForms.Counted(form, gender) is { } counted && ActorText.PhraseHashes(counted) is { Count: 1 } c)
                    peoples.Add((c[0], country));
            }
            var given = new HashSet<ulong>();
            var plainGiven = new HashSet<ulong>();
            foreach (var r in ReadResource("actors.given_names.tsv"))
            {
                var w = ActorText.PhraseHashes(r[0]);
                if (w.Count != 1)
                    continue;
                given.Add(w[0]);
                if (r.Length > 1 && r[1] == "1")
                    plainGiven.Add(w[0]);
            }
            var agents = new Dictionary<ulong, string>();
            foreach (var r in ReadResource("actors.agents.tsv"))
            {
                if (r.Length < 2)
                    continue;
                var w = ActorText.PhraseHashes(r[0]);
                if (w.Count > 0)
                    agents.TryAdd(ActorText.SeqHash(w, w.Count), r[1]);
            }
            return new ResourceTables
            {
                Titles = titles.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray()),
                TitlePrefixes = titlePrefixes.ToFrozenSet(),
                TitleFirstWords = titleFirst,
                DemonymAdjectives = adjectives.ToFrozenDictionary(),
                Peoples = peoples,
                GivenNames = given.ToFrozenSet(),
                PlainGivenNames = plainGiven.ToFrozenSet(),
                Agents = agents.ToFrozenDictionary(),
            };
        }
    }
}
