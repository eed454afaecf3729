using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Wms.Core.Synthetic;

namespace Wms.Cli.Commands.Data;

/// <summary>Registers the `wms data` group and its subcommands.</summary>
public static class DataCommands
{
    public static IServiceCollection AddDataCommands(this IServiceCollection services)
    {
        services.AddSingleton<ITopLevelCommand, DataCommand>();
        // One line per subcommand: they join the group by this key.
        services.AddKeyedSingleton<Command, DataSynthCommand>(DataCommand.Key);

        // Defaults for `wms data synth` from wms.json / environment (section "Synthetic").
        services.AddOptions<SyntheticOptions>().BindConfiguration("Synthetic");
        return services;
    }
}
