using System.Runtime.InteropServices;
using Wms.Core.Native;
using static TorchSharp.torch;

namespace Wms.Training.Model;

/// <summary>libtorch settings: the process-wide ones, set once before any work, and the calling thread's thread count.</summary>
public static partial class TorchRuntime
{
    static TorchRuntime()
    {
        // libtorch's OpenMP (libgomp) spins while its threads wait for each other. With only two
        // cores, any other busy thread (our batch producer, the GC, another process) deschedules a
        // spinning worker and every parallel region then waits for it: measured here, a 256x256
        // training step took twice as long as with passive waiting. libgomp reads the setting once,
        // when libtorch loads, so it is set before the first tensor; a value the user set wins.
        _ = setenv(WaitPolicyVariable, DefaultWaitPolicy, overwrite: 0);
        KeepFreedMemory();
    }

    /// <summary>
    /// glibc's malloc serves every block over 32 MB with its own mmap and unmaps it on free, so each
    /// training step maps, page-faults (the kernel zeroes every page) and unmaps its activations
    /// again. Keeping freed memory in the heap instead (no mmap for large blocks, no trimming) took
    /// a 512x512 batch-4 step from 4.4 s to 3.5 s here (system time 7.0 s to 2.5 s over the
    /// benchmark), together with <see cref="ComputeThread"/>: only the first thread's main arena
    /// obeys these settings. The process keeps its peak heap, which training reaches in its first
    /// step anyway. A user's own MALLOC_* settings win. Not glibc (musl): nothing to do.
    /// </summary>
    private static void KeepFreedMemory()
    {
        if (GlibcMalloc.UserConfigured(AllocatorEnvironment.Keys)) return;
        _ = GlibcMalloc.TrySet(GlibcMalloc.MmapMax, 0);
        _ = GlibcMalloc.TrySet(GlibcMalloc.TrimThreshold, int.MaxValue);
        _ = GlibcMalloc.TrySet(GlibcMalloc.TopPad, TopPadBytes);
    }

    private const int TopPadBytes = 256 << 20;

    /// <summary>
    /// The same allocator settings as environment variables, for PyTorch in the benchmarks: both
    /// sides allocate the same way, or the comparison measures malloc instead of the model.
    /// </summary>
    public static IReadOnlyDictionary<string, string> AllocatorEnvironment { get; } = new Dictionary<string, string>
    {
        ["MALLOC_MMAP_MAX_"] = "0",
        ["MALLOC_TRIM_THRESHOLD_"] = $"{int.MaxValue}",
        ["MALLOC_TOP_PAD_"] = $"{TopPadBytes}",
    };

    private const string WaitPolicyVariable = "OMP_WAIT_POLICY";
    private const string DefaultWaitPolicy = "PASSIVE";

    /// <summary>
    /// The OpenMP wait policy libtorch runs with (the user's <c>OMP_WAIT_POLICY</c>, else PASSIVE);
    /// benchmarks give it to PyTorch too, so both sides wait the same way.
    /// </summary>
    public static string OpenMpWaitPolicy => Environment.GetEnvironmentVariable(WaitPolicyVariable) ?? DefaultWaitPolicy;

    /// <summary>
    /// Sets the intra-op thread count (0 = all cores) for the work of the calling thread: call it on
    /// the thread that runs the tensors. libtorch allows inter-op threads to be set only once.
    /// </summary>
    /// <remarks>
    /// OpenMP keeps the count per calling thread, and libtorch's convolutions (oneDNN) read that one.
    /// So it is set on every call: when a count already set on another thread was skipped here, the
    /// convolutions ran with whatever this thread had last, and a seeded test model came out one of
    /// two ways depending on which test had run on the thread before (INT8 agreement 0.974 or 0.983).
    /// </remarks>
    public static void Configure(int threads)
    {
        set_num_threads(threads > 0 ? threads : Environment.ProcessorCount);
    }

    // The native environment: .NET's Environment.SetEnvironmentVariable does not reach libgomp.
    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}
