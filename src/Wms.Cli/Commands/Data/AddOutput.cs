namespace Wms.Cli.Commands.Data;

/// <summary>`wms data add` result.</summary>
internal sealed record AddOutput(string DvcFile, string Path, string Md5, long? Size, int? Nfiles, int FilesCached, int FilesAlreadyCached);
