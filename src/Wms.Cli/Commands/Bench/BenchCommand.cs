using System.CommandLine;

namespace Wms.Cli.Commands.Bench;

/// <summary>`wms bench`: speed measurements to run on an otherwise idle machine (never in unit tests).</summary>
internal sealed class BenchCommand(BenchTrainCommand train, BenchForwardCommand forward, BenchEpochCommand epoch, PredictBenchCommand predict) : ITopLevelCommand
{
    public Command Command { get; } = new("bench",
        "Measure speed: the training step and forward pass (with --reference, PyTorch's torch_reference.py in the same run), " +
        "training epochs with the photo cache against decoding every epoch, and prediction end to end (decode, preprocess, inference). " +
        "The machine should be otherwise idle.")
    {
        Subcommands = { train, forward, epoch, predict },
    };
}
