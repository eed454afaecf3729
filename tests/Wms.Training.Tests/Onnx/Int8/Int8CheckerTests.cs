using System.Text.Json;
using Wms.Core.Models;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Training.Tests.Onnx.Int8;

/// <summary>The INT8 graph is valid ONNX for the real <c>onnx.checker</c> (what <c>mlflow.onnx.load_model</c> runs), with the FP32 graph's signature.</summary>
[Collection(Int8ModelFixture.Collection)]
public sealed class Int8CheckerTests(Int8ModelFixture fixture)
{
    [Fact]
    public void The_int8_model_passes_onnx_checker_with_full_shape_inference()
    {
        TestEnvironment.RequirePython("onnx");
        using var temp = new TempDirectory();
        var path = temp.Combine("model.onnx");
        File.WriteAllBytes(path, fixture.Int8);

        var (code, stdout, stderr) = TestEnvironment.Run(TestEnvironment.DebianPython, ["-c", OnnxCheckerTests.Script, path], TimeSpan.FromMinutes(2));

        Assert.True(code == 0, $"onnx.checker refused the model: {stderr}");
        var report = JsonDocument.Parse(stdout.Trim()).RootElement;
        Assert.Equal("""[1,["batch",3,"height","width"]]""", report.GetProperty("inputs").GetProperty(ModelContract.InputName).GetRawText());
        Assert.Equal("""[1,["batch",1,"height","width"]]""", report.GetProperty("outputs").GetProperty(ModelContract.OutputName).GetRawText());
        Assert.Equal(["Concat", "Conv", "DequantizeLinear", "MaxPool", "QuantizeLinear", "Relu", "Resize", "Shape"],
            report.GetProperty("ops").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(ModelContract.Int8Precision, report.GetProperty("metadata").GetProperty(ModelContract.PrecisionMetadataKey).GetString());
    }
}
