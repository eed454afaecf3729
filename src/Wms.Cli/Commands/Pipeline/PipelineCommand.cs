using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace Wms.Cli.Commands.Pipeline;

/// <summary>The `wms pipeline` group; subcommands are registered in DI under <see cref="Key"/>.</summary>
public sealed class PipelineCommand : ITopLevelCommand
{
    public const string Key = "pipeline";

    public PipelineCommand([FromKeyedServices(Key)] IEnumerable<Command> subcommands)
    {
        Command = new Command("pipeline", "The automated flow from new data to a new Production model: merge, validate, train, gate, promote, version the data, export");
        foreach (var subcommand in subcommands.OrderBy(c => c.Name, StringComparer.Ordinal))
            Command.Subcommands.Add(subcommand);
    }

    public Command Command { get; }
}
