using System.Text.Json.Serialization;

namespace Wms.Cli.Commands.Training;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(TrainSummary))]
internal sealed partial class TrainJsonContext : JsonSerializerContext;
