using System.Security.Cryptography;

namespace Wms.Core.Models;

/// <summary>SHA-256 as lowercase hex, the form stored in manifests and registry tags.</summary>
public static class FileHash
{
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

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
