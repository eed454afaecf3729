namespace Wms.Core.Dvc;

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
