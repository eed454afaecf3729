using System.Text.Json;

namespace Wms.Cli.Pipeline;

/// <summary>One finished step: the hash of what it worked on, when it finished, and what it produced.</summary>
public sealed record PipelineStepRecord(string InputHash, DateTimeOffset FinishedAt, JsonElement Result);
