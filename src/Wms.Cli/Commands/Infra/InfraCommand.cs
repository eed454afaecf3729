using System.CommandLine;

namespace Wms.Cli.Commands.Infra;

/// <summary>The `wms infra` group.</summary>
public sealed class InfraCommand(InfraStartCommand start, InfraStopCommand stop, InfraStatusCommand status) : ITopLevelCommand
{
    public Command Command { get; } = new("infra",
        "The shared training machine (EC2): start and stop it under leases, so concurrent pipeline runs never stop it under each other")
    {
        Subcommands = { start, stop, status },
        Options = { InfraCommandOptions.InstanceId, InfraCommandOptions.Tag, InfraCommandOptions.Region, InfraCommandOptions.Timeout },
    };
}
