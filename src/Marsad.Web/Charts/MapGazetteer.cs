using System.Globalization;
using System.Reflection;
using Marsad.Storage.Records;
using Marsad.Web.Api;

namespace Marsad.Web.Charts;

/// <summary>
/// Where event locations are on the map: coordinates of the event place lexicon's cities and towns, and each country's
/// ISO numeric code and capital (Resources/map/*.tsv, compiled from the shared gazetteers by tools/build_map_resources.py).
/// Loaded once, on the first map request; immutable and thread-safe after that.
/// </summary>
internal sealed class MapGazetteer
{
    private static readonly Lazy<MapGazetteer> Instance = new(() => new MapGazetteer());

    public static MapGazetteer Shared => Instance.Value;

    private readonly Dictionary<(string Name, string Country), (double Lat, double Lon)> _places = [];
    private readonly Dictionary<string, (string Ccn3, string NameEn, string NameAr, double? Lat, double? Lon)> _countries = new(StringComparer.Ordinal);

    private MapGazetteer()
    {
        foreach (var f in Rows("map/places.tsv"))
            _places[(f[0], f[1])] = (Number(f[2]) ?? 0, Number(f[3]) ?? 0);
        foreach (var f in Rows("map/countries.tsv"))
            _countries[f[0]] = (f[1], f[2], f[3], Number(f[4]), Number(f[5]));
    }

    private static double? Number(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static IEnumerable<string[]> Rows(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        using var reader = new StreamReader(stream);
        bool header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            if (header) { header = false; continue; }
            yield return line.Split('\t');
        }
    }

    /// <summary>Places the counted locations: a city with coordinates becomes a point, and every location adds to its country.</summary>
    public MapResponse Place(IReadOnlyList<PlaceCount> counts)
    {
        var points = new List<MapPlace>();
        var countries = new Dictionary<string, int>(StringComparer.Ordinal);
        int located = 0, unplaced = 0;
        foreach (var (loc, n) in counts)
        {
            located += n;
            string? country = loc.Country?.ToUpperInvariant();
            bool known = country is not null && _countries.ContainsKey(country);
            if (known) countries[country!] = countries.GetValueOrDefault(country!) + n;
            if (loc.NameEn is { } name && country is not null && _places.TryGetValue((name, country), out var at))
                points.Add(new MapPlace(loc.NameEn, loc.NameAr, country, at.Lat, at.Lon, n));
            else if (!known) unplaced += n;
        }
        var byCountry = countries.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c =>
        {
            var info = _countries[c.Key];
            return new MapCountry(c.Key, info.Ccn3, info.NameEn, info.NameAr, info.Lat, info.Lon, c.Value);
        }).ToList();
        return new MapResponse(points, byCountry, located, unplaced);
    }
}
