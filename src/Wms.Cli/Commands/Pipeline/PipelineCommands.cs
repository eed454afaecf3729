using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wms.Cli.Output;
using Wms.Cli.Pipeline;
using Wms.Cli.Pipeline.Steps;

namespace Wms.Cli.Commands.Pipeline;

/// <summary>Registers `wms pipeline run` and the runner it shares with tests.</summary>
public static class PipelineCommands
{
    public static IServiceCollection AddPipelineCommands(this IServiceCollection services)
    {
        services.TryAddSingleton<TrainStep>();
        services.TryAddSingleton<PipelineRunner>();
        services.TryAddSingleton<GitHubActions>();
        services.AddSingleton<ITopLevelCommand, PipelineCommand>();
        services.AddKeyedSingleton<Command, PipelineRunCommand>(PipelineCommand.Key);
        return services;
    }
}
