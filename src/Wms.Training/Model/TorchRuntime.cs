using static TorchSharp.torch;

namespace Wms.Training.Model;

/// <summary>Process-wide libtorch settings, set once before any work.</summary>
public static class TorchRuntime
{
    private static readonly Lock Gate = new();
    private static int _threads;

    /// <summary>Sets the intra-op thread count (0 = all cores). libtorch allows inter-op threads to be set only once.</summary>
    public static void Configure(int threads)
    {
        lock (Gate)
        {
            var wanted = threads > 0 ? threads : Environment.ProcessorCount;
            if (_threads == wanted) return;
            set_num_threads(wanted);
            _threads = wanted;
        }
    }
}
