using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Normalization;
using Marsad.Analysis.Pipeline;
using Marsad.Analysis.Sentences;
using Marsad.Analysis.Tokenization;
using Xunit.Abstractions;

namespace Marsad.Analysis.Tests.Properties;

/// <summary>
/// Invariants of the text core on random text (seeded loops; the seed is printed, set MARSAD_SEED to replay)
/// and on arbitrary UTF-16 strings from FsCheck.
/// </summary>
public class TextCorePropertyTests(ITestOutputHelper output)
{
    private const int Iterations = 400;
    private static readonly ArabicNormalizer Search = new(ArabicNormalizerOptions.Search);
    private static readonly ArabicNormalizer Display = new(ArabicNormalizerOptions.Display);
    private static readonly ArabicTokenizer Tokenizer = new();
    private static readonly SentenceSplitter Splitter = new();
    private static readonly CliticSegmenter Segmenter = new();

    // Pieces random text is made of: Arabic words, marks, invisible characters, presentation forms, digits,
    // punctuation, every quote, URLs, e-mail, hashtags, Latin, emoji and lone surrogates.
    private static readonly string[] Pieces =
    [
        "وأضاف", "للصحفيين", "بالإضافة", "بولتون", "ولاية", "مُحَمَّدٌ", "الرئيـــس", "آسيا", "إيران", "مسؤول", "رئيس", "على", "مدينة",
        "کویت", "ٱلله", "ﻻ", "\uFEF7", "\uFDFA", "\uFE70", "\uFE91\uFEF4", "\u200C", "\u200D", "\u200F", "\u200E", "\u061C", "\u202B",
        "\u2067", "\u2069", "\uFEFF", "\u00AD", "\u0640", "\u064B", "\u0651", "\u0670", "٣٫٥", "١٩", "۱۴", "3.5", "1,000", "2018م",
        ".", "..", "...", "…", "!", "?", "؟", "،", "؛", ":", "(", ")", "\"", "“", "”", "«", "»", "‘", "’", "'", "-", "%", "#", "@",
        "https://example.org/a?b=1", "www.x.com", "a.b@example.com", "#وسم", "#G7", "NATO", "U.S.", "Mr.", "د.", "O'Brien",
        "😀", "\uD83D", "\uDE00", "\uD800", " ", " ", " ", "\n", "\r\n", "\t", "\u00A0", "\u2028",
    ];

    private int Seed()
    {
        var env = Environment.GetEnvironmentVariable("MARSAD_SEED");
        int seed = int.TryParse(env, out int s) ? s : Random.Shared.Next();
        output.WriteLine($"seed {seed} (replay with MARSAD_SEED={seed})");
        return seed;
    }

    private static string RandomText(Random random)
    {
        var sb = new StringBuilder();
        int n = random.Next(0, 40);
        for (int i = 0; i < n; i++)
        {
            if (random.Next(10) == 0) sb.Append((char)random.Next(0, 0x10000)); // any UTF-16 code unit
            else sb.Append(Pieces[random.Next(Pieces.Length)]);
        }
        return sb.ToString();
    }

    [Fact]
    public void Normalizing_twice_equals_normalizing_once()
    {
        var random = new Random(Seed());
        for (int i = 0; i < Iterations; i++)
        {
            var text = RandomText(random);
            foreach (var normalizer in (ArabicNormalizer[])[Search, Display])
            {
                var once = normalizer.NormalizeToString(text);
                Assert.Equal(once, normalizer.NormalizeToString(once));
            }
        }
    }

    [Fact]
    public void Normalization_offsets_are_in_bounds_and_monotonic_and_removed_characters_never_survive()
    {
        var random = new Random(Seed());
        for (int i = 0; i < Iterations; i++)
        {
            var text = RandomText(random);
            var n = Search.Normalize(text);
            int previous = 0;
            for (int j = 0; j <= n.Text.Length; j++)
            {
                int o = n.ToOriginal(j);
                Assert.InRange(o, previous, text.Length);
                previous = o;
            }
            foreach (char c in n.Text)
            {
                Assert.False(ArabicNormalizer.IsInvisible(c), $"invisible U+{(int)c:X4} survived");
                Assert.False(c is (>= '\u064B' and <= '\u065F') or '\u0640' or '\u0670' or 'أ' or 'إ' or 'آ' or 'ٱ' or 'ؤ' or 'ئ' or 'ى' or 'ة',
                    $"U+{(int)c:X4} survived normalization");
                Assert.False(c is (>= '\u0660' and <= '\u0669') or (>= '\u06F0' and <= '\u06F9'), "non-ASCII digit survived");
            }
            if (text.AsSpan().IndexOfAnyInRange('\uFB50', '\uFEFF') < 0) Assert.True(n.Text.Length <= text.Length, "normalization lengthened text without ligatures");
        }
    }

    [Fact]
    public void Normalization_leaves_text_without_arabic_or_invisible_characters_unchanged()
    {
        var random = new Random(Seed());
        for (int i = 0; i < Iterations; i++)
        {
            var sb = new StringBuilder();
            int n = random.Next(0, 60);
            for (int k = 0; k < n; k++) sb.Append((char)random.Next(0x20, 0x5FF));
            var text = sb.ToString().Replace("\u00AD", "");
            Assert.Equal(text, Search.NormalizeToString(text));
        }
    }

