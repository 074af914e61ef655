namespace Marsad.Analysis.Events;

/// <summary>
/// Builds the small word sets the event, date and quote rules compare normalized words with. Each word is stored as
/// written (already free of diacritics, with ا for أ/إ/آ, ي for ى and ه for ة) and with its hamza carriers folded
/// (ئ → ي, ؤ → و), so the sets match whichever of the two spellings the pipeline's normalizer produces.
/// </summary>
internal static class WordSets
{
    /// <summary>A set holding every word and its hamza-folded form.</summary>
    public static HashSet<string> Of(IEnumerable<string> words)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in words)
        {
            set.Add(w);
            set.Add(Fold(w));
        }
        return set;
    }

    /// <summary>ئ → ي and ؤ → و.</summary>
    public static string Fold(string w) => w.Replace('ئ', 'ي').Replace('ؤ', 'و');
}

/// <summary>Words that open or mark a clause, shared by the trigger, argument and date rules.</summary>
internal static class ClauseWords
{
    /// <summary>أن and its pronoun forms: what follows is a reported clause.</summary>
    public static readonly HashSet<string> Complementizers = WordSets.Of(["ان", "انه", "انها", "انهم", "انهما"]);

    /// <summary>Relative pronouns: what follows is a background clause.</summary>
    public static readonly HashSet<string> RelativePronouns = WordSets.Of(["الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي"]);
}
