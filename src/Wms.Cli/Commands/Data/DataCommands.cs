using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wms.Core.Dvc.Storage;
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
        services.AddKeyedSingleton<Command, ValidateCommand>(DataCommand.Key);
        services.AddKeyedSingleton<Command, InitCommand>(DataCommand.Key);
        services.AddKeyedSingleton<Command, AddCommand>(DataCommand.Key);
        services.AddKeyedSingleton<Command, PushCommand>(DataCommand.Key);
        services.AddKeyedSingleton<Command, PullCommand>(DataCommand.Key);
        services.AddKeyedSingleton<Command, StatusCommand>(DataCommand.Key);
        services.AddKeyedSingleton<Command, MergeCommand>(DataCommand.Key);

        // Defaults for `wms data synth` from wms.json / environment (section "Synthetic").
        services.AddOptions<SyntheticOptions>().BindConfiguration("Synthetic");
        // Data:Folders (the pre-push hook) and Data:Jobs (push/pull/status).
        services.AddOptions<DataOptions>().BindConfiguration(DataOptions.Section);
        // Local folders and S3; tests may wrap it to inject remote failures.
        services.TryAddSingleton<IObjectStoreFactory, ObjectStoreFactory>();
        return services;
    }
}
