namespace Wms.Core.Tests.Tracking.FakeMlflow;

/// <summary>What the fake MLflow server stores; only touched under the server's lock.</summary>
public sealed class FakeMlflowState
{
    public List<FakeExperiment> Experiments { get; } = [];
    public Dictionary<string, FakeRun> Runs { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, FakeRegisteredModel> Models { get; } = new(StringComparer.Ordinal);
    /// <summary>Artifact bytes by proxy path, e.g. "1/&lt;run&gt;/artifacts/model/MLmodel".</summary>
    public SortedDictionary<string, byte[]> Artifacts { get; } = new(StringComparer.Ordinal);
    public int RunCounter { get; set; }
    /// <summary>When above 0, new versions stay PENDING_REGISTRATION for this many model-versions/get calls.</summary>
    public int PendingRegistrationReads { get; set; }
}

public sealed class FakeExperiment
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string LifecycleStage { get; set; } = "active";
    public long CreationTime { get; init; }
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}

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

public sealed record FakeMetric(string Key, double Value, long Timestamp, long Step);

public sealed class FakeRegisteredModel
{
    public required string Name { get; init; }
    public long CreationTime { get; init; }
    public long UpdatedTime { get; set; }
    public string Description { get; set; } = "";
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> Aliases { get; } = new(StringComparer.Ordinal);
    public List<FakeModelVersion> Versions { get; } = [];
}

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
