namespace Wms.Core.Dvc;

/// <summary>One file of a tracked directory: its MD5 (hex) and its path inside the directory, with <c>/</c>.</summary>
public sealed record ManifestEntry(string Md5, string RelPath);
