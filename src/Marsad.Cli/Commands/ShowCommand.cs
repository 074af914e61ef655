using Marsad.Analysis.Events;
using System.CommandLine;
using System.Text.Json;
using Marsad.Cli.Output;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad show DOCID [--json]</c>: one stored article with its annotations (id or a unique prefix).</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("docid") { Description = "Document id (content hash) or a unique prefix of at least 4 hex digits" };
        var json = new Option<bool>("--json") { Description = "Print the document as JSON (the analyze output shape plus ingested_at and sightings)" };
        var store = new StoreOptions();
        var command = new Command("show", "Show a stored article with its sentences, entities, actors, events and quotes.");
        command.Arguments.Add(id);
        command.Options.Add(json);
        store.AddTo(command);
        command.SetAction(parse =>
        {
            using var s = store.Open(parse, create: false);
            if (s is null) return 1;
            var stored = s.GetDocument(parse.GetValue(id)!);
            if (stored is null)
            {
                Console.Error.WriteLine($"show: no document '{parse.GetValue(id)}' (or the prefix is ambiguous)");
                return 3;
            }
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new { document = stored.Document, ingested_at = stored.IngestedAt, sightings = stored.Sightings }, JsonOutput.Indented));
                return 0;
            }
            var d = stored.Document;
            var o = Console.Out;
            o.WriteLine($"id:          {d.Id}");
            o.WriteLine($"status:      {d.Status.ToString().ToLowerInvariant()}{(d.Reason is null ? "" : " (" + d.Reason + ")")}");
            if (d.DuplicateOf is not null) o.WriteLine($"duplicate of: {d.DuplicateOf}");
            o.WriteLine($"title:       {d.Title}");
            o.WriteLine($"published:   {d.Published}    source: {d.Source}    url: {d.Url}");
            o.WriteLine($"ingested:    {stored.IngestedAt}");
            foreach (var seen in stored.Sightings) o.WriteLine($"seen at:     {seen.Path} ({seen.SeenAt})");
            o.WriteLine($"sentences:   {d.Sentences.Count}, entities: {d.Entities.Count}, actors: {d.Actors.Count}, events: {d.Events.Count}, quotes: {d.Quotes.Count}");
            o.WriteLine();
            o.WriteLine(d.Text);
            o.WriteLine();
            foreach (var e in d.Entities) o.WriteLine($"entity  {e.Type,-4} [{e.Start},{e.End}) {e.Text}{(e.Actor is null ? "" : " → " + e.Actor)}");
            foreach (var a in d.Actors) o.WriteLine($"actor   {a.Id} {a.NameEn} {a.NameAr} {a.Country} {a.Role}");
            foreach (var e in d.Events)
            {
                string src = string.Join(", ", e.Source.Select(a => a.NameEn ?? a.NameAr ?? a.Id));
                string tgt = string.Join(", ", e.Target.Select(a => a.NameEn ?? a.NameAr ?? a.Id));
                o.WriteLine($"event   {e.Type.Name()}{(e.Mode is null ? "" : "/" + e.Mode)} [{e.Cameo}] {src} → {tgt} {e.Date ?? "?"} ({e.Modality.Name()}) «{e.Trigger?.Text}»");
            }
            foreach (var q in d.Quotes)
                o.WriteLine($"quote   {(q.Direct ? "direct" : "reported")} {q.Speaker?.NameEn ?? q.Speaker?.NameAr ?? "?"}: «{q.Text.ReplaceLineEndings(" ")}»");
            return 0;
        });
        return command;
    }
}
