using System.Collections.Concurrent;

namespace Wms.Training.Model;

/// <summary>
/// Where libtorch's heavy work runs: on the process's first thread when the program lends it
/// (<see cref="Lend"/>, as <c>wms</c> does), else on a dedicated thread.
/// </summary>
/// <remarks>
/// Why the first thread: glibc gives it the main malloc arena, and only there do the allocator
/// settings of <see cref="TorchRuntime"/> hold. Any other thread allocates from a per-thread
/// arena, whose heaps are at most 64 MB, so every larger block (a batch of 4 activations of
/// 64x256x256 floats is 64 MB) is mmap'd, page-faulted in (the kernel zeroes each page) and
/// unmapped again, every step: measured at 512x512, a quarter of the step's CPU time went to the
/// kernel. PyTorch scripts run on the first thread and so never pay this.
/// </remarks>
public sealed class ComputeThread
{
    private static ComputeThread? _lent;
    private readonly BlockingCollection<Action> _work = new();
    private readonly int _threadId = Environment.CurrentManagedThreadId;

    private ComputeThread()
    {
    }

    /// <summary>
    /// Runs <paramref name="program"/> on the thread pool while the calling thread (the process's
    /// first) runs the work given to <see cref="RunAsync{T}"/>, until the program ends.
    /// </summary>
    public static int Lend(Func<Task<int>> program)
    {
        var lent = new ComputeThread();
        _lent = lent;
        var task = Task.Run(program);
        task.ContinueWith(_ => lent._work.CompleteAdding(), TaskScheduler.Default);
        foreach (var work in lent._work.GetConsumingEnumerable()) work();
        _lent = null;
        return task.GetAwaiter().GetResult();
    }

    /// <summary>Runs <paramref name="work"/> on the lent first thread (one piece of work at a time), or on a new thread.</summary>
    public static Task<T> RunAsync<T>(Func<T> work)
    {
        var lent = _lent;
        if (lent is not null && Environment.CurrentManagedThreadId != lent._threadId)
        {
            var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            try
            {
                lent._work.Add(() =>
                {
                    try
                    {
                        done.SetResult(work());
                    }
                    catch (Exception e)
                    {
                        done.SetException(e);
                    }
                });
                return done.Task;
            }
            catch (InvalidOperationException)
            {
                // The program is ending and the first thread no longer takes work.
            }
        }
        return Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }
}
