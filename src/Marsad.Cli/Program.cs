using System.CommandLine;
using System.Text;
using Marsad.Cli.Commands;

Console.OutputEncoding = new UTF8Encoding(false);

// Each command lives in its own file under Commands/; this list is the whole command tree.
var root = new RootCommand("Marsad (مرصد): Arabic news → structured, deduplicated, searchable event data.");
root.Subcommands.Add(AnalyzeCommand.Create());
root.Subcommands.Add(LexiconCommand.Create());
var bench = BenchCommand.Create();
bench.Subcommands.Add(BenchStoreCommand.Create());
bench.Subcommands.Add(BenchWebCommand.Create());
bench.Subcommands.Add(BenchQueueCommand.Create());
root.Subcommands.Add(bench);
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(RecodeCommand.Create());
root.Subcommands.Add(QueueCommands.Worker());
root.Subcommands.Add(QueueCommands.Status());
root.Subcommands.Add(SearchCommand.Create());
root.Subcommands.Add(EventsCommand.Create());
var actors = ActorsCommand.Create();
actors.Subcommands.Add(ActorsLookupCommand.Create());
actors.Subcommands.Add(ActorsAmbiguityCommand.Create());
root.Subcommands.Add(actors);
root.Subcommands.Add(QuotesCommand.Create());
root.Subcommands.Add(ShowCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
var eval = new Command("eval", "Evaluate a stage against gold data and print precision, recall and F1.");
eval.Subcommands.Add(EvalActorsCommand.Create());
eval.Subcommands.Add(EvalDedupCommand.Create());
eval.Subcommands.Add(EvalBoilerplateCommand.Create());
eval.Subcommands.Add(EvalLangidCommand.Create());
eval.Subcommands.Add(EvalEventsCommand.Create());
eval.Subcommands.Add(EvalDatesCommand.Create());
root.Subcommands.Add(eval);
root.Subcommands.Add(NerCommand.Create());
root.Subcommands.Add(CoderCommand.Create());

return await root.Parse(args).InvokeAsync();
