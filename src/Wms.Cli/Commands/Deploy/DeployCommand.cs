using System.CommandLine;

namespace Wms.Cli.Commands.Deploy;

/// <summary>The `wms deploy` group.</summary>
public sealed class DeployCommand(SmokeCommand smoke) : ITopLevelCommand
{
    public Command Command { get; } = new("deploy", "Checks of a deployed model API") { Subcommands = { smoke } };
}
