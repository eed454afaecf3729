namespace Wms.Core.Dvc;

/// <summary>A hashed directory: its manifest, its files and their total size.</summary>
public sealed record HashedTree(DirManifest Manifest, IReadOnlyList<HashedFile> Files)
{
    public long Size => Files.Sum(f => f.Size);

    public string Oid => Manifest.ComputeOid();
}
