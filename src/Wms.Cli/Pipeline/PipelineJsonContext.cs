using System.Text.Json.Serialization;
using Wms.Cli.Pipeline.Steps;

namespace Wms.Cli.Pipeline;

/// <summary>The state file, step results and summary: snake_case, indented.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(PipelineState))]
[JsonSerializable(typeof(PipelineSummary))]
[JsonSerializable(typeof(MergeStepResult))]
[JsonSerializable(typeof(ValidateStepResult))]
[JsonSerializable(typeof(TrainStepResult))]
[JsonSerializable(typeof(GateStepResult))]
[JsonSerializable(typeof(PromoteStepResult))]
[JsonSerializable(typeof(DataVersionStepResult))]
[JsonSerializable(typeof(ExportStepResult))]
internal sealed partial class PipelineJsonContext : JsonSerializerContext;
