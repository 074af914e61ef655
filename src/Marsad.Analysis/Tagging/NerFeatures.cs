using System.Runtime.CompilerServices;
using Marsad.Analysis.Tokenization;

namespace Marsad.Analysis.Tagging;

/// <summary>The feature families of the tagger; each can be switched off to measure what it brings (ablation).</summary>
[Flags]
public enum NerFeatureFamilies
{
    None = 0,
    /// <summary>The surface word and its normalized form.</summary>
    Surface = 1,
    /// <summary>Normalized words at offsets ±1, ±2 and the two word bigrams around the token.</summary>
    Neighbours = 2,
    /// <summary>Proclitic pattern (و ف ب ل ك ال) and the stripped stem, for the token and its neighbours.</summary>
    Clitics = 4,
    /// <summary>Prefixes and suffixes of 1–4 letters of the normalized word.</summary>
    Affixes = 8,
    /// <summary>Word shape (script class × length), shape bigrams, sentence-initial position.</summary>
    Shape = 16,
    /// <summary>Gazetteer membership (begin/inside/single per lexicon type, and of the neighbours).</summary>
    Gazetteer = 32,
    /// <summary>Trigger words or phrases just before the token (الرئيس، وزير، وكالة، مدينة …) or containing it.</summary>
    Triggers = 64,
    /// <summary>Distributional word clusters (fine and coarse) of the token, its stem and its neighbours.</summary>
    Clusters = 128,
    /// <summary>Tag history: learned label-to-label transition weights used by Viterbi (off = only BIO validity).</summary>
    TagHistory = 256,
    /// <summary>Letter trigrams inside the proclitic-stripped stem (with word-boundary marks), for unseen names.</summary>
    CharNgrams = 512,
    /// <summary>
    /// Quoted spans: a token between « » or "…" quotes (first, inside, last or only word of a short quoted run), alone
    /// and with the word just before the opening quote (برنامج « … », استاد " … ", بعنوان « … »).
    /// </summary>
    Quotes = 1024,
    /// <summary>
    /// Clusters of skip-gram word embeddings at several granularities (the extra levels of <see cref="WordClusters"/>):
    /// of the token, of its stem, and at two levels of its neighbours.
    /// </summary>
    Embeddings = 4096,
    /// <summary>
    /// Self-training: the token begins, continues or is a name that the tagger itself tagged often and consistently in
    /// raw news (lexicon types <see cref="LexiconType.AutoPerson"/> … <see cref="LexiconType.AutoMisc"/>), and at ±1.
    /// Not part of <see cref="All"/>: it lowered dev F1 (see the tagging README); <c>ner train --with selftrained</c>.
    /// </summary>
    SelfTrained = 8192,
    /// <summary>
    /// Sentence topic (sports, cars, arts, politics, economy: topic words of the lexicon anywhere in the sentence)
    /// conjoined with the token's lexicon types, its coarsest embedding cluster and its shape: a city in a sports
    /// sentence is usually a club (ORG), an unknown foreign word in a motoring sentence a maker or a model.
    /// </summary>
    Topics = 16384,
    /// <summary>
    /// Raw-news context signatures (<see cref="WordSignatures"/>) of the word and of its stem: how often it follows
    /// person, organization and place triggers, and how often its stem takes the article.
    /// </summary>
    Signatures = 32768,
    /// <summary>Every default single-stage family (the default feature set of a first stage).</summary>
    All = 2047 | Embeddings | Topics | Signatures,
    /// <summary>
    /// A second stage over document features (<see cref="NerDocumentFeatures"/>): how the first stage tagged the
    /// other occurrences of each word nearby. Not part of <see cref="All"/>; a model trained with it has two stages.
    /// </summary>
    Document = 2048,
}

/// <summary>Tokens of one sentence as spans, without copying (a struct so the extractor is specialized per source).</summary>
public interface INerTokenSource
{
    /// <summary>Number of tokens.</summary>
    int Count { get; }
    /// <summary>The surface text of token <paramref name="index"/>.</summary>
    ReadOnlySpan<char> this[int index] { get; }
}

