using Microsoft.Extensions.DependencyInjection;

namespace Wms.Cli.Commands.Model;

/// <summary>Registers `wms model ...`.</summary>
public static class ModelCommands
{
    public static IServiceCollection AddModelCommands(this IServiceCollection services)
    {
        services.AddTransient<ExportCommand>();
        services.AddTransient<ITopLevelCommand, ModelCommand>();
        return services;
    }
}
