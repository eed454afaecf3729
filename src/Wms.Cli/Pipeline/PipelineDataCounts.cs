namespace Wms.Cli.Pipeline;

/// <summary>Photo/mask pairs: in the data set before the merge, brought in by it, and after it.</summary>
public sealed record PipelineDataCounts(int Existing, int New, int Total, string DataHash);
