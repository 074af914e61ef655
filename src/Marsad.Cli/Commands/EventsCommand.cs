using System.CommandLine;
using System.Text;
using System.Text.Json;
using Marsad.Cli.Output;
using Marsad.Storage.Export;
using Marsad.Storage.Records;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad events [--actor ID|NAME] [--type T] [--country ISO3] [--since D] [--until D] [--limit N]
/// [--format table|json|jsonl|csv|gdelt|gdelt-mentions|plover] [--out FILE]</c>: merged events and exports.
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
        var format = new Option<string>("--format")
        {
            Description = "table; json; jsonl; csv; gdelt (GDELT 2.0 event table, 61 columns); gdelt-mentions (GDELT 2.0 mentions table); plover (PLOVER JSON, POLECAT-like fields)",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json", "jsonl", "csv", "gdelt", "gdelt-mentions", "plover");
        var outFile = new Option<string?>("--out") { Description = "Write to this file instead of standard output" };
        var store = new StoreOptions();
        var command = new Command("events", "List or export merged events (each with all its reports).");
        foreach (var o in new Option[] { actor, type, country, since, until, limit, format, outFile }) command.Options.Add(o);
        store.AddTo(command);
        command.SetAction(parse =>
        {
            if (!CliChecks.IsDayOrNull("--since", parse.GetValue(since)) || !CliChecks.IsDayOrNull("--until", parse.GetValue(until))) return 2;
            using var s = store.Open(parse, create: false);
            if (s is null) return 1;
            var events = s.Events(new EventQuery
            {
                Actor = parse.GetValue(actor), Type = parse.GetValue(type), Country = parse.GetValue(country),
                Since = parse.GetValue(since), Until = parse.GetValue(until), Limit = parse.GetValue(limit),
            });
            var path = parse.GetValue(outFile);
            using var stream = path is null ? Console.OpenStandardOutput() : File.Create(path);
            Write(stream, parse.GetValue(format)!, events);
            Console.Error.WriteLine($"events: {events.Count} event(s), {events.Sum(e => e.NumMentions)} mention(s)");
            return 0;
        });
        return command;
    }

    internal static void Write(Stream stream, string format, IReadOnlyList<StoredEvent> events)
    {
        if (format == "plover")
        {
            EventExport.WritePloverJson(stream, events);
            return;
        }
        using var w = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        switch (format)
        {
            case "gdelt": GdeltExport.WriteEvents(w, events); break;
            case "gdelt-mentions": GdeltExport.WriteMentions(w, events); break;
            case "csv": EventExport.WriteCsv(w, events); break;
            case "jsonl": EventExport.WriteJsonl(w, events); break;
            case "json": w.WriteLine(JsonSerializer.Serialize(new { events }, JsonOutput.Indented)); break;
            default:
                w.WriteLine($"{"id",6}  {"day",-10}  {"type",-10} {"mode",-10}  {"cameo",-5}  {"modality",-9}  {"men",3} {"src",3}  source → target");
                foreach (var e in events)
                {
                    string src = string.Join(", ", e.Source.Select(a => a.NameEn ?? a.NameAr ?? a.Id));
                    string tgt = string.Join(", ", e.Target.Select(a => a.NameEn ?? a.NameAr ?? a.Id));
                    w.WriteLine($"{e.GlobalId,6}  {e.Day ?? "?",-10}  {e.Type,-10} {e.Mode ?? "",-10}  {e.Cameo ?? "",-5}  {e.Modality,-9}  {e.NumMentions,3} {e.NumSources,3}  {src} → {tgt}");
                    var first = e.Mentions.FirstOrDefault();
                    if (first?.Trigger is not null) w.WriteLine($"{"",8}«{first.Trigger.Text}» in {first.DocumentId}: {Short(first.SentenceText, 100)}");
                }
                break;
        }
    }

    private static string Short(string? s, int n) => s is null ? "" : s.Length <= n ? s.ReplaceLineEndings(" ") : s[..n].ReplaceLineEndings(" ") + "…";
}
