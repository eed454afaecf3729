using System.Text.Json.Serialization;

namespace Wms.Cli.Commands.Registry.Views;

/// <summary>JSON of the tracking and registry commands: snake_case, NaN metrics as "NaN".</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    WriteIndented = true)]
[JsonSerializable(typeof(ModelListView))]
[JsonSerializable(typeof(ModelDetailView))]
[JsonSerializable(typeof(PromotionView))]
[JsonSerializable(typeof(RunListView))]
[JsonSerializable(typeof(RunDetailView))]
[JsonSerializable(typeof(RunComparisonView))]
[JsonSerializable(typeof(ProductionMetricsView))]
internal sealed partial class RegistryJsonContext : JsonSerializerContext;
