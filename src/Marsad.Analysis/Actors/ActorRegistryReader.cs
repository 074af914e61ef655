using YamlDotNet.RepresentationModel;

namespace Marsad.Analysis.Actors;

/// <summary>
/// Reads user actor registries (merged over the built-in one with <see cref="ActorRegistry.Merge"/>), in YAML or TSV.
/// <para>YAML: a top-level <c>actors:</c> list (or a bare list) of entries with <c>id</c> (required), <c>kind</c>,
/// <c>country</c>, <c>code</c>, <c>name_en</c>, <c>name_ar</c>, <c>variants</c> (list) and <c>roles</c> (list of
/// <c>{role, code, title, from, to}</c>).</para>
/// <para>TSV: a header row naming columns among <c>id kind country code name_en name_ar variants role role_code title from to</c>
/// (variants separated by <c>|</c>); one row per role, rows with the same id are merged; lines starting with # are comments.</para>
/// Throws <see cref="FormatException"/> with the line on bad input. The caller opens the file: the library does no I/O.
/// </summary>
public static class ActorRegistryReader
{
    /// <summary>Reads entries; the format follows the name's extension (.tsv/.tab → TSV, anything else YAML).</summary>
    public static IReadOnlyList<Actor> Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string ext = Path.GetExtension(name ?? "").ToLowerInvariant();
        return ext is ".tsv" or ".tab" ? ReadTsv(reader) : ReadYaml(reader);
    }

    /// <summary>Reads a YAML registry.</summary>
    public static IReadOnlyList<Actor> ReadYaml(TextReader reader)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new FormatException($"YAML error at line {ex.Start.Line}: {ex.Message}", ex);
        }
        var list = new List<Actor>();
        if (stream.Documents.Count == 0)
            return list;
        var root = stream.Documents[0].RootNode;
        YamlSequenceNode? items = root as YamlSequenceNode;
        if (root is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("actors"), out var node))
            items = node as YamlSequenceNode;
        if (items is null)
            throw new FormatException("expected a list of actors (or 'actors:' with a list)");
        foreach (var item in items)
        {
            if (item is not YamlMappingNode m)
                throw new FormatException($"line {item.Start.Line}: an actor must be a mapping");
            string id = Scalar(m, "id") ?? throw new FormatException($"line {m.Start.Line}: an actor needs an id");
            var roles = new List<ActorRole>();
            if (m.Children.TryGetValue(new YamlScalarNode("roles"), out var rn) && rn is YamlSequenceNode rs)
            {
                foreach (var r in rs)
                {
                    if (r is not YamlMappingNode rm)
                        throw new FormatException($"line {r.Start.Line}: a role must be a mapping");
                    roles.Add(Role(Scalar(rm, "role"), Scalar(rm, "code"), Scalar(rm, "title"), Scalar(rm, "from"), Scalar(rm, "to"), rm.Start.Line));
                }
            }
            var variants = new List<string>();
            if (m.Children.TryGetValue(new YamlScalarNode("variants"), out var vn))
            {
                if (vn is YamlSequenceNode vs)
                    variants.AddRange(vs.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(s => s.Length > 0));
                else if (vn is YamlScalarNode v1 && !string.IsNullOrEmpty(v1.Value))
                    variants.AddRange(v1.Value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            list.Add(Make(id, Scalar(m, "kind"), Scalar(m, "country"), Scalar(m, "code"), Scalar(m, "name_en"), Scalar(m, "name_ar"), variants, roles, m.Start.Line));
        }
        return list;
    }

    /// <summary>Reads a TSV registry.</summary>
    public static IReadOnlyList<Actor> ReadTsv(TextReader reader)
    {
        string[]? header = null;
        var byId = new Dictionary<string, Actor>(StringComparer.Ordinal);
        var order = new List<string>();
        int lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#')
                continue;
            var cells = line.Split('\t');
            if (header is null)
            {
                header = cells.Select(c => c.Trim().ToLowerInvariant()).ToArray();
                if (Array.IndexOf(header, "id") < 0)
                    throw new FormatException($"line {lineNo}: the header must name an 'id' column");
                continue;
            }
            string? Get(string col)
            {
                int i = Array.IndexOf(header, col);
                return i >= 0 && i < cells.Length && cells[i].Trim().Length > 0 ? cells[i].Trim() : null;
            }
            string id = Get("id") ?? throw new FormatException($"line {lineNo}: empty id");
            var roles = new List<ActorRole>();
            if (Get("role") is { } role)
                roles.Add(Role(role, Get("role_code"), Get("title"), Get("from"), Get("to"), lineNo));
            var variants = (Get("variants") ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var actor = Make(id, Get("kind"), Get("country"), Get("code"), Get("name_en"), Get("name_ar"), variants, roles, lineNo);
            if (byId.TryGetValue(id, out var prev))
                byId[id] = prev with
                {
                    Variants = prev.Variants.Concat(actor.Variants).Distinct().ToList(),
                    Roles = prev.Roles.Concat(actor.Roles).ToList(),
                };
            else
            {
                byId[id] = actor;
                order.Add(id);
            }
        }
        return order.Select(id => byId[id]).ToList();
    }

    private static Actor Make(string id, string? kind, string? country, string? code, string? nameEn, string? nameAr,
        IEnumerable<string> variants, List<ActorRole> roles, long line)
    {
        if (kind is not (null or "person" or "organization" or "country" or "city"))
            throw new FormatException($"line {line}: kind '{kind}' must be person, organization, country or city");
        if (country is not null && (country.Length != 3 || !country.All(char.IsAsciiLetter)))
            throw new FormatException($"line {line}: country '{country}' must be an ISO 3166 alpha-3 code such as RUS");
        return new Actor
        {
            Id = id,
            Kind = kind ?? "",
            Country = country?.ToUpperInvariant(),
            Code = code,
            NameEn = nameEn,
            NameAr = nameAr,
            Variants = variants.ToList(),
            Roles = roles,
        };
    }

    private static ActorRole Role(string? key, string? code, string? title, string? from, string? to, long line)
    {
        if (key is null)
            throw new FormatException($"line {line}: a role needs 'role' (a role key such as foreign_minister)");
        var f = ActorRole.ParseStart(from);
        var t = ActorRole.ParseEnd(to);
        if ((from is not null && f is null) || (to is not null && t is null))
            throw new FormatException($"line {line}: dates must be yyyy, yyyy-MM or yyyy-MM-dd");
        return new ActorRole(key, code ?? "", title ?? key, f, t);
    }

    private static string? Scalar(YamlMappingNode m, string key) =>
        m.Children.TryGetValue(new YamlScalarNode(key), out var n) && n is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value) ? s.Value.Trim() : null;
}
