namespace Wms.Core.Tracking;

/// <summary>What identifies a run and where it stands; timestamps have millisecond precision.</summary>
/// <param name="RunId">32 hex characters, unique in the store.</param>
/// <param name="ExperimentId">The experiment the run belongs to.</param>
/// <param name="RunName">Human name (MLflow's <c>run_name</c>).</param>
/// <param name="Status">Lifecycle status.</param>
/// <param name="StartTime">When the run was created.</param>
/// <param name="EndTime">When it ended; null while running.</param>
/// <param name="ArtifactUri">Root URI of the run's artifacts (informational; use the store to read them).</param>
public sealed record RunInfo(
    string RunId,
    string ExperimentId,
    string RunName,
    RunStatus Status,
    DateTimeOffset StartTime,
    DateTimeOffset? EndTime,
    string ArtifactUri);
