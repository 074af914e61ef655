using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Text;
using Marsad.Analysis.Tokenization;

namespace Marsad.Analysis.Tagging;

/// <summary>
/// The named-entity tagger: hashed features → per-label scores from a <see cref="NerModel"/> → exact first-order
/// Viterbi over BIO labels (invalid BIO transitions are forbidden, not just penalized).
/// Also finds the entities a gazetteer knows for sure (countries, capitals) that the model missed.
/// Immutable and thread-safe: each thread uses its own scratch workspace.
/// </summary>
public sealed class EntityTagger
{
    [ThreadStatic] private static NerWorkspace? t_workspace;
    [ThreadStatic] private static List<LexiconMatch>? t_matches;
    private readonly int _mask;
    private readonly ushort _sureTypes = (1 << (int)LexiconType.Country) | (1 << (int)LexiconType.Capital);

    private readonly ThreadLocal<NerConsistencyPass> _pass;

    /// <summary>
    /// Creates a tagger over a model and the lexicon and clusters its features were trained with.
    /// <paramref name="consistency"/> sets the document-level pass of <see cref="Recognize"/> and <see cref="TagDocument"/>
    /// (default: the whole document).
    /// </summary>
    public EntityTagger(NerModel model, NerLexicon lexicon, WordClusters clusters, NerConsistencyOptions? consistency = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(clusters);
        Model = model;
        Extractor = new NerFeatureExtractor(model.Families, lexicon, clusters);
        _mask = (1 << model.HashBits) - 1;
        Consistency = consistency ?? NerConsistencyOptions.Document;
        _pass = new ThreadLocal<NerConsistencyPass>(() => new NerConsistencyPass(Model.Labels, Consistency));
        _document = new ThreadLocal<NerDocumentFeatures>(() => new NerDocumentFeatures(Model.Labels.Count));
    }

    private readonly ThreadLocal<NerDocumentFeatures> _document;

    /// <summary>The document-level consistency settings (window 0 = off).</summary>
    public NerConsistencyOptions Consistency { get; }

    public NerModel Model { get; }
    public NerFeatureExtractor Extractor { get; }

    /// <summary>Single words that are country names but far more often common words (مالي "financial").</summary>
    private static readonly HashSet<ulong> UnsureWords = [NerText.Hash("مالي"), NerText.Hash("ماليه"), NerText.Hash("تشاد")];

    /// <summary>
    /// Tags one sentence; writes label indices (into <see cref="NerModel.Labels"/>) to <paramref name="labels"/>. A
    /// two-stage model sees the sentence as a whole document (use <see cref="TagDocument"/> or <see cref="Recognize"/>
    /// to give its second stage the neighbouring sentences).
    /// </summary>
    public void Tag<TSource>(TSource tokens, Span<int> labels) where TSource : INerTokenSource
    {
        int n = tokens.Count;
        if (n == 0) return;
        if (labels.Length < n) throw new ArgumentException("label buffer is shorter than the sentence", nameof(labels));
        TagStage(tokens, labels, Model);
        if (Model.Next is null) return;
        var doc = _document.Value!;
        doc.Clear();
        doc.Add(tokens, labels);
        doc.Keep(t_workspace!);
        doc.Compute(Model.DocumentWindow);
        TagStage(tokens, labels, Model.Next, doc, 0);
    }

    /// <summary>Runs one stage of the model over a sentence (the second stage with its document features).</summary>
    internal void TagStage<TSource>(TSource tokens, Span<int> labels, NerModel stage, NerDocumentFeatures? doc = null, int sentence = 0)
        where TSource : INerTokenSource
    {
        int n = tokens.Count;
        if (n == 0) return;
        var ws = t_workspace ??= new NerWorkspace();
        int l = stage.Labels.Count;
        if (doc is not null && doc.HasKept(sentence)) doc.Restore(sentence, ws, l);
        else Extractor.Extract(tokens, ws, l);
        doc?.Append(sentence, ws);
        Score(ws, n, stage.Rows, stage.RowIndex, l, (1 << stage.HashBits) - 1);
        Viterbi(ws, n, l, stage.Transitions, stage.Allowed, (stage.Families & NerFeatureFamilies.TagHistory) != 0);
        ws.Path.AsSpan(0, n).CopyTo(labels);
    }

    /// <summary>Tags one sentence given as token strings; returns the label strings.</summary>
    public string[] Tag(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var ids = new int[tokens.Count];
        Tag(new StringTokens(tokens), ids);
        var result = new string[ids.Length];
        for (int i = 0; i < ids.Length; i++) result[i] = Model.Labels[ids[i]];
        return result;
    }

