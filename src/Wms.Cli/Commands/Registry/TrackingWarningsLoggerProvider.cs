using Microsoft.Extensions.Logging;
using Wms.Cli.Output;

namespace Wms.Cli.Commands.Registry;

/// <summary>
/// Shows the tracking backend's warnings (MLflow retries: "503; retry 2 of 5 in 2.1 s") on stderr,
/// so a CLI waiting on a struggling server says why instead of looking hung.
/// </summary>
internal sealed class TrackingWarningsLoggerProvider(IConsoleUi ui) : ILoggerProvider
{
    private const string Prefix = "Wms.Core.Tracking";

    public ILogger CreateLogger(string categoryName) =>
        categoryName.StartsWith(Prefix, StringComparison.Ordinal) ? new WarningLogger(ui) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class WarningLogger(IConsoleUi ui) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) ui.Warn(formatter(state, exception));
        }
    }
}
