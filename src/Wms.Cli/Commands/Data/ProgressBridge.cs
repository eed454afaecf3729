using Wms.Cli.Output;
using Wms.Core;

namespace Wms.Cli.Commands.Data;

/// <summary>Feeds Core's progress reports (from parallel workers) into one progress bar, one at a time.</summary>
internal sealed class ProgressBridge(IProgressTask task) : IProgress<ProgressReport>
{
    private readonly Lock _lock = new();

    public void Report(ProgressReport value)
    {
        lock (_lock)
        {
            task.SetDescription(value.Stage);
            task.SetTotal(value.Total);
            task.SetValue(value.Done);
        }
    }

    /// <summary>Runs <paramref name="work"/> on the thread pool, with a progress bar unless the output is JSON.</summary>
    public static Task<T> RunAsync<T>(IConsoleUi ui, bool json, string title, Func<IProgress<ProgressReport>?, T> work) =>
        json
            ? Task.Run(() => work(null))
            : ui.WithProgressAsync(title, task => Task.Run(() => work(new ProgressBridge(task))));

    public static Task<T> RunAsync<T>(IConsoleUi ui, bool json, string title, Func<IProgress<ProgressReport>?, Task<T>> work) =>
        json
            ? work(null)
            : ui.WithProgressAsync(title, task => work(new ProgressBridge(task)));
}
