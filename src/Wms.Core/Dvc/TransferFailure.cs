namespace Wms.Core.Dvc;

/// <summary>An object that could not be moved, and why.</summary>
public sealed record TransferFailure(string Output, string Key, string Reason, WmsErrorKind Kind);
