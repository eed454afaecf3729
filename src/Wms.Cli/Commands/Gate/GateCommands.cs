using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wms.Cli.Gate;
using Wms.Cli.Output;
using Wms.Core.Tracking;

namespace Wms.Cli.Commands.Gate;

/// <summary>`wms gate` and `wms eval`, and the <see cref="QualityGate"/> the pipeline reuses.</summary>
public static class GateCommands
{
    public static IServiceCollection AddGateCommands(this IServiceCollection services)
    {
        services.AddWmsTracking();
        services.TryAddSingleton<GitHubActions>();
        services.TryAddSingleton<QualityGate>();
        services.AddSingleton<ITopLevelCommand, GateCommand>();
        services.AddSingleton<ITopLevelCommand, EvalCommand>();
        return services;
    }
}
