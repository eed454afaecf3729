namespace Wms.Core.Dvc;

/// <summary>One hashed workspace file.</summary>
public sealed record HashedFile(string FullPath, string RelPath, string Md5, long Size);
