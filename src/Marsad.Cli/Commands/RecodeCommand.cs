using System.CommandLine;
using System.Globalization;
using Marsad.Analysis.Pipeline;
using Marsad.Storage;
using Marsad.Storage.Recoding;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad recode [--db FILE | --postgres CONNSTR] [--batch N] [--since D] [--limit N] [--actors FILE] [--rules-only]</c>:
/// analyse the stored documents again with the current pipeline and replace their annotations, a batch per transaction
/// (<see cref="StoreRecoder"/>). The original files are not read.
/// </summary>
internal static class RecodeCommand
{
    public static Command Create()
    {
        var store = new StoreOptions();
        var batchSize = new Option<int>("--batch") { Description = "Documents per transaction", DefaultValueFactory = _ => 64 };
        var since = new Option<string?>("--since") { Description = "Only documents published on or after this day (yyyy-MM-dd)" };
        var limit = new Option<int>("--limit") { Description = "At most this many documents, the first stored (0 = all)" };
        var actors = ActorRegistryOption.Create();
        var rulesOnly = new Option<bool>("--rules-only") { Description = "Code the trigger rules' events without the trained coder (no confidence)" };
        var command = new Command("recode",
            "Analyse the stored documents again (after a model or actor registry change) and replace their annotations; the original files are not needed.");
        store.AddTo(command);
        command.Options.Add(batchSize);
        command.Options.Add(since);
        command.Options.Add(limit);
        command.Options.Add(actors);
        command.Options.Add(rulesOnly);
        command.SetAction(parse =>
        {
            int size = parse.GetValue(batchSize), most = parse.GetValue(limit);
            if (size < 1) { Console.Error.WriteLine("error: --batch must be at least 1"); return 2; }
            if (most < 0) { Console.Error.WriteLine("error: --limit must be 0 (all) or more"); return 2; }
            string? day = parse.GetValue(since);
            if (day is not null && !DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                Console.Error.WriteLine($"error: --since '{day}' is not a date; write it as yyyy-MM-dd, e.g. 2021-10-14");
                return 2;
            }
            if (!ActorRegistryOption.TryLoad(parse.GetValue(actors), out var registry)) return 2;
            using var s = store.Open(parse, create: false);
            if (s is null) return 1;
            var builder = new AnalysisPipelineBuilder { Actors = registry };
            if (parse.GetValue(rulesOnly)) builder.EventCoder = null;
            Run(s, new StoreRecoder(builder.Build()), new RecodeOptions { BatchSize = size, Since = day, Limit = most }, Console.Error);
            return 0;
        });
        return command;
    }

    /// <summary>Recodes; progress (at most once a second) and the one-line summary go to <paramref name="log"/>.</summary>
    internal static RecodeSummary Run(IArticleStore store, StoreRecoder recoder, RecodeOptions options, TextWriter log)
    {
        var lastShown = TimeSpan.Zero;
        var summary = recoder.Run(store, options, p =>
        {
            var at = TimeSpan.FromSeconds(p.Seconds);
            if (at - lastShown < TimeSpan.FromSeconds(1)) return;
            lastShown = at;
            log.WriteLine($"recode: {p.Documents:N0} documents, {p.DocumentsPerSecond:N0}/s, events changed in {p.EventsChanged:N0}");
        });
        foreach (var reason in summary.KeptReasons) log.WriteLine($"kept: {reason}");
        if (summary.Kept > summary.KeptReasons.Count) log.WriteLine($"kept: … and {summary.Kept - summary.KeptReasons.Count:N0} more, not listed");
        log.WriteLine($"recode: {summary.Documents:N0} documents in {summary.Seconds:N1} s ({summary.DocumentsPerSecond:N0}/s): " +
                      $"{summary.Replaced:N0} recoded, events changed in {summary.EventsChanged:N0}, {summary.Kept:N0} kept as stored; " +
                      $"merged events {summary.MergedEventsAdded:N0} new, {summary.MergedEventsRemoved:N0} gone; store {store.Description}");
        return summary;
    }
}
