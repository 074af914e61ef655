using Marsad.Analysis.Dedup;
using Marsad.Analysis.Documents;
using Marsad.Tests.Common;

namespace Marsad.Analysis.Tests.Dedup;

public class DuplicateDetectorTests
{
    private static string Seed(string prefix) => File.ReadAllText(SharedData.SeedFiles().Single(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal)));

    [Fact]
    public void Exact_copy_with_other_diacritics_and_spacing_is_an_exact_duplicate()
    {
        var d = new DuplicateDetector();
        var text = Seed("004");
        Assert.Null(d.Add(d.Fingerprint(text)));
        // Diacritics, tatweel, alef forms and white space do not matter to the normalized text.
        var variant = text.Replace("أكد", "أَكَّد").Replace("  ", " ").Replace("\n", "\n\n").Replace("روسيا", "روسـيا");
        var m = d.Add(d.Fingerprint(variant));
        Assert.NotNull(m);
        Assert.Equal(DuplicateKind.Exact, m.Value.Kind);
        Assert.Equal(0, m.Value.Original);
    }

    [Fact]
    public void Copy_with_a_sentence_dropped_and_a_word_changed_is_a_near_duplicate()
    {
        var d = new DuplicateDetector();
        var text = Seed("004");
        d.Add(d.Fingerprint(text));
        var lines = text.Split('\n').ToList();
        lines.RemoveAt(lines.Count / 2);
        var edited = string.Join('\n', lines).Replace("بوتين", "الرئيس بوتين");
        var m = d.Add(d.Fingerprint(edited));
        Assert.NotNull(m);
        Assert.Equal(DuplicateKind.Near, m.Value.Kind);
    }

    [Fact]
    public void Two_outlets_retelling_one_phone_call_are_not_duplicates()
    {
        // Seeds 001 and 003 report the same Patrushev–Sullivan call in their own words.
        var d = new DuplicateDetector();
        Assert.Null(d.Add(d.Fingerprint(Seed("001"))));
        Assert.Null(d.Add(d.Fingerprint(Seed("003"))));
    }

    [Fact]
    public void Article_inside_more_page_text_is_found_by_containment()
    {
        var d = new DuplicateDetector();
        var article = Seed("004");
        d.Add(d.Fingerprint(article));
        var page = Seed("000") + "\n" + article; // the same article after another long block
        var m = d.Add(d.Fingerprint(page));
        Assert.NotNull(m);
        Assert.True(m.Value.Kind is DuplicateKind.Contained or DuplicateKind.Near, m.Value.Kind.ToString());
    }

    [Fact]
    public void Removed_spans_are_ignored_when_fingerprinting()
    {
        var h = new MinHasher();
        const string body = "قال المتحدث باسم الكرملين إن الرئيسين سيلتقيان في جنيف الشهر المقبل لبحث الاستقرار الاستراتيجي";
        const string furniture = "زر الذهاب إلى الأعلى اترك تعليقاً\n";
        var a = h.Fingerprint(body);
        var b = h.Fingerprint(furniture + body, [new RemovedSpan(0, furniture.Length, "furniture")]);
        Assert.Equal(a.ExactHash, b.ExactHash);
        Assert.Equal(a.Signature, b.Signature);
    }

    [Fact]
    public void Jaccard_estimate_tracks_the_true_overlap()
    {
        // Two word sequences sharing a known share of their 1-word shingles: the estimate must be within 0.12.
        var h = new MinHasher(128, 1);
        var rng = new Random(7);
        for (int trial = 0; trial < 5; trial++)
        {
            var words = Enumerable.Range(0, 400).Select(i => "w" + rng.Next(1_000_000)).Distinct().Take(300).ToArray();
            var a = string.Join(' ', words[..200]);
            var b = string.Join(' ', words[100..300]);
            double truth = 100.0 / 300;
            double est = MinHasher.Jaccard(h.Fingerprint(a).Signature, h.Fingerprint(b).Signature);
            Assert.InRange(est, truth - 0.12, truth + 0.12);
        }
    }
}
