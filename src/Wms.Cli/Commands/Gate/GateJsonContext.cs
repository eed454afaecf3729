using System.Text.Json.Serialization;

namespace Wms.Cli.Commands.Gate;

/// <summary>JSON for `wms gate` and `wms eval` (snake_case).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(GateView))]
[JsonSerializable(typeof(EvalView))]
internal sealed partial class GateJsonContext : JsonSerializerContext;
