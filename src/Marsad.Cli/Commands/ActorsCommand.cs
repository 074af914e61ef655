using System.CommandLine;
using System.Text.Json;
using Marsad.Cli.Output;

namespace Marsad.Cli.Commands;

/// <summary>
/// The root <c>marsad actors</c> command. Its own action lists the most mentioned stored actors
/// (<c>marsad actors [--top N] [--json]</c>); subcommands (such as <c>lookup</c>) live in their own files.
/// </summary>
internal static class ActorsCommand
{
    public static Command Create()
    {
        var top = new Option<int>("--top") { Description = "How many actors (0 = all)", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var store = new StoreOptions();
        var command = new Command("actors", "Actors in the store, most mentioned first (documents, events, quotes).");
        command.Options.Add(top);
        command.Options.Add(json);
        store.AddTo(command);
        command.SetAction(parse =>
        {
            using var s = store.Open(parse, create: false);
            if (s is null) return 1;
            var actors = s.Actors(parse.GetValue(top));
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new { actors }, JsonOutput.Indented));
                return 0;
            }
            Console.Out.WriteLine($"{"id",-24}  {"docs",5} {"evts",5} {"quot",5}  {"cty",-3}  {"kind",-12}  name");
            foreach (var a in actors)
                Console.Out.WriteLine($"{a.Id,-24}  {a.Documents,5} {a.Events,5} {a.Quotes,5}  {a.Country ?? "-",-3}  {a.Kind ?? "-",-12}  {a.NameEn} {a.NameAr}".TrimEnd());
            if (actors.Count == 0) Console.Error.WriteLine("actors: none stored yet (actor linking fills them in as it lands)");
            return 0;
        });
        return command;
    }
}
