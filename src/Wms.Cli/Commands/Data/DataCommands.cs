using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wms.Core.Dvc.Storage;

namespace Wms.Cli.Commands.Data;

/// <summary>Registers `wms data ...`.</summary>
public static class DataCommands
{
    public static IServiceCollection AddDataCommands(this IServiceCollection services)
    {
        services.AddOptions<DataOptions>().BindConfiguration(DataOptions.Section);
        // Tests wrap the factory to inject remote failures.
        services.TryAddSingleton<IObjectStoreFactory, ObjectStoreFactory>();
        services.AddTransient<ValidateCommand>();
        services.AddTransient<InitCommand>();
        services.AddTransient<AddCommand>();
        services.AddTransient<PushCommand>();
        services.AddTransient<PullCommand>();
        services.AddTransient<StatusCommand>();
        services.AddTransient<MergeCommand>();
        services.AddTransient<ITopLevelCommand, DataCommand>();
        return services;
    }
}
