using Marsad.Analysis.Normalization;

namespace Marsad.Analysis.Tests.Normalization;

/// <summary>One test per normalization rule, each with a real Arabic word.</summary>
public class ArabicNormalizerTests
{
    private static readonly ArabicNormalizer Search = new(ArabicNormalizerOptions.Search);
    private static readonly ArabicNormalizer Display = new(ArabicNormalizerOptions.Display);

    [Fact]
    public void Normalize_removes_diacritics()
    {
        // مُحَمَّدٌ (Muhammad, fully vowelled): damma, fatha, shadda, fatha, dammatan are pronunciation only.
        Assert.Equal("محمد", Search.NormalizeToString("مُحَمَّدٌ"));
    }

    [Fact]
    public void Normalize_removes_sukun_and_kasratan()
    {
        // مَسْجِدٍ: sukun on seen and kasratan on dal.
        Assert.Equal("مسجد", Search.NormalizeToString("مَسْجِدٍ"));
    }

    [Fact]
    public void Normalize_removes_superscript_alef()
    {
        // هٰذا (dagger alef above heh) is the same word as هذا.
        Assert.Equal("هذا", Search.NormalizeToString("ه\u0670ذا"));
    }

    [Fact]
    public void Normalize_removes_quranic_annotation_marks()
    {
        // U+06D6 (small high ligature sad with lam with alef maksura) after a word is a recitation sign.
        Assert.Equal("الرحيم", Search.NormalizeToString("الرحيم\u06D6"));
    }

    [Fact]
    public void Normalize_removes_tatweel()
    {
        // الرئيـــس stretched for typography is الرئيس.
        Assert.Equal("الرييس", Search.NormalizeToString("الرئيـــس"));
    }

    [Fact]
    public void Normalize_maps_alef_with_hamza_above_to_alef()
    {
        // أحمد and احمد are written both ways.
        Assert.Equal("احمد", Search.NormalizeToString("أحمد"));
    }

    [Fact]
    public void Normalize_maps_alef_with_hamza_below_to_alef()
    {
        // إيران is often typed ايران.
        Assert.Equal("ايران", Search.NormalizeToString("إيران"));
    }

    [Fact]
    public void Normalize_maps_alef_with_madda_to_alef()
    {
        // آسيا (Asia) → اسيا.
        Assert.Equal("اسيا", Search.NormalizeToString("آسيا"));
    }

    [Fact]
    public void Normalize_maps_alef_wasla_to_alef()
    {
        // ٱلله with alef wasla (Quranic spelling) → الله.
        Assert.Equal("الله", Search.NormalizeToString("ٱلله"));
    }

    [Fact]
    public void Normalize_maps_waw_with_hamza_to_waw()
    {
        // مسؤول / مسئول / مسوول: the hamza seat varies between writers; the carrier waw is kept.
        Assert.Equal("مسوول", Search.NormalizeToString("مسؤول"));
    }

    [Fact]
    public void Normalize_maps_yeh_with_hamza_to_yeh()
    {
        // رئيس → رييس, so it matches the spelling مسئول-style variants.
        Assert.Equal("رييس", Search.NormalizeToString("رئيس"));
    }

    [Fact]
    public void Normalize_keeps_lone_hamza()
    {
        // سماء: the final hamza sits on no carrier and is kept.
        Assert.Equal("سماء", Search.NormalizeToString("سماء"));
    }

    [Fact]
    public void Normalize_maps_alef_maksura_to_yeh_when_enabled()
    {
        // على is very often typed علي.
        Assert.Equal("علي", Search.NormalizeToString("على"));
        Assert.Equal("على", Display.NormalizeToString("على"));
    }

    [Fact]
    public void Normalize_maps_teh_marbuta_to_heh_when_enabled()
    {
        // مدينة / مدينه are both common.
        Assert.Equal("مدينه", Search.NormalizeToString("مدينة"));
        Assert.Equal("مدينة", Display.NormalizeToString("مدينة"));
    }

