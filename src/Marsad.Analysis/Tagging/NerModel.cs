using System.IO.Compression;
using System.Text;

namespace Marsad.Analysis.Tagging;

/// <summary>A model file whose format or feature-template version this build cannot read.</summary>
public sealed class NerModelFormatException(string message) : Exception(message);

/// <summary>
/// A trained tagger model: the label set (BIO over PER, LOC, ORG, MISC), the feature families it was trained with,
/// a frozen weight table of 2^bits rows × labels indexed by <c>featureHash &amp; (rows − 1)</c>, and the
/// label transition weights (row <c>labels</c> holds the start-of-sentence transitions). Immutable after load;
/// thread-safe for reading.
/// <para>File format (little endian), version <see cref="FormatVersion"/>:</para>
/// <list type="number">
/// <item>magic: the 8 ASCII bytes <c>MRSDNER1</c>;</item>
/// <item>int32 format version; int32 feature-template version (<see cref="NerFeatureExtractor.TemplateVersion"/>);
/// int32 feature-family mask (<see cref="NerFeatureFamilies"/>); int32 hash bits (rows = 2^bits);</item>
/// <item>int32 label count, then each label as a length-prefixed UTF-8 string (BinaryWriter);</item>
/// <item>a length-prefixed UTF-8 description (training command, data, seed);</item>
/// <item>int32 document window of the second stage (sentences on each side; 0 when there is no second stage), then
/// one byte: 1 when a second-stage model follows the weights (written the same way, recursively), else 0;</item>
/// <item>int32 byte length of the GZip block that follows, then the block, holding: float32 transitions [(labels + 1) × labels]; int32 number of stored rows; then per row
/// a 7-bit-encoded gap from the previous stored row index, followed by <c>labels</c> weights as float16.
/// Rows whose weights are all below the pruning threshold are not stored (they load as zero).</item>
/// </list>
/// <para>A two-stage model (<see cref="Next"/>): the second stage sees, besides the usual features, what the first stage
/// tagged at the other occurrences of each word in the document (<see cref="NerDocumentFeatures"/>).</para>
/// </summary>
public sealed class NerModel
{
    /// <summary>Current file-format version.</summary>
    public const int FormatVersion = 2;
    private static readonly byte[] Magic = "MRSDNER1"u8.ToArray();

    /// <summary>Creates a model from its parts (the trainer uses this): <paramref name="weights"/> is the dense table
    /// <c>float[2^hashBits × labels]</c>; only its non-zero rows are kept.</summary>
    public NerModel(IReadOnlyList<string> labels, NerFeatureFamilies families, int hashBits, float[] weights, float[] transitions, string description,
        NerModel? next = null, int documentWindow = 0)
        : this(labels, families, hashBits, Compact(weights, labels ?? throw new ArgumentNullException(nameof(labels)), hashBits), transitions, description, next, documentWindow)
    {
    }

