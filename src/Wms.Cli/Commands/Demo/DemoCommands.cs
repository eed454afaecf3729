using Microsoft.Extensions.DependencyInjection;
using Wms.Training.Demo;

namespace Wms.Cli.Commands.Demo;

public static class DemoCommands
{
    /// <summary>`wms demo`.</summary>
    public static IServiceCollection AddDemoCommands(this IServiceCollection services)
    {
        services.AddSingleton<DemoPipeline>();
        services.AddSingleton<ITopLevelCommand, DemoCommand>();
        return services;
    }
}