/// <summary>Tokens given as separate strings (CoNLL input).</summary>
public readonly struct StringTokens(IReadOnlyList<string> tokens) : INerTokenSource
{
    public int Count => tokens.Count;
    public ReadOnlySpan<char> this[int index] => tokens[index];
}

/// <summary>A run of tokenizer tokens inside an original text.</summary>
public readonly struct TextTokens(string text, IReadOnlyList<Token> tokens, int first, int count) : INerTokenSource
{
    public int Count => count;
    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            var t = tokens[first + index];
            return text.AsSpan(t.Start, t.End - t.Start);
        }
    }
}

/// <summary>
/// Per-sentence scratch space of the extractor and decoder: grown on demand, reused between sentences.
/// Not thread-safe: one per thread (the tagger keeps a thread-static one).
/// </summary>
public sealed class NerWorkspace
{
    internal const int MaxFeaturesPerToken = 128;
    internal const int Variants = 2;
    internal const int MaxTokenLength = 64;
    internal int Capacity;
    internal char[] Norm = [];
    internal int[] NormLen = [];
    internal int[] StemOffset = [];
    internal int[] Proclitics = [];
    internal int[] ShapeCode = [];
    /// <summary>Topic bits of the current sentence (see <see cref="NerFeatureFamilies.Topics"/>).</summary>
    internal int SentenceTopics;
    internal int[] QuotePos = [];
    internal ulong[] QuoteLead = [];
    internal ulong[] SurfaceHash = [];
    internal ulong[] NormHash = [];
    internal ulong[] StemHash = [];
    internal ulong[] VariantHash = [];
    internal int[] Fine = [];
    internal int[] Coarse = [];
    internal int[] StemFine = [];
    internal const int MaxEmbeddingLevels = 6;
    internal int[] Emb = [];
    internal int[] StemEmb = [];
    internal int[] Signature = [];
    internal int[] StemSignature = [];
    internal ushort[] GazBegin = [];
    internal ushort[] GazInside = [];
    internal ushort[] GazEnd = [];
    internal uint[] Features = [];
    internal int[] FeatureCount = [];
    internal float[] Scores = [];
    internal float[] Lattice = [];
    internal int[] Back = [];
    internal int[] Path = [];

    internal void Ensure(int n, int labels)
    {
        if (n <= Capacity && Scores.Length >= n * labels) return;
        int c = Math.Max(Math.Max(n, 64), Capacity * 2);
        Capacity = c;
        Norm = new char[c * MaxTokenLength];
        NormLen = new int[c];
        StemOffset = new int[c];
        Proclitics = new int[c];
        ShapeCode = new int[c];
        QuotePos = new int[c];
        QuoteLead = new ulong[c];
        SurfaceHash = new ulong[c];
        NormHash = new ulong[c];
        StemHash = new ulong[c];
        VariantHash = new ulong[c * Variants];
        Fine = new int[c];
        Coarse = new int[c];
        StemFine = new int[c];
        Emb = new int[c * MaxEmbeddingLevels];
        StemEmb = new int[c * MaxEmbeddingLevels];
        Signature = new int[c];
        StemSignature = new int[c];
        GazBegin = new ushort[c];
        GazInside = new ushort[c];
        GazEnd = new ushort[c];
        Features = new uint[c * MaxFeaturesPerToken];
        FeatureCount = new int[c];
        Scores = new float[c * Math.Max(labels, 1)];
        Lattice = new float[c * Math.Max(labels, 1)];
        Back = new int[c * Math.Max(labels, 1)];
        Path = new int[c];
    }

    internal ReadOnlySpan<char> NormOf(int i) => Norm.AsSpan(i * MaxTokenLength, NormLen[i]);
}

