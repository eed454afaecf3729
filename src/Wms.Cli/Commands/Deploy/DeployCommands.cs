using Microsoft.Extensions.DependencyInjection;

namespace Wms.Cli.Commands.Deploy;

/// <summary>`wms deploy smoke`: checks a deployed model API (the deploy workflow runs it after a rollout).</summary>
public static class DeployCommands
{
    public static IServiceCollection AddDeployCommands(this IServiceCollection services)
    {
        services.AddOptions<SmokeOptions>().BindConfiguration(SmokeOptions.Section);
        services.AddHttpClient(SmokeCommand.HttpClientName);
        services.AddSingleton<SmokeCommand>();
        services.AddSingleton<ITopLevelCommand, DeployCommand>();
        return services;
    }
}
