using System.Security.Cryptography;

namespace Wms.Core.Dvc;

/// <summary>MD5 of files as DVC computes them, streaming (never a whole file in memory).</summary>
public static class Md5Hasher
{
    private const int ChunkSize = 1 << 20;
    private const int TextProbe = 512;

    /// <summary>Lowercase hex MD5 of a file: plain (DVC 3) or dos2unix (DVC 2).</summary>
    public static string HashFile(string path, DvcHashName hashName = DvcHashName.Md5)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return HashStream(stream, hashName);
    }

    public static string HashStream(Stream stream, DvcHashName hashName = DvcHashName.Md5)
    {
        if (hashName == DvcHashName.Md5)
            return Convert.ToHexStringLower(MD5.HashData(stream));

        // DVC 2 reads 1 MiB chunks and, when the first 512 bytes of a chunk look like text, hashes
        // the chunk with CRLF -> LF (dvc_data hash.py, Dos2UnixHashStreamFile).
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = new byte[ChunkSize];
        int read;
        while ((read = ReadFull(stream, buffer)) > 0)
        {
            var chunk = buffer.AsSpan(0, read);
            if (IsTextBlock(chunk[..Math.Min(TextProbe, read)]))
                AppendDos2Unix(md5, chunk);
            else
                md5.AppendData(chunk);
        }
        return Convert.ToHexStringLower(md5.GetHashAndReset());
    }

    /// <summary>DVC's <c>istextblock</c>: no NUL, and at most 30 % of bytes outside printable ASCII and \n\r\t\f\b.</summary>
    internal static bool IsTextBlock(ReadOnlySpan<byte> block)
    {
        if (block.IsEmpty) return true;
        if (block.Contains((byte)0)) return false;
        var nonText = 0;
        foreach (var b in block)
        {
            if (b is not (>= 32 and < 127 or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or (byte)'\b'))
                nonText++;
        }
        return nonText <= 0.30 * block.Length;
    }

    private static void AppendDos2Unix(IncrementalHash md5, ReadOnlySpan<byte> chunk)
    {
        var start = 0;
        for (var i = 0; i + 1 < chunk.Length; i++)
        {
            if (chunk[i] != '\r' || chunk[i + 1] != '\n') continue;
            md5.AppendData(chunk[start..i]);
            start = i + 1; // keep the \n
            i++;
        }
        md5.AppendData(chunk[start..]);
    }

    private static int ReadFull(Stream stream, byte[] buffer)
    {
        var total = 0;
        int n;
        while (total < buffer.Length && (n = stream.Read(buffer, total, buffer.Length - total)) > 0)
            total += n;
        return total;
    }
}
