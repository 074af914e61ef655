using Marsad.Analysis.Actors;
using Marsad.Analysis.Documents;

namespace Marsad.Analysis.Tests.Actors;

public class ActorLinkerTests
{
    private static readonly ActorLinker Linker = new(ActorRegistry.BuiltIn);

    private static ActorLinkResult Link(string text, string date) => Linker.Link(text, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

    private static ActorMention Single(ActorLinkResult r, string text, string surface)
    {
        int start = text.IndexOf(surface, StringComparison.Ordinal);
        Assert.True(start >= 0, $"test text lacks '{surface}'");
        return Assert.Single(r.Mentions, m => m.Start < start + surface.Length && start < m.End);
    }

    // ---- dated roles

    [Theory]
    [InlineData("2018-08-23", "john-bolton")]     // Bolton was National Security Advisor 2018-04..2019-09
    [InlineData("2021-04-19", "jake-sullivan")]   // Sullivan from 2021-01-20
    public void National_security_advisor_resolves_to_the_holder_on_the_document_date(string date, string expected)
    {
        const string text = "اتصل مستشار الأمن القومي الأمريكي بنظيره";
        var m = Single(Link(text, date), text, "مستشار الأمن القومي الأمريكي");
        Assert.Equal(expected, m.ActorId);
        Assert.Equal(ActorMentionKind.Title, m.Kind);
    }

    [Fact]
    public void Title_with_the_country_inside_and_a_required_ending_resolves()
    {
        // مستشار رئيس الولايات المتحدة للأمن القومي: the nationality sits between the title and its ending.
        const string text = "اتصل مستشار رئيس الولايات المتحدة للأمن القومي بنظيره";
        Assert.Equal("jake-sullivan", Single(Link(text, "2021-04-19"), text, "مستشار رئيس الولايات المتحدة للأمن القومي").ActorId);
    }

    [Fact]
    public void Title_without_a_known_holder_falls_back_to_the_government()
    {
        const string text = "قال وزير الخارجية الموريتاني إن بلاده ترحب";
        var m = Single(Link(text, "2018-05-01"), text, "وزير الخارجية الموريتاني");
        Assert.Equal("mrt-gov", m.ActorId);
    }

    [Fact]
    public void President_of_russia_in_genitive_form_resolves_to_putin()
    {
        const string text = "أكد رئيس روسيا أن";   // construct state: رئيس + country name
        Assert.Equal("vladimir-putin", Single(Link(text, "2019-05-14"), text, "رئيس روسيا").ActorId);
    }

    // ---- spelling variants and clitics

    [Theory]
    [InlineData("وزير الخارجية الأمريكي")]
    [InlineData("وزير الخارجية الأميركي")]   // أميركي and أمريكي are the same word
    public void American_spellings_resolve_alike(string title)
    {
        string text = "قال " + title + " إن";
        Assert.Equal("mike-pompeo", Single(Link(text, "2019-05-14"), text, title).ActorId);
    }

    [Theory]
    [InlineData("دميتري بيسكوف")]
    [InlineData("ديمتري بيسكوف")]   // دميتري/ديمتري
    public void Peskov_spellings_resolve_alike(string name)
    {
        string text = "قال " + name + " للصحفيين";
        Assert.Equal("dmitry-peskov", Single(Link(text, "2021-10-14"), text, name).ActorId);
    }

    [Fact]
    public void Syria_with_teh_marbuta_is_syria()
    {
        const string text = "الوضع في سورية معقد";   // سورية is سوريا
        Assert.Equal("syr", Single(Link(text, "2021-04-19"), text, "سورية").ActorId);
    }

    [Fact]
    public void Proclitics_are_outside_the_mention_span()
    {
        const string text = "التقى ترامب وبوتين ثم اتصل لبولتون";
        var r = Link(text, "2018-07-16");
        var putin = Single(r, text, "وبوتين");
        Assert.Equal("vladimir-putin", putin.ActorId);
        Assert.Equal("بوتين", text[putin.Start..putin.End]);
        var bolton = Single(r, text, "لبولتون");
        Assert.Equal("john-bolton", bolton.ActorId);
        Assert.Equal("بولتون", text[bolton.Start..bolton.End]);
    }

    [Fact]
    public void Lam_lam_contraction_is_read_as_preposition_and_article()
    {
        const string text = "وجه انتقادا للكرملين";   // لل = ل + ال
        Assert.Equal("kremlin", Single(Link(text, "2021-04-19"), text, "للكرملين").ActorId);
    }

    // ---- partial names

    [Fact]
    public void Family_name_after_an_unregistered_full_name_refers_to_the_same_person()
    {
        const string text = "قال المعارض الروسي أليكسي نافالني إن. وأضاف نافالني أن";
        var r = Link(text, "2018-05-05");
        var full = Single(r, text, "أليكسي نافالني");
        int second = text.LastIndexOf("نافالني", StringComparison.Ordinal);
        var partial = Assert.Single(r.Mentions, m => m.Start == second);
        Assert.Equal(full.ActorId, partial.ActorId);
        Assert.Equal(ActorMentionKind.PartialName, partial.Kind);
    }

    [Fact]
    public void Short_words_patronymics_and_other_first_names_are_not_family_names()
    {
        // "إن" ends مون جاي إن but is a particle; محمد in أحمد بن محمد is the father; تركي الفيصل is not سعود الفيصل.
        const string text = "التقى مون جاي إن وفدا. وقال المسؤول إن القمة. وقال سعود الفيصل ثم تركي الفيصل";
        var r = Link(text, "2018-05-01");
        int particle = text.IndexOf("المسؤول إن", StringComparison.Ordinal) + "المسؤول ".Length;
        Assert.DoesNotContain(r.Mentions, m => m.Start == particle);
        int turki = text.LastIndexOf("الفيصل", StringComparison.Ordinal);
        Assert.DoesNotContain(r.Mentions, m => m.Start == turki);
    }

    [Fact]
    public void Hyphenated_names_match_and_directions_change_the_country()
    {
        const string text = "التقى كيم جونغ-أون وفدا. وأصدر البرلمان الكوري الشمالي قرارا";
        var r = Link(text, "2018-05-01");
        Assert.Equal("kim-jong-un", Single(r, text, "كيم جونغ-أون").ActorId);
        Assert.DoesNotContain(r.Mentions, m => m.ActorId == "kor-leg");   // South Korea's parliament is not meant
    }

    // ---- metonyms

    [Fact]
    public void Capitals_stand_for_governments_but_not_after_a_locative_preposition()
    {
        const string text = "اتفقت موسكو وواشنطن على عقد القمة في موسكو";
        var r = Link(text, "2021-04-19");
        Assert.Equal("rus-gov", r.Mentions[0].ActorId);
        Assert.Equal(ActorMentionKind.Metonym, r.Mentions[0].Kind);
        Assert.Contains(r.Mentions, m => m.ActorId == "usa-gov");
        Assert.Equal("city-moscow", r.Mentions[^1].ActorId);
    }

    [Fact]
    public void White_house_and_kremlin_are_institutions_with_government_codes()
    {
        const string text = "رد البيت الأبيض على الكرملين";
        var r = Link(text, "2021-04-19");
        Assert.True(r.TryGet("white-house", out var wh));
        Assert.Equal("USAGOV", wh.Code);
        Assert.True(r.TryGet("kremlin", out var k));
        Assert.Equal("RUSGOV", k.Code);
    }

    // ---- coreference

    [Fact]
    public void Counterpart_with_nationality_resolves_to_that_countrys_holder_of_the_same_role()
    {
        const string text = "التقى بوتين نظيره الأمريكي في هلسنكي";
        var m = Single(Link(text, "2018-07-16"), text, "نظيره الأمريكي");
        Assert.Equal("donald-trump", m.ActorId);
        Assert.Equal(ActorMentionKind.Coreference, m.Kind);
    }

    [Fact]
    public void The_russian_official_refers_back_to_the_russian_named_before()
    {
        const string text = "التقى سيرغي لافروف مايك بومبيو. وقال المسؤول الروسي إن";
        Assert.Equal("sergey-lavrov", Single(Link(text, "2019-05-14"), text, "المسؤول الروسي").ActorId);
    }

    [Fact]
    public void The_two_presidents_name_both_antecedents()
    {
        const string text = "تحدث بوتين مع بايدن. واتفق الرئيسان على اللقاء";
        var r = Link(text, "2021-04-19");
        int at = text.IndexOf("الرئيسان", StringComparison.Ordinal);
        var both = r.Mentions.Where(m => m.Start == at).Select(m => m.ActorId).OrderBy(x => x).ToArray();
        Assert.Equal(["joe-biden", "vladimir-putin"], both);
    }

    [Fact]
    public void The_american_side_is_the_us_government()
    {
        const string text = "بمبادرة من الجانب الأمريكي";
        Assert.Equal("usa-gov", Single(Link(text, "2021-04-19"), text, "الجانب الأمريكي").ActorId);
    }

    [Fact]
    public void A_title_in_apposition_describes_the_person_just_named()
    {
        const string text = "استقبل يوري أوشاكوف، مساعد الرئيس الروسي، الضيف";   // not Putin: the aide named before
        Assert.Equal("yuri-ushakov", Single(Link(text, "2021-10-14"), text, "مساعد الرئيس الروسي").ActorId);
    }

    [Fact]
    public void The_russian_official_is_not_the_president_when_another_russian_was_named()
    {
        const string text = "التقى نيكولاي باتروشيف جون بولتون بعد قمة بوتين وترامب. وقال المسؤول الروسي إن";
        Assert.Equal("nikolai-patrushev", Single(Link(text, "2018-08-24"), text, "المسؤول الروسي").ActorId);
    }

    [Fact]
    public void A_role_held_by_several_people_at_once_is_not_guessed()
    {
        const string text = "شدد نائب وزير الخارجية الروسي على";   // Russia has several deputy foreign ministers
        Assert.Equal("rus-gov", Single(Link(text, "2021-10-14"), text, "نائب وزير الخارجية الروسي").ActorId);
    }

    [Fact]
    public void A_capital_after_summit_is_the_place()
    {
        const string text = "بعد قمة هلسنكي";
        Assert.Equal("city-helsinki", Single(Link(text, "2018-08-24"), text, "هلسنكي").ActorId);
    }

    // ---- unknown persons

    [Fact]
    public void Unknown_person_after_a_title_becomes_a_new_actor_with_country_and_role()
    {
        const string text = "وكان وزير الخارجية الفلبيني، بيتر كايتانو، قدم اعتذاره";
        var r = Link(text, "2018-04-25");
        var m = Single(r, text, "بيتر كايتانو");
        Assert.StartsWith("new:", m.ActorId, StringComparison.Ordinal);
        Assert.True(r.TryGet(m.ActorId, out var actor));
        Assert.Equal("PHL", actor.Country);
        Assert.Equal("person", actor.Kind);
        Assert.Equal("foreign_minister", actor.RoleOn(r.Date)!.Key);
        Assert.Equal("PHLGOV", actor.RoleOn(r.Date)!.Code);
    }

    [Theory]
    [InlineData("وقال المتحدث باسم الوزارة أشرف القدرة إن الطفل توفي", "أشرف القدرة")]     // title head a few words before
    [InlineData("وصرح أشرف القدرة المتحدث باسم الوزارة بأن الطفل توفي", "أشرف القدرة")]  // attribution verb right before
    [InlineData("وأشارت وزيرة شؤون المهجرين أليس شبطيني إلى أن الأجواء هادئة", "أليس شبطيني")]
    [InlineData("وقال علاء الدين البحيري إن الحكومة ستواصل عملها", "علاء الدين البحيري")]           // a compound first name, then the family name
    public void A_first_and_family_name_after_an_attribution_verb_or_a_title_head_becomes_a_new_person(string text, string name)
    {
        var r = Link(text, "2018-05-12");
        var m = Single(r, text, name);
        Assert.Equal(name, text[m.Start..m.End]);
        Assert.True(r.TryGet(m.ActorId, out var actor));
        Assert.Equal(("person", null), (actor.Kind, actor.Country));
    }

    [Theory]
    [InlineData("وقال بيان الوزارة إن الطفل توفي")]             // بيان is a first name and the word "statement"
    [InlineData("وأكد نعمان خالد محلل الاقتصاد أن النفط ارتفع")]  // the verb is not right before خالد
    [InlineData("وقالت وزيرة الصحة بلات المحلية إن الطفل توفي")]  // a feminine adjective is no family name
    [InlineData("وكان أشرف القدرة قد وصل")]                       // no cue before the name
    public void A_first_name_without_its_cue_or_that_is_also_a_common_word_makes_no_new_person(string text)
    {
        var r = Link(text, "2018-05-12");
        Assert.DoesNotContain(r.Mentions, m => m.ActorId.StartsWith("new:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("قتلت القوات بالرصاص عشرات المحتجين الفلسطينيين", "الفلسطينيين")] // oblique definite plural
    [InlineData("أسفر القصف عن مقتل 3 فلسطينيين", "فلسطينيين")]                      // oblique indefinite plural
    [InlineData("بعد يوم من مقتل 60 فلسطينيا برصاص القوات", "فلسطينيا")]             // accusative after a number
    public void A_people_in_any_case_stands_for_its_country(string text, string word)
    {
        Assert.Equal("pse", Single(Link(text, "2018-05-15"), text, word).ActorId);
    }

    [Fact]
    public void The_accusative_of_mali_is_the_adverb_financially_not_a_people()
    {
        const string text = "دعمت الحكومة المشروع ماليا";
        Assert.DoesNotContain(Link(text, "2018-05-15").Mentions, m => text[m.Start..m.End] == "ماليا");
    }

    [Fact]
    public void A_new_spelling_of_the_role_holder_is_linked_to_the_holder()
    {
        // تيليرسون is not a registered spelling; the US foreign minister in June 2017 was Tillerson (تيلرسون).
        const string text = "قال وزير الخارجية الأمريكي ريكس تيليرسون إن";
        Assert.Equal("rex-tillerson", Single(Link(text, "2017-06-01"), text, "ريكس تيليرسون").ActorId);
    }

    [Fact]
    public void An_outlet_named_in_quotes_after_a_media_noun_becomes_a_new_organization()
    {
        const string text = "كتبت صحيفة \"ليزيكو\" الفرنسية أن. وتابعت ليزيكو";
        var r = Link(text, "2018-04-25");
        var first = r.Mentions[0];
        Assert.Equal("ليزيكو", text[first.Start..first.End]);
        Assert.True(r.TryGet(first.ActorId, out var org));
        Assert.Equal(("organization", "FRA"), (org.Kind, org.Country));
        Assert.Equal(first.ActorId, r.Mentions[^1].ActorId);   // the bare name later in the article
    }

    [Fact]
    public void A_quoted_place_after_site_is_not_an_outlet()
    {
        Assert.Empty(Link("وصل المحققون إلى موقع \"الحادث\" صباحا", "2018-04-25").Mentions);
    }

    // ---- tagger entities

    [Fact]
    public void Tagger_entities_get_the_actor_and_unknown_people_become_new_actors()
    {
        const string text = "والتقى جون بولتون مع سيرجيو فالنتي";
        int s = text.IndexOf("سيرجيو", StringComparison.Ordinal);
        var entities = new List<EntityMention>
        {
            new(text.IndexOf("جون", StringComparison.Ordinal), text.IndexOf("جون", StringComparison.Ordinal) + "جون بولتون".Length, "جون بولتون", "PER"),
            new(s, text.Length, "سيرجيو فالنتي", "PER"),
        };
        var r = Linker.Link(text, new DateOnly(2018, 8, 23), entities);
        Assert.Equal("john-bolton", r.Entities.Single(e => e.Text == "جون بولتون").Actor);
        Assert.StartsWith("new:", r.Entities.Single(e => e.Text == "سيرجيو فالنتي").Actor, StringComparison.Ordinal);
        Assert.Equal(2, r.ActorInfos().Count);
    }

    [Fact]
    public void Text_without_actors_yields_no_mentions_and_never_throws()
    {
        Assert.Empty(Link("كان الطقس جميلا اليوم في الحديقة", "2020-01-01").Mentions);
        Assert.Empty(Link("", "2020-01-01").Mentions);
        var r = Linker.Link("\uD800 x \u0640\u064B و ، , ال", null);
        Assert.NotNull(r);
    }
}

public class ActorLinkerPropertyTests
{
    private static readonly string[] Pieces =
    [
        "بوتين", "وبوتين", "للكرملين", "الرئيس", "الروسي", "الأميركي", "وزير", "الخارجية", "نظيره", "الرئيسان", "المسؤول",
        "في", "موسكو", "واشنطن", "جون", "بولتون", "بيتر", "كايتانو", "،", ",", ".", " ", "\u0640", "\u064B", "\u200F", "x", "1",
        "\uD800", "(", "«", "الجانب", "مستشار", "الأمن", "القومي", "بن", "عبد",
    ];

    [Fact]
    public void Mentions_are_in_bounds_ordered_and_never_cover_nothing_on_random_text()
    {
        int seed = Environment.TickCount;
        var rng = new Random(seed);
        var linker = new ActorLinker(ActorRegistry.BuiltIn);
        for (int round = 0; round < 300; round++)
        {
            var sb = new System.Text.StringBuilder();
            int n = rng.Next(0, 40);
            for (int i = 0; i < n; i++)
                sb.Append(Pieces[rng.Next(Pieces.Length)]).Append(rng.Next(3) == 0 ? "" : " ");
            string text = sb.ToString();
            var r = linker.Link(text, rng.Next(2) == 0 ? null : new DateOnly(2000 + rng.Next(26), 1 + rng.Next(12), 1));
            int last = -1;
            foreach (var m in r.Mentions)
            {
                Assert.True(0 <= m.Start && m.Start < m.End && m.End <= text.Length, $"seed {seed}: span [{m.Start},{m.End}) in '{text}'");
                Assert.True(m.Start >= last, $"seed {seed}: mentions out of order in '{text}'");
                last = m.Start;
                Assert.True(r.TryGet(m.ActorId, out _), $"seed {seed}: actor {m.ActorId} not resolvable");
            }
        }
    }
}
