using Wms.Training;

namespace Wms.Cli.Pipeline;

/// <summary>One `wms pipeline run`: full paths, and the training options after config file and command line.</summary>
/// <param name="NewDirectory">The new photos and masks (images/, masks/).</param>
/// <param name="DataDirectory">The data set they are merged into.</param>
/// <param name="ConfigFile">The YAML config the options came from (null: embedded defaults).</param>
/// <param name="StateRoot">Pipeline runs keep their state and summary in a folder per run under this.</param>
/// <param name="RunsDirectory">Training run folders go here.</param>
/// <param name="ExportDirectory">The promoted model is exported to this model folder.</param>
/// <param name="RecordDirectory">production_current.json and production_history.jsonl go here (null: not written).</param>
/// <param name="MinDelta">The candidate must beat Production by more than this on Dice and IoU.</param>
/// <param name="Push">Push the recorded data version to the DVC repository's default remote, when it has one.</param>
public sealed record PipelineRequest(
    string NewDirectory,
    string DataDirectory,
    TrainingOptions Options,
    string? ConfigFile,
    string StateRoot,
    string RunsDirectory,
    string ExportDirectory,
    string? RecordDirectory,
    double MinDelta = 0,
    bool Push = true);
