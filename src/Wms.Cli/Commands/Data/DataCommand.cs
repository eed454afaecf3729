using System.CommandLine;

namespace Wms.Cli.Commands.Data;

/// <summary>`wms data`: check, version (DVC format) and merge the training data.</summary>
internal sealed class DataCommand(
    ValidateCommand validate,
    InitCommand init,
    AddCommand add,
    PushCommand push,
    PullCommand pull,
    StatusCommand status,
    MergeCommand merge) : ITopLevelCommand
{
    public Command Command { get; } = new("data", "Check, version (DVC-compatible) and merge the photos and masks")
    {
        Subcommands = { validate, init, add, push, pull, status, merge },
    };
}
