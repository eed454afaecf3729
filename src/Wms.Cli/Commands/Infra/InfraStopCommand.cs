using System.CommandLine;
using Microsoft.Extensions.Options;
using Wms.Cli.Output;
using Wms.Core.Infra;

namespace Wms.Cli.Commands.Infra;

/// <summary>
/// `wms infra stop [--lease ID]`: release the lease and stop the instance only if no other live
/// lease remains. Keeping it running for another run is a success (exit 0), not an error.
/// </summary>
public sealed class InfraStopCommand : BaseCommand
{
    private static readonly Option<string?> Lease = new("--lease")
    {
        Description = "The lease to release. Without it: stop only if nobody holds a live lease (idle check)",
    };

    private static readonly Option<bool> Force = new("--force") { Description = "Stop even under live leases, and drop them (their runs will fail)" };

    private static readonly Option<bool> NoWait = new("--no-wait") { Description = "Return once the stop is requested, without waiting for 'stopped'" };

    private readonly IInstanceStoreFactory _stores;
    private readonly IOptions<InfraOptions> _options;
    private readonly TimeProvider _time;

    public InfraStopCommand(IConsoleUi ui, IInstanceStoreFactory stores, IOptions<InfraOptions> options, TimeProvider time)
        : base("stop", "Release a lease; stop the shared instance when no other live lease remains", ui)
    {
        _stores = stores;
        _options = options;
        _time = time;
        Options.Add(Lease);
        Options.Add(Force);
        Options.Add(NoWait);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var resolved = InfraCommandOptions.Resolve(parseResult, _options);
        var store = await _stores.OpenAsync(resolved, cancellationToken);
        var shared = new SharedInstance(store, _time, resolved, new UiProgress(Ui));
        var result = await shared.StopAsync(parseResult.GetValue(Lease), parseResult.GetValue(Force), !parseResult.GetValue(NoWait), cancellationToken);

        var now = _time.GetUtcNow();
        var dto = new InfraStopDto(result.InstanceId, result.State.ToEc2Name(), OutcomeName(result.Outcome),
            result.Outcome is StopOutcome.Stopped or StopOutcome.Stopping, result.Reason, result.LeaseReleased,
            [.. result.LiveLeases.Select(l => LeaseDto.From(l, l.IsLive(now)))], result.ExpiredLeasesRemoved);
        if (parseResult.IsJson())
            Ui.WriteJson(dto, InfraJsonContext.Default.InfraStopDto);
        else
            Ui.Success($"{dto.InstanceId} is {dto.State}: {dto.Reason}");
        return ExitCodes.Success;
    }

    private static string OutcomeName(StopOutcome outcome) => outcome switch
    {
        StopOutcome.Stopped => "stopped",
        StopOutcome.Stopping => "stopping",
        StopOutcome.KeptForLeases => "kept_for_leases",
        _ => "restarted_for_lease",
    };
}
