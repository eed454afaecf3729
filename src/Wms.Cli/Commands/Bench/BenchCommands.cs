using Microsoft.Extensions.DependencyInjection;

namespace Wms.Cli.Commands.Bench;

/// <summary>Registers `wms bench ...`.</summary>
public static class BenchCommands
{
    public static IServiceCollection AddBenchCommands(this IServiceCollection services)
    {
        services.AddTransient<PredictBenchCommand>();
        services.AddTransient<BenchTrainCommand>();
        services.AddTransient<BenchForwardCommand>();
        services.AddTransient<BenchEpochCommand>();
        services.AddTransient<ITopLevelCommand, BenchCommand>();
        return services;
    }
}