    [Fact]
    public void Normalize_maps_persian_keheh_and_yeh()
    {
        // کویت typed on a Persian keyboard (keheh, farsi yeh) is the Arabic كويت.
        Assert.Equal("كويت", Search.NormalizeToString("کویت"));
    }

    [Fact]
    public void Normalize_maps_arabic_indic_digits_to_ascii()
    {
        // عام ٢٠٢١ → عام 2021.
        Assert.Equal("عام 2021", Search.NormalizeToString("عام ٢٠٢١"));
    }

    [Fact]
    public void Normalize_maps_persian_digits_to_ascii()
    {
        // Extended Arabic-Indic (Persian) digits ۱۹ → 19.
        Assert.Equal("19", Search.NormalizeToString("۱۹"));
    }

    [Fact]
    public void Normalize_maps_arabic_number_separators()
    {
        // ٣٫٥٪ (3.5 percent) and ١٬٠٠٠ (1,000).
        Assert.Equal("3.5%", Search.NormalizeToString("٣٫٥٪"));
        Assert.Equal("1,000", Search.NormalizeToString("١٬٠٠٠"));
    }

    [Fact]
    public void Normalize_maps_presentation_forms_to_base_letters()
    {
        // ﺑﻴﺮﻭﺕ (Beirut in initial/medial/final presentation forms) → بيروت.
        Assert.Equal("بيروت", Search.NormalizeToString("\uFE91\uFEF4\uFEAE\uFEED\uFE95"));
    }

    [Fact]
    public void Normalize_expands_lam_alef_ligature_with_offsets()
    {
        // ﻻ (lam-alef ligature) → لا: one original character becomes two; both map back to it.
        var n = Search.Normalize("\uFEFBعب"); // لاعب (player) with the ligature
        Assert.Equal("لاعب", n.Text);
        Assert.Equal(0, n.ToOriginal(0));
        Assert.Equal(0, n.ToOriginal(1));
        Assert.Equal(1, n.ToOriginal(2));
        Assert.Equal(3, n.ToOriginal(4));
    }

    [Fact]
    public void Normalize_folds_the_expansion_of_a_ligature_with_hamza()
    {
        // ﻷ (lam with alef with hamza above, isolated) in لأن → لان.
        Assert.Equal("لان", Search.NormalizeToString("\uFEF7ن"));
    }

    [Fact]
    public void Normalize_removes_zero_width_non_joiner_and_joiner()
    {
        // A ZWNJ typed inside مصر (Egypt) must not change the word.
        Assert.Equal("مصر", Search.NormalizeToString("مص\u200Cر"));
        Assert.Equal("مصر", Search.NormalizeToString("مص\u200Dر"));
    }

    [Fact]
    public void Normalize_removes_bidi_marks_and_isolates()
    {
        // RLM, LRM, Arabic letter mark, embeddings and isolates around سوريا.
        Assert.Equal("سوريا", Search.NormalizeToString("\u200Fسو\u061Cريا\u200E\u202B\u202C\u2067\u2069"));
    }

    [Fact]
    public void Normalize_removes_bom_and_soft_hyphen()
    {
        // A BOM before لبنان and a soft hyphen inside it.
        Assert.Equal("لبنان", Search.NormalizeToString("\uFEFFلبن\u00ADان"));
    }

    [Fact]
    public void Normalize_leaves_latin_text_unchanged()
    {
        Assert.Equal("NATO 2021, U.S.", Search.NormalizeToString("NATO 2021, U.S."));
    }

    [Fact]
    public void Offset_map_points_past_removed_diacritics()
    {
        // كَتَبَ: normalized كتب; letter j maps to its original position, the end maps to the original length.
        var n = Search.Normalize("كَتَبَ");
        Assert.Equal("كتب", n.Text);
        Assert.Equal(0, n.ToOriginal(0));
        Assert.Equal(2, n.ToOriginal(1));
        Assert.Equal(4, n.ToOriginal(2));
        Assert.Equal(6, n.ToOriginal(3));
    }
}