    private NerModel(IReadOnlyList<string> labels, NerFeatureFamilies families, int hashBits, (int[] RowIndex, float[] Rows) table, float[] transitions, string description,
        NerModel? next, int documentWindow)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(transitions);
        if (labels.Count == 0 || labels[0] != "O") throw new ArgumentException("the first label must be O", nameof(labels));
        if (transitions.Length != (labels.Count + 1) * labels.Count) throw new ArgumentException("transitions size must be (labels + 1) × labels", nameof(transitions));
        Labels = [.. labels];
        Families = families;
        HashBits = hashBits;
        RowIndex = table.RowIndex;
        Rows = table.Rows;
        Transitions = transitions;
        Description = description ?? "";
        Allowed = BuildAllowed(Labels);
        if (next is not null && !next.Labels.SequenceEqual(Labels)) throw new ArgumentException("both stages need the same labels", nameof(next));
        Next = next;
        DocumentWindow = next is null ? 0 : documentWindow;
    }

    /// <summary>
    /// Keeps the rows of a dense table that hold a non-zero weight. A trained model uses about a tenth of its 2^20 rows;
    /// the compact table is ~4× smaller in memory, and loading it writes ~8 MB instead of 38 MB of fresh pages, which
    /// is most of a cold load's cost.
    /// </summary>
    private static (int[] RowIndex, float[] Rows) Compact(float[] weights, IReadOnlyList<string> labels, int hashBits)
    {
        ArgumentNullException.ThrowIfNull(weights);
        int l = labels.Count;   // the label set itself is checked by the constructor this feeds
        if (weights.Length != (1L << hashBits) * l) throw new ArgumentException("weights size does not match hash bits × labels", nameof(weights));
        int rows = 1 << hashBits, used = 0;
        var rowIndex = new int[rows];
        for (int r = 0; r < rows; r++)
            if (weights.AsSpan(r * l, l).IndexOfAnyExcept(0f) >= 0) rowIndex[r] = ++used;
        var table = new float[(used + 1) * l];
        for (int r = 0; r < rows; r++)
            if (rowIndex[r] != 0) weights.AsSpan(r * l, l).CopyTo(table.AsSpan(rowIndex[r] * l, l));
        return (rowIndex, table);
    }

    /// <summary>The second stage (document features over this stage's labels), or null for a one-stage model.</summary>
    public NerModel? Next { get; }
    /// <summary>Sentences on each side whose first-stage labels feed the second stage (the window it was trained with).</summary>
    public int DocumentWindow { get; }

    /// <summary>Labels; index 0 is O.</summary>
    public IReadOnlyList<string> Labels { get; }
    public NerFeatureFamilies Families { get; }
    public int HashBits { get; }
    /// <summary>For each of the 2^bits hashed rows, its row in <see cref="Rows"/>; 0 (an all-zero row) when unused.</summary>
    internal int[] RowIndex { get; }
    /// <summary>The used rows' weights <c>[(used + 1) × labels]</c>; row 0 is all zeros.</summary>
    internal float[] Rows { get; }
    internal float[] Transitions { get; }
    /// <summary>Allowed transitions under BIO [(labels + 1) × labels]; the last row is the sentence start.</summary>
    internal bool[] Allowed { get; }
    /// <summary>Free text stored with the model (how it was trained).</summary>
    public string Description { get; }
    /// <summary>Rows stored (those with a non-zero weight when trained or saved).</summary>
    public int UsedRows => Rows.Length / Labels.Count - 1;

    /// <summary>BIO validity: I-X may only follow B-X or I-X (and never start a sentence).</summary>
    internal static bool[] BuildAllowed(IReadOnlyList<string> labels)
    {
        int l = labels.Count;
        var allowed = new bool[(l + 1) * l];
        for (int prev = 0; prev <= l; prev++)
            for (int cur = 0; cur < l; cur++)
            {
                var c = labels[cur];
                bool ok = true;
                if (c.StartsWith("I-", StringComparison.Ordinal))
                {
                    var type = c.AsSpan(2);
                    ok = prev < l && labels[prev].Length > 2 && labels[prev].AsSpan(2).SequenceEqual(type);
                }
                allowed[prev * l + cur] = ok;
            }
        return allowed;
    }

    /// <summary>Writes the model; weights with |w| below <paramref name="pruneBelow"/> in every label are dropped.</summary>
    public void Save(Stream stream, float pruneBelow = 0f)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(NerFeatureExtractor.TemplateVersion);
        w.Write((int)Families);
        w.Write(HashBits);
        w.Write(Labels.Count);
        foreach (var label in Labels) w.Write(label);
        w.Write(Description);
        w.Write(DocumentWindow);
        w.Write(Next is null ? (byte)0 : (byte)1);
        var packed = new MemoryStream();
        using (var gz = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        using (var z = new BinaryWriter(gz, Encoding.UTF8, leaveOpen: true))
        {
            foreach (var t in Transitions) z.Write(t);
            int l = Labels.Count;
            var keep = new List<int>();
            for (int r = 0; r < RowIndex.Length; r++)
            {
                if (RowIndex[r] == 0) continue;
                foreach (float v in Rows.AsSpan(RowIndex[r] * l, l))
                    if (v != 0 && MathF.Abs(v) >= pruneBelow) { keep.Add(r); break; }
            }
            z.Write(keep.Count);
            int last = 0;
            foreach (int r in keep)
            {
                z.Write7BitEncodedInt(r - last);
                last = r;
                foreach (float v in Rows.AsSpan(RowIndex[r] * l, l)) z.Write((Half)v);
            }
        }
        w.Write(checked((int)packed.Length));
        w.Write(packed.GetBuffer(), 0, (int)packed.Length);
        w.Flush();
        Next?.Save(stream, pruneBelow);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="NerModelFormatException">not a model file, or a format/template version this build does not read.</exception>
    public static NerModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var magic = r.ReadBytes(Magic.Length);
        if (!magic.AsSpan().SequenceEqual(Magic)) throw new NerModelFormatException("not a Marsad NER model (bad magic bytes)");
        int format = r.ReadInt32();
        if (format != FormatVersion)
            throw new NerModelFormatException($"model file format version {format}; this build reads version {FormatVersion}");
        int template = r.ReadInt32();
        if (template != NerFeatureExtractor.TemplateVersion)
            throw new NerModelFormatException($"model feature-template version {template}; this build extracts version {NerFeatureExtractor.TemplateVersion}: retrain the model");
        var families = (NerFeatureFamilies)r.ReadInt32();
        int bits = r.ReadInt32();
        if (bits is < 4 or > 26) throw new NerModelFormatException($"bad hash bits {bits}");
        int l = r.ReadInt32();
        if (l is < 1 or > 64) throw new NerModelFormatException($"bad label count {l}");
        var labels = new string[l];
        for (int i = 0; i < l; i++) labels[i] = r.ReadString();
        string description = r.ReadString();
        int documentWindow = r.ReadInt32();
        bool hasNext = r.ReadByte() == 1;
        int packedLength = r.ReadInt32();
        if (packedLength < 0) throw new NerModelFormatException("bad weight block length");
        var packed = r.ReadBytes(packedLength);
        if (packed.Length != packedLength) throw new NerModelFormatException("truncated model file");
        var (transitions, table) = ReadWeights(new MemoryStream(packed), bits, l);
        var next = hasNext ? Load(stream) : null;
        return new NerModel(labels, families, bits, table, transitions, description, next, documentWindow);
    }

    private static (float[] Transitions, (int[] RowIndex, float[] Rows) Table) ReadWeights(Stream stream, int bits, int l)
    {
        using var gz = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var buffered = new BufferedStream(gz, 1 << 16);
        using var z = new BinaryReader(buffered, Encoding.UTF8, leaveOpen: true);
        var transitions = new float[(l + 1) * l];
        for (int i = 0; i < transitions.Length; i++) transitions[i] = z.ReadSingle();
        var rowIndex = new int[1 << bits];
        int count = z.ReadInt32();
        if (count < 0 || count > rowIndex.Length) throw new NerModelFormatException($"bad stored row count {count}");
        var rows = new float[(count + 1) * l];
        int row = 0;
        for (int k = 1; k <= count; k++)
        {
            row += z.Read7BitEncodedInt();
            if ((uint)row >= (uint)rowIndex.Length) throw new NerModelFormatException("weight row out of range");
            rowIndex[row] = k;
            for (int j = 0; j < l; j++) rows[k * l + j] = (float)z.ReadHalf();
        }
        return (transitions, (rowIndex, rows));
    }
}
