using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Wms.Core.Models;

/// <summary>
/// The <c>MLmodel</c> file of ECOSYSTEM.md §b.3: the <c>onnx</c> and <c>python_function</c>
/// flavors and a tensor signature. Written as PyYAML's <c>safe_dump</c> lays it out (sorted keys,
/// block style), so it diffs cleanly against one MLflow wrote.
/// </summary>
public static class MlModelFile
{
    /// <summary>The file's text for these values.</summary>
    public static string Render(MlModelSpec spec)
    {
        var runId = spec.RunId is null ? "" : $"run_id: {spec.RunId}\n";
        // MLflow's Model.metadata (log_model(metadata=...)): free-form, ignored by the onnx loader.
        var metadata = spec.Precision == ModelContract.Fp32Precision ? "" : $"metadata:\n  precision: {spec.Precision}\n";
        var created = spec.CreatedUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        return $"""
            artifact_path: {spec.ArtifactPath}
            flavors:
              onnx:
                code: null
                data: {ModelContract.OnnxFileName}
                onnx_session_options: null
                onnx_version: {PythonEnvironment.OnnxVersion}
                providers:
                - CUDAExecutionProvider
                - CPUExecutionProvider
              python_function:
                data: {ModelContract.OnnxFileName}
                env:
                  conda: {PythonEnvironment.CondaFileName}
                  virtualenv: {PythonEnvironment.VirtualenvFileName}
                loader_module: mlflow.onnx
                python_version: {PythonEnvironment.PythonVersion}
            {metadata}mlflow_version: {PythonEnvironment.MlflowVersion}
            model_size_bytes: {spec.ModelSizeBytes.ToString(CultureInfo.InvariantCulture)}
            model_uuid: {spec.ModelUuid}
            {runId}signature:
              inputs: '{TensorSignature.Inputs(spec.ImageSize)}'
              outputs: '{TensorSignature.Outputs(spec.ImageSize)}'
            utc_time_created: '{created}'

            """;
    }

    /// <summary>Reads the parts of an MLmodel a consumer needs; a file without an onnx flavor is refused, naming it.</summary>
    public static MlModelInfo Read(string path)
    {
        YamlMappingNode root;
        try
        {
            using var reader = new StreamReader(path);
            var yaml = new YamlStream();
            yaml.Load(reader);
            root = yaml.Documents.Count == 1 && yaml.Documents[0].RootNode is YamlMappingNode mapping
                ? mapping
                : throw new WmsException($"{path}: not an MLmodel file (expected one YAML mapping)");
        }
        catch (Exception e) when (e is YamlException or IOException or UnauthorizedAccessException)
        {
            throw new WmsException($"{path}: cannot read MLmodel ({e.Message.Split('\n')[0]})");
        }

        var flavors = Child(root, "flavors") as YamlMappingNode
            ?? throw new WmsException($"{path}: MLmodel has no 'flavors'");
        var onnx = Child(flavors, "onnx") as YamlMappingNode
            ?? throw new WmsException($"{path}: MLmodel has no 'onnx' flavor (only ONNX models are served; pickled flavors are refused)");
        var data = Scalar(onnx, "data");
        if (string.IsNullOrWhiteSpace(data) || Path.IsPathRooted(data) || data.Split('/', '\\').Contains(".."))
            throw new WmsException($"{path}: the onnx flavor's 'data' must name a file inside the model folder, not '{data}'");

        var inputs = Child(root, "signature") is YamlMappingNode signature ? Scalar(signature, "inputs") : null;
        return new MlModelInfo(
            OnnxData: data,
            ImageSize: inputs is null ? null : TensorSignature.ImageSize(inputs),
            RunId: Scalar(root, "run_id"),
            MlflowVersion: Scalar(root, "mlflow_version"),
            Flavors: flavors.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "").ToList());
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlMappingNode node, string key) =>
        Child(node, key) is YamlScalarNode { Value: { } value } && value != "null" ? value : null;
}
