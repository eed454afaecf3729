using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Wms.Core;
using Wms.Core.DataQuality;
using Wms.Core.DataSets;
using Wms.Core.Dvc;

namespace Wms.Cli.Commands.Data;

/// <summary>JSON for the `wms data` commands: snake_case, enums as strings, file names unescaped.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true, WriteIndented = true)]
[JsonSerializable(typeof(DataQualityReport))]
[JsonSerializable(typeof(List<AddOutput>))]
[JsonSerializable(typeof(TransferOutput))]
[JsonSerializable(typeof(StatusOutput))]
[JsonSerializable(typeof(MergeResult))]
[JsonSerializable(typeof(InitOutput))]
[JsonSerializable(typeof(SynthResult))]
internal sealed partial class DataJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context to use: relaxed escaping keeps non-ASCII file names and "+-" readable (the
    /// output is a file or a pipe, never HTML).
    /// </summary>
    public static DataJsonContext Relaxed { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters =
        {
            new JsonStringEnumConverter<WorkspaceState>(JsonNamingPolicy.SnakeCaseLower),
            new JsonStringEnumConverter<MergeOutcome>(JsonNamingPolicy.SnakeCaseLower),
            new JsonStringEnumConverter<WmsErrorKind>(JsonNamingPolicy.SnakeCaseLower),
        },
    });
}
