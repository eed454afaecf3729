using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Wms.Core.Dvc;

/// <summary>
/// A DVC <c>.dir</c> manifest: the file list of a tracked directory (ECOSYSTEM.md §a.2). Its bytes
/// are <c>json.dumps(entries, sort_keys=True)</c>; its id is their MD5 plus <c>".dir"</c>.
/// </summary>
public sealed class DirManifest
{
    /// <summary>Entries sorted by <see cref="ManifestEntry.RelPath"/> in code-point order, as DVC sorts them.</summary>
    public IReadOnlyList<ManifestEntry> Entries { get; }

    public DirManifest(IEnumerable<ManifestEntry> entries)
    {
        var sorted = entries.ToList();
        // Ordinal UTF-16 order equals Python's code-point order except for non-BMP characters
        // against U+E000..U+FFFF, which do not occur in photo file names.
        sorted.Sort((a, b) => string.CompareOrdinal(a.RelPath, b.RelPath));
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].RelPath == sorted[i - 1].RelPath)
                throw new WmsException($"manifest lists '{sorted[i].RelPath}' twice");
        }
        Entries = sorted;
    }

    /// <summary>The exact bytes DVC stores in the cache and on the remote.</summary>
    public byte[] ToBytes()
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < Entries.Count; i++)
        {
            if (i > 0) json.Append(", ");
            json.Append("{\"md5\": ");
            PythonJson.WriteString(json, Entries[i].Md5);
            json.Append(", \"relpath\": ");
            PythonJson.WriteString(json, Entries[i].RelPath);
            json.Append('}');
        }
        json.Append(']');
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    /// <summary>The object id: MD5 of <see cref="ToBytes"/> in hex, plus <c>".dir"</c>.</summary>
    public string ComputeOid() => Convert.ToHexStringLower(MD5.HashData(ToBytes())) + DvcOid.DirSuffix;

    /// <summary>
    /// Reads a manifest written by DVC 2 or 3 (any JSON layout; entries may carry extra keys such as
    /// <c>size</c>, which are ignored). <paramref name="name"/> names the file in errors.
    /// </summary>
    public static DirManifest Parse(ReadOnlySpan<byte> json, string name)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new WmsException($"{name}: not a DVC directory manifest (a JSON list expected)", WmsErrorKind.DataInvalid);
            var entries = new List<ManifestEntry>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("md5", out var md5) || md5.ValueKind != JsonValueKind.String
                    || !item.TryGetProperty("relpath", out var relpath) || relpath.ValueKind != JsonValueKind.String)
                    throw new WmsException($"{name}: manifest entry without \"md5\" and \"relpath\" strings", WmsErrorKind.DataInvalid);
                var entry = new ManifestEntry(md5.GetString()!, relpath.GetString()!);
                CheckEntry(entry, name);
                entries.Add(entry);
            }
            return new DirManifest(entries);
        }
        catch (JsonException e)
        {
            throw new WmsException($"{name}: not a DVC directory manifest ({e.Message})", WmsErrorKind.DataInvalid, e);
        }
    }

    private static void CheckEntry(ManifestEntry entry, string name)
    {
        if (!DvcOid.IsFileMd5(entry.Md5))
            throw new WmsException($"{name}: '{entry.RelPath}' has an invalid md5 '{entry.Md5}'", WmsErrorKind.DataInvalid);
        // A manifest comes from a remote: never let it write outside the tracked directory.
        var parts = entry.RelPath.Split('/');
        if (entry.RelPath.Length == 0 || entry.RelPath.Contains('\\') || entry.RelPath.Contains('\0')
            || parts.Any(p => p is "" or "." or ".."))
            throw new WmsException($"{name}: unsafe path '{entry.RelPath}' in manifest", WmsErrorKind.DataInvalid);
    }
}
