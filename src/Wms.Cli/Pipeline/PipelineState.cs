namespace Wms.Cli.Pipeline;

/// <summary>
/// What one pipeline run has done so far, kept in <c>state.json</c> in its folder and rewritten
/// atomically after every step. A step is finished when it is in <see cref="Steps"/>; it counts as
/// done on a re-run only if its input hash is the same (same data content, same config).
/// </summary>
/// <param name="PipelineId">Derived from the new data's content, the data set's path and the config: the same command finds the same run.</param>
/// <param name="MergeBaseline">Pairs in the data set just before the merge was committed (so a merge interrupted after its rename still counts right).</param>
public sealed record PipelineState(
    string PipelineId,
    string NewDirectory,
    string DataDirectory,
    string NewDataHash,
    string ConfigHash,
    DateTimeOffset StartedAt,
    int? MergeBaseline,
    Dictionary<string, PipelineStepRecord> Steps);
