namespace Marsad.Analysis.Normalization;

/// <summary>Normalized text plus, for each normalized character, the index of the original character it came from.</summary>
public sealed class NormalizedText
{
    private readonly int[] _toOriginal;

    /// <summary>Wraps a normalized string and its map; <paramref name="toOriginal"/> needs at least
    /// <c>text.Length</c> entries (extra entries are ignored).</summary>
    /// <exception cref="ArgumentException">the map is shorter than the text.</exception>
    public NormalizedText(string text, int[] toOriginal, int originalLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(toOriginal);
        if (toOriginal.Length < text.Length) throw new ArgumentException("the offset map is shorter than the text", nameof(toOriginal));
        Text = text;
        _toOriginal = toOriginal;
        OriginalLength = originalLength;
    }

    /// <summary>The normalized string.</summary>
    public string Text { get; }

    /// <summary>Length of the original text this was made from.</summary>
    public int OriginalLength { get; }

    /// <summary>Maps an offset in <see cref="Text"/> (0..Text.Length inclusive) to an offset in the original.</summary>
    public int ToOriginal(int normalizedOffset) =>
        normalizedOffset >= Text.Length ? OriginalLength : _toOriginal[normalizedOffset];
}
