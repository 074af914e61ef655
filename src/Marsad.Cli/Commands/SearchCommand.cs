using System.CommandLine;
using System.Text.Json;
using Marsad.Cli.Output;
using Marsad.Storage.Records;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad search "QUERY" [--limit N] [--offset N] [--sort relevance|newest] [--source S] [--since D] [--until D] [--actor A] [--json]</c></summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "Words and \"quoted phrases\" (all must occur); Arabic spelling variants and clitics are folded" };
        var limit = new Option<int>("--limit") { Description = "Number of results", DefaultValueFactory = _ => 10 };
        var offset = new Option<int>("--offset") { Description = "Skip this many results (the next page: --offset 10 with --limit 10)", DefaultValueFactory = _ => 0 };
        var sort = new Option<string>("--sort") { Description = "relevance (best first) or newest (most recently published first)", DefaultValueFactory = _ => "relevance" };
        sort.AcceptOnlyFromAmong("relevance", "newest");
        var source = new Option<string?>("--source") { Description = "Only this outlet" };
        var since = new Option<string?>("--since") { Description = "Published on or after yyyy-MM-dd" };
        var until = new Option<string?>("--until") { Description = "Published on or before yyyy-MM-dd" };
        var actor = new Option<string?>("--actor") { Description = "Only documents mentioning this actor (id or part of its name)" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var store = new StoreOptions();
        var command = new Command("search", "Full-text search over stored documents, ranked, with the hits marked in snippets.");
        command.Arguments.Add(query);
        foreach (var o in new Option[] { limit, offset, sort, source, since, until, actor, json }) command.Options.Add(o);
        store.AddTo(command);
        command.SetAction(parse =>
        {
            if (!CliChecks.IsDayOrNull("--since", parse.GetValue(since)) || !CliChecks.IsDayOrNull("--until", parse.GetValue(until))) return 2;
            using var s = store.Open(parse, create: false);
            if (s is null) return 1;
            if (!s.SearchIndexIsCurrent)
                Console.Error.WriteLine("search: warning: the index was built with older search terms (normalizer/stemmer changed); re-run `marsad ingest` (any path, even one already stored) to rebuild it");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            if (parse.GetValue(offset) < 0)
            {
                Console.Error.WriteLine("error: --offset must be 0 or more");
                return 2;
            }
            var searchQuery = new SearchQuery
            {
                Text = parse.GetValue(query)!, Limit = parse.GetValue(limit), Offset = parse.GetValue(offset), Source = parse.GetValue(source),
                Since = parse.GetValue(since), Until = parse.GetValue(until), Actor = parse.GetValue(actor),
                Sort = parse.GetValue(sort) == "newest" ? SearchSort.Newest : SearchSort.Relevance,
            };
            var hits = s.Search(searchQuery);
            long total = s.Summarize(searchQuery, 0).Total;
            double ms = clock.Elapsed.TotalMilliseconds;
            if (parse.GetValue(json))
            {
                // "items" and "total", like the HTTP API's search response and every other list it returns.
                Console.Out.WriteLine(JsonSerializer.Serialize(new { total, offset = searchQuery.Offset, items = hits }, JsonOutput.Indented));
            }
            else
            {
                int rank = searchQuery.Offset;
                foreach (var h in hits)
                {
                    rank++;
                    string date = h.Published is { Length: >= 10 } p ? p[..10] : h.Published ?? "-";
                    Console.Out.WriteLine($"{rank,3}. {h.DocumentId}  {date,-10}  {h.Source ?? "-",-14}  {h.Score,7:0.00}  {h.Title}");
                    Console.Out.WriteLine($"     {h.Snippet}");
                }
            }
            string shown = hits.Count == 0 ? "none" : $"{searchQuery.Offset + 1}-{searchQuery.Offset + hits.Count}";
            Console.Error.WriteLine($"search: results {shown} of {total} in {ms:0.0} ms");
            return 0;
        });
        return command;
    }
}
