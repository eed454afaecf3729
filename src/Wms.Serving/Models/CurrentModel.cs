namespace Wms.Serving.Models;

/// <summary>
/// The model predictions use now. A new model is swapped in atomically; the old one is released
/// and lives on until its last in-flight prediction ends.
/// </summary>
internal sealed class CurrentModel : IDisposable
{
    private LoadedModel? _current;

    public ModelDescriptor? Descriptor => Volatile.Read(ref _current)?.Descriptor;

    public bool IsLoaded => Volatile.Read(ref _current) is not null;

    /// <summary>A lease on the current model, or null when none is loaded.</summary>
    public ModelLease? Acquire()
    {
        while (true)
        {
            var model = Volatile.Read(ref _current);
            if (model is null) return null;
            if (model.TryAddReference()) return new ModelLease(model);
            // Swapped out and retired between the read and the reference: read the new one.
        }
    }

    /// <summary>Makes <paramref name="next"/> current; the previous model retires after its last lease.</summary>
    public void Swap(LoadedModel next) => Interlocked.Exchange(ref _current, next)?.Release();

    public void Dispose() => Interlocked.Exchange(ref _current, null)?.Release();
}
