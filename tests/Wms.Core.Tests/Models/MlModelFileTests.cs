using System.Text.Json;
using Wms.Core;
using Wms.Core.Models;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Core.Tests.Models;

public sealed class MlModelFileTests
{
    private static readonly MlModelSpec Spec = new(512, 7_340_032, "0f5c2c9f8b6e4c7a9d3e1b2a4c6d8e0f",
        new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero), "abc123");

    [Fact]
    public void The_signature_strings_are_exactly_MLflows()
    {
        Assert.Equal("""[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 3, 512, 512]}}]""", TensorSignature.Inputs(512));
        Assert.Equal("""[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 1, 512, 512]}}]""", TensorSignature.Outputs(512));
        Assert.Equal(256, TensorSignature.ImageSize(TensorSignature.Inputs(256)));
        Assert.Null(TensorSignature.ImageSize("""[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 3, -1, -1]}}]"""));
        Assert.Null(TensorSignature.ImageSize("not json"));
    }

    [Fact]
    public void The_MLmodel_has_the_onnx_and_pyfunc_flavors_and_the_signature()
    {
        var text = MlModelFile.Render(Spec);

        Assert.Equal("""
            artifact_path: model
            flavors:
              onnx:
                code: null
                data: model.onnx
                onnx_session_options: null
                onnx_version: 1.17.0
                providers:
                - CUDAExecutionProvider
                - CPUExecutionProvider
              python_function:
                data: model.onnx
                env:
                  conda: conda.yaml
                  virtualenv: python_env.yaml
                loader_module: mlflow.onnx
                python_version: 3.11.9
            mlflow_version: 2.17.2
            model_size_bytes: 7340032
            model_uuid: 0f5c2c9f8b6e4c7a9d3e1b2a4c6d8e0f
            run_id: abc123
            signature:
              inputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 3, 512, 512]}}]'
              outputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 1, 512, 512]}}]'
            utc_time_created: '2026-01-01 12:00:00.000000'

            """, text);
        Assert.DoesNotContain("run_id", MlModelFile.Render(Spec with { RunId = null }));
    }

    [Fact]
    // MLflow writes with PyYAML, which folds lines at 80 columns; unfolded is the same YAML value.
    public void PyYAML_reads_it_as_MLflow_would_and_dumps_it_back_identically()
    {
        TestEnvironment.RequirePython("yaml");
        using var temp = new TempDirectory();
        var path = temp.Combine("MLmodel");
        File.WriteAllText(path, MlModelFile.Render(Spec));
        const string script = """
            import json, sys, yaml
            text = open(sys.argv[1]).read()
            data = yaml.safe_load(text)
            print(json.dumps(separators=(",", ":"), obj={"same": yaml.safe_dump(data, default_flow_style=False, width=float("inf")) == text,
                              "inputs": json.loads(data["signature"]["inputs"]),
                              "data": data["flavors"]["python_function"]["data"],
                              "loader": data["flavors"]["python_function"]["loader_module"]}))
            """;

        var (code, stdout, stderr) = TestEnvironment.Run(TestEnvironment.DebianPython, ["-c", script, path], TimeSpan.FromMinutes(1));

        Assert.True(code == 0, stderr);
        var result = JsonDocument.Parse(stdout).RootElement;
        Assert.True(result.GetProperty("same").GetBoolean(), "PyYAML lays the file out differently");
        Assert.Equal("[-1,3,512,512]", result.GetProperty("inputs")[0].GetProperty("tensor-spec").GetProperty("shape").GetRawText());
        Assert.Equal("model.onnx", result.GetProperty("data").GetString());
        Assert.Equal("mlflow.onnx", result.GetProperty("loader").GetString());
    }

    [Fact]
    public void Reading_gives_back_the_onnx_file_size_and_run()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("MLmodel");
        File.WriteAllText(path, MlModelFile.Render(Spec with { ImageSize = 256 }));

        var info = MlModelFile.Read(path);

        Assert.Equal("model.onnx", info.OnnxData);
        Assert.Equal(256, info.ImageSize);
        Assert.Equal("abc123", info.RunId);
        Assert.Equal("2.17.2", info.MlflowVersion);
        Assert.Equal(["onnx", "python_function"], info.Flavors);
    }

    [Theory]
    [InlineData("flavors:\n  pytorch:\n    model_data: data\n", "no 'onnx' flavor")]
    [InlineData("flavors:\n  onnx:\n    data: ../../etc/passwd\n", "inside the model folder")]
    [InlineData("flavors: [a, b\n", "cannot read MLmodel")]
    [InlineData("just text", "not an MLmodel file")]
    [InlineData("artifact_path: model\n", "no 'flavors'")]
    public void A_bad_MLmodel_is_refused_naming_the_file(string content, string reason)
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("MLmodel");
        File.WriteAllText(path, content);

        var error = Assert.Throws<WmsException>(() => MlModelFile.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains(reason, error.Message);
    }
}
