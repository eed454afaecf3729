namespace Wms.Cli.Pipeline.Steps;

/// <summary>The training run: its folder, its tracking run and its test numbers.</summary>
public sealed record TrainStepResult(string RunDirectory, string RunId, int Epochs, double? FinalTestDice, double? FinalTestIou, double? FinalTestHausdorff);
