using Wms.Core.Models;
using Wms.Core.Registry;

namespace Wms.Cli.Pipeline.Steps;

/// <summary>
/// Exports the promoted model: the registered version's model folder (MLmodel, model.onnx,
/// weights), downloaded from the registry into the export folder (which the download replaces
/// whole, so a reader never sees half a model) and opened to check it.
/// </summary>
public static class ExportStep
{
    public static async Task<ExportStepResult> RunAsync(IModelRegistry registry, string modelName, PipelineRequest request,
        PromoteStepResult promoted, CancellationToken cancellationToken)
    {
        var path = await registry.DownloadModelVersionAsync(modelName, promoted.Version, request.ExportDirectory, cancellationToken);
        var package = ModelPackage.Open(path);
        return new ExportStepResult(path, package.OnnxSha256, package.ImageSize ?? 0);
    }
}
