using System.Runtime.InteropServices;
using Wms.Training.Model;
using Xunit;

namespace Wms.Training.Tests.Model;

[Collection(Collector.Alone)] // it changes the thread count every other test's tensors run with
public sealed class TorchThreadsTests
{
    [Fact]
    public void A_thread_that_configures_the_count_runs_with_it_even_when_another_thread_set_it_first()
    {
        // Before: the second Configure was skipped as already done, and this thread's OpenMP
        // (which libtorch's convolutions read) kept its own default.
        var wanted = Environment.ProcessorCount + 1;
        try
        {
            OnNewThread(() => { TorchRuntime.Configure(wanted); return 0; });
            Assert.Equal(wanted, OnNewThread(() => { TorchRuntime.Configure(wanted); return OpenMpMaxThreads(); }));
        }
        finally
        {
            TorchRuntime.Configure(2);
        }
    }

    private static int OnNewThread(Func<int> work)
    {
        var result = 0;
        var thread = new Thread(() => result = work());
        thread.Start();
        thread.Join();
        return result;
    }

    /// <summary>omp_get_max_threads of the libgomp libtorch ships (its file name carries a hash).</summary>
    private static int OpenMpMaxThreads()
    {
        var gomp = Directory.GetFiles(AppContext.BaseDirectory, "libgomp*.so*").Single();
        var function = NativeLibrary.GetExport(NativeLibrary.Load(gomp), "omp_get_max_threads");
        return Marshal.GetDelegateForFunctionPointer<MaxThreads>(function)();
    }

    private delegate int MaxThreads();
}
