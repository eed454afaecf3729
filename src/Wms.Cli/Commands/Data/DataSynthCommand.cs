using System.CommandLine;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Wms.Cli.Output;
using Wms.Core;
using Wms.Core.Synthetic;

namespace Wms.Cli.Commands.Data;

/// <summary>`wms data synth`: writes meter-like synthetic photos and exact masks, deterministic by seed.</summary>
public sealed class DataSynthCommand : BaseCommand
{
    private readonly Option<string> _out = new("--out")
    {
        Description = "Data folder to write images/ and masks/ into (created if missing)",
        Required = true,
    };
    private readonly Option<int> _count = new("--count")
    {
        Description = "Number of photo/mask pairs",
        DefaultValueFactory = _ => 200,
    };
    private readonly Option<int> _seed = new("--seed")
    {
        Description = "Seed: the same seed and options always give the same files",
        DefaultValueFactory = _ => 42,
    };
    private readonly Option<int?> _minSize = new("--min-size") { Description = "Smallest longer side of a photo, px [default: 400]" };
    private readonly Option<int?> _maxSize = new("--max-size") { Description = "Largest longer side of a photo, px [default: 900]" };
    private readonly Option<double?> _noise = new("--noise")
    {
        Description = "Degradation: 0 clean, 1 default, 2-3 harsh (noise, blur, light, JPEG loss) [default: 1]",
    };
    private readonly Option<double?> _mislabeled = new("--mislabeled")
    {
        Description = "Share of masks (0..1) deliberately put in the wrong place, for label-noise tests [default: 0]",
    };
    private readonly Option<bool> _force = new("--force")
    {
        Description = "Replace non-empty images/ and masks/ folders (both are replaced as a whole)",
    };

    private readonly Workspace _workspace;
    private readonly SyntheticOptions _defaults;
    private readonly TimeProvider _time;

    public DataSynthCommand(IConsoleUi ui, Workspace workspace, IOptions<SyntheticOptions> defaults, TimeProvider time)
        : base("synth", "Write synthetic meter photos (images/*.jpg) and exact counter masks (masks/*.png)", ui)
    {
        _workspace = workspace;
        _defaults = defaults.Value;
        _time = time;
        Options.Add(_out);
        Options.Add(_count);
        Options.Add(_seed);
        Options.Add(_minSize);
        Options.Add(_maxSize);
        Options.Add(_noise);
        Options.Add(_mislabeled);
        Options.Add(_force);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var directory = _workspace.Resolve(parseResult.GetValue(_out)!);
        var count = parseResult.GetValue(_count);
        var seed = parseResult.GetValue(_seed);
        var options = _defaults with
        {
            MinSize = parseResult.GetValue(_minSize) ?? _defaults.MinSize,
            MaxSize = parseResult.GetValue(_maxSize) ?? _defaults.MaxSize,
            NoiseLevel = parseResult.GetValue(_noise) ?? _defaults.NoiseLevel,
            MislabeledFraction = parseResult.GetValue(_mislabeled) ?? _defaults.MislabeledFraction,
        };
        if (count < 1) throw new WmsException($"--count: {count} is not a positive number");
        if (seed < 0) throw new WmsException($"--seed: {seed} is negative");
        options.Validate();

        var started = _time.GetTimestamp();
        var replace = parseResult.GetValue(_force);
        Task<SyntheticSummary> Run(IProgress<int>? progress) => Task.Run(
            () => SyntheticMeters.Generate(directory, count, seed, options, replace, progress, cancellationToken), cancellationToken);
        // JSON mode is for scripts: no progress display at all, only the document.
        var summary = parseResult.IsJson()
            ? await Run(null)
            : await Ui.WithProgressAsync($"Rendering {count} synthetic photos", task =>
            {
                task.SetTotal(count);
                return Run(new LockedProgress(task));
            });
        var seconds = _time.GetElapsedTime(started).TotalSeconds;

        if (parseResult.IsJson())
            Ui.WriteJson(SynthResult.From(summary, options, seconds), DataJsonContext.Default.SynthResult);
        else
            Print(summary, options, seconds);
        return ExitCodes.Success;
    }

    private void Print(SyntheticSummary summary, SyntheticOptions options, double seconds)
    {
        var table = new Table().AddColumns("", "").HideHeaders().Border(TableBorder.Rounded);
        table.AddRow("photos", Markup.Escape(summary.ImagesDirectory));
        table.AddRow("masks", Markup.Escape(summary.MasksDirectory));
        table.AddRow("pairs", summary.Count.ToString());
        table.AddRow("seed", summary.Seed.ToString());
        table.AddRow("sizes", $"{summary.MinSide}..{summary.MaxSide} px");
        table.AddRow("noise level", options.NoiseLevel.ToString("0.##"));
        table.AddRow("mislabeled", $"{summary.Mislabeled} of {summary.Count}");
        table.AddRow("mean mask coverage", $"{summary.MeanCoveragePercent:F2} %");
        table.AddRow("time", $"{seconds:F1} s");
        Ui.Out.Write(table);
        Ui.Success($"wrote {summary.Count} synthetic pairs to {summary.Directory}");
    }

    /// <summary>Generation reports from worker threads; the console's progress is not thread-safe.</summary>
    private sealed class LockedProgress(IProgressTask task) : IProgress<int>
    {
        private readonly Lock _gate = new();

        public void Report(int value)
        {
            lock (_gate) task.SetValue(value);
        }
    }
}
