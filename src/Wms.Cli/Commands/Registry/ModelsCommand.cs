using System.CommandLine;

namespace Wms.Cli.Commands.Registry;

/// <summary>`wms models ...`: the registered model's versions.</summary>
internal sealed class ModelsCommand(ModelsListCommand list, ModelsShowCommand show, ModelsPromoteCommand promote,
    ModelsRollbackCommand rollback, ModelsArchiveCommand archive) : ITopLevelCommand
{
    public Command Command { get; } = new("models", "List, inspect, promote, roll back and archive versions of the registered model")
    {
        Subcommands = { list, show, promote, rollback, archive },
    };
}
