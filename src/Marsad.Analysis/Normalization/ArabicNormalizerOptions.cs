namespace Marsad.Analysis.Normalization;

/// <summary>Which optional normalization rules apply. The always-on rules are listed on <see cref="ArabicNormalizer"/>.</summary>
public sealed record ArabicNormalizerOptions
{
    /// <summary>ى (alef maqsura) → ي (yeh). On for matching and search.</summary>
    public bool AlefMaqsuraToYeh { get; init; } = true;
    /// <summary>ة (teh marbuta) → ه (heh). On for matching and search.</summary>
    public bool TehMarbutaToHeh { get; init; } = true;

    /// <summary>Options for matching and search: every folding on.</summary>
    public static ArabicNormalizerOptions Search { get; } = new();
    /// <summary>Options for display: letters that change meaning visibly are kept.</summary>
    public static ArabicNormalizerOptions Display { get; } = new() { AlefMaqsuraToYeh = false, TehMarbutaToHeh = false };
}
