using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Spectre.Console;

namespace Wms.Cli.Output;

/// <summary>The real console: Spectre over stdout and stderr, with capabilities detected.</summary>
public sealed class ConsoleUi(IAnsiConsole output, IAnsiConsole error, TextWriter jsonOut, TimeProvider time) : IConsoleUi
{
    public static ConsoleUi CreateDefault() => new(
        Create(Console.Out), Create(Console.Error), Console.Out, TimeProvider.System);

    private static IAnsiConsole Create(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Detect,
        Out = new AnsiConsoleOutput(writer),
    });

    public IAnsiConsole Out => output;
    public IAnsiConsole Err => error;
    public bool IsInteractive => error.Profile.Capabilities.Interactive && error.Profile.Capabilities.Ansi;

    public void WriteJson<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        jsonOut.WriteLine(JsonSerializer.Serialize(value, typeInfo));
        jsonOut.Flush();
    }

    public void Info(string message) => error.MarkupLineInterpolated($"{message}");
    public void Success(string message) => error.MarkupLineInterpolated($"[green]{message}[/]");
    public void Warn(string message) => error.MarkupLineInterpolated($"[yellow]warning:[/] {message}");
    public void Error(string message) => error.MarkupLineInterpolated($"[red]error:[/] {message}");

    public async Task<T> WithProgressAsync<T>(string title, Func<IProgressTask, Task<T>> work)
    {
        if (!IsInteractive)
            return await work(new PlainProgress(error, title, time));

        return await error.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(),
                new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx => await work(new LiveProgress(ctx.AddTask(Markup.Escape(title)))));
    }

    private sealed class LiveProgress(ProgressTask task) : IProgressTask
    {
        public void SetTotal(double total) => task.MaxValue = Math.Max(total, 1e-9);
        public void SetValue(double value) => task.Value = value;
        public void SetDescription(string description) => task.Description = Markup.Escape(description);
    }

    /// <summary>CI logs get a line when the text changes, at most every few seconds, and always at 100 %.</summary>
    private sealed class PlainProgress(IAnsiConsole console, string title, TimeProvider time) : IProgressTask
    {
        private static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(5);
        private readonly long _start = time.GetTimestamp();
        private double _total = 1, _value;
        private string _description = title;
        private DateTimeOffset _lastPrinted = DateTimeOffset.MinValue;
        private bool _finished;

        public void SetTotal(double total) => _total = Math.Max(total, 1e-9);
        public void SetValue(double value)
        {
            _value = value;
            Print();
        }
        public void SetDescription(string description)
        {
            _description = description;
            Print();
        }

        private void Print()
        {
            var now = time.GetUtcNow();
            var done = _value >= _total;
            if (_finished || (!done && now - _lastPrinted < MinInterval)) return;
            _finished = done;
            _lastPrinted = now;
            var elapsed = time.GetElapsedTime(_start);
            var fraction = Math.Clamp(_value / _total, 0, 1);
            var eta = fraction > 0 && !done ? $", ETA {TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - fraction) / fraction):hh\\:mm\\:ss}" : "";
            console.WriteLine($"{_description} [{fraction:P0}, {elapsed:hh\\:mm\\:ss}{eta}]");
        }
    }
}
