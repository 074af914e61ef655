using System.Security.Cryptography;
using System.Text;

namespace Marsad.Analysis.Documents;

/// <summary>Stable content identifiers: the same text always gets the same id, whatever file it came from.</summary>
public static class ContentHash
{
    /// <summary>First 16 hex digits (64 bits) of SHA-256 over the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> hash = stackalloc byte[32];
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(max);
        try
        {
            int n = Encoding.UTF8.GetBytes(text, buffer);
            SHA256.HashData(buffer.AsSpan(0, n), hash);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
        return Convert.ToHexStringLower(hash[..8]);
    }
}
