namespace Marsad.Analysis.Tests.Events;

public class RobustnessTests
{
    // Arabic letters, clitic-like letters, digits, quotes, punctuation, month and trigger words, lone surrogates
    private static readonly string[] Pieces =
    [
        "و", "ف", "ب", "ل", "س", "ال", "التقى", "اجتماع", "لم", "قد", "عدم", "فرض", "عقوبات", "على", "مع", "بين", "بمبادرة", "من",
        "قال", "إن", "أن", "\"", "«", "»", "“", "”", "،", ".", ":", "(", ")", "/", " ", " ", " ", "\n", "19", "2021", "١٤", "نيسان", "أبريل",
        "أمس", "اليوم", "الخميس", "الماضي", "المقبل", "رمضان", "بوتين", "بايدن", "روسيا", "واشنطن", "الأمريكي", "ـ", "\u064B", "\uD800", "x",
    ];

    [Fact]
    public void Random_text_never_throws_and_every_span_lies_in_the_text()
    {
        const int seed = 20261123;
        var rng = new Random(seed);
        for (int n = 0; n < 300; n++)
        {
            var sb = new System.Text.StringBuilder();
            int len = rng.Next(0, 60);
            for (int i = 0; i < len; i++) sb.Append(Pieces[rng.Next(Pieces.Length)]);
            string text = sb.ToString();
            string? published = rng.Next(3) == 0 ? null : "2021-04-19";
            var result = EventTestKit.Run(text, published);
            foreach (var e in result.Events)
            {
                Assert.True(e.Trigger is not null, $"seed {seed} case {n}");
                Assert.InRange(e.Trigger!.Start, 0, text.Length);
                Assert.InRange(e.Trigger.End, e.Trigger.Start, text.Length);
                foreach (var s in e.Evidence) Assert.True(s.Start >= 0 && s.End <= text.Length && s.Start <= s.End, $"seed {seed} case {n}: «{text}»");
            }
            foreach (var q in result.Quotes)
            {
                Assert.True(q.Start >= 0 && q.End <= text.Length && q.Start < q.End, $"seed {seed} case {n}: «{text}»");
                Assert.Equal(q.Text, text[q.Start..q.End]);
            }
        }
    }
}
