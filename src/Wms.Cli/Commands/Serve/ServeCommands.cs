using Microsoft.Extensions.DependencyInjection;

namespace Wms.Cli.Commands.Serve;

/// <summary>The `wms serve` area.</summary>
public static class ServeCommands
{
    public static IServiceCollection AddServeCommands(this IServiceCollection services) =>
        services.AddSingleton<ITopLevelCommand, ServeCommand>();
}
