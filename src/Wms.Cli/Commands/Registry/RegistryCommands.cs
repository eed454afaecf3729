using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Wms.Core.Tracking;

namespace Wms.Cli.Commands.Registry;

/// <summary>`wms promote`, `wms models ...`, `wms runs ...` and `wms metrics`, with the tracking backend they use.</summary>
public static class RegistryCommands
{
    public static IServiceCollection AddRegistryCommands(this IServiceCollection services)
    {
        services.AddWmsTracking();
        services.AddSingleton<ILoggerProvider, TrackingWarningsLoggerProvider>();
        services.TryAddSingleton<RegistryServices>();
        services.TryAddSingleton<Output.GitHubActions>();
        services.AddSingleton<ModelsListCommand>();
        services.AddSingleton<ModelsShowCommand>();
        services.AddSingleton<ModelsPromoteCommand>();
        services.AddSingleton<ModelsRollbackCommand>();
        services.AddSingleton<ModelsArchiveCommand>();
        services.AddSingleton<RunsListCommand>();
        services.AddSingleton<RunsShowCommand>();
        services.AddSingleton<RunsCompareCommand>();
        services.AddSingleton<ITopLevelCommand, PromoteCommand>();
        services.AddSingleton<ITopLevelCommand, ModelsCommand>();
        services.AddSingleton<ITopLevelCommand, RunsCommand>();
        services.AddSingleton<ITopLevelCommand, MetricsCommand>();
        return services;
    }
}
