namespace Wms.Core.Tests.Tracking.FakeMlflow;

public sealed class FakeModelVersion
{
    public required int Version { get; init; }
    public long CreationTime { get; init; }
    public long UpdatedTime { get; set; }
    public string Stage { get; set; } = "None";
    public string Description { get; set; } = "";
    public required string Source { get; init; }
    public string RunId { get; init; } = "";
    public string Status { get; set; } = "READY";
    public int PendingReads { get; set; }
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
