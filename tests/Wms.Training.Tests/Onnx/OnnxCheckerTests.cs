using System.Text.Json;
using Wms.Core.Models;
using Wms.Training.Onnx;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Training.Tests.Onnx;

/// <summary>The exported file passes the real <c>onnx.checker</c> (what <c>mlflow.onnx.load_model</c> runs first).</summary>
public sealed class OnnxCheckerTests
{
    internal const string Script = """
        import json, sys, onnx
        model = onnx.load(sys.argv[1])
        onnx.checker.check_model(model, full_check=True)
        inferred = onnx.shape_inference.infer_shapes(model, strict_mode=True)
        def dims(v): return [d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim]
        print(json.dumps({
            "ir_version": model.ir_version,
            "opsets": {o.domain: o.version for o in model.opset_import},
            "inputs": {v.name: [v.type.tensor_type.elem_type, dims(v)] for v in model.graph.input},
            "outputs": {v.name: [v.type.tensor_type.elem_type, dims(v)] for v in inferred.graph.output},
            "ops": sorted({n.op_type for n in model.graph.node}),
            "metadata": {p.key: p.value for p in model.metadata_props},
        }, separators=(",", ":")))
        """;

    [Fact]
    public void The_exported_model_passes_onnx_checker_with_full_shape_inference()
    {
        TestEnvironment.RequirePython("onnx");
        using var temp = new TempDirectory();
        using var model = TrainedUNet.Create(seed: 3);
        var path = temp.Combine("model.onnx");
        UNetOnnxExporter.Save(model, path, imageSize: 256);

        var (code, stdout, stderr) = TestEnvironment.Run(TestEnvironment.DebianPython, ["-c", Script, path], TimeSpan.FromMinutes(2));

        Assert.True(code == 0, $"onnx.checker refused the model: {stderr}");
        var report = JsonDocument.Parse(stdout.Trim()).RootElement;
        Assert.Equal(8, report.GetProperty("ir_version").GetInt32());
        Assert.Equal(17, report.GetProperty("opsets").GetProperty("").GetInt32());
        Assert.Equal("""[1,["batch",3,"height","width"]]""", report.GetProperty("inputs").GetProperty(ModelContract.InputName).GetRawText());
        Assert.Equal("""[1,["batch",1,"height","width"]]""", report.GetProperty("outputs").GetProperty(ModelContract.OutputName).GetRawText());
        Assert.Equal(["Concat", "Conv", "MaxPool", "Relu", "Resize", "Shape"],
            report.GetProperty("ops").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal("256", report.GetProperty("metadata").GetProperty(ModelContract.ImageSizeMetadataKey).GetString());
    }
}
