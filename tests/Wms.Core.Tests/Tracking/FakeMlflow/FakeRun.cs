namespace Wms.Core.Tests.Tracking.FakeMlflow;

public sealed class FakeRun
{
    public required string RunId { get; init; }
    public required string ExperimentId { get; init; }
    public required string Name { get; set; }
    public string Status { get; set; } = "RUNNING";
    public long StartTime { get; init; }
    public long? EndTime { get; set; }
    public List<FakeMetric> Metrics { get; } = [];
    public Dictionary<string, string> Params { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
    public string ArtifactUri => $"mlflow-artifacts:/{ExperimentId}/{RunId}/artifacts";
}
