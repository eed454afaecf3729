using System.CommandLine;

namespace Wms.Cli.Commands.Model;

/// <summary>`wms model`: the deployable model (ONNX in an MLflow model folder).</summary>
internal sealed class ModelCommand(ExportCommand export, PullCommand pull) : ITopLevelCommand
{
    public Command Command { get; } = new("model", "Export and fetch the deployable model (ONNX in an MLflow model folder)")
    {
        Subcommands = { export, pull },
    };
}
