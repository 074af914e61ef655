using Marsad.Analysis.Documents;
using Marsad.Analysis.Events;
using Marsad.Analysis.Pipeline;
using Marsad.Analysis.Quotes;
using Marsad.Analysis.Tests.Events;

namespace Marsad.Analysis.Tests.Quotes;

public class QuoteTests
{
    [Fact]
    public void Direct_quote_after_qala_is_attributed_to_the_following_speaker()
    {
        const string text = "وقال بيسكوف للصحفيين: \"هناك تفاهم بشأن آفاق استمرار الحوار على أعلى مستوى\".";
        var q = Assert.Single(EventTestKit.Run(text).Quotes);
        Assert.True(q.Direct);
        Assert.Equal("dmitry-peskov", q.Speaker?.Id);
        Assert.Equal("هناك تفاهم بشأن آفاق استمرار الحوار على أعلى مستوى", q.Text);
        Assert.Equal(q.Text, text[q.Start..q.End]);
    }

    [Theory]
    [InlineData("ثم قال بأسى: «بذمتك كان فيلم وحش؟».")]                          // an adverb after the verb
    [InlineData("وأعلنت قوات الشرعية، نهاية يناير الماضي، أن فرقها أزالت 5800 لغم.")] // a time phrase, not a name
    public void A_word_after_the_verb_that_is_no_name_does_not_become_the_speaker(string text)
    {
        foreach (var q in EventTestKit.Run(text).Quotes)
            Assert.False(q.Speaker?.Id.StartsWith("name:", StringComparison.Ordinal) == true, "speaker " + q.Speaker?.NameAr);
    }

    [Fact]
    public void A_new_person_the_linker_made_after_the_speech_verb_is_the_speaker()
    {
        // the whole pipeline: the registry's linker makes the new person the quote extractor credits
        var doc = FullPipeline.Value.Analyze(new SourceDocument { Text = "وقال المتحدث باسم الوزارة أشرف القدرة إن الطفل توفي متأثرا بجراحه.", Published = "2018-05-12" },
            new AnalysisOptions());
        var q = Assert.Single(doc.Quotes);
        Assert.Equal("أشرف القدرة", q.Speaker?.NameAr);
    }

    [Fact]
    public void The_outlet_told_after_the_verb_is_no_subject()
    {
        // «قال لفرانس24»: the outlet is the addressee, so the subject before the verb speaks
        var doc = FullPipeline.Value.Analyze(new SourceDocument { Text = "الصحافي اليمني أسامة ساري قال لفرانس24 إن الوجود الإماراتي كبير.", Published = "2018-05-12" },
            new AnalysisOptions());
        Assert.Equal("أسامة ساري", Assert.Single(doc.Quotes).Speaker?.NameAr);
    }

    [Fact]
    public void A_state_news_agency_speaking_in_its_own_name_speaks_for_its_state_and_relays_others()
    {
        // guideline ruling 5: «وذكرت سانا أن …» is Syria's position; «نقلت سانا عن المصدر العسكري قوله» relays a source
        var doc = FullPipeline.Value.Analyze(new SourceDocument
        {
            Text = "وذكرت سانا أن الجيش السوري استعاد السيطرة على الحي بالكامل. ونقلت وكالة الأنباء الكويتية عن وزير الخارجية صباح الخالد قوله إن الكويت تدعم الحل السياسي.",
            Published = "2018-05-01",
        }, new AnalysisOptions());
        var own = Assert.Single(doc.Quotes, q => q.Text.Contains("استعاد", StringComparison.Ordinal));
        Assert.Equal(("syr", "SYR"), (own.Speaker?.Id, own.Speaker?.Country)); // the state, not the agency
        Assert.Equal("sana", own.Via?.Id);
        var relayed = Assert.Single(doc.Quotes, q => q.Text.Contains("الحل السياسي", StringComparison.Ordinal));
        Assert.Equal("kuna", relayed.Via?.Id);
        Assert.NotEqual("kwt", relayed.Speaker?.Id);
    }

    private static readonly Lazy<AnalysisPipeline> FullPipeline = new(() => new AnalysisPipelineBuilder().Build());

    [Fact]
    public void The_subject_before_qad_or_kana_speaks()
    {
        // «وكان X قد قال»، «X كان شدد»: the subject stands before the auxiliary, not after the verb
        var q = Assert.Single(EventTestKit.Run("وكان سيرغي لافروف قد قال الأسبوع الماضي، إن موسكو سترد على العقوبات.").Quotes);
        Assert.Equal("sergey-lavrov", q.Speaker?.Id);
    }

