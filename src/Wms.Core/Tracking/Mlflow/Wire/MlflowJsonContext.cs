using System.Text.Json.Serialization;

namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>
/// MLflow's JSON: snake_case names, absent fields for empty values, int64 that may come as strings
/// and doubles that may be "NaN"/"Infinity" strings (both read and, for NaN, written that way).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(WireTag))]
[JsonSerializable(typeof(WireExperiment))]
[JsonSerializable(typeof(ExperimentResponse))]
[JsonSerializable(typeof(CreateExperimentRequest))]
[JsonSerializable(typeof(CreateExperimentResponse))]
[JsonSerializable(typeof(WireRunInfo))]
[JsonSerializable(typeof(WireMetric))]
[JsonSerializable(typeof(WireRunData))]
[JsonSerializable(typeof(WireRun))]
[JsonSerializable(typeof(RunResponse))]
[JsonSerializable(typeof(CreateRunRequest))]
[JsonSerializable(typeof(UpdateRunRequest))]
[JsonSerializable(typeof(SearchRunsRequest))]
[JsonSerializable(typeof(SearchRunsResponse))]
[JsonSerializable(typeof(LogBatchRequest))]
[JsonSerializable(typeof(SetTagRequest))]
[JsonSerializable(typeof(MetricHistoryResponse))]
[JsonSerializable(typeof(LogModelRequest))]
[JsonSerializable(typeof(WireFileInfo))]
[JsonSerializable(typeof(ListArtifactsResponse))]
[JsonSerializable(typeof(WireAlias))]
[JsonSerializable(typeof(WireModelVersion))]
[JsonSerializable(typeof(WireRegisteredModel))]
[JsonSerializable(typeof(RegisteredModelResponse))]
[JsonSerializable(typeof(NameRequest))]
[JsonSerializable(typeof(ModelVersionResponse))]
[JsonSerializable(typeof(CreateModelVersionRequest))]
[JsonSerializable(typeof(SearchModelVersionsResponse))]
[JsonSerializable(typeof(TransitionStageRequest))]
[JsonSerializable(typeof(SetAliasRequest))]
[JsonSerializable(typeof(DeleteAliasRequest))]
[JsonSerializable(typeof(SetModelVersionTagRequest))]
[JsonSerializable(typeof(DownloadUriResponse))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class MlflowJsonContext : JsonSerializerContext;
