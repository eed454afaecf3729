using System.CommandLine;
using Microsoft.Extensions.Options;
using Wms.Cli.Output;
using Wms.Core.Infra;

namespace Wms.Cli.Commands.Infra;

/// <summary>`wms infra start --lease ID`: take (or renew) a lease, then start the instance and wait for it.</summary>
public sealed class InfraStartCommand : BaseCommand
{
    private static readonly Option<string> Lease = new("--lease")
    {
        Description = "Lease id: who needs the machine (in CI the workflow run id). Starting again with the same id renews it",
        Required = true,
    };

    private static readonly Option<TimeSpan?> Ttl = new("--ttl")
    {
        Description = "How long the lease lives unless renewed or released, e.g. 6h (default: Infra:LeaseTtl, 3h)",
        CustomParser = Durations.ParseOptional,
    };

    private static readonly Option<bool> NoWait = new("--no-wait") { Description = "Return once the start is requested, without waiting for 'running'" };

    private readonly IInstanceStoreFactory _stores;
    private readonly IOptions<InfraOptions> _options;
    private readonly TimeProvider _time;

    public InfraStartCommand(IConsoleUi ui, IInstanceStoreFactory stores, IOptions<InfraOptions> options, TimeProvider time)
        : base("start", "Take a lease on the shared instance and start it (waits until running)", ui)
    {
        _stores = stores;
        _options = options;
        _time = time;
        Options.Add(Lease);
        Options.Add(Ttl);
        Options.Add(NoWait);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var resolved = InfraCommandOptions.Resolve(parseResult, _options);
        var store = await _stores.OpenAsync(resolved, cancellationToken);
        var shared = new SharedInstance(store, _time, resolved, new UiProgress(Ui));
        var leaseId = parseResult.GetValue(Lease)!;
        var result = await shared.StartAsync(leaseId, parseResult.GetValue(Ttl) ?? resolved.LeaseTtl, !parseResult.GetValue(NoWait), cancellationToken);

        var now = _time.GetUtcNow();
        var dto = new InfraStartDto(result.InstanceId, result.State.ToEc2Name(), result.Lease.Id, result.Lease.ExpiresAt, result.StartIssued,
            [.. result.OtherLiveLeases.Select(l => LeaseDto.From(l, l.IsLive(now)))], result.ExpiredLeasesRemoved);
        if (parseResult.IsJson())
            Ui.WriteJson(dto, InfraJsonContext.Default.InfraStartDto);
        else
            Ui.Success($"{dto.InstanceId} is {dto.State}; lease {dto.Lease} until {LeaseTags.FormatExpiry(dto.LeaseExpiresAt)}"
                + (dto.OtherLiveLeases.Count > 0 ? $" (also leased by {string.Join(", ", dto.OtherLiveLeases.Select(l => l.Id))})" : ""));
        return ExitCodes.Success;
    }
}
