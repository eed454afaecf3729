namespace Wms.Core.Tests.Tracking.FakeMlflow;

public sealed class FakeExperiment
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string LifecycleStage { get; set; } = "active";
    public long CreationTime { get; init; }
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