/// <summary>
/// Turns a sentence into hashed features (32-bit ints, one list per token). Feature = hash(template id, value hash),
/// where value hashes are computed once per token. Template ids are part of <see cref="TemplateVersion"/>: change
/// any template and bump the version, so old model files are refused instead of silently misread.
/// Immutable and thread-safe; per-call scratch lives in a <see cref="NerWorkspace"/>.
/// </summary>
public sealed class NerFeatureExtractor(NerFeatureFamilies families, NerLexicon lexicon, WordClusters clusters)
{
    /// <summary>Version of the feature templates (stored in model files).</summary>
    public const int TemplateVersion = 4;

    private const ulong Bos = 0x5EED_0000_0000_0001UL, Eos = 0x5EED_0000_0000_0002UL;
    private const ushort EntityTypes = (1 << 7) - 1;      // lexicon types 0..6
    private const ushort TriggerTypes = 7 << 7;          // lexicon types 7..9
    private const ushort AutoTypes = 15 << 10;           // lexicon types 10..13

    public NerFeatureFamilies Families { get; } = families;
    public NerLexicon Lexicon { get; } = lexicon;
    public WordClusters Clusters { get; } = clusters;

    private enum T : ulong
    {
        Bias = 1, Word, Norm, NormM1, NormP1, NormM2, NormP2, BigramL, BigramR,
        Stem, Proc, StemM1, StemP1, Prefix1, Prefix2, Prefix3, Prefix4, Suffix1, Suffix2, Suffix3, Suffix4,
        Shape, ShapeL, ShapeR, First, GazBegin, GazInside, GazSingle, GazPrev, GazNext, GazStemSingle,
        Trig1, Trig2, TrigSelf, Trig1Gaz, Fine, Coarse, FineM1, FineP1, CoarseL, CoarseR, StemFine, ProcShape,
        Trigram, StemSuffix2, StemSuffix3, StemPrefix2, StemPrefix3, QuoteIn, QuoteLeadIn,
        Emb, StemEmb, EmbM1, EmbP1, AutoBegin, AutoInside, AutoSingle, AutoPrev, AutoNext,
        TopicGaz, TopicEmb, TopicShape, Sig, SigPart, StemSig, StemSigPart,
    }

