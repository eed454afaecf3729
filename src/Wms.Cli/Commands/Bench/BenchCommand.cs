using System.CommandLine;

namespace Wms.Cli.Commands.Bench;

/// <summary>`wms bench`: speed measurements (training step, forward pass, epochs), optionally side by side with PyTorch.</summary>
public sealed class BenchCommand(BenchTrainCommand train, BenchForwardCommand forward, BenchEpochCommand epoch) : ITopLevelCommand
{
    public Command Command { get; } = new("bench",
        "Measure speed: the training step and forward pass (with --reference, PyTorch's torch_reference.py in the same run) " +
        "and training epochs with the photo cache against decoding every epoch. The machine should be otherwise idle.")
    {
        Subcommands = { train, forward, epoch },
    };
}
