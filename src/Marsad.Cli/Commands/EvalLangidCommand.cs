using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Marsad.Analysis.Language;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad eval langid [--locale-dir /usr/share/locale]</c>: accuracy of <see cref="LanguageIdentifier"/> on a mixed set
/// assembled at run time:
/// <list type="bullet">
/// <item>ar: dev-corpus articles (first 600 characters), the same with an Urdu-script source line put in front (seed 002's
///   pattern), and with an English quote paragraph added;</item>
/// <item>en, fr, fa, ur, de, es: translated program messages from the machine's gettext catalogues (<c>*.mo</c> under
///   <c>/usr/share/locale</c>; msgid is English, msgstr the translation), joined into ~300-character documents, plus short
///   news sentences written by the team; de and es are expected as "und" (other);</item>
/// </list>
/// Prints accuracy per expected language, the confusion and documents/s.
/// </summary>
internal static partial class EvalLangidCommand
{
    public static Command Create()
    {
        var localeDir = new Option<string>("--locale-dir") { Description = "Folder of gettext catalogues", DefaultValueFactory = _ => "/usr/share/locale" };
        var command = new Command("langid", "Language identification accuracy on a mixed set (ar, fa, ur, en, fr, other).");
        command.Options.Add(localeDir);
        command.SetAction(p => Run(p.GetValue(localeDir)!));
        return command;
    }

    // News-like sentences written by the team (one topic, several languages), for languages the catalogues cover thinly.
    private static readonly (string Lang, string Text)[] Written =
    [
        ("fa", "وزیر امور خارجه روسیه روز پنجشنبه گفت که مسکو آماده گفتگو با واشنگتن درباره ثبات راهبردی است."),
        ("fa", "رئیس جمهور آمریکا و همتای روس او در ژنو دیدار کردند و درباره امنیت سایبری گفتگو کردند."),
        ("fa", "دولت ایران اعلام کرد که مذاکرات هسته‌ای هفته آینده در وین از سر گرفته خواهد شد."),
        ("fa", "خبرگزاری رسمی گزارش داد که سفیر آمریکا برای مشورت به واشنگتن بازگشته است."),
        ("ur", "روسی وزیر خارجہ نے جمعرات کو کہا کہ ماسکو واشنگٹن کے ساتھ اسٹریٹجک استحکام پر بات چیت کے لیے تیار ہے۔"),
        ("ur", "امریکی صدر اور ان کے روسی ہم منصب نے جنیوا میں ملاقات کی اور سائبر سیکیورٹی پر تبادلہ خیال کیا۔"),
        ("ur", "پاکستان کے دفتر خارجہ نے کہا ہے کہ مذاکرات اگلے ہفتے اسلام آباد میں دوبارہ شروع ہوں گے۔"),
        ("ur", "سرکاری خبر رساں ادارے کے مطابق امریکی سفیر مشاورت کے لیے واشنگٹن واپس چلے گئے ہیں۔"),
        ("en", "Russia's foreign minister said on Thursday that Moscow was ready for talks with Washington on strategic stability."),
        ("en", "The American president and his Russian counterpart met in Geneva and discussed cyber security."),
        ("fr", "Le ministre russe des Affaires étrangères a déclaré jeudi que Moscou était prêt à discuter avec Washington de la stabilité stratégique."),
        ("fr", "Le président américain et son homologue russe se sont rencontrés à Genève et ont discuté de cybersécurité."),
        ("und", "Der russische Außenminister sagte am Donnerstag, Moskau sei zu Gesprächen mit Washington über strategische Stabilität bereit."),
        ("und", "El ministro ruso de Asuntos Exteriores dijo el jueves que Moscú estaba dispuesto a dialogar con Washington sobre la estabilidad estratégica."),
    ];

