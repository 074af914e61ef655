namespace Marsad.Analysis.Tagging;

/// <summary>One sentence of a token-per-line corpus: tokens and (for gold data) their BIO tags.</summary>
public sealed record NerSentence(string[] Tokens, string[]? Tags);

/// <summary>
/// Reads and writes the token-per-line CoNLL format: the first column is the token, the last column (when there are
/// at least two) is the tag, a blank line ends a sentence. Columns are separated by TAB (or spaces when there is no TAB).
/// </summary>
public static class ConllFormat
{
    /// <summary>Parses sentences from a reader. Sentences without tags get <c>Tags = null</c>.</summary>
    public static List<NerSentence> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var result = new List<NerSentence>();
        var tokens = new List<string>();
        var tags = new List<string>();
        bool tagged = true;
        string? line;
        void Flush()
        {
            if (tokens.Count > 0) result.Add(new NerSentence([.. tokens], tagged ? [.. tags] : null));
            tokens.Clear();
            tags.Clear();
            tagged = true;
        }
        while ((line = reader.ReadLine()) is not null)
        {
            if (string.IsNullOrWhiteSpace(line)) { Flush(); continue; }
            var cols = line.Contains('\t') ? line.Split('\t') : line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            tokens.Add(cols[0]);
            if (cols.Length >= 2) tags.Add(cols[^1].Trim());
            else tagged = false;
        }
        Flush();
        return result;
    }

    /// <summary>Writes <c>token&lt;TAB&gt;tag</c> lines with a blank line after each sentence.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<string> tokens, IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(writer);
        for (int i = 0; i < tokens.Count; i++)
        {
            writer.Write(tokens[i]);
            writer.Write('\t');
            writer.Write(tags[i]);
            writer.Write('\n');
        }
        writer.Write('\n');
    }
}
