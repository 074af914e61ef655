using Marsad.Tests.Common;

namespace Marsad.Cli.Tests;

public class EvalDatesCommandTests
{
    [Fact]
    public void No_asserted_event_of_the_dev_corpus_is_dated_after_its_publication()
    {
        var text = CliRunner.Run(["eval", "dates"], out var exit);
        Assert.True(exit == 0, CliRunner.LastError);
        Assert.Contains("asserted events dated after publication: 0", text);
        // the corpus was read and many events are dated at all
        var asserted = text.Split('\n').Single(l => l.StartsWith("asserted ", StringComparison.Ordinal) && !l.StartsWith("asserted events", StringComparison.Ordinal));
        var numbers = asserted.Split([' ', '(', ')'], StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(int.Parse).ToArray();
        Assert.True(numbers[0] > 5000 && numbers[2] > 1000, asserted);
    }
}
