using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace Wms.Serving.Contracts;

/// <summary>Source-generated JSON for every body the server writes.</summary>
[JsonSerializable(typeof(PredictionResponse))]
[JsonSerializable(typeof(BatchPredictionResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(ReadyResponse))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
public sealed partial class ServingJsonContext : JsonSerializerContext;
