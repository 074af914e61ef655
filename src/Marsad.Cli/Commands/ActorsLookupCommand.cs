using System.CommandLine;
using System.Globalization;
using Marsad.Analysis.Actors;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad actors lookup "&lt;Arabic text&gt;" [--date yyyy-MM-dd] [--actors FILE]</c>: shows how a phrase resolves.</summary>
internal static class ActorsLookupCommand
{
    public static Command Create()
    {
        var text = new Argument<string>("text") { Description = "Arabic text to link, e.g. \"مستشار الأمن القومي الأمريكي\"" };
        var date = new Option<string?>("--date") { Description = "Date the roles are resolved on (yyyy-MM-dd); default today" };
        var actors = ActorRegistryOption.Create();
        var command = new Command("lookup", "Show the actors a piece of Arabic text resolves to, with their role on a date.");
        command.Arguments.Add(text);
        command.Options.Add(date);
        command.Options.Add(actors);
        command.SetAction(parse =>
        {
            string? d = parse.GetValue(date);
            DateOnly on = DateOnly.FromDateTime(DateTime.UtcNow);
            if (d is not null && !DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out on))
            {
                Console.Error.WriteLine($"error: --date '{d}' is not a date; write it as yyyy-MM-dd, e.g. 2018-08-23");
                return 2;
            }
            if (!ActorRegistryOption.TryLoad(parse.GetValue(actors), out var registry))
                return 2;
            string input = parse.GetValue(text) ?? "";
            var result = new ActorLinker(registry).Link(input, on);
            if (result.Mentions.Count == 0)
            {
                Console.WriteLine("no actor found");
                return 1;
            }
            foreach (var m in result.Mentions)
            {
                result.TryGet(m.ActorId, out var a);
                var role = a?.RoleOn(on);
                Console.WriteLine(string.Join('\t',
                    input[m.Start..m.End],
                    m.Kind.ToString().ToLowerInvariant(),
                    m.ActorId,
                    a?.NameEn ?? a?.NameAr ?? "",
                    a?.Kind ?? "",
                    a?.Country ?? "",
                    role is null ? a?.Code ?? "" : $"{role.Code} {role.Title} ({role.From:yyyy-MM-dd}..{role.To:yyyy-MM-dd})"));
            }
            return 0;
        });
        return command;
    }
}
