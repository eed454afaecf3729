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
