namespace Wms.Training.Runs;

/// <summary>Where the time went, in seconds.</summary>
public sealed record RunTimings(double DataLoadingSeconds, double TrainingSeconds, double TestSeconds, double TotalSeconds, double MeanEpochSeconds);