    [Fact]
    public void Tokens_are_in_bounds_ordered_and_never_overlap_and_segments_tile_their_token()
    {
        var random = new Random(Seed());
        for (int i = 0; i < Iterations; i++)
        {
            var text = RandomText(random);
            var tokens = Tokenizer.Tokenize(text);
            int previousEnd = 0;
            foreach (var t in tokens)
            {
                Assert.True(t.Start >= previousEnd && t.End > t.Start && t.End <= text.Length, $"bad token [{t.Start},{t.End}) in {Escape(text)}");
                previousEnd = t.End;
                var segments = Segmenter.Segment(text, t);
                Assert.Equal(t.Start, segments[0].Start);
                Assert.Equal(t.End, segments[^1].End);
                for (int k = 1; k < segments.Count; k++)
                {
                    Assert.Equal(segments[k - 1].End, segments[k].Start);
                    Assert.True(segments[k].End > segments[k].Start);
                }
            }
            // Everything the tokenizer skipped is whitespace or an invisible mark.
            int pos = 0;
            foreach (var t in tokens)
            {
                for (int k = pos; k < t.Start; k++) Assert.True(char.IsWhiteSpace(text[k]) || ArabicNormalizer.IsInvisible(text[k]) || char.GetUnicodeCategory(text[k]) == System.Globalization.UnicodeCategory.Format,
                    $"skipped U+{(int)text[k]:X4}");
                pos = t.End;
            }
        }
    }

    [Fact]
    public void Sentences_are_made_of_whole_tokens_in_order()
    {
        var random = new Random(Seed());
        for (int i = 0; i < Iterations; i++)
        {
            var text = RandomText(random);
            var tokens = Tokenizer.Tokenize(text);
            var sentences = Splitter.Split(text, tokens);
            int previousEnd = 0, covered = 0;
            foreach (var s in sentences)
            {
                Assert.True(s.Start >= previousEnd && s.End > s.Start && s.End <= text.Length);
                previousEnd = s.End;
            }
            foreach (var t in tokens)
            {
                int inside = sentences.Count(s => s.Start <= t.Start && t.End <= s.End);
                Assert.True(inside == 1, $"token [{t.Start},{t.End}) is in {inside} sentences: {Escape(text)}");
                covered++;
            }
            Assert.Equal(tokens.Count, covered);
        }
    }

    [Fact]
    public void Pipeline_output_reproduces_the_original_text_with_random_options()
    {
        var random = new Random(Seed());
        for (int i = 0; i < Iterations / 4; i++)
        {
            var builder = new AnalysisPipelineBuilder
            {
                NormalizerOptions = new ArabicNormalizerOptions { AlefMaqsuraToYeh = random.Next(2) == 0, TehMarbutaToHeh = random.Next(2) == 0 },
            };
            var pipeline = builder.Build();
            var text = RandomText(random);
            var doc = pipeline.Analyze(new SourceDocument { Path = "random", Text = text }, new AnalysisOptions { IncludeTokens = true });
            foreach (var t in doc.Tokens!)
            {
                Assert.Equal(text[t.Start..t.End], t.Text);
                foreach (var s in t.Segments) Assert.Equal(text[s.Start..s.End], s.Text);
                Assert.Equal(pipeline.Normalizer.NormalizeToString(t.Text), t.Norm);
            }
        }
    }

    [Fact]
    public void Nothing_throws_on_arbitrary_utf16()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), s =>
        {
            var text = s ?? "";
            var n = Search.Normalize(text);
            _ = Display.NormalizeToString(text);
            var tokens = Tokenizer.Tokenize(text);
            _ = Splitter.Split(text, tokens);
            foreach (var t in tokens) _ = Segmenter.Segment(text, t);
            return n.ToOriginal(n.Text.Length) == text.Length;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Normalizing_arbitrary_utf16_twice_equals_once()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), s =>
        {
            var once = Search.NormalizeToString(s ?? "");
            return Search.NormalizeToString(once) == once;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Nothing_throws_on_random_code_units_including_lone_surrogates()
    {
        var random = new Random(Seed());
        for (int i = 0; i < Iterations; i++)
        {
            var chars = new char[random.Next(0, 200)];
            for (int k = 0; k < chars.Length; k++)
                chars[k] = random.Next(4) == 0 ? (char)random.Next(0xD800, 0xE000) : (char)random.Next(0, 0x10000);
            var text = new string(chars);
            var n = Search.Normalize(text);
            Assert.Equal(text.Length, n.ToOriginal(n.Text.Length));
            var tokens = Tokenizer.Tokenize(text);
            _ = Splitter.Split(text, tokens);
            foreach (var t in tokens) _ = Segmenter.Segment(text, t);
        }
    }

    private static string Escape(string s)
    {
        var sb = new StringBuilder();
        foreach (char c in s) sb.Append(c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString());
        return sb.ToString();
    }
}
