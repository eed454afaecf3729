namespace Wms.Core.Models;

/// <summary>
/// The pyfunc environment files MLflow writes next to an onnx model (conda.yaml, python_env.yaml,
/// requirements.txt), pinned to what the MLmodel names, so <c>mlflow models serve</c> or
/// <c>mlflow.pyfunc.load_model</c> can rebuild it.
/// </summary>
public static class PythonEnvironment
{
    /// <summary>The MLflow the folder is written for (the recorded server's version).</summary>
    public const string MlflowVersion = "2.17.2";

    /// <summary>The onnx package pinned for Python users (it checks IR 8 / opset 17 models).</summary>
    public const string OnnxVersion = "1.17.0";

    /// <summary>The onnxruntime package pinned for Python users.</summary>
    public const string OnnxRuntimeVersion = "1.20.1";

    /// <summary>The Python the environment files ask for.</summary>
    public const string PythonVersion = "3.11.9";

    /// <summary>pyfunc environment for conda.</summary>
    public const string CondaFileName = "conda.yaml";

    /// <summary>pyfunc environment for virtualenv.</summary>
    public const string VirtualenvFileName = "python_env.yaml";

    /// <summary>pip requirements, referenced by the other two.</summary>
    public const string RequirementsFileName = "requirements.txt";

    private static readonly string[] Requirements =
        [$"mlflow=={MlflowVersion}", $"onnx=={OnnxVersion}", $"onnxruntime=={OnnxRuntimeVersion}"];

    /// <summary>requirements.txt content.</summary>
    public static string RequirementsTxt => string.Join('\n', Requirements) + "\n";

    /// <summary>conda.yaml content.</summary>
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

    /// <summary>python_env.yaml content.</summary>
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
