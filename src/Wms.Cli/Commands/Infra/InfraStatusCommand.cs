using System.CommandLine;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Wms.Cli.Output;
using Wms.Core.Infra;

namespace Wms.Cli.Commands.Infra;

/// <summary>`wms infra status`: the instance's state and every lease on it.</summary>
public sealed class InfraStatusCommand(IConsoleUi ui, IInstanceStoreFactory stores, IOptions<InfraOptions> options, TimeProvider time)
    : BaseCommand("status", "Show the instance's state and its leases (live and expired)", ui)
{
    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var resolved = InfraCommandOptions.Resolve(parseResult, options);
        var store = await stores.OpenAsync(resolved, cancellationToken);
        var status = await new SharedInstance(store, time, resolved).StatusAsync(cancellationToken);
        var leases = status.Leases.Select(l => new LeaseDto(l.Id, l.ExpiresAt, l.Live)).ToList();

        if (parseResult.IsJson())
        {
            Ui.WriteJson(new InfraStatusDto(status.InstanceId, status.State.ToEc2Name(), leases), InfraJsonContext.Default.InfraStatusDto);
            return ExitCodes.Success;
        }
        Ui.Out.MarkupLineInterpolated($"[bold]{status.InstanceId}[/] is [bold]{status.State.ToEc2Name()}[/]");
        if (leases.Count == 0)
        {
            Ui.Out.WriteLine("no leases");
            return ExitCodes.Success;
        }
        var table = new Table().AddColumns("lease", "expires (UTC)", "state");
        foreach (var lease in leases)
            table.AddRow(Markup.Escape(lease.Id), LeaseTags.FormatExpiry(lease.ExpiresAt), lease.Live ? "live" : "expired");
        Ui.Out.Write(table);
        return ExitCodes.Success;
    }
}
