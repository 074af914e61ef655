using System.CommandLine;
using System.Text;
using System.Text.Json;
using Marsad.Cli.Output;
using Marsad.Storage.Export;
using Marsad.Storage.Records;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad events [--actor ID|NAME] [--type T] [--country ISO3] [--since D] [--until D] [--limit N] [--min-confidence C]
/// [--modality M,M] [--format table|json|jsonl|csv|parquet|gdelt|gdelt-mentions|plover] [--out FILE]</c>: merged events and exports.
/// </summary>
internal static class EventsCommand
{
    public static Command Create()
    {
        var actor = new Option<string?>("--actor") { Description = "Actor id or (part of) its English or Arabic name, either side" };
        var type = new Option<string?>("--type") { Description = "PLOVER type (CONSULT, SANCTION …) or CAMEO code prefix (04, 042 …)" };
        var country = new Option<string?>("--country") { Description = "ISO 3166 alpha-3 code of an actor's country or the event's location" };
        var since = new Option<string?>("--since") { Description = "Event day on or after yyyy-MM-dd" };
        var until = new Option<string?>("--until") { Description = "Event day on or before yyyy-MM-dd" };
        var limit = new Option<int>("--limit") { Description = "At most N events, most recent first (0 = all)", DefaultValueFactory = _ => 0 };
        var minConfidence = new Option<double>("--min-confidence")
        {
            Description = "Only events whose coder confidence is at least this (0-1; 0 = every stored event; unscored events always show)",
            DefaultValueFactory = _ => Marsad.Analysis.Events.Coding.EventCoder.DefaultThreshold,
        };
        var modality = new Option<string?>("--modality") { Description = "Only these modalities, comma-separated: " + string.Join(", ", EventQuery.AllModalities) };
        var format = new Option<string>("--format")
        {
            Description = "table; json; " + string.Join("; ", EventFiles.Formats.Select(f => $"{f.Name} ({f.Description})")),
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong(["table", "json", .. EventFiles.Formats.Select(f => f.Name)]);
        var outFile = new Option<string?>("--out") { Description = "Write to this file instead of standard output" };
        var store = new StoreOptions();
        var command = new Command("events", "List or export merged events (each with all its reports).");
        foreach (var o in new Option[] { actor, type, country, since, until, limit, minConfidence, modality, format, outFile }) command.Options.Add(o);
        store.AddTo(command);
        command.SetAction(parse =>
        {
            if (!CliChecks.IsDayOrNull("--since", parse.GetValue(since)) || !CliChecks.IsDayOrNull("--until", parse.GetValue(until))) return 2;
            double min = parse.GetValue(minConfidence);
            if (min is < 0 or > 1)
            {
                Console.Error.WriteLine($"error: --min-confidence {min} is not between 0 and 1");
                return 2;
            }
            var modalities = (parse.GetValue(modality) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (modalities.FirstOrDefault(m => !EventQuery.AllModalities.Contains(m)) is { } bad)
            {
                Console.Error.WriteLine($"error: --modality '{bad}' is not one of {string.Join(", ", EventQuery.AllModalities)}");
                return 2;
            }
            using var s = store.Open(parse, create: false);
            if (s is null) return 1;
            var events = s.Events(new EventQuery
            {
                Actor = parse.GetValue(actor), Type = parse.GetValue(type), Country = parse.GetValue(country),
                Since = parse.GetValue(since), Until = parse.GetValue(until), Limit = parse.GetValue(limit),
                MinConfidence = min, Modalities = modalities,
            });
            var path = parse.GetValue(outFile);
            using var stream = path is null ? Console.OpenStandardOutput() : File.Create(path);
            string chosen = parse.GetValue(format)!;
            if (EventFiles.Find(chosen) is not null)
            {
                var outcome = EventFiles.WriteAsync(stream, chosen, events).GetAwaiter().GetResult();
                if (outcome.LeftOut > 0) Console.Error.WriteLine($"events: {outcome.LeftOut} event(s) left out of the {chosen} file: {outcome.LeftOutWhy}");
            }
            else Write(stream, chosen, events);
            Console.Error.WriteLine($"events: {events.Count} event(s) at confidence >= {min:0.##}, {events.Sum(e => e.NumMentions)} mention(s)");
            return 0;
        });
        return command;
    }

    /// <summary>The two views for people and scripts that are not export files: a table and one JSON object.</summary>
    private static void Write(Stream stream, string format, IReadOnlyList<StoredEvent> events)
    {
        using var w = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        switch (format)
        {
            case "json": w.WriteLine(JsonSerializer.Serialize(new { events }, JsonOutput.Indented)); break;
            default:
                w.WriteLine($"{"id",6}  {"day",-10}  {"type",-10} {"mode",-10}  {"cameo",-5}  {"modality",-9}  {"conf",4}  {"men",3} {"src",3}  source → target");
                foreach (var e in events)
                {
                    string src = string.Join(", ", e.Source.Select(a => a.NameEn ?? a.NameAr ?? a.Id));
                    string tgt = string.Join(", ", e.Target.Select(a => a.NameEn ?? a.NameAr ?? a.Id));
                    string conf = e.Confidence is { } c ? c.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "-";
                    w.WriteLine($"{e.GlobalId,6}  {e.Day ?? "?",-10}  {e.Type,-10} {e.Mode ?? "",-10}  {e.Cameo ?? "",-5}  {e.Modality,-9}  {conf,4}  {e.NumMentions,3} {e.NumSources,3}  {src} → {tgt}");
                    var first = e.Mentions.FirstOrDefault();
                    if (first?.Trigger is not null) w.WriteLine($"{"",8}«{first.Trigger.Text}» in {first.DocumentId}: {Short(first.SentenceText, 100)}");
                }
                break;
        }
    }

    private static string Short(string? s, int n) => s is null ? "" : s.Length <= n ? s.ReplaceLineEndings(" ") : s[..n].ReplaceLineEndings(" ") + "…";
}
