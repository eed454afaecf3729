namespace Wms.Core.Dvc;

/// <summary>What <see cref="DvcAdd.Add"/> did.</summary>
public sealed record AddResult(string DvcFilePath, DvcOut Out, int FilesCached, int FilesAlreadyCached);
