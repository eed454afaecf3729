using Wms.Cli.Output;
using Wms.Core;

namespace Wms.Cli.Commands.Bench;

/// <summary>`wms bench forward`: one forward pass in eval mode without gradients, median of --n.</summary>
public sealed class BenchForwardCommand(IConsoleUi ui, Workspace workspace) : StepBenchCommand("forward",
    "Time the forward pass (eval, no gradients) at each --size; --reference adds PyTorch's time-forward",
    training: false, sizes: [512], batch: 1, repeats: 10, warmup: 2, ui, workspace);
