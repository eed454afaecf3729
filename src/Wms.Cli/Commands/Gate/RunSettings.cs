using System.Globalization;
using Wms.Training;
using Wms.Training.Configuration;
using Wms.Training.Runs;

namespace Wms.Cli.Commands.Gate;

/// <summary>
/// The run whose folder holds the weights `wms eval` was given: its <c>config.yaml</c> (split
/// ratios, input size, post-processing) and, in its <c>metrics.json</c>, the photos of each part
/// of its split. Without them, a run trained with other ratios would be measured on a "test" split
/// that is not the one it was tested on, and may hold photos it trained on. Only a finished run
/// counts: <c>metrics.json</c> is written last.
/// </summary>
internal sealed class RunSettings
{
    private RunSettings(string configFile, string metricsFile)
    {
        ConfigFile = configFile;
        MetricsFile = metricsFile;
        Options = TrainingConfigFile.Load(configFile);
    }

    public string ConfigFile { get; }

    public string MetricsFile { get; }

    public TrainingOptions Options { get; }

    /// <summary>The run around <paramref name="modelPath"/> when it is a weights file in a finished run's folder, else null.</summary>
    public static RunSettings? Beside(string modelPath)
    {
        if (!EvalModel.IsWeightsFile(modelPath)) return null;
        var folder = Path.GetDirectoryName(Path.GetFullPath(modelPath))!;
        var (config, metrics) = (Path.Combine(folder, RunFolder.ConfigFileName), Path.Combine(folder, RunFolder.MetricsFileName));
        return File.Exists(config) && File.Exists(metrics) ? new RunSettings(config, metrics) : null;
    }

    /// <summary>The stems of one part of the run's split (test, val or train) and the seed it was made with.</summary>
    public (IReadOnlyList<string> Stems, int? Seed) RecordedSplit(string part)
    {
        var metrics = RunMetricsFile.Read(MetricsFile);
        var stems = part switch { "test" => metrics.Split.Test, "val" => metrics.Split.Val, _ => metrics.Split.Train };
        int? seed = metrics.Params.TryGetValue("seed", out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
        return (stems, seed);
    }
}
