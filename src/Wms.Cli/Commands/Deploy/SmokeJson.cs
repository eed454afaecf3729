using System.Text.Json.Serialization;

namespace Wms.Cli.Commands.Deploy;

public sealed record SmokeCheckDto(string Name, bool Passed, string Detail);

public sealed record SmokeDto(string Url, bool Passed, IReadOnlyList<SmokeCheckDto> Checks);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(SmokeDto))]
internal sealed partial class SmokeJsonContext : JsonSerializerContext;
