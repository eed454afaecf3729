namespace Wms.Core.Infra;

/// <summary>One reading of the shared instance: its id, state and tags.</summary>
public sealed record InstanceSnapshot(string InstanceId, InstanceState State, IReadOnlyDictionary<string, string> Tags);
