namespace Wms.Core.Dvc;

/// <summary>One hashed workspace file.</summary>
public sealed record HashedFile(string FullPath, string RelPath, string Md5, long Size);

/// <summary>A hashed directory: its manifest, its files and their total size.</summary>
public sealed record HashedTree(DirManifest Manifest, IReadOnlyList<HashedFile> Files)
{
    public long Size => Files.Sum(f => f.Size);

    public string Oid => Manifest.ComputeOid();
}
