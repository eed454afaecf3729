namespace Wms.Core.Dvc;

/// <summary>An object that could not be moved, and why.</summary>
public sealed record TransferFailure(string Output, string Key, string Reason, WmsErrorKind Kind);

/// <summary>Files in the workspace that a pull would overwrite or delete, so it did not touch them.</summary>
public sealed record CheckoutConflict(string Output, IReadOnlyList<string> Modified, IReadOnlyList<string> New);

/// <summary>What a push or pull did. <see cref="CheckedOut"/> counts workspace files written by a pull.</summary>
public sealed record TransferResult(
    int Transferred,
    int AlreadyPresent,
    int CheckedOut,
    int Removed,
    IReadOnlyList<TransferFailure> Failures,
    IReadOnlyList<CheckoutConflict> Conflicts)
{
    public bool Succeeded => Failures.Count == 0 && Conflicts.Count == 0;
}