    /// <summary>The bias feature every token has (the trainer shifts its O weight to trade precision for recall).</summary>
    internal static uint BiasFeature => F(T.Bias, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint F(T template, ulong value) => (uint)NerText.Combine((ulong)template, value);

    /// <summary>Computes the features of every token of a sentence into <paramref name="ws"/>.</summary>
    public void Extract<TSource>(TSource tokens, NerWorkspace ws, int labels) where TSource : INerTokenSource
    {
        int n = tokens.Count;
        ws.Ensure(n, labels);
        Prepare(tokens, ws, n);
        for (int i = 0; i < n; i++) Emit(ws, i, n);
    }

    private void Prepare<TSource>(TSource tokens, NerWorkspace ws, int n) where TSource : INerTokenSource
    {
        bool useClusters = (Families & NerFeatureFamilies.Clusters) != 0;
        bool useEmbeddings = (Families & NerFeatureFamilies.Embeddings) != 0;
        int embLevels = Math.Min(Clusters.ClusterLevels - 2, NerWorkspace.MaxEmbeddingLevels);
        int signatureLevel = (Families & NerFeatureFamilies.Signatures) != 0 ? Clusters.SignatureLevel : -1;
        for (int i = 0; i < n; i++)
        {
            var surface = tokens[i];
            if (surface.Length > NerWorkspace.MaxTokenLength) surface = surface[..NerWorkspace.MaxTokenLength];
            var normDst = ws.Norm.AsSpan(i * NerWorkspace.MaxTokenLength, NerWorkspace.MaxTokenLength);
            int len = NerText.Normalize(surface, normDst);
            ws.NormLen[i] = len;
            var norm = normDst[..len];
            int strip = NerText.StripProclitics(norm, out int pattern);
            ws.StemOffset[i] = strip;
            ws.Proclitics[i] = pattern;
            ws.ShapeCode[i] = NerText.Shape(norm);
            ws.SurfaceHash[i] = NerText.Hash(surface);
            ulong nh = NerText.Hash(norm);
            ws.NormHash[i] = nh;
            ulong sh = strip == 0 ? nh : NerText.Hash(norm[strip..]);
            ws.StemHash[i] = sh;
            // Proclitic-stripped starts for lexicon matches: the full strip, and the strip that keeps the article.
            ws.VariantHash[i * NerWorkspace.Variants] = strip == 0 ? 0 : sh;
            ws.VariantHash[i * NerWorkspace.Variants + 1] =
                (pattern & 4) != 0 && (pattern & 3) != 0 && strip >= 3 && norm[strip - 2] == '\u0627' ? NerText.Hash(norm[(strip - 2)..]) : 0;
            if (useClusters || useEmbeddings || signatureLevel >= 0)
            {
                // One lookup of the word and one of its stem serve the PPMI levels, the embedding levels and the signature.
                int row = Clusters.Find(norm), stemRow = strip == 0 ? row : Clusters.Find(norm[strip..]);
                ws.Fine[i] = Clusters.Get(row, 0);
                ws.Coarse[i] = Clusters.Get(row, 1);
                ws.StemFine[i] = Clusters.Get(stemRow, 0);
                ws.Signature[i] = Clusters.Get(row, signatureLevel);
                ws.StemSignature[i] = strip == 0 ? -2 : Clusters.Get(stemRow, signatureLevel);
                for (int l = 0; l < embLevels; l++)
                {
                    ws.Emb[i * NerWorkspace.MaxEmbeddingLevels + l] = Clusters.Get(row, l + 2);
                    ws.StemEmb[i * NerWorkspace.MaxEmbeddingLevels + l] = Clusters.Get(stemRow, l + 2);
                }
            }
        }
        if ((Families & NerFeatureFamilies.Quotes) != 0) MarkQuotes(tokens, ws, n);
        ws.SentenceTopics = 0;
        if ((Families & NerFeatureFamilies.Topics) != 0 && Lexicon.TopicWords != 0)
            for (int i = 0; i < n; i++) ws.SentenceTopics |= Lexicon.TopicsOf(ws.NormHash[i]) | Lexicon.TopicsOf(ws.StemHash[i]);
        if ((Families & (NerFeatureFamilies.Gazetteer | NerFeatureFamilies.Triggers | NerFeatureFamilies.SelfTrained)) != 0)
            Lexicon.MarkMatches(ws.NormHash.AsSpan(0, n), ws.VariantHash.AsSpan(0, n * NerWorkspace.Variants), NerWorkspace.Variants,
                ws.GazBegin, ws.GazInside, ws.GazEnd);
    }

    /// <summary>Longest quoted run (in tokens) that counts as a quoted name or title.</summary>
    private const int MaxQuoted = 8;

    private static bool IsQuote(ReadOnlySpan<char> token) => token.Length == 1 && token[0] is '«' or '»' or '"' or '\u201C' or '\u201D' or '\u201E';

    /// <summary>
    /// Marks tokens inside short quoted runs: QuotePos 1 first, 2 inside, 3 last, 4 only word (0 = not quoted);
    /// QuoteLead is the normalized hash of the word before the opening quote.
    /// </summary>
    private static void MarkQuotes<TSource>(TSource tokens, NerWorkspace ws, int n) where TSource : INerTokenSource
    {
        Array.Clear(ws.QuotePos, 0, n);
        int i = 0;
        while (i < n)
        {
            if (!IsQuote(tokens[i])) { i++; continue; }
            int close = i + 1;
            while (close < n && close - i <= MaxQuoted + 1 && !IsQuote(tokens[close])) close++;
            if (close >= n || close - i > MaxQuoted + 1 || close == i + 1) { i++; continue; }
            ulong lead = i > 0 ? ws.NormHash[i - 1] : Bos;
            for (int j = i + 1; j < close; j++)
            {
                ws.QuotePos[j] = close - i == 2 ? 4 : j == i + 1 ? 1 : j == close - 1 ? 3 : 2;
                ws.QuoteLead[j] = lead;
            }
            i = close + 1;
        }
    }

    private void Emit(NerWorkspace ws, int i, int n)
    {
        var f = ws.Features.AsSpan(i * NerWorkspace.MaxFeaturesPerToken, NerWorkspace.MaxFeaturesPerToken);
        int k = 0;
        var fam = Families;
        f[k++] = F(T.Bias, 0);
        if ((fam & NerFeatureFamilies.Surface) != 0)
        {
            f[k++] = F(T.Word, ws.SurfaceHash[i]);
            f[k++] = F(T.Norm, ws.NormHash[i]);
        }
        if ((fam & NerFeatureFamilies.Neighbours) != 0)
        {
            ulong m1 = i > 0 ? ws.NormHash[i - 1] : Bos, p1 = i + 1 < n ? ws.NormHash[i + 1] : Eos;
            f[k++] = F(T.NormM1, m1);
            f[k++] = F(T.NormP1, p1);
            f[k++] = F(T.NormM2, i > 1 ? ws.NormHash[i - 2] : Bos);
            f[k++] = F(T.NormP2, i + 2 < n ? ws.NormHash[i + 2] : Eos);
            f[k++] = F(T.BigramL, NerText.Combine(m1, ws.NormHash[i]));
            f[k++] = F(T.BigramR, NerText.Combine(ws.NormHash[i], p1));
        }
        if ((fam & NerFeatureFamilies.Clitics) != 0)
        {
            f[k++] = F(T.Stem, ws.StemHash[i]);
            f[k++] = F(T.Proc, (ulong)ws.Proclitics[i]);
            f[k++] = F(T.StemM1, i > 0 ? ws.StemHash[i - 1] : Bos);
            f[k++] = F(T.StemP1, i + 1 < n ? ws.StemHash[i + 1] : Eos);
            f[k++] = F(T.ProcShape, (ulong)(ws.Proclitics[i] * 64 + ws.ShapeCode[i]));
            var stem = ws.NormOf(i)[ws.StemOffset[i]..];
            if (stem.Length > 3)
            {
                f[k++] = F(T.StemPrefix2, NerText.Hash(stem[..2]));
                f[k++] = F(T.StemPrefix3, NerText.Hash(stem[..3]));
                f[k++] = F(T.StemSuffix2, NerText.Hash(stem[^2..]));
                f[k++] = F(T.StemSuffix3, NerText.Hash(stem[^3..]));
            }
        }
        if ((fam & NerFeatureFamilies.CharNgrams) != 0)
        {
            var stem = ws.NormOf(i)[ws.StemOffset[i]..];
            if (stem.Length >= 3 && NerText.ShapeClass(stem) == 1)
            {
                // Boundary-marked trigrams: ^ab, abc, …, yz$ (at most 12).
                f[k++] = F(T.Trigram, NerText.Combine('^', NerText.Hash(stem[..2])));
                int last = Math.Min(stem.Length - 3, 10);
                for (int a = 0; a <= last; a++) f[k++] = F(T.Trigram, NerText.Hash(stem.Slice(a, 3)));
                f[k++] = F(T.Trigram, NerText.Combine('$', NerText.Hash(stem[^2..])));
            }
        }
        if ((fam & NerFeatureFamilies.Affixes) != 0)
        {
            var norm = ws.NormOf(i);
            for (int a = 1; a <= 4 && a < norm.Length; a++)
            {
                f[k++] = F(T.Prefix1 + (ulong)(a - 1), NerText.Hash(norm[..a]));
                f[k++] = F(T.Suffix1 + (ulong)(a - 1), NerText.Hash(norm[^a..]));
            }
        }
        if ((fam & NerFeatureFamilies.Shape) != 0)
        {
            int s = ws.ShapeCode[i];
            f[k++] = F(T.Shape, (ulong)s);
            f[k++] = F(T.ShapeL, (ulong)((i > 0 ? ws.ShapeCode[i - 1] : 255) * 256 + s));
            f[k++] = F(T.ShapeR, (ulong)(s * 256 + (i + 1 < n ? ws.ShapeCode[i + 1] : 255)));
            if (i == 0) f[k++] = F(T.First, 1);
        }
        if ((fam & NerFeatureFamilies.Quotes) != 0 && ws.QuotePos[i] != 0)
        {
            f[k++] = F(T.QuoteIn, (ulong)ws.QuotePos[i]);
            f[k++] = F(T.QuoteLeadIn, NerText.Combine(ws.QuoteLead[i], (ulong)ws.QuotePos[i]));
        }
        if ((fam & NerFeatureFamilies.Gazetteer) != 0)
        {
            k = EmitBits(f, k, T.GazBegin, (ushort)(ws.GazBegin[i] & EntityTypes));
            k = EmitBits(f, k, T.GazInside, (ushort)(ws.GazInside[i] & EntityTypes));
            k = EmitBits(f, k, T.GazSingle, (ushort)(ws.GazBegin[i] & ws.GazEnd[i] & ~ws.GazInside[i] & EntityTypes));
            if (i > 0) k = EmitBits(f, k, T.GazPrev, (ushort)((ws.GazBegin[i - 1] | ws.GazInside[i - 1]) & EntityTypes));
            if (i + 1 < n) k = EmitBits(f, k, T.GazNext, (ushort)((ws.GazBegin[i + 1] | ws.GazInside[i + 1]) & EntityTypes));
        }
        if ((fam & NerFeatureFamilies.SelfTrained) != 0)
        {
            k = EmitBits(f, k, T.AutoBegin, (ushort)(ws.GazBegin[i] & ~ws.GazEnd[i] & AutoTypes));
            k = EmitBits(f, k, T.AutoInside, (ushort)(ws.GazInside[i] & AutoTypes));
            k = EmitBits(f, k, T.AutoSingle, (ushort)(ws.GazBegin[i] & ws.GazEnd[i] & ~ws.GazInside[i] & AutoTypes));
            if (i > 0) k = EmitBits(f, k, T.AutoPrev, (ushort)((ws.GazBegin[i - 1] | ws.GazInside[i - 1]) & AutoTypes));
            if (i + 1 < n) k = EmitBits(f, k, T.AutoNext, (ushort)((ws.GazBegin[i + 1] | ws.GazInside[i + 1]) & AutoTypes));
        }
        if ((fam & NerFeatureFamilies.Triggers) != 0)
        {
            ushort t1 = i > 0 ? (ushort)(ws.GazEnd[i - 1] & TriggerTypes) : (ushort)0;
            ushort t2 = i > 1 ? (ushort)(ws.GazEnd[i - 2] & TriggerTypes) : (ushort)0;
            k = EmitBits(f, k, T.Trig1, t1);
            k = EmitBits(f, k, T.Trig2, t2);
            k = EmitBits(f, k, T.TrigSelf, (ushort)((ws.GazBegin[i] | ws.GazInside[i]) & TriggerTypes));
            if (t1 != 0) f[k++] = F(T.Trig1Gaz, (ulong)(t1 * 256 + ((ws.GazBegin[i] | ws.GazInside[i]) & EntityTypes)));
        }
        if ((fam & NerFeatureFamilies.Clusters) != 0)
        {
            int c = ws.Fine[i], cc = ws.Coarse[i];
            f[k++] = F(T.Fine, (ulong)(c + 1));
            f[k++] = F(T.Coarse, (ulong)(cc + 1));
            f[k++] = F(T.StemFine, (ulong)(ws.StemFine[i] + 1));
            f[k++] = F(T.FineM1, (ulong)(i > 0 ? ws.Fine[i - 1] + 1 : 100_000));
            f[k++] = F(T.FineP1, (ulong)(i + 1 < n ? ws.Fine[i + 1] + 1 : 100_000));
            f[k++] = F(T.CoarseL, (ulong)((i > 0 ? ws.Coarse[i - 1] + 1 : 100_000) * 1_000_000L + cc + 1));
            f[k++] = F(T.CoarseR, (ulong)((i + 1 < n ? ws.Coarse[i + 1] + 1 : 100_000) * 1_000_000L + cc + 1));
        }
        if ((fam & NerFeatureFamilies.Embeddings) != 0) k = EmitEmbeddings(ws, f, k, i, n);
        if (ws.SentenceTopics != 0) k = EmitTopics(ws, f, k, i);
        if ((fam & NerFeatureFamilies.Signatures) != 0 && Clusters.SignatureLevel >= 0)
        {
            k = EmitSignature(f, k, T.Sig, T.SigPart, ws.Signature[i]);
            if (ws.StemSignature[i] != -2) k = EmitSignature(f, k, T.StemSig, T.StemSigPart, ws.StemSignature[i]);
        }
        ws.FeatureCount[i] = k;
    }

    /// <summary>
    /// Embedding-cluster features: the token's id at every level, its stem's id at every level (when the stem differs
    /// from the word; an unknown word or stem gives id −1, itself a feature), and the ids of the words at ±1 at the
    /// coarsest and the finest level.
    /// </summary>
    private int EmitEmbeddings(NerWorkspace ws, Span<uint> f, int k, int i, int n)
    {
        int levels = Math.Min(Clusters.ClusterLevels - 2, NerWorkspace.MaxEmbeddingLevels);
        if (levels <= 0) return k;
        const int L = NerWorkspace.MaxEmbeddingLevels;
        int at = i * L;
        for (int l = 0; l < levels; l++)
        {
            f[k++] = F(T.Emb, (ulong)(l * 100_000 + ws.Emb[at + l] + 1));
            if (ws.StemOffset[i] != 0) f[k++] = F(T.StemEmb, (ulong)(l * 100_000 + ws.StemEmb[at + l] + 1));
        }
        foreach (int l in (ReadOnlySpan<int>)[0, levels - 1])
        {
            f[k++] = F(T.EmbM1, (ulong)(l * 100_000 + (i > 0 ? ws.Emb[at - L + l] + 1 : 99_999)));
            f[k++] = F(T.EmbP1, (ulong)(l * 100_000 + (i + 1 < n ? ws.Emb[at + L + l] + 1 : 99_999)));
        }
        return k;
    }

    /// <summary>A signature code whole, and each of its parts (trigger shares by kind, article share); −1 = no signature.</summary>
    private static int EmitSignature(Span<uint> f, int k, T whole, T part, int code)
    {
        f[k++] = F(whole, (ulong)(code + 1));
        if (code < 0) return k;
        for (int kind = 0; kind < 3; kind++) f[k++] = F(part, (ulong)(kind * 4 + WordSignatures.TriggerShare(code, kind)));
        f[k++] = F(part, (ulong)(12 + WordSignatures.ArticleShare(code)));
        return k;
    }

    /// <summary>Per topic of the sentence: topic × the token's entity lexicon types, × its coarsest embedding cluster, × its shape.</summary>
    private int EmitTopics(NerWorkspace ws, Span<uint> f, int k, int i)
    {
        int gaz = (ws.GazBegin[i] | ws.GazInside[i]) & EntityTypes;
        int emb = Clusters.ClusterLevels > 2 ? ws.Emb[i * NerWorkspace.MaxEmbeddingLevels] + 1 : 0;
        for (int topics = ws.SentenceTopics; topics != 0 && k + 3 <= f.Length; topics &= topics - 1)
        {
            ulong t = (ulong)System.Numerics.BitOperations.TrailingZeroCount(topics) << 32;
            if (gaz != 0) f[k++] = F(T.TopicGaz, t + (ulong)gaz);
            f[k++] = F(T.TopicEmb, t + (ulong)emb);
            f[k++] = F(T.TopicShape, t + (ulong)ws.ShapeCode[i]);
        }
        return k;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EmitBits(Span<uint> f, int k, T template, ushort bits)
    {
        while (bits != 0 && k < f.Length)
        {
            int b = System.Numerics.BitOperations.TrailingZeroCount(bits);
            f[k++] = F(template, (ulong)b);
            bits &= (ushort)(bits - 1);
        }
        return k;
    }
}
