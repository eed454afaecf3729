using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wms.Cli.Infra;
using Wms.Core.Infra;

namespace Wms.Cli.Commands.Infra;

/// <summary>`wms infra start|stop|status`: the shared EC2 training machine under leases.</summary>
public static class InfraCommands
{
    public static IServiceCollection AddInfraCommands(this IServiceCollection services)
    {
        services.AddOptions<InfraOptions>().BindConfiguration(InfraOptions.Section);
        services.TryAddSingleton<IInstanceStoreFactory>(_ => new Ec2InstanceStoreFactory());
        services.AddSingleton<InfraStartCommand>();
        services.AddSingleton<InfraStopCommand>();
        services.AddSingleton<InfraStatusCommand>();
        services.AddSingleton<ITopLevelCommand, InfraCommand>();
        return services;
    }
}
