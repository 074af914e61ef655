namespace Marsad.Analysis.Text;

/// <summary>A half-open range <c>[Start, End)</c> of UTF-16 code units in a document's original text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    /// <summary>Number of UTF-16 code units covered.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Length => End - Start;

    /// <summary>True when <paramref name="other"/> lies entirely inside this span.</summary>
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    /// <summary>True when the two spans share at least one code unit.</summary>
    public bool Overlaps(TextSpan other) => other.Start < End && Start < other.End;
}
