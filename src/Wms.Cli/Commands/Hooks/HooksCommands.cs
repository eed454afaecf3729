using Microsoft.Extensions.DependencyInjection;

namespace Wms.Cli.Commands.Hooks;

/// <summary>Registers `wms hooks ...`.</summary>
public static class HooksCommands
{
    public static IServiceCollection AddHooksCommands(this IServiceCollection services)
    {
        services.AddOptions<HooksOptions>().BindConfiguration(HooksOptions.Section);
        services.AddTransient<HooksInstallCommand>();
        services.AddTransient<ITopLevelCommand, HooksCommand>();
        return services;
    }
}
