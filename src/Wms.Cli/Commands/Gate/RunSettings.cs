using System.Globalization;
using Wms.Training;
using Wms.Training.Configuration;
using Wms.Training.Runs;

namespace Wms.Cli.Commands.Gate;

/// <summary>
/// The settings of the run whose folder holds the weights `wms eval` was given: its
/// <c>config.yaml</c> (split ratios, input size, post-processing) and the seed its
/// <c>metrics.json</c> records. Without them, a run trained with other ratios would be measured on
/// a "test" split that is not the one it was tested on, and may hold photos it trained on.
/// </summary>
internal sealed record RunSettings(string ConfigFile, TrainingOptions Options, int? Seed)
{
    /// <summary>The settings beside <paramref name="modelPath"/> when it is a weights file in a run folder, else null.</summary>
    public static RunSettings? Beside(string modelPath)
    {
        if (!EvalModel.IsWeightsFile(modelPath)) return null;
        var folder = Path.GetDirectoryName(Path.GetFullPath(modelPath))!;
        var config = Path.Combine(folder, RunFolder.ConfigFileName);
        if (!File.Exists(config)) return null;
        var metrics = Path.Combine(folder, RunFolder.MetricsFileName);
        int? seed = File.Exists(metrics) && RunMetricsFile.Read(metrics).Params.TryGetValue("seed", out var text)
            && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
        return new RunSettings(config, TrainingConfigFile.Load(config), seed);
    }
}
