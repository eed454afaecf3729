using System.Text.Json.Serialization;

namespace Wms.Core.Registry.Promotion;

/// <summary>JSON of the record files: snake_case like MLflow and the original's reports; NaN metrics as "NaN".</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(ProductionRecord))]
[JsonSerializable(typeof(ProductionHistoryEntry))]
internal sealed partial class PromotionJsonContext : JsonSerializerContext;