    [Fact]
    public void A_verb_with_no_subject_goes_on_with_the_subject_of_a_statement_that_quoted_nothing()
    {
        // أكد … وقوع الهجوم names who speaks though it quotes nothing; the next sentence's وقال goes on with him, not
        // with the speaker of the earlier quotation
        const string text = "وقال سيرغي لافروف إن موسكو سترد على العقوبات. وأكد دميتري بيسكوف وقوع الهجوم على القاعدة. وقال \"ننتظر تقريرا من عناصرنا في المكان\".";
        var quotes = EventTestKit.Run(text).Quotes;
        Assert.Equal("sergey-lavrov", quotes[0].Speaker?.Id);
        var last = Assert.Single(quotes, q => q.Text.StartsWith("ننتظر", StringComparison.Ordinal));
        Assert.Equal("dmitry-peskov", last.Speaker?.Id);
    }

    [Fact]
    public void A_verb_with_no_subject_goes_on_with_a_person_named_before_a_statement_verb()
    {
        const string text = "وقال سيرغي لافروف إن موسكو سترد على العقوبات الأمريكية الجديدة. لكن دونالد ترامب يعتبر الاتفاق ضعيفا جدا. وأضاف \"لن نقبل بهذا الاتفاق السيئ أبدا\".";
        var last = Assert.Single(EventTestKit.Run(text).Quotes, q => q.Text.StartsWith("لن نقبل", StringComparison.Ordinal));
        Assert.Equal("donald-trump", last.Speaker?.Id);
    }

    [Fact]
    public void A_verb_with_no_subject_does_not_take_an_interviewer_named_after_jaa()
    {
        // «جاء ذلك في مقابلة لـX مع Y»: جاء has no subject of its own, so Y is not the speaker of what follows
        const string text = "وقال سيرغي لافروف إن موسكو سترد على العقوبات الأمريكية الجديدة. جاء ذلك في مقابلة للوزير مع الزميل دميتري بيسكوف. وأضاف \"لن نقبل بذلك أبدا في أي حال\".";
        var last = Assert.Single(EventTestKit.Run(text).Quotes, q => q.Text.StartsWith("لن نقبل", StringComparison.Ordinal));
        Assert.Equal("sergey-lavrov", last.Speaker?.Id);
    }

    [Fact]
    public void Reported_speech_starts_at_inna_and_credits_the_svo_speaker()
    {
        var q = Assert.Single(EventTestKit.Run("قال جون بولتون أنه لم يتمكن من إصدار بيان مشترك مع الروس.").Quotes);
        Assert.False(q.Direct);
        Assert.Equal("john-bolton", q.Speaker?.Id);
        Assert.StartsWith("أنه لم يتمكن", q.Text);
    }

    [Fact]
    public void Relayed_statement_credits_the_speaker_and_keeps_the_agency_as_via()
    {
        var q = Assert.Single(EventTestKit.Run("ونقلت وكالة تاس عن سيرغي لافروف قوله إن موسكو سترد على العقوبات الأمريكية.").Quotes);
        Assert.Equal("sergey-lavrov", q.Speaker?.Id);
        Assert.Equal("tass", q.Via?.Id);
        Assert.False(q.Direct);
    }

    [Fact]
    public void Guillemets_quote_with_a_trailing_speech_verb()
    {
        var q = Assert.Single(EventTestKit.Run("«سنواصل الحوار مع واشنطن في المستقبل القريب»، قال لافروف.").Quotes);
        Assert.True(q.Direct);
        Assert.Equal("sergey-lavrov", q.Speaker?.Id);
    }

    [Fact]
    public void Two_quoted_words_without_a_speech_verb_are_not_a_quote()
    {
        Assert.Empty(EventTestKit.Run("وصف المسؤول الموقف بأنه \"غير بناء\" تماما.").Quotes);
    }
}

/// <summary>The rules of issue 17 item 6 (docs/annotation-guide.md sections 10 and 13), one behaviour per test.</summary>
public class QuoteRuleTests
{
    [Theory]
    [InlineData("وذكرت مصادر لـ\"سكاي نيوز عربية\" أن الهجوم وقع فجرا في المنطقة الشرقية.")]
    [InlineData("ونقلت وكالة \"أنباء الشرق الأوسط\" الخبر عن مصادر أمنية مطلعة.")]
    [InlineData("وقال لافروف إن الصحافيين في قناة \"سكاي نيوز عربية\"")]
    [InlineData("وقال المتهم إنه كان يمول ما يعرف بـ\"جماعة ولاية سيناء\"")]
    public void A_quoted_name_or_term_is_not_a_quotation(string text)
    {
        foreach (var q in EventTestKit.Run(text).Quotes)
            Assert.DoesNotContain("سكاي نيوز", q.Text.Length < 30 ? q.Text : "");
        Assert.DoesNotContain(EventTestKit.Run(text).Quotes, q => q.Direct && q.Text.Split(' ').Length <= 4);
    }

