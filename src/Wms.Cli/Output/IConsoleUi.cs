using System.Text.Json.Serialization.Metadata;
using Spectre.Console;

namespace Wms.Cli.Output;

/// <summary>
/// Everything a command prints goes through here: data on stdout (<see cref="Out"/>, or one JSON
/// document), messages and progress on stderr, so `--format json | jq` always works.
/// </summary>
public interface IConsoleUi
{
    /// <summary>Data: tables and summaries. stdout.</summary>
    IAnsiConsole Out { get; }

    /// <summary>Messages, warnings and progress. stderr.</summary>
    IAnsiConsole Err { get; }

    /// <summary>True when stderr is a terminal that can show live progress bars.</summary>
    bool IsInteractive { get; }

    /// <summary>Writes one JSON document to stdout and nothing else.</summary>
    void WriteJson<T>(T value, JsonTypeInfo<T> typeInfo);

    void Info(string message);
    void Success(string message);
    void Warn(string message);
    void Error(string message);

    /// <summary>
    /// Runs <paramref name="work"/> with a progress bar on a terminal, or with throttled plain
    /// lines on stderr elsewhere (CI logs, pipes).
    /// </summary>
    Task<T> WithProgressAsync<T>(string title, Func<IProgressTask, Task<T>> work);
}

/// <summary>One progress bar: a total, a value and a line of text (epoch, loss, ...).</summary>
public interface IProgressTask
{
    void SetTotal(double total);
    void SetValue(double value);
    void SetDescription(string description);
}
