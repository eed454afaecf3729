using System.CommandLine;
using Microsoft.Extensions.Options;
using Wms.Core.Infra;

namespace Wms.Cli.Commands.Infra;

/// <summary>Options of every `wms infra` subcommand, layered over <see cref="InfraOptions"/> from configuration.</summary>
public static class InfraCommandOptions
{
    public static readonly Option<string?> InstanceId = new("--instance-id")
    {
        Description = "EC2 instance id (default: Infra:InstanceId, else the instance found by --tag)",
        Recursive = true,
    };

    public static readonly Option<string?> Tag = new("--tag")
    {
        Description = "key=value tag that marks the instance (default: Infra:InstanceTag, Name=wms-training)",
        Recursive = true,
    };

    public static readonly Option<string?> Region = new("--region")
    {
        Description = "AWS region (default: Infra:Region, else AWS_REGION / the AWS profile)",
        Recursive = true,
    };

    public static readonly Option<TimeSpan?> Timeout = new("--timeout")
    {
        Description = "How long to wait for running/stopped, e.g. 15m (default: Infra:Timeout, 15m)",
        Recursive = true,
        CustomParser = Durations.ParseOptional,
    };

    /// <summary>Configuration with the command line on top (CLI option > env var > wms.json > default).</summary>
    public static InfraOptions Resolve(ParseResult parseResult, IOptions<InfraOptions> configured)
    {
        var options = configured.Value;
        return options with
        {
            InstanceId = parseResult.GetValue(InstanceId) ?? options.InstanceId,
            InstanceTag = parseResult.GetValue(Tag) ?? options.InstanceTag,
            Region = parseResult.GetValue(Region) ?? options.Region,
            Timeout = parseResult.GetValue(Timeout) ?? options.Timeout,
        };
    }
}
