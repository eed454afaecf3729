using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wms.Cli.Commands.Bench;
using Wms.Cli.Commands.Data;
using Wms.Cli.Commands.Hooks;
using Wms.Cli.Commands.Model;
using Wms.Cli.Commands.Predict;
using Wms.Cli.Commands.Registry;
using Wms.Cli.Commands.Deploy;
using Wms.Cli.Commands.Gate;
using Wms.Cli.Commands.Infra;
using Wms.Cli.Commands.Training;
using Wms.Cli.Commands.Serve;
using Wms.Cli.Output;
using Wms.Core;

namespace Wms.Cli;

/// <summary>Wires the CLI: console, configuration and every command area.</summary>
public static class ServiceRegistration
{
    public static IConfigurationBuilder AddWmsConfiguration(this IConfigurationBuilder configuration) => configuration
        .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "wms.json"), optional: true)
        .AddEnvironmentVariables();

    public static IServiceCollection AddWmsCli(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => Workspace.Current());
        services.AddSingleton<IConsoleUi>(_ => ConsoleUi.CreateDefault());
        services.AddDataCommands();
        services.AddRegistryCommands();
        services.AddInfraCommands();
        services.AddDeployCommands();
        services.AddHooksCommands();
        services.AddTrainingCommands();
        services.AddServeCommands();
        services.AddModelCommands().AddBenchCommands();
        services.AddPredictCommands();
        services.AddGateCommands();
        return services;
    }
}
