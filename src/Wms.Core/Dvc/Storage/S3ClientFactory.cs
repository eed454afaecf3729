using System.Globalization;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.S3;

namespace Wms.Core.Dvc.Storage;

/// <summary>
/// Builds an S3 client from a DVC remote's options. Settings follow ECOSYSTEM.md §f so that
/// S3-compatible servers (s3rver, older MinIO, Ceph) store exactly the bytes sent: path-style
/// addressing, checksums only when required, and no aws-chunked bodies (see <see cref="S3ObjectStore"/>).
/// </summary>
public static class S3ClientFactory
{
    /// <summary>The DVC s3 options honoured here; <c>url</c> and <c>jobs</c> are read elsewhere.</summary>
    public static readonly IReadOnlySet<string> SupportedKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "url", "jobs", "region", "profile", "credentialpath", "endpointurl", "access_key_id",
        "secret_access_key", "session_token", "use_ssl", "sse", "sse_kms_key_id", "acl", "read_timeout", "connect_timeout",
    };

    public static AmazonS3Client Create(DvcRemoteConfig remote)
    {
        var config = new AmazonS3Config
        {
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        var region = remote["region"];
        if (remote["endpointurl"] is { } endpoint)
        {
            config.ServiceURL = endpoint;
            config.ForcePathStyle = true;
            config.AuthenticationRegion = region ?? "us-east-1";
        }
        else
        {
            config.RegionEndpoint = region is not null ? RegionEndpoint.GetBySystemName(region) : FallbackRegion();
        }
        if (remote["use_ssl"] is "false" or "False") config.UseHttp = true;
        if (Seconds(remote, "read_timeout") is { } read) config.Timeout = read;
        if (Seconds(remote, "connect_timeout") is { } connect) config.ConnectTimeout = connect;

        return Credentials(remote) is { } credentials ? new AmazonS3Client(credentials, config) : new AmazonS3Client(config);
    }

    /// <summary>Keys set on the remote that this client does not act on (reported as warnings).</summary>
    public static IReadOnlyList<string> IgnoredKeys(DvcRemoteConfig remote) =>
        remote.Options.Keys.Where(k => !SupportedKeys.Contains(k)).Order(StringComparer.Ordinal).ToList();

    // Explicit keys, then a named profile; null means the SDK's usual chain (environment
    // variables, AWS_PROFILE, ~/.aws/credentials, SSO, container and instance roles).
    private static AWSCredentials? Credentials(DvcRemoteConfig remote)
    {
        if (remote["access_key_id"] is { } keyId)
        {
            var secret = remote["secret_access_key"]
                ?? throw new WmsException($"DVC remote '{remote.Name}': access_key_id is set but secret_access_key is not (put it in .dvc/config.local)");
            return remote["session_token"] is { } token ? new SessionAWSCredentials(keyId, secret, token) : new BasicAWSCredentials(keyId, secret);
        }
        if (remote["profile"] is not { } profile) return null;
        var chain = remote["credentialpath"] is { } file ? new CredentialProfileStoreChain(Path.GetFullPath(file, remote.ConfigDirectory)) : new CredentialProfileStoreChain();
        return chain.TryGetAWSCredentials(profile, out var credentials)
            ? credentials
            : throw new WmsException($"DVC remote '{remote.Name}': AWS profile '{profile}' not found", WmsErrorKind.DependencyUnavailable);
    }

    private static RegionEndpoint FallbackRegion()
    {
        try
        {
            return FallbackRegionFactory.GetRegionEndpoint() ?? RegionEndpoint.USEast1;
        }
        catch (AmazonClientException)
        {
            return RegionEndpoint.USEast1;
        }
    }

    private static TimeSpan? Seconds(DvcRemoteConfig remote, string key)
    {
        if (remote[key] is not { } text) return null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new WmsException($"DVC remote '{remote.Name}': {key} must be a number of seconds, not '{text}'");
    }
}
