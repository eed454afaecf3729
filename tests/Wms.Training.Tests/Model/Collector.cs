using Xunit;

namespace Wms.Training.Tests.Model;

/// <summary>Collects and runs finalizers on its own thread, as fast as it can, until disposed.</summary>
/// <remarks>
/// Tests that use it run in <see cref="Collector.Alone"/>: any other test's tensor code that passes
/// an implicit scalar would fail under it, which is the very race these tests are about.
/// </remarks>
internal sealed class Collector : IDisposable
{
    public const string Alone = "collections on another thread";

    private volatile bool _stopped;
    private readonly Thread _thread;

    public Collector()
    {
        _thread = new Thread(() =>
        {
            while (!_stopped)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        });
        _thread.Start();
    }

    public void Dispose()
    {
        _stopped = true;
        _thread.Join();
    }
}

[CollectionDefinition(Collector.Alone, DisableParallelization = true)]
public sealed class CollectorCollection;
