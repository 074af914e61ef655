namespace Marsad.Analysis.Tokenization;

/// <summary>What a token is.</summary>
public enum TokenKind : byte
{
    ArabicWord, LatinWord, Number, Punctuation, Quote, Url, Email, Hashtag, Symbol,
}

/// <summary>A token: a span of the original text and its kind. The surface is <c>text[Start..End]</c>.</summary>
public readonly record struct Token(int Start, int End, TokenKind Kind)
{
    public int Length => End - Start;
}

/// <summary>The role of a clitic segment inside a word.</summary>
public enum SegmentRole : byte
{
    /// <summary>و ف ب ل ك س</summary>
    Proclitic,
    /// <summary>ال (and the لل contraction's article)</summary>
    Article,
    /// <summary>The word itself.</summary>
    Stem,
    /// <summary>A pronoun suffix (ه ها هم هما كم نا …).</summary>
    Suffix,
}

/// <summary>A clitic segment: a span of the original text inside one token.</summary>
public readonly record struct Segment(int Start, int End, SegmentRole Role);