    [Fact]
    public void A_pronoun_verb_continues_the_last_named_speaker()
    {
        var quotes = EventTestKit.Run("قال سيرغي لافروف إن موسكو سترد على العقوبات الأمريكية. وأضاف أن الحوار مع واشنطن ما زال ممكنا رغم كل شيء.").Quotes;
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("sergey-lavrov", q.Speaker?.Id));
    }

    [Fact]
    public void A_colon_quote_after_a_pronoun_verb_keeps_the_speaker()
    {
        var quotes = EventTestKit.Run("وقال بيسكوف للصحفيين: \"هناك تفاهم بشأن آفاق استمرار الحوار\".\nوأضاف: \"طبعا هذه الاتصالات تتم استمرارا لقمة جنيف\".").Quotes;
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("dmitry-peskov", q.Speaker?.Id));
    }

    [Fact]
    public void Said_to_an_outlet_makes_the_outlet_the_relay_not_the_speaker()
    {
        var q = Assert.Single(EventTestKit.Run("وقال لافروف لوكالة تاس إن موسكو لن تقبل بأي شروط مسبقة للحوار.").Quotes);
        Assert.Equal("sergey-lavrov", q.Speaker?.Id);
        Assert.Equal("tass", q.Via?.Id);
    }

    [Fact]
    public void An_outlet_that_speaks_for_itself_is_the_speaker()
    {
        var q = Assert.Single(EventTestKit.Run("وقالت وكالة تاس إن الوفد الروسي وصل إلى جنيف صباح اليوم.").Quotes);
        Assert.Equal("tass", q.Speaker?.Id);
    }

    [Fact]
    public void Quoted_words_inside_reported_speech_make_one_reported_quote()
    {
        var q = Assert.Single(EventTestKit.Run("وقال لافروف إن العقوبات الأمريكية \"لن تغير شيئا في سياستنا\" تجاه أوكرانيا.").Quotes);
        Assert.False(q.Direct);
        Assert.StartsWith("إن العقوبات الأمريكية", q.Text);
        Assert.Equal("sergey-lavrov", q.Speaker?.Id);
    }

    [Fact]
    public void Reported_speech_wholly_in_quotation_marks_is_direct()
    {
        var q = Assert.Single(EventTestKit.Run("وقال لافروف إن \"موسكو سترد على العقوبات الأمريكية بالمثل\".").Quotes);
        Assert.True(q.Direct);
        Assert.Equal("موسكو سترد على العقوبات الأمريكية بالمثل", q.Text);
    }

    [Theory]
    [InlineData("ولم يذكر لافروف أن موسكو سترد على العقوبات الأمريكية الجديدة.")]
    [InlineData("يذكر أن لافروف زار جنيف الأسبوع الماضي في جولة أوروبية.")]
    [InlineData("وأعلن لافروف ترشيح السفير الجديد، بعد أن صوت أعضاء المجلس بالموافقة.")]
    public void Negated_impersonal_and_non_speech_complementizers_are_not_quotes(string text)
    {
        Assert.Empty(EventTestKit.Run(text).Quotes);
    }

    [Fact]
    public void Remembered_private_dialogue_is_not_news_quotation()
    {
        Assert.Empty(EventTestKit.Run("ونظر إليّ بدهشة ثم قال لي: «مش مهم جبتي إيه، المهم انك رجعتي بالسلامة».").Quotes);
        Assert.Empty(EventTestKit.Run("فقال الرجل ببساطة: «دول يا ستي باقي حساب بتاع الست اللي كانت نازلة عندكم».").Quotes);
    }

    [Fact]
    public void An_unclosed_quotation_ends_at_its_paragraph()
    {
        var quotes = EventTestKit.Run("وقال لافروف: \"ما زلنا نرى أن هذا الاتفاق يجعل العالم أكثر أمنا.\nوأضاف: \"نخشى أن يؤدي الفشل إلى تصعيد خطير\".\nوزار بوتين أنقرة في الأسبوع ذاته للقاء نظيره التركي.").Quotes;
        Assert.Equal(2, quotes.Count);
        Assert.StartsWith("ما زلنا نرى", quotes[0].Text);
        Assert.Equal("نخشى أن يؤدي الفشل إلى تصعيد خطير", quotes[1].Text);
        Assert.All(quotes, q => Assert.Equal("sergey-lavrov", q.Speaker?.Id));
    }

    [Fact]
    public void A_name_in_apposition_after_a_title_is_the_speaker()
    {
        var q = Assert.Single(EventTestKit.Run("قال وزير الخارجية الروسي، سيرغي لافروف، الأربعاء، إن موسكو سترد على العقوبات.").Quotes);
        Assert.Equal("sergey-lavrov", q.Speaker?.Id);
    }

    [Fact]
    public void A_nationality_gives_an_unnamed_official_his_country()
    {
        var q = Assert.Single(EventTestKit.Run("وقال مسؤول روسي إن الوفد سيصل إلى جنيف صباح الغد لإجراء المحادثات.").Quotes);
        Assert.Equal("RUS", q.Speaker?.Country);
    }

    [Fact]
    public void A_city_never_speaks_its_country_does()
    {
        const string text = "وقالت موسكو إن العقوبات الأمريكية لن تمر دون رد مناسب.";
        var tokens = new Marsad.Analysis.Tokenization.ArabicTokenizer().Tokenize(text);
        var words = EventTestKit.Stage.Words(text, tokens);
        int at = Array.FindIndex(words, w => text[w.Start..w.End] == "موسكو");
        var city = new EventActor(new ActorRef("city-moscow", "Moscow", "موسكو", "RUS"), "city");
        var args = new List<ArgumentMention> { new(at, at, words[at].Start, words[at].End, city, "", false) };
        var sentences = new Marsad.Analysis.Sentences.SentenceSplitter().Split(text, tokens);
        var q = Assert.Single(new QuoteExtractor().Extract(text, words, sentences, args, new CountryDirectory()));
        Assert.Equal("rus", q.Speaker?.Id);
    }

    private sealed class CountryDirectory : IActorDirectory
    {
        public bool TryGet(string id, out EventActor actor) { actor = null!; return false; }
        public bool TryGetCountry(string iso3, out EventActor actor)
        {
            actor = new EventActor(new ActorRef(iso3.ToLowerInvariant() == "rus" ? "rus" : iso3, "Russia", "روسيا", iso3), "country");
            return true;
        }
    }
}

