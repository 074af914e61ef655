using System.Text;

namespace Marsad.Storage.Search;

/// <summary>
/// A user query turned into search terms: a list of clauses that must all match; a clause of one term is a word,
/// a clause of several terms is a phrase (the terms adjacent and in order). Words inside "double quotes" (or «guillemets»)
/// form a phrase; a bare word that analyses into several terms is a phrase too.
/// </summary>
public sealed class ParsedQuery
{
    private ParsedQuery(IReadOnlyList<IReadOnlyList<string>> clauses) => Clauses = clauses;

    /// <summary>The clauses; empty when the query had nothing searchable.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Clauses { get; }

    public bool IsEmpty => Clauses.Count == 0;

    /// <summary>Every distinct term of every clause (for marking hits).</summary>
    public IReadOnlySet<string> AllTerms => Clauses.SelectMany(c => c).ToHashSet(StringComparer.Ordinal);

    /// <summary>Parses <paramref name="query"/> with <paramref name="analyzer"/>.</summary>
    public static ParsedQuery Parse(string query, SearchTermAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(analyzer);
        var clauses = new List<IReadOnlyList<string>>();
        var bare = new StringBuilder();
        int i = 0;
        while (i < query.Length)
        {
            char c = query[i];
            char close = c switch { '"' => '"', '\u00AB' => '\u00BB', '\u201C' => '\u201D', _ => '\0' };
            if (close == '\0') { bare.Append(c); i++; continue; }
            int end = query.IndexOf(close, i + 1);
            if (end < 0) end = query.Length;
            AddWords(bare.ToString());
            bare.Clear();
            var phrase = analyzer.Terms(query[(i + 1)..end]).Select(t => t.Term).ToList();
            if (phrase.Count > 0) clauses.Add(phrase);
            i = end + 1;
        }
        AddWords(bare.ToString());
        return new ParsedQuery(clauses);

        void AddWords(string text)
        {
            foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                var terms = analyzer.Terms(word).Select(t => t.Term).ToList();
                if (terms.Count > 0) clauses.Add(terms);
            }
        }
    }

    /// <summary>The query as an FTS5 MATCH expression: every clause a quoted string, implicitly AND-ed.</summary>
    public string ToFts5()
    {
        var sb = new StringBuilder();
        foreach (var clause in Clauses)
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append('"');
            for (int i = 0; i < clause.Count; i++)
            {
                if (i > 0) sb.Append(' ');
                sb.Append(clause[i].Replace("\"", "\"\"", StringComparison.Ordinal));
            }
            sb.Append('"');
        }
        return sb.ToString();
    }

    /// <summary>The query as PostgreSQL tsquery text: clauses AND-ed with &amp;, phrase terms joined with &lt;-&gt;.</summary>
    public string ToTsQuery()
    {
        var sb = new StringBuilder();
        foreach (var clause in Clauses)
        {
            if (sb.Length > 0) sb.Append(" & ");
            if (clause.Count > 1) sb.Append('(');
            for (int i = 0; i < clause.Count; i++)
            {
                if (i > 0) sb.Append(" <-> ");
                sb.Append(TsLexeme(clause[i]));
            }
            if (clause.Count > 1) sb.Append(')');
        }
        return sb.ToString();
    }

    /// <summary>A term quoted as a tsvector/tsquery lexeme: 'term' with quotes and backslashes doubled.</summary>
    public static string TsLexeme(string term) =>
        "'" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}
