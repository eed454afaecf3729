using System.Security.Cryptography;

namespace Wms.Core.Models;

/// <summary>SHA-256 as lowercase hex, the form stored in manifests and registry tags.</summary>
public static class FileHash
{
    /// <summary>Hash of bytes in memory.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Hash of a file, streamed; an unreadable file is a <see cref="WmsException"/> naming it.</summary>
    public static string Sha256(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WmsException($"{path}: cannot read file ({e.Message})");
        }
    }
}
