namespace Marsad.Analysis.Text;

/// <summary>
/// Named Arabic letters, marks and invisible characters (Unicode names), so code never carries bare literals.
/// </summary>
public static class ArabicLetters
{
    // Letters
    public const char Hamza = '\u0621';                     // ء
    public const char AlefWithMaddaAbove = '\u0622';        // آ
    public const char AlefWithHamzaAbove = '\u0623';        // أ
    public const char WawWithHamzaAbove = '\u0624';         // ؤ
    public const char AlefWithHamzaBelow = '\u0625';        // إ
    public const char YehWithHamzaAbove = '\u0626';         // ئ
    public const char Alef = '\u0627';                      // ا
    public const char Beh = '\u0628';                       // ب
    public const char TehMarbuta = '\u0629';                // ة
    public const char Teh = '\u062A';                       // ت
    public const char Kaf = '\u0643';                       // ك
    public const char Lam = '\u0644';                       // ل
    public const char Meem = '\u0645';                      // م
    public const char Noon = '\u0646';                      // ن
    public const char Heh = '\u0647';                       // ه
    public const char Waw = '\u0648';                       // و
    public const char AlefMaksura = '\u0649';               // ى
    public const char Yeh = '\u064A';                       // ي
    public const char Feh = '\u0641';                       // ف
    public const char Seen = '\u0633';                      // س
    public const char AlefWasla = '\u0671';                 // ٱ
    public const char Keheh = '\u06A9';                     // ک (Persian kaf)
    public const char FarsiYeh = '\u06CC';                  // ی (Persian yeh)
    public const char Tatweel = '\u0640';                   // ـ (kashida)

    // Marks
    public const char Fathatan = '\u064B';
    public const char Fatha = '\u064E';
    public const char Damma = '\u064F';
    public const char Kasra = '\u0650';
    public const char Shadda = '\u0651';
    public const char Sukun = '\u0652';
    public const char SuperscriptAlef = '\u0670';           // dagger alef

    // Digits and number punctuation
    public const char ArabicIndicDigitZero = '\u0660';      // ٠
    public const char ArabicIndicDigitNine = '\u0669';      // ٩
    public const char ExtendedArabicIndicDigitZero = '\u06F0'; // ۰ (Persian/Urdu)
    public const char ExtendedArabicIndicDigitNine = '\u06F9';
    public const char ArabicPercentSign = '\u066A';         // ٪
    public const char ArabicDecimalSeparator = '\u066B';    // ٫
    public const char ArabicThousandsSeparator = '\u066C';  // ٬

    // Punctuation
    public const char ArabicComma = '\u060C';               // ،
    public const char ArabicSemicolon = '\u061B';           // ؛
    public const char ArabicQuestionMark = '\u061F';        // ؟
    public const char ArabicFullStop = '\u06D4';            // ۔
    public const char HorizontalEllipsis = '\u2026';        // …

    // Invisible characters
    public const char ArabicLetterMark = '\u061C';
    public const char ZeroWidthSpace = '\u200B';
    public const char ZeroWidthNonJoiner = '\u200C';
    public const char ZeroWidthJoiner = '\u200D';
    public const char LeftToRightMark = '\u200E';
    public const char RightToLeftMark = '\u200F';
    public const char SoftHyphen = '\u00AD';
    public const char WordJoiner = '\u2060';
    public const char ZeroWidthNoBreakSpace = '\uFEFF';   // BOM
}