    private static int Run(string localeDir)
    {
        var data = EvalData.Root();
        if (data is null) return EvalData.Fail("shared/data not found: set MARSAD_SHARED or clone beside shared/");
        var set = new List<(string Expected, string Kind, string Text)>();

        var articles = EvalData.ReadArticles(Path.Combine(data, "news", "dev", "articles.jsonl")).Where(a => a.Text.Length > 300).ToList();
        var rng = new Random(42);
        foreach (var a in articles.OrderBy(_ => rng.Next()).Take(600))
        {
            var head = a.Text[..Math.Min(600, a.Text.Length)];
            set.Add(("ar", "ar article", head));
        }
        foreach (var a in articles.OrderBy(_ => rng.Next()).Take(100))
            set.Add(("ar", "ar + Urdu source line", "(پاکستان پوائنٹ نیوز / سبوتنيك - 14 اكتوبر 2021ء) " + a.Text[..Math.Min(500, a.Text.Length)]));
        foreach (var a in articles.OrderBy(_ => rng.Next()).Take(100))
            set.Add(("ar", "ar + English quote", a.Text[..Math.Min(500, a.Text.Length)] + "\n\"We are ready to talk, but not at any price,\" the minister told reporters."));

        var catalogues = new (string Locale, string Expected)[] { ("fr", "fr"), ("fa", "fa"), ("ur", "ur"), ("de", "und"), ("es", "und") };
        var englishPool = new List<string>();
        bool any = false;
        foreach (var (locale, expected) in catalogues)
        {
            var dir = Path.Combine(localeDir, locale, "LC_MESSAGES");
            if (!Directory.Exists(dir)) continue;
            var translated = new List<string>();
            foreach (var mo in Directory.GetFiles(dir, "*.mo").Order(StringComparer.Ordinal))
                foreach (var (id, str) in ReadMo(mo))
                {
                    var t = Clean(str);
                    if (Letters(t) >= 12) translated.Add(t);
                    var e = Clean(id);
                    if (locale == "fr" && Letters(e) >= 12) englishPool.Add(e);
                }
            any |= translated.Count > 0;
            foreach (var doc in Join(translated, 300).Take(200)) set.Add((expected, locale + " messages", doc));
        }
        foreach (var doc in Join(englishPool, 300).Take(200)) set.Add(("en", "en messages", doc));
        foreach (var (lang, text) in Written) set.Add((lang, lang + " written", text));
        if (!any) Console.WriteLine($"note: no gettext catalogues under {localeDir}; only Arabic and the written sentences are scored");

        var identifier = new LanguageIdentifier();
        var byKind = new SortedDictionary<string, (int Right, int N)>(StringComparer.Ordinal);
        var byLang = new SortedDictionary<string, (int Right, int N)>(StringComparer.Ordinal);
        var confusion = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int right = 0;
        var sw = Stopwatch.StartNew();
        var guesses = set.Select(x => identifier.Identify(x.Text)).ToList();
        sw.Stop();
        for (int i = 0; i < set.Count; i++)
        {
            var (expected, kind, _) = set[i];
            bool ok = guesses[i].Code == expected;
            if (ok) right++;
            else confusion[$"{expected}→{guesses[i].Code}"] = confusion.GetValueOrDefault($"{expected}→{guesses[i].Code}") + 1;
            var (r, n) = byKind.GetValueOrDefault(kind);
            byKind[kind] = (r + (ok ? 1 : 0), n + 1);
            var (lr, ln) = byLang.GetValueOrDefault(expected);
            byLang[expected] = (lr + (ok ? 1 : 0), ln + 1);
        }
        Console.WriteLine($"language identification: accuracy {(double)right / set.Count:0.000} ({right}/{set.Count})");
        foreach (var (lang, (r, n)) in byLang) Console.WriteLine($"  {lang,-4} {(double)r / n:0.000} ({r}/{n})");
        foreach (var (kind, (r, n)) in byKind) Console.WriteLine($"    {kind,-24} {(double)r / n:0.000} ({r}/{n})");
        if (confusion.Count > 0) Console.WriteLine("  errors: " + string.Join(", ", confusion.Select(c => $"{c.Key} ×{c.Value}")));
        Console.WriteLine($"speed: {set.Count / sw.Elapsed.TotalSeconds:0} documents/s ({set.Sum(s => s.Text.Length) / sw.Elapsed.TotalSeconds / 1e6:0.0} M chars/s), one thread");
        return 0;
    }

    [GeneratedRegex(@"%[-+ #0-9.]*[a-zA-Z]|\{[0-9a-z_]*\}|<[^>]+>|_(?=\w)|&(?=\w)|\$\{?\w+\}?")]
    private static partial Regex Placeholders();

    private static string Clean(string s) => Placeholders().Replace(s, " ").Replace('\n', ' ').Trim();

    private static int Letters(string s) => s.Count(char.IsLetter);

    private static IEnumerable<string> Join(List<string> parts, int size)
    {
        var sb = new StringBuilder();
        foreach (var p in parts)
        {
            if (sb.Length > 0) sb.Append(". ");
            sb.Append(p);
            if (sb.Length >= size) { yield return sb.ToString(); sb.Clear(); }
        }
    }

    /// <summary>Reads a GNU gettext .mo file (little- or big-endian): (msgid, msgstr) pairs, the header entry skipped.</summary>
    internal static IEnumerable<(string Id, string Str)> ReadMo(string path)
    {
        byte[] b;
        try { b = File.ReadAllBytes(path); }
        catch (IOException) { yield break; }
        if (b.Length < 28) yield break;
        uint magic = BitConverter.ToUInt32(b, 0);
        bool le = magic == 0x950412de;
        if (!le && magic != 0xde120495) yield break;
        uint U(int o) => o + 4 > b.Length ? 0 : le ? BitConverter.ToUInt32(b, o) : (uint)(b[o] << 24 | b[o + 1] << 16 | b[o + 2] << 8 | b[o + 3]);
        int n = (int)U(8), origTable = (int)U(12), transTable = (int)U(16);
        for (int i = 0; i < n; i++)
        {
            int ol = (int)U(origTable + i * 8), oo = (int)U(origTable + i * 8 + 4);
            int tl = (int)U(transTable + i * 8), to = (int)U(transTable + i * 8 + 4);
            if (ol == 0 || oo + ol > b.Length || to + tl > b.Length || tl == 0) continue;
            string id, str;
            try
            {
                id = Encoding.UTF8.GetString(b, oo, ol).Split('\0')[0];
                str = Encoding.UTF8.GetString(b, to, tl).Split('\0')[0];
            }
            catch (ArgumentException) { continue; }
            if (id.Contains('\u0004')) id = id[(id.IndexOf('\u0004') + 1)..]; // context prefix
            yield return (id, str);
        }
    }
}
