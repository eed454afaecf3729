using Wms.Core.Inference;

namespace Wms.Serving.Models;

/// <summary>
/// A loaded, warmed-up engine and the count of its users: the holder's own reference plus one
/// per prediction in flight. The session is disposed when the last one lets go, so a model
/// swapped out mid-request finishes that request first.
/// </summary>
internal sealed class LoadedModel(SegmentationEngine engine, ModelDescriptor descriptor, Action<ModelDescriptor>? retired = null)
{
    private int _references = 1;

    public SegmentationEngine Engine { get; } = engine;

    public ModelDescriptor Descriptor { get; } = descriptor;

    /// <summary>Takes a reference unless the model is already retired (count reached zero).</summary>
    public bool TryAddReference()
    {
        while (true)
        {
            var current = Volatile.Read(ref _references);
            if (current == 0) return false;
            if (Interlocked.CompareExchange(ref _references, current + 1, current) == current) return true;
        }
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) != 0) return;
        Engine.Dispose();
        retired?.Invoke(Descriptor);
    }
}
