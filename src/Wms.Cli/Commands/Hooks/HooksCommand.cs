using System.CommandLine;

namespace Wms.Cli.Commands.Hooks;

/// <summary>`wms hooks`: git hooks that route new data through the pipeline.</summary>
internal sealed class HooksCommand(HooksInstallCommand install) : ITopLevelCommand
{
    public Command Command { get; } = new("hooks", "Git hooks: send data pushed to main through the data pipeline")
    {
        Subcommands = { install },
    };
}
