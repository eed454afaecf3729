using Microsoft.Extensions.DependencyInjection;
using Wms.Cli.Commands.Predict;
using Wms.Core.Tracking;

namespace Wms.Cli.Commands.Model;

/// <summary>Registers `wms model ...`.</summary>
public static class ModelCommands
{
    public static IServiceCollection AddModelCommands(this IServiceCollection services)
    {
        services.AddTransient<ExportCommand>();
        services.AddTransient<PullCommand>();
        // The registry pull reads (embedded store or MLflow); idempotent with the registry commands' call.
        services.AddWmsTracking();
        services.AddOptions<PredictOptions>().BindConfiguration(PredictOptions.Section);
        services.AddTransient<ITopLevelCommand, ModelCommand>();
        return services;
    }
}
