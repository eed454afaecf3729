namespace Wms.Serving.Models;

/// <summary>One prediction's hold on a model: the model stays loaded until every lease is disposed.</summary>
internal sealed class ModelLease(LoadedModel model) : IDisposable
{
    private int _disposed;

    public LoadedModel Model { get; } = model;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) Model.Release();
    }
}