/// <summary>Speaker rules added with the quote error breakdown (docs/quotes.md), one behaviour per test, run with the
/// fallback actor list (no tagger: the tagged-name rule has its own test through the whole pipeline).</summary>
public class QuoteSpeakerRuleTests
{
    [Fact]
    public void The_speech_verb_before_a_statement_noun_governs_the_direct_quote()
    {
        var q = Assert.Single(EventTestKit.Run("وقالت وزارة الخارجية المصرية في بيان: \"نرفض أي تدخل في شؤوننا الداخلية مهما كان مصدره\".").Quotes);
        Assert.True(q.Direct);
        Assert.Equal("EGY", q.Speaker?.Country);
    }

    [Fact]
    public void A_rank_title_before_an_unknown_name_makes_that_name_the_speaker()
    {
        var q = Assert.Single(EventTestKit.Run("وأكد قائد المنطقة العسكرية الثالثة العميد سالم الحربي، أن القوات استعادت السيطرة على التلال المحيطة بالمدينة.").Quotes);
        Assert.Equal("سالم الحربي", q.Speaker?.NameAr);
    }

    [Fact]
    public void An_unknown_name_after_a_comma_that_closes_a_title_is_the_speaker()
    {
        var q = Assert.Single(EventTestKit.Run("وقال وزير النقل اليمني، نادر الصبري، إن الميناء سيستقبل السفن التجارية ابتداء من الأسبوع المقبل.").Quotes);
        Assert.Equal("نادر الصبري", q.Speaker?.NameAr);
    }

    [Fact]
    public void An_unnamed_state_body_speaks_for_the_country_its_phrase_names()
    {
        var q = Assert.Single(EventTestKit.Run("وقالت الشرطة في العراق إن ثلاثة أشخاص أصيبوا في انفجار عبوة ناسفة قرب السوق.").Quotes);
        Assert.Equal("IRQ", q.Speaker?.Country);
    }

