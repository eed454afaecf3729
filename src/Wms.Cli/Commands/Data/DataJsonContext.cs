using System.Text.Json.Serialization;

namespace Wms.Cli.Commands.Data;

/// <summary>Source-generated JSON for the `wms data` commands (snake_case, as the original's reports).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(SynthResult))]
public sealed partial class DataJsonContext : JsonSerializerContext;
