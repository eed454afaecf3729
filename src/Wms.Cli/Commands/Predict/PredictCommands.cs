using Microsoft.Extensions.DependencyInjection;

namespace Wms.Cli.Commands.Predict;

/// <summary>Registers `wms predict` and its options (section Predict).</summary>
public static class PredictCommands
{
    public static IServiceCollection AddPredictCommands(this IServiceCollection services)
    {
        services.AddOptions<PredictOptions>().BindConfiguration(PredictOptions.Section);
        services.AddTransient<ITopLevelCommand, PredictCommand>();
        return services;
    }
}
