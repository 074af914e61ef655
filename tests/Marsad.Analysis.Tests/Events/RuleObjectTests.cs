using Marsad.Analysis.Events;
using Marsad.Analysis.Tokenization;

namespace Marsad.Analysis.Tests.Events;

/// <summary>The trigger filters and the dating rules, each on its own (the extractor's tests pin them inside the whole stage).</summary>
public class RuleObjectTests
{
    private static readonly ArabicTokenizer Tokenizer = new();

    private static (WordView[] Words, List<TriggerMatch> Triggers) Read(string text)
    {
        var words = WordView.Build(text, Tokenizer.Tokenize(text), EventTestKit.Normalizer);
        var found = new List<TriggerMatch>();
        EventTestKit.Stage.Lexicon.Match(words, 0, words.Length, found);
        return (words, TriggerLexicon.SelectBest(found));
    }

    private static int Index(WordView[] words, string norm) => Array.FindIndex(words, w => w.Norm == norm);

    [Theory]
    [InlineData("وحذر الوزير من أن بلاده سترد على أي هجمات تستهدفها.", true)]
    [InlineData("وشنت الطائرات هجمات على مواقع المسلحين.", false)]
    // أي after a comma means "that is", not "any"
    [InlineData("وشنت الطائرات غارات، أي هجمات جوية، على المواقع.", false)]
    public void An_act_under_any_is_a_kind_of_act_not_one_that_happened(string text, bool underAny)
    {
        var (words, triggers) = Read(text);
        var attack = triggers.Last(t => t.Entry.Type == PloverType.Assault);
        Assert.Equal(underAny, TriggerFilters.UnderAny(words, 0, attack));
    }

    [Theory]
    [InlineData("وهددت تركيا بشن غارات على مواقع المسلحين.", true)]
    // a complementizer ends the threat's reach: what follows is said, not threatened
    [InlineData("وهددت تركيا بالرد وقالت إن الطائرات شنت غارات على المواقع.", false)]
    public void The_act_a_threat_announces_is_not_an_event_of_its_own(string text, bool announced)
    {
        var (words, triggers) = Read(text);
        int at = triggers.FindIndex(t => t.Entry.Type == PloverType.Assault);
        Assert.True(at > 0, string.Join(", ", triggers.Select(t => t.Entry.Id)));
        Assert.Equal(PloverType.Threaten, triggers[0].Entry.Type);
        Assert.Equal(announced, TriggerFilters.ThreatObject(words, triggers, at));
    }

    [Theory]
    [InlineData("وأضاف أن المحادثات كانت بناءة.", true)]
    [InlineData("\"وتابع: إن الاتفاق صامد.", true)]
    [InlineData("وقال الوزير إن المحادثات كانت بناءة.", false)]
    public void A_sentence_opening_with_a_going_on_verb_continues_the_account_before(string text, bool continues)
    {
        var words = Read(text).Words;
        Assert.Equal(continues, EventDating.ContinuesStatement(words, 0, words.Length));
    }

    [Fact]
    public void A_trigger_after_a_relative_pronoun_is_in_a_background_clause()
    {
        var words = Read("وأعاد التذكير بالاتهامات التي على أساسها فرضت العقوبات.").Words;
        int trigger = Index(words, "فرضت");
        Assert.True(trigger > 0);
        Assert.True(EventDating.InRelativeClause(words, 0, trigger));
        Assert.False(EventDating.InRelativeClause(words, 0, Index(words, "التي")));
    }

    [Fact]
    public void Saying_and_meeting_are_verbal_acts_attacks_and_sanctions_are_not()
    {
        Assert.True(EventDating.IsVerbalAct(PloverType.Accuse));
        Assert.True(EventDating.IsVerbalAct(PloverType.Consult));
        Assert.False(EventDating.IsVerbalAct(PloverType.Assault));
        Assert.False(EventDating.IsVerbalAct(PloverType.Sanction));
    }

    [Theory]
    [InlineData("وقتل ثلاثة فلسطينيين برصاص الجيش الإسرائيلي قرب الحدود.", "الجيش")]
    [InlineData("وتم اعتقال ناشطين من قبل الشرطة التركية.", "الشرطه")]
    [InlineData("وقتل ثلاثة جنود، وقالت الشرطة إن التحقيق جار.", null)]
    public void The_agent_of_a_passive_or_an_act_noun_starts_after_its_cue(string text, string? agent)
    {
        var (words, triggers) = Read(text);
        var act = triggers.First(t => t.Entry.Type is PloverType.Assault or PloverType.Coerce);
        int? at = ArgumentRules.AgentPhrase(words, words.Length, act);
        Assert.Equal(agent, at is { } i ? words[i].Bare : null);
    }

    [Theory]
    [InlineData("هاجموا", true)]
    [InlineData("يتظاهرون", true)]
    [InlineData("هاجم", false)]
    public void A_verb_with_a_plural_ending_has_its_subject_before_it(string verb, bool before)
        => Assert.Equal(before, ArgumentRules.AgreesWithSubjectBefore(Read(verb).Words[0]));
}
