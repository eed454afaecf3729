using Amazon;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Wms.Core;
using Wms.Core.Infra;

namespace Wms.Cli.Infra;

/// <summary>Creates the EC2 client from <see cref="InfraOptions"/> and finds the instance by id or tag.</summary>
/// <param name="credentials">Null: the SDK's default chain (environment, profile, instance role). Tests pass fixed ones.</param>
internal sealed class Ec2InstanceStoreFactory(AWSCredentials? credentials = null) : IInstanceStoreFactory
{
    public async Task<IInstanceStore> OpenAsync(InfraOptions options, CancellationToken cancellationToken)
    {
        var ec2 = CreateClient(options, credentials);
        if (!string.IsNullOrWhiteSpace(options.InstanceId))
            return new Ec2InstanceStore(ec2, options.InstanceId);

        var (key, value) = options.ParseInstanceTag();
        var response = await Ec2Errors.Guard(() => ec2.DescribeInstancesAsync(new DescribeInstancesRequest
        {
            Filters = [new Filter("tag:" + key, [value])],
        }, cancellationToken));
        var live = (response.Reservations ?? []).SelectMany(r => r.Instances ?? []).Where(Ec2InstanceStore.IsLive).ToList();
        return live.Count switch
        {
            1 => new Ec2InstanceStore(ec2, live[0].InstanceId),
            0 => throw WmsException.NotFound($"no EC2 instance tagged {key}={value} (set --instance-id, --tag or Infra:InstanceTag)"),
            _ => throw new WmsException(
                $"{live.Count} EC2 instances are tagged {key}={value} ({string.Join(", ", live.Select(i => i.InstanceId))}): pass --instance-id"),
        };
    }

    private static IAmazonEC2 CreateClient(InfraOptions options, AWSCredentials? credentials)
    {
        var config = new AmazonEC2Config();
        if (!string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
            // Requests to another endpoint are still signed for a region; without one the SDK would go looking.
            config.AuthenticationRegion = string.IsNullOrWhiteSpace(options.Region) ? "us-east-1" : options.Region;
        }
        else if (!string.IsNullOrWhiteSpace(options.Region))
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        try
        {
            return credentials is null ? new AmazonEC2Client(config) : new AmazonEC2Client(credentials, config);
        }
        catch (AmazonClientException e)
        {
            throw new WmsException($"EC2 client: {e.Message} (set AWS credentials and --region or AWS_REGION)", WmsErrorKind.DependencyUnavailable, e);
        }
    }
}
