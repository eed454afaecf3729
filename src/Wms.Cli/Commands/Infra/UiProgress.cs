using Wms.Cli.Output;

namespace Wms.Cli.Commands.Infra;

/// <summary>Progress lines to stderr, in order (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
internal sealed class UiProgress(IConsoleUi ui) : IProgress<string>
{
    public void Report(string value) => ui.Info(value);
}
