using Microsoft.Extensions.DependencyInjection;
using Wms.Cli.Commands.Bench;
using Wms.Training.Runs;

namespace Wms.Cli.Commands.Training;

public static class TrainingCommands
{
    /// <summary>`wms train` and `wms bench`. Experiment tracking attaches by registering an <see cref="Wms.Training.ITrainingObserver"/>.</summary>
    public static IServiceCollection AddTrainingCommands(this IServiceCollection services)
    {
        services.AddSingleton<TrainingRun>();
        services.AddSingleton<ITopLevelCommand, TrainCommand>();
        services.AddSingleton<BenchTrainCommand>();
        services.AddSingleton<BenchForwardCommand>();
        services.AddSingleton<BenchEpochCommand>();
        services.AddSingleton<ITopLevelCommand, BenchCommand>();
        return services;
    }
}
