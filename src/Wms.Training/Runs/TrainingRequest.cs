namespace Wms.Training.Runs;

/// <summary>One training run to do: data, output folder, options, and the config file they came from (for the record).</summary>
public sealed record TrainingRequest(string DataDirectory, string OutputDirectory, TrainingOptions Options, string? ConfigFile = null);
