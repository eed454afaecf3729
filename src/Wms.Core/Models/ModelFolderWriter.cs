namespace Wms.Core.Models;

/// <summary>
/// Writes an MLflow model folder (ECOSYSTEM.md §b.3) that <c>mlflow.onnx.load_model</c> and
/// <c>mlflow.pyfunc.load_model</c> accept: MLmodel, model.onnx, conda.yaml, python_env.yaml,
/// requirements.txt, the extra weight files, and <c>wms-model.json</c> with every file's SHA-256.
/// The folder is built under a temporary name next to the target and moved into place, so the
/// target is either the old folder or the complete new one, never half of either.
/// </summary>
public static class ModelFolderWriter
{
    /// <param name="overwrite">Replace an existing folder; otherwise an existing one is a conflict.</param>
    public static ModelPackage Write(string directory, ModelFolderContent content, TimeProvider? time = null, bool overwrite = false)
    {
        directory = Path.GetFullPath(directory);
        if (Directory.Exists(directory) && !overwrite)
            throw new WmsException($"{directory}: already exists (choose another folder or allow overwriting)", WmsErrorKind.Conflict);
        foreach (var extra in content.ExtraFiles)
            if (!File.Exists(extra)) throw WmsException.NotFound($"{extra}: file to add to the model folder not found");

        var parent = Path.GetDirectoryName(directory)!;
        var staging = Path.Combine(parent, $".{Path.GetFileName(directory)}.tmp-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
            Fill(staging, content, (time ?? TimeProvider.System).GetUtcNow());
            Replace(staging, directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WmsException($"{directory}: cannot write the model folder ({e.Message})");
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
        return ModelPackage.Open(directory);
    }

    private static void Fill(string folder, ModelFolderContent content, DateTimeOffset now)
    {
        File.WriteAllBytes(Path.Combine(folder, ModelContract.OnnxFileName), content.Onnx);
        foreach (var extra in content.ExtraFiles)
            File.Copy(extra, Path.Combine(folder, Path.GetFileName(extra)));
        File.WriteAllText(Path.Combine(folder, PythonEnvironment.CondaFileName), PythonEnvironment.CondaYaml);
        File.WriteAllText(Path.Combine(folder, PythonEnvironment.VirtualenvFileName), PythonEnvironment.PythonEnvYaml);
        File.WriteAllText(Path.Combine(folder, PythonEnvironment.RequirementsFileName), PythonEnvironment.RequirementsTxt);

        // MLflow's model_size_bytes counts the files the model consists of, the MLmodel excluded.
        var size = Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length);
        var spec = new MlModelSpec(content.ImageSize, size, Guid.NewGuid().ToString("N"), now, content.RunId, Precision: content.Precision);
        File.WriteAllText(Path.Combine(folder, ModelContract.MlModelFileName), MlModelFile.Render(spec));
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal)
            .Select(f => new ManifestFile(Path.GetFileName(f), FileHash.Sha256(f), new FileInfo(f).Length))
            .ToList();

        var manifest = new ModelManifest(
            FormatVersion: ModelManifest.CurrentFormatVersion,
            OnnxFile: ModelContract.OnnxFileName,
            OnnxSha256: FileHash.Sha256(content.Onnx),
            ImageSize: content.ImageSize,
            Threshold: ModelContract.Threshold,
            InputName: ModelContract.InputName,
            OutputName: ModelContract.OutputName,
            Files: files,
            RunId: content.RunId,
            CreatedUtc: now,
            Producer: "wms",
            Precision: content.Precision,
            Postprocess: content.Postprocess == Inference.MaskPostprocess.None ? null : Inference.MaskPostprocessNames.Of(content.Postprocess));
        File.WriteAllText(Path.Combine(folder, ModelContract.ManifestFileName),
            System.Text.Json.JsonSerializer.Serialize(manifest, ModelJsonContext.Default.ModelManifest));
    }

    private static void Replace(string staging, string directory)
    {
        if (!Directory.Exists(directory))
        {
            Directory.Move(staging, directory);
            return;
        }
        var old = Path.Combine(Path.GetDirectoryName(directory)!, $".{Path.GetFileName(directory)}.old-{Guid.NewGuid():N}");
        Directory.Move(directory, old);
        Directory.Move(staging, directory);
        Directory.Delete(old, recursive: true);
    }
}
