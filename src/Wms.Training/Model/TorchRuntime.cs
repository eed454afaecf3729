using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace Wms.Training.Model;

/// <summary>Process-wide libtorch settings, set once before any work.</summary>
public static partial class TorchRuntime
{
    private static readonly Lock Gate = new();
    private static int _threads;

    static TorchRuntime()
    {
        // libtorch's OpenMP (libgomp) spins while its threads wait for each other. With only two
        // cores, any other busy thread (our batch producer, the GC, another process) deschedules a
        // spinning worker and every parallel region then waits for it: measured here, a 256x256
        // training step took twice as long as with passive waiting. libgomp reads the setting once,
        // when libtorch loads, so it is set before the first tensor; a value the user set wins.
        _ = setenv(WaitPolicyVariable, DefaultWaitPolicy, overwrite: 0);
    }

    private const string WaitPolicyVariable = "OMP_WAIT_POLICY";
    private const string DefaultWaitPolicy = "PASSIVE";

    /// <summary>
    /// The OpenMP wait policy libtorch runs with (the user's <c>OMP_WAIT_POLICY</c>, else PASSIVE);
    /// benchmarks give it to PyTorch too, so both sides wait the same way.
    /// </summary>
    public static string OpenMpWaitPolicy => Environment.GetEnvironmentVariable(WaitPolicyVariable) ?? DefaultWaitPolicy;

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

    // The native environment: .NET's Environment.SetEnvironmentVariable does not reach libgomp.
    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}
