using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace Wms.Cli.Commands.Data;

/// <summary>
/// The `wms data` group. It holds no logic: every subcommand is registered in DI under
/// <see cref="Key"/> (see <see cref="DataCommands"/>) and added here in name order.
/// </summary>
public sealed class DataCommand : ITopLevelCommand
{
    /// <summary>The DI key data subcommands are registered under.</summary>
    public const string Key = "data";

    public DataCommand([FromKeyedServices(Key)] IEnumerable<Command> subcommands)
    {
        Command = new Command("data", "Data sets (photos in images/, masks in masks/, paired by file stem): check, version in DVC format, merge, synthesise");
        foreach (var subcommand in subcommands.OrderBy(c => c.Name, StringComparer.Ordinal))
            Command.Subcommands.Add(subcommand);
    }

    public Command Command { get; }
}
