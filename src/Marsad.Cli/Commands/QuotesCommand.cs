using System.CommandLine;
using System.Text.Json;
using Marsad.Cli.Output;
using Marsad.Storage.Records;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad quotes [--speaker NAME] [--limit N] [--json]</c></summary>
internal static class QuotesCommand
{
    public static Command Create()
    {
        var speaker = new Option<string?>("--speaker") { Description = "Speaker actor id or (part of) its English or Arabic name" };
        var limit = new Option<int>("--limit") { Description = "At most N quotes, most recent first (0 = all)", DefaultValueFactory = _ => 50 };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of lines" };
        var store = new StoreOptions();
        var command = new Command("quotes", "Who said what: stored quotes with speaker, relay and document.");
        command.Options.Add(speaker);
        command.Options.Add(limit);
        command.Options.Add(json);
        store.AddTo(command);
        command.SetAction(parse =>
        {
            using var s = store.Open(parse, create: false);
            if (s is null) return 1;
            var quotes = s.Quotes(new QuoteQuery { Speaker = parse.GetValue(speaker), Limit = parse.GetValue(limit) });
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new { quotes }, JsonOutput.Indented));
                return 0;
            }
            foreach (var q in quotes)
            {
                string who = q.Quote.Speaker?.NameEn ?? q.Quote.Speaker?.NameAr ?? "?";
                string via = q.Quote.Via is null ? "" : $" (via {q.Quote.Via.NameEn ?? q.Quote.Via.NameAr ?? q.Quote.Via.Id})";
                string date = q.Published is { Length: >= 10 } p ? p[..10] : q.Published ?? "-";
                Console.Out.WriteLine($"{date}  {q.DocumentId}  {who}{via} [{(q.Quote.Direct ? "direct" : "reported")}]: «{q.Quote.Text.ReplaceLineEndings(" ")}»");
            }
            Console.Error.WriteLine($"quotes: {quotes.Count}");
            return 0;
        });
        return command;
    }
}
