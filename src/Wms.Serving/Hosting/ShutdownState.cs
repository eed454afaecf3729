namespace Wms.Serving.Hosting;

/// <summary>Set once shutdown begins, so readiness fails before the server stops listening.</summary>
internal sealed class ShutdownState
{
    private volatile bool _draining;

    public bool IsDraining => _draining;

    public void BeginDraining() => _draining = true;
}
