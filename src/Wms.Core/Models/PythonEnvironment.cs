namespace Wms.Core.Models;

/// <summary>
/// The pyfunc environment files MLflow writes next to an onnx model (conda.yaml, python_env.yaml,
/// requirements.txt), pinned to what the MLmodel names, so <c>mlflow models serve</c> or
/// <c>mlflow.pyfunc.load_model</c> can rebuild it.
/// </summary>
public static class PythonEnvironment
{
    public const string MlflowVersion = "2.17.2";
    public const string OnnxVersion = "1.17.0";
    public const string OnnxRuntimeVersion = "1.20.1";
    public const string PythonVersion = "3.11.9";

    public const string CondaFileName = "conda.yaml";
    public const string VirtualenvFileName = "python_env.yaml";
    public const string RequirementsFileName = "requirements.txt";

    private static readonly string[] Requirements =
        [$"mlflow=={MlflowVersion}", $"onnx=={OnnxVersion}", $"onnxruntime=={OnnxRuntimeVersion}"];

    public static string RequirementsTxt => string.Join('\n', Requirements) + "\n";

    public static string CondaYaml =>
        $"""
        channels:
        - conda-forge
        dependencies:
        - python={PythonVersion}
        - pip<=24.2
        - pip:
        {string.Join('\n', Requirements.Select(r => "  - " + r))}
        name: mlflow-env

        """;

    public static string PythonEnvYaml =>
        $"""
        python: {PythonVersion}
        build_dependencies:
        - pip==24.2
        - setuptools
        - wheel
        dependencies:
        - -r {RequirementsFileName}

        """;
}
