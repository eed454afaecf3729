using System.Text.Json.Serialization;

namespace Wms.Core.Predictions;

/// <summary>The JSON of <c>predictions.json</c> (snake_case, as the serving API).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(PredictionsReport))]
public sealed partial class PredictionsJsonContext : JsonSerializerContext;
