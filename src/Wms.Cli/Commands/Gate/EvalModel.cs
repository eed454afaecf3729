using Wms.Core;
using Wms.Core.Inference;
using Wms.Core.LocalModels;
using Wms.Core.Models;
using Wms.Core.Registry;
using Wms.Training.Model;
using Wms.Training.Onnx;

namespace Wms.Cli.Commands.Gate;

/// <summary>
/// What `wms eval --model` names, opened as a verified <see cref="ModelPackage"/>: a model folder,
/// a pulled cache folder, an ONNX file, U-Net weights (.pth/.pt/.dat, exported to ONNX in a
/// temporary folder first) or a registry reference (<c>models:/NAME@ALIAS</c>, <c>models:/NAME/3</c>,
/// or just <c>3</c>, <c>production</c>, <c>@previous</c>). Disposing removes the temporary files.
/// </summary>
internal sealed class EvalModel : IDisposable
{
    private readonly string? _temp;

    private EvalModel(ModelPackage package, string description, string? temp)
    {
        Package = package;
        Description = description;
        _temp = temp;
    }

    public ModelPackage Package { get; }

    /// <summary>What was evaluated, for the output: a path or "model NAME version N".</summary>
    public string Description { get; }

    public static async Task<EvalModel> OpenAsync(string reference, Workspace workspace, IModelRegistry registry, string modelName,
        int weightsImageSize, MaskPostprocess weightsPostprocess, CancellationToken cancellationToken)
    {
        var path = workspace.Resolve(reference);
        if (!reference.StartsWith("models:/", StringComparison.Ordinal))
        {
            if (Directory.Exists(path))
                return new EvalModel(ModelCache.HasManifest(path) ? ModelCache.Open(path).Package : ModelPackage.Open(path), path, null);
            if (File.Exists(path))
                return IsWeightsFile(path)
                    ? FromWeights(path, weightsImageSize, weightsPostprocess)
                    : new EvalModel(ModelPackage.Open(path), path, null);
            if (!LooksLikeRegistryReference(reference))
                throw WmsException.NotFound($"{path}: model not found (a model folder, an .onnx, a .pth/.dat, or a registry reference such as models:/{modelName}@production)");
        }
        var (name, version) = ParseRegistryReference(reference, modelName);
        var resolved = await registry.ResolveAsync(name, version, cancellationToken);
        var temp = Directory.CreateTempSubdirectory("wms-eval-model-").FullName;
        try
        {
            var folder = await registry.DownloadModelVersionAsync(name, resolved.Version, temp, cancellationToken);
            return new EvalModel(ModelPackage.Open(folder), $"model '{name}' version {resolved.Version}", temp);
        }
        catch
        {
            Directory.Delete(temp, recursive: true);
            throw;
        }
    }

    /// <summary>U-Net weights (PyTorch's zip or TorchSharp's .dat), which are exported to ONNX at a config's input size.</summary>
    public static bool IsWeightsFile(string path) =>
        File.Exists(path) && (Checkpoints.IsPyTorch(path) || Path.GetExtension(path).Equals(".dat", StringComparison.OrdinalIgnoreCase));

    public void Dispose()
    {
        if (_temp is not null && Directory.Exists(_temp)) Directory.Delete(_temp, recursive: true);
    }

    private static EvalModel FromWeights(string weights, int imageSize, MaskPostprocess postprocess)
    {
        var temp = Directory.CreateTempSubdirectory("wms-eval-weights-").FullName;
        try
        {
            TorchRuntime.Configure(0);
            using var model = Checkpoints.Open(weights);
            if (UNet.InputSizeProblem(imageSize, model.Depth) is { } sizeProblem)
                throw new WmsException($"{weights}: input size {sizeProblem}");
            var export = ModelFolderExporter.Export(model, Path.Combine(temp, "model"), new ModelFolderExportOptions { ImageSize = imageSize, Postprocess = postprocess });
            return new EvalModel(export.Package, $"{weights} (at {imageSize}x{imageSize})", temp);
        }
        catch
        {
            Directory.Delete(temp, recursive: true);
            throw;
        }
    }

    /// <summary>A version number (3, v3), an alias (production, @previous) or a stage: no path separators, no file extension.</summary>
    private static bool LooksLikeRegistryReference(string text) =>
        text.Length > 0 && !text.Contains('/') && !text.Contains('\\') && !text.Contains('.');

    /// <summary><c>models:/NAME@ALIAS</c>, <c>models:/NAME/VERSION-OR-STAGE</c>, or a bare reference to <paramref name="defaultName"/>.</summary>
    private static (string Name, string Reference) ParseRegistryReference(string text, string defaultName)
    {
        if (!text.StartsWith("models:/", StringComparison.Ordinal)) return (defaultName, text);
        var rest = text["models:/".Length..];
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var (name, reference) = at > 0 ? (rest[..at], rest[(at + 1)..]) : slash > 0 ? (rest[..slash], rest[(slash + 1)..]) : (rest, "");
        if (name.Length == 0 || reference.Length == 0)
            throw new WmsException($"{text}: expected models:/NAME@ALIAS or models:/NAME/VERSION");
        return (name, reference);
    }
}
