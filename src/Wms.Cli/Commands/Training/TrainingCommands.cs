using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wms.Cli.Output;
using Wms.Core.Tracking;
using Wms.Training.Runs;

namespace Wms.Cli.Commands.Training;

public static class TrainingCommands
{
    /// <summary>`wms train`. The command attaches experiment tracking itself; more observers attach by registering an <see cref="Wms.Training.ITrainingObserver"/>.</summary>
    public static IServiceCollection AddTrainingCommands(this IServiceCollection services)
    {
        services.AddWmsTracking();
        services.TryAddSingleton<GitHubActions>();
        services.AddSingleton<TrainingRun>();
        services.AddSingleton<ITopLevelCommand, TrainCommand>();
        return services;
    }
}
