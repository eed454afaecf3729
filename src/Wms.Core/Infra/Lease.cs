namespace Wms.Core.Infra;

/// <summary>A claim on the shared instance by one pipeline run (or person) until <see cref="ExpiresAt"/>.</summary>
public sealed record Lease(string Id, DateTimeOffset ExpiresAt)
{
    public bool IsLive(DateTimeOffset now) => ExpiresAt > now;
}
