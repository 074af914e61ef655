using System.Text;
using Marsad.Analysis.Actors;

namespace Marsad.Analysis.Tests.Actors;

/// <summary>
/// The linker folds and hashes words through a lookup table in one fused pass; these properties pin it to the
/// per-character rules written out plainly here, and to the linking it must not change.
/// </summary>
public class ActorTextPropertyTests
{
    private static readonly char[] Alphabet =
        "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآٱىئؤةکیـًٌٍَُِّْٰ٠١AbCdÉéZzİ09 ،,.-‐\u200C\u200D\u200E\u061C\"«»()؟!".ToCharArray();

    // The rules of ActorText, one character at a time, without the table.
    private static string ReferenceFold(string word)
    {
        var sb = new StringBuilder();
        foreach (char ch in word)
        {
            char f = ActorText.Fold(ch);
            if (f == '\0')
                continue;
            sb.Append(f is >= '\u0600' and <= '\u06FF' ? f : char.ToLowerInvariant(f));
            if (sb.Length >= 5 && sb.ToString(sb.Length - 5, 5) == "اميرك")
                sb.Replace("اميرك", "امريك", sb.Length - 5, 5);
        }
        return sb.ToString();
    }

    private static bool ReferenceIsWordChar(char c) =>
        (c >= '\u0621' && c <= '\u065F') || (c >= '\u066E' && c <= '\u06D3') || c == '\u0670' || c == '\u0640'
        || char.IsLetterOrDigit(c) || c == '\u200C' || c == '\u200D';

    [Fact]
    public void The_word_character_table_agrees_with_the_rule_for_every_utf16_unit()
    {
        for (int c = 0; c < 0xFFFF; c++)
            Assert.True(ActorText.IsWordChar((char)c) == ReferenceIsWordChar((char)c), $"U+{c:X4}");
    }

    [Fact]
    public void Folding_a_random_word_matches_the_plain_rules()
    {
        var rng = new Random(11);
        Span<char> dst = stackalloc char[64];
        for (int trial = 0; trial < 5_000; trial++)
        {
            var word = new string(Enumerable.Range(0, rng.Next(1, 30)).Select(_ => Alphabet[rng.Next(Alphabet.Length)]).Where(ReferenceIsWordChar).ToArray());
            int n = ActorText.FoldWord(word, dst);
            Assert.Equal(ReferenceFold(word), dst[..n].ToString());
            Assert.Equal(ActorText.RawHash(dst[..n]), ActorText.RawHash(ReferenceFold(word)));
        }
    }

    [Theory]
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(18)]
    public void A_hash_filter_never_rejects_a_member_and_rejects_most_others(int log2Bits)
    {
        var rng = new Random(log2Bits);
        var members = Enumerable.Range(0, 20).Select(_ => (ulong)rng.NextInt64()).ToArray();
        var filter = new HashBitFilter(members, log2Bits);
        Assert.All(members, h => Assert.True(filter.MayContain(h)));
        int passed = Enumerable.Range(0, 10_000).Count(_ => filter.MayContain((ulong)rng.NextInt64()));
        Assert.True(passed < 10_000 * 0.5, $"{passed} of 10,000 non-members passed a {1 << log2Bits}-bit filter of 20 hashes");
    }

    [Fact]
    public void Linking_ignores_tatweel_and_harakat_inserted_anywhere_in_a_word()
    {
        // The fused split folds and hashes as it goes: marks inside a word must leave every link as it was.
        const string text = "قال الرئيس الأميركي دونالد ترامب إن موسكو ستتحمل المسؤولية، وأكد الكرملين أن بوتين سيلتقي ترامب في هلسنكي.";
        var linker = new ActorLinker(ActorRegistry.BuiltIn);
        var date = new DateOnly(2018, 7, 10);
        var plain = linker.Link(text, date).Mentions.Select(m => (m.ActorId, m.Kind)).ToList();
        Assert.True(plain.Count >= 5, "the sentence should link its names, title and metonyms");
        var rng = new Random(5);
        for (int trial = 0; trial < 200; trial++)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < text.Length; i++)
            {
                sb.Append(text[i]);
                bool inside = i + 1 < text.Length && ReferenceIsWordChar(text[i]) && ReferenceIsWordChar(text[i + 1]);
                if (inside && rng.Next(6) == 0)
                    sb.Append(rng.Next(2) == 0 ? 'ـ' : (char)rng.Next(0x064B, 0x0653));
            }
            var marked = linker.Link(sb.ToString(), date).Mentions.Select(m => (m.ActorId, m.Kind)).ToList();
            Assert.Equal(plain, marked);
        }
    }
}
