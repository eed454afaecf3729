namespace Wms.Core.Dvc;

/// <summary>Files in the workspace that a pull would overwrite or delete, so it did not touch them.</summary>
public sealed record CheckoutConflict(string Output, IReadOnlyList<string> Modified, IReadOnlyList<string> New);