    /// <summary>
    /// Tags the sentences of one document (or of a corpus in reading order) into <paramref name="labels"/> (one buffer per
    /// sentence, at least as long as it), then runs the consistency pass over them. Returns the labels the pass changed.
    /// </summary>
    public int TagDocument(IReadOnlyList<string[]> sentences, IReadOnlyList<int[]> labels)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(labels);
        var pass = _pass.Value!;
        pass.Clear();
        var doc = Model.Next is null ? null : _document.Value!;
        doc?.Clear();
        for (int s = 0; s < sentences.Count; s++)
        {
            TagStage(new StringTokens(sentences[s]), labels[s], Model);
            if (doc is null) continue;
            doc.Add(new StringTokens(sentences[s]), labels[s]);
            doc.Keep(t_workspace ??= new NerWorkspace());
        }
        if (doc is not null)
        {
            doc.Compute(Model.DocumentWindow);
            for (int s = 0; s < sentences.Count; s++) TagStage(new StringTokens(sentences[s]), labels[s], Model.Next!, doc, s);
        }
        for (int s = 0; s < sentences.Count; s++) pass.Add(new StringTokens(sentences[s]), labels[s]);
        int changed = pass.Apply();
        if (changed > 0)
            for (int s = 0; s < sentences.Count; s++) pass.LabelsOf(s).CopyTo(labels[s]);
        return changed;
    }

    /// <summary>
    /// Finds the entities of a document: tags each sentence (tokens grouped by the sentence spans), runs the consistency
    /// pass (<see cref="NerConsistencyPass"/>) over the document, maps BIO chunks back to original offsets (origin
    /// "tagger"), then adds sure gazetteer matches (countries, capitals) that overlap no
    /// tagged entity (type LOC, origin "gazetteer"). Results are sorted by start offset.
    /// </summary>
    public List<EntityMention> Recognize(string text, IReadOnlyList<Token> tokens, IReadOnlyList<TextSpan> sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(sentences);
        var result = new List<EntityMention>();
        var matches = t_matches ??= [];
        var sure = new List<(int Sentence, int Start, int End)>();
        var firsts = new List<int>();
        var counts = new List<int>();
        var pass = _pass.Value!;
        pass.Clear();
        var doc = Model.Next is null ? null : _document.Value!;
        doc?.Clear();
        int t = 0;
        int[] labels = new int[64];
        foreach (var sentence in sentences)
        {
            while (t < tokens.Count && tokens[t].Start < sentence.Start) t++;
            int first = t;
            while (t < tokens.Count && tokens[t].End <= sentence.End) t++;
            int count = t - first;
            if (count == 0) continue;
            if (labels.Length < count) labels = new int[count * 2];
            var source = new TextTokens(text, tokens, first, count);
            TagStage(source, labels, Model);
            if (doc is null) pass.Add(source, labels.AsSpan(0, count));
            else
            {
                doc.Add(source, labels.AsSpan(0, count));
                doc.Keep(t_workspace!);
            }
            firsts.Add(first);
            counts.Add(count);

            // Sure gazetteer entries, kept for after the consistency pass. The workspace still holds this sentence's hashes.
            var ws = t_workspace!;
            matches.Clear();
            Extractor.Lexicon.MarkMatches(ws.NormHash.AsSpan(0, count), ws.VariantHash.AsSpan(0, count * NerWorkspace.Variants),
                NerWorkspace.Variants, ws.GazBegin, ws.GazInside, ws.GazEnd, matches);
            foreach (var m in matches)
            {
                if ((m.Types & _sureTypes) == 0) continue;
                if (m.Length == 1 && (UnsureWords.Contains(ws.NormHash[m.Start]) || UnsureWords.Contains(ws.StemHash[m.Start]))) continue;
                // An article stripped to reach a name (المالية → مالية) is not a sure sign; names that carry it are listed with it.
                if (m.Variant == 0 && (ws.Proclitics[m.Start] & 4) != 0) continue;
                if (m.Length == 1 && m.StrippedFirstWord && ws.NormLen[m.Start] - ws.StemOffset[m.Start] < 3) continue;
                sure.Add((firsts.Count - 1, first + m.Start, first + m.Start + m.Length));
            }
        }
        if (doc is not null)
        {
            // Second stage: every sentence again, now with what the first stage found elsewhere in the document.
            doc.Compute(Model.DocumentWindow);
            for (int s = 0; s < firsts.Count; s++)
            {
                var source = new TextTokens(text, tokens, firsts[s], counts[s]);
                TagStage(source, labels, Model.Next!, doc, s);
                pass.Add(source, labels.AsSpan(0, counts[s]));
            }
        }
        pass.Apply();
        sure.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        int next = 0;
        for (int s = 0; s < firsts.Count; s++)
        {
            int before = result.Count;
            AddChunks(text, tokens, firsts[s], pass.LabelsOf(s), result);
            // Sure gazetteer entries the model missed: longest first, none overlapping a tagged entity or each other.
            int coveredUntil = -1;
            for (; next < sure.Count && sure[next].Sentence == s; next++)
            {
                var (_, a, b) = sure[next];
                if (a < coveredUntil) continue;
                int start = tokens[a].Start, end = tokens[b - 1].End;
                bool overlaps = false;
                for (int e = before; e < result.Count && !overlaps; e++)
                    overlaps = result[e].Start < end && start < result[e].End;
                if (overlaps) continue;
                result.Add(new EntityMention(start, end, text[start..end], "LOC") { Origin = "gazetteer" });
                coveredUntil = b;
            }
            if (result.Count - before > 1) result.Sort(before, result.Count - before, Comparer<EntityMention>.Create((x, y) => x.Start.CompareTo(y.Start)));
        }
        return result;
    }

    private void AddChunks(string text, IReadOnlyList<Token> tokens, int first, ReadOnlySpan<int> labels, List<EntityMention> result)
    {
        var names = Model.Labels;
        int i = 0;
        while (i < labels.Length)
        {
            var label = names[labels[i]];
            if (label == "O") { i++; continue; }
            var type = label[2..];
            int j = i + 1;
            while (j < labels.Length && names[labels[j]].StartsWith("I-", StringComparison.Ordinal) && names[labels[j]].AsSpan(2).SequenceEqual(type)) j++;
            int start = tokens[first + i].Start, end = tokens[first + j - 1].End;
            result.Add(new EntityMention(start, end, text[start..end], type) { Origin = "tagger" });
            i = j;
        }
    }

    /// <summary>
    /// Sums the weight rows of every token's features into <c>ws.Scores[n × labels]</c>. A
    /// feature's row is <c>hash &amp; mask</c>, looked up through <paramref name="rowIndex"/> when the table is compact
    /// (a model's) and used directly when it is dense (the trainer's).
    /// </summary>
    internal static void Score(NerWorkspace ws, int n, float[] weights, int[]? rowIndex, int l, int mask)
    {
        var scores = ws.Scores.AsSpan(0, n * l);
        scores.Clear();
        for (int i = 0; i < n; i++)
        {
            var dst = scores.Slice(i * l, l);
            var feats = ws.Features.AsSpan(i * NerWorkspace.MaxFeaturesPerToken, ws.FeatureCount[i]);
            if (l >= 8 && Vector256.IsHardwareAccelerated)
            {
                // Labels 0..7 in one 256-bit add, the rest (MISC's I- tag) scalar.
                var acc = Vector256<float>.Zero;
                foreach (uint f in feats)
                {
                    int r = (int)(f & (uint)mask);
                    if (rowIndex is not null) r = rowIndex[r];
                    var row = weights.AsSpan(r * l, l);
                    acc += Vector256.Create<float>(row);
                    for (int j = 8; j < row.Length; j++) dst[j] += row[j];
                }
                acc.CopyTo(dst);
            }
            else
            {
                foreach (uint f in feats)
                {
                    int r = (int)(f & (uint)mask);
                    if (rowIndex is not null) r = rowIndex[r];
                    var row = weights.AsSpan(r * l, l);
                    for (int j = 0; j < row.Length; j++) dst[j] += row[j];
                }
            }
        }
    }

    /// <summary>Exact Viterbi over <c>ws.Scores</c>; the best path goes to <c>ws.Path</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Viterbi(NerWorkspace ws, int n, int l, float[] transitions, bool[] allowed, bool useTransitions)
    {
        var scores = ws.Scores;
        var lattice = ws.Lattice;
        var back = ws.Back;
        for (int c = 0; c < l; c++)
            lattice[c] = allowed[l * l + c] ? scores[c] + (useTransitions ? transitions[l * l + c] : 0f) : float.NegativeInfinity;
        for (int i = 1; i < n; i++)
        {
            int cur = i * l, prevBase = (i - 1) * l;
            for (int c = 0; c < l; c++)
            {
                float best = float.NegativeInfinity;
                int arg = 0;
                for (int p = 0; p < l; p++)
                {
                    if (!allowed[p * l + c]) continue;
                    float v = lattice[prevBase + p] + (useTransitions ? transitions[p * l + c] : 0f);
                    if (v > best) { best = v; arg = p; }
                }
                lattice[cur + c] = best + scores[cur + c];
                back[cur + c] = arg;
            }
        }
        int last = (n - 1) * l, bestLabel = 0;
        for (int c = 1; c < l; c++) if (lattice[last + c] > lattice[last + bestLabel]) bestLabel = c;
        var path = ws.Path;
        path[n - 1] = bestLabel;
        for (int i = n - 1; i > 0; i--) path[i - 1] = back[i * l + path[i]];
    }
}
