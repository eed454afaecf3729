using System.Text.Json.Serialization;
using Wms.Core.Infra;

namespace Wms.Cli.Commands.Infra;

public sealed record LeaseDto(string Id, DateTimeOffset ExpiresAt, bool Live)
{
    public static LeaseDto From(Lease lease, bool live) => new(lease.Id, lease.ExpiresAt, live);
}

public sealed record InfraStatusDto(string InstanceId, string State, IReadOnlyList<LeaseDto> Leases);

public sealed record InfraStartDto(
    string InstanceId, string State, string Lease, DateTimeOffset LeaseExpiresAt, bool StartIssued,
    IReadOnlyList<LeaseDto> OtherLiveLeases, IReadOnlyList<string> ExpiredLeasesRemoved);

public sealed record InfraStopDto(
    string InstanceId, string State, string Outcome, bool Stopped, string Reason, bool LeaseReleased,
    IReadOnlyList<LeaseDto> LiveLeases, IReadOnlyList<string> ExpiredLeasesRemoved);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(InfraStatusDto))]
[JsonSerializable(typeof(InfraStartDto))]
[JsonSerializable(typeof(InfraStopDto))]
internal sealed partial class InfraJsonContext : JsonSerializerContext;
