using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Wms.Training.Runs;

/// <summary>A logger that appends one line per message to a file (a run's train.log), flushed as it goes.</summary>
internal sealed class LogFile(string path, TimeProvider time) : ILogger, IDisposable
{
    private readonly StreamWriter _writer = new(path, append: true) { AutoFlush = true };
    private readonly Lock _gate = new();
    private bool _closed;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        var line = $"{time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)} {Level(logLevel)} {formatter(state, exception)}";
        lock (_gate)
        {
            // After the run folder is finalised nothing more belongs in it.
            if (!_closed) _writer.WriteLine(line);
        }
    }

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public void Dispose()
    {
        lock (_gate)
        {
            _closed = true;
            _writer.Dispose();
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Warning => "WARN ",
        LogLevel.Error or LogLevel.Critical => "ERROR",
        _ => "INFO ",
    };
}
