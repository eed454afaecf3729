using System.CommandLine;

namespace Wms.Cli.Commands.Registry;

/// <summary>`wms runs ...`: tracked training runs.</summary>
internal sealed class RunsCommand(RunsListCommand list, RunsShowCommand show, RunsCompareCommand compare) : ITopLevelCommand
{
    public Command Command { get; } = new("runs", "List, inspect and compare tracked training runs")
    {
        Subcommands = { list, show, compare },
    };
}
