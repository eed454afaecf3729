using System.Text.Json.Serialization;
using Wms.Core.Models;

namespace Wms.Cli.Commands.Model;

/// <summary>JSON for the `wms model` commands (snake_case).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ExportOutput))]
[JsonSerializable(typeof(PullOutput))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;

/// <summary>`wms model export` result.</summary>
internal sealed record ExportOutput(string Folder, string Onnx, string OnnxSha256, int ImageSize, string? RunId,
    float MaxLogitDifference, IReadOnlyList<ManifestFile> Files, string Precision, Int8AgreementOutput? Int8);

/// <summary>An INT8 export's agreement with the FP32 graph on the calibration photos.</summary>
internal sealed record Int8AgreementOutput(int CalibrationPhotos, double MeanDice, double MinDice, float MaxLogitDifference, double MeanLogitDifference);
