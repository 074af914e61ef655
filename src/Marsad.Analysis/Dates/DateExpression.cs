namespace Marsad.Analysis.Dates;

/// <summary>How much of a date is known.</summary>
public enum DatePrecision : byte { Day, Month, Year }

/// <summary>
/// A date expression found in text: its token range and span, the words as written, and the resolved value
/// (<c>yyyy-MM-dd</c>, <c>yyyy-MM</c> or <c>yyyy</c>) or null when it cannot be resolved (no publication date).
/// </summary>
public sealed record DateExpression(int FirstToken, int LastToken, int Start, int End, string Text, string? Value, DatePrecision Precision);