    [Fact]
    public void An_unnamed_state_body_with_no_place_speaks_for_the_country_the_article_is_about()
    {
        var quotes = EventTestKit.Run("شهدت اليمن اشتباكات عنيفة في محافظة الحديدة. وتقدمت القوات اليمنية نحو الساحل.\nوأفاد مصدر عسكري أن العملية أسفرت عن تحرير ثلاث قرى في المديرية.").Quotes;
        Assert.Equal("YEM", Assert.Single(quotes).Speaker?.Country);
    }

    [Fact]
    public void An_unqualified_source_stays_without_a_speaker()
    {
        // «مصادر» alone is an unclear unnamed source (guide section 13, ruling 14): no country is given to it
        var quotes = EventTestKit.Run("شهدت اليمن اشتباكات عنيفة في محافظة الحديدة.\nوقالت مصادر إن العملية ما زالت مستمرة في أطراف المدينة.").Quotes;
        Assert.All(quotes, q => Assert.Null(q.Speaker));
    }

    [Fact]
    public void The_same_body_named_again_keeps_the_country_it_spoke_for()
    {
        var quotes = EventTestKit.Run("قال الادعاء في مصر إن المحكمة أصدرت أحكاما بحق عشرين متهما في القضية. وتحدثت إيران عن الأمر. وتابعت إيران نشر التقارير. وذكر الادعاء في بيان إن الأحكام قابلة للطعن أمام محكمة النقض.").Quotes;
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("EGY", q.Speaker?.Country));
    }

    [Fact]
    public void A_body_subject_before_the_verb_speaks_for_the_country()
    {
        var quotes = EventTestKit.Run("تقدمت القوات اليمنية في محافظة صعدة بعد معارك مع مسلحين في اليمن.\nالمصادر العسكرية أشارت إلى أن القوات سيطرت على مواقع جديدة في الجبال.").Quotes;
        Assert.Equal("YEM", Assert.Single(quotes).Speaker?.Country);
    }

    [Fact]
    public void A_participle_right_after_a_named_actor_takes_that_actor()
    {
        var quotes = EventTestKit.Run("قال جون بولتون إن العقوبات على موسكو ستبقى طويلا. ورد عليه وزير الخارجية الروسي، سيرغي لافروف، قائلا إن موسكو لن تتراجع عن موقفها.").Quotes;
        Assert.Equal(2, quotes.Count);
        Assert.Equal("sergey-lavrov", quotes[1].Speaker?.Id);
    }

    [Fact]
    public void A_preposition_with_a_pronoun_is_never_the_speaker()
    {
        var quotes = EventTestKit.Run("ونشرت الوزارة تغريدة جاء فيها \"لم تتعرض المنشآت لأي أضرار وستعود الحركة إلى طبيعتها\".").Quotes;
        Assert.DoesNotContain(quotes, q => q.Speaker?.NameAr == "فيها");
    }

    [Fact]
    public void A_titled_back_reference_resolves_to_the_person_named_with_that_title()
    {
        var quotes = EventTestKit.Run("التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي في أنقرة. وتحدث جون بولتون عن الملف. وأضاف الوزير أن المحادثات تناولت الوضع في سوريا وليبيا.").Quotes;
        Assert.Equal("sergey-lavrov", Assert.Single(quotes).Speaker?.Id);
    }
}

/// <summary>Unknown organizations and evidence-words as subjects (docs/quotes.md).</summary>
public class QuoteOrganizationRuleTests
{
    [Fact]
    public void An_unknown_organization_speaks_under_its_name_and_its_head_word_refers_back()
    {
        var quotes = EventTestKit.Run("قالت النقابة الوطنية للمعلمين في بيان إن الإضراب سيستمر حتى تلبية المطالب كاملة.\nوذكرت النقابة أن الحكومة لم تقدم أي عرض جديد حتى الآن.").Quotes;
        Assert.Equal(2, quotes.Count);
        Assert.StartsWith("النقابة الوطنية للمعلمين", quotes[0].Speaker?.NameAr);
        Assert.Equal(quotes[0].Speaker, quotes[1].Speaker);
    }

    [Theory]
    [InlineData("وتشير استطلاعات الرأي إلى أن المرشح الحاكم يتقدم بفارق كبير على منافسيه.")]
    [InlineData("ويفر السكان من القرى هربا مما يقولون إنها حملة اعتقالات واسعة في المنطقة.")]
    public void Evidence_words_and_relative_clauses_do_not_make_quotes(string text)
    {
        Assert.Empty(EventTestKit.Run(text).Quotes);
    }
}
