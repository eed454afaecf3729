namespace Wms.Core.Infra;

/// <summary>
/// Where the shared training machine is and how long to wait for it. Section <c>Infra</c> of
/// wms.json, or environment variables such as <c>Infra__InstanceTag</c>; CLI options win.
/// </summary>
public sealed record InfraOptions
{
    public const string Section = "Infra";

    /// <summary>The EC2 instance id; when empty, the instance is found by <see cref="InstanceTag"/>.</summary>
    public string? InstanceId { get; init; }

    /// <summary>The <c>key=value</c> tag that marks the instance (exactly one live instance must carry it).</summary>
    public string InstanceTag { get; init; } = "Name=wms-training";

    /// <summary>The AWS region; when empty, the SDK's default chain (AWS_REGION, profile) decides.</summary>
    public string? Region { get; init; }

    /// <summary>An EC2 endpoint to use instead of AWS's (LocalStack and the like).</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>How long a lease lives unless renewed; a run that dies without stopping frees the instance after it.</summary>
    public TimeSpan LeaseTtl { get; init; } = TimeSpan.FromHours(3);

    /// <summary>How long start or stop waits for the instance to reach its state.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the state is read while waiting (EC2's own waiters use 15 s).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The tag key and value of <see cref="InstanceTag"/>, checked.</summary>
    public (string Key, string Value) ParseInstanceTag()
    {
        var at = InstanceTag.IndexOf('=', StringComparison.Ordinal);
        if (at <= 0 || at == InstanceTag.Length - 1)
            throw new WmsException($"Infra:InstanceTag '{InstanceTag}' must be key=value, e.g. Name=wms-training");
        return (InstanceTag[..at], InstanceTag[(at + 1)..]);
    }
}
