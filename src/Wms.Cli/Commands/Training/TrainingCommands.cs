using Microsoft.Extensions.DependencyInjection;
using Wms.Training.Runs;

namespace Wms.Cli.Commands.Training;

public static class TrainingCommands
{
    /// <summary>`wms train`. Experiment tracking attaches by registering an <see cref="Wms.Training.ITrainingObserver"/>.</summary>
    public static IServiceCollection AddTrainingCommands(this IServiceCollection services)
    {
        services.AddSingleton<TrainingRun>();
        services.AddSingleton<ITopLevelCommand, TrainCommand>();
        return services;
    }
}
