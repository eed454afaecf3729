using Wms.Cli.Output;
using Wms.Core;

namespace Wms.Cli.Commands.Bench;

/// <summary>`wms bench train`: one BCE + Adam training step on random input, median of --n.</summary>
public sealed class BenchTrainCommand(IConsoleUi ui, Workspace workspace) : StepBenchCommand("train",
    "Time the training step (forward, BCE with logits, backward, Adam) at each --size; --reference adds PyTorch's time-train",
    training: true, sizes: [256, 512], batch: 4, repeats: 5, warmup: 1, ui, workspace);
