using Amazon.EC2;
using Amazon.EC2.Model;
using Wms.Core;
using Wms.Core.Infra;
using InstanceState = Wms.Core.Infra.InstanceState;

namespace Wms.Cli.Infra;

/// <summary>
/// The shared instance on EC2: one call per operation and nothing else. The lease logic lives in
/// <see cref="SharedInstance"/>, tested on an in-memory store; this file only translates.
/// </summary>
internal sealed class Ec2InstanceStore(IAmazonEC2 ec2, string instanceId) : IInstanceStore
{
    public async Task<InstanceSnapshot> DescribeAsync(CancellationToken cancellationToken)
    {
        var response = await Ec2Errors.Guard(() => ec2.DescribeInstancesAsync(
            new DescribeInstancesRequest { InstanceIds = [instanceId] }, cancellationToken));
        var instance = (response.Reservations ?? []).SelectMany(r => r.Instances ?? []).FirstOrDefault()
            ?? throw WmsException.NotFound($"EC2 instance {instanceId} not found");
        return Snapshot(instance);
    }

    public Task SetTagAsync(string key, string value, CancellationToken cancellationToken) =>
        Ec2Errors.Guard(() => ec2.CreateTagsAsync(new CreateTagsRequest
        {
            Resources = [instanceId],
            Tags = [new Tag(key, value)],
        }, cancellationToken));

    // A tag given without a value is deleted whatever its value.
    public Task DeleteTagAsync(string key, CancellationToken cancellationToken) =>
        Ec2Errors.Guard(() => ec2.DeleteTagsAsync(new DeleteTagsRequest
        {
            Resources = [instanceId],
            Tags = [new Tag { Key = key }],
        }, cancellationToken));

    public Task StartAsync(CancellationToken cancellationToken) =>
        Ec2Errors.Guard(() => ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [instanceId] }, cancellationToken));

    public Task StopAsync(CancellationToken cancellationToken) =>
        Ec2Errors.Guard(() => ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [instanceId] }, cancellationToken));

    internal static InstanceSnapshot Snapshot(Instance instance) => new(
        instance.InstanceId,
        InstanceStateNames.Parse(instance.State?.Name?.Value ?? "unknown"),
        (instance.Tags ?? []).Where(t => t.Key is not null).ToDictionary(t => t.Key, t => t.Value ?? "", StringComparer.Ordinal));

    internal static bool IsLive(Instance instance) =>
        InstanceStateNames.Parse(instance.State?.Name?.Value ?? "unknown") is not (InstanceState.Terminated or InstanceState.ShuttingDown);
}
