using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Wms.Core;
using Wms.Core.Imaging;

namespace Wms.Serving.Inference;

/// <summary>
/// The one adapter between the server and the inference engine: a loaded ONNX U-Net that turns a
/// decoded photo into its mask. Thread-safe (ONNX Runtime sessions are).
/// </summary>
/// <remarks>
/// REVIEW: interim body until the shared engine of Wms.Core/Inference lands (branch onnx); then this
/// class only forwards to it. Contract: input float [1,3,S,S] (Preprocessing.Prepare / 255),
/// output [1,1,S,S] logits, foreground where sigmoid(logit) &gt; 0.5, i.e. logit &gt; 0.
/// </remarks>
internal sealed class MaskModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _input;
    private readonly string _output;

    private MaskModel(InferenceSession session, int size)
    {
        _session = session;
        _input = session.InputNames[0];
        _output = session.OutputNames[0];
        Size = size;
    }

    public int Size { get; }

    /// <summary>Loads and checks the graph's contract; a file that is not such a model is a <see cref="WmsException"/>.</summary>
    public static MaskModel Load(string onnxPath, int threads)
    {
        using var options = new Microsoft.ML.OnnxRuntime.SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            // No arena: it keeps every run's activations (~150 MB at 512x512) for the process's
            // life; without it they go back to the OS after each run (RSS budget 300 MB).
            EnableCpuMemArena = false,
        };
        InferenceSession session;
        try
        {
            session = new InferenceSession(onnxPath, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new WmsException($"{onnxPath}: not a loadable ONNX model ({FirstLine(e.Message)})");
        }
        try
        {
            var input = session.InputMetadata.Values.First().Dimensions;
            var output = session.OutputMetadata.Values.First().Dimensions;
            if (input.Length != 4 || input[1] != 3 || output.Length != 4 || output[1] != 1)
                throw new WmsException($"{onnxPath}: expected input [N,3,H,W] and output [N,1,H,W], got [{string.Join(',', input)}] and [{string.Join(',', output)}]");
            var size = input[2] > 0 ? input[2] : Preprocessing.DefaultSize;
            return new MaskModel(session, size);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>One inference on a blank photo: pays the first-run costs and proves the graph runs.</summary>
    public void WarmUp() => Predict(new RgbImage(Size, Size));

    public MaskPrediction Predict(RgbImage photo)
    {
        var start = Stopwatch.GetTimestamp();
        var tensor = Preprocessing.ToTensor(Preprocessing.Prepare(photo, Size));
        using var input = OrtValue.CreateTensorValueFromMemory(tensor, [1, 3, Size, Size]);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, [_input], [input], [_output]);
        var logits = outputs[0].GetTensorDataAsSpan<float>();
        if (logits.Length != Size * Size)
            throw new WmsException($"the model returned {logits.Length} values, expected {Size}x{Size}");

        var mask = new byte[Size * Size];
        int count = 0, minX = Size, minY = Size, maxX = -1, maxY = -1;
        for (var i = 0; i < mask.Length; i++)
        {
            if (!(logits[i] > 0f)) continue;
            mask[i] = 1;
            count++;
            int x = i % Size, y = i / Size;
            minX = Math.Min(minX, x);
            maxX = Math.Max(maxX, x);
            minY = Math.Min(minY, y);
            maxY = Math.Max(maxY, y);
        }
        var box = count == 0 ? null : new CounterBox(minX, minY, maxX - minX + 1, maxY - minY + 1);
        return new MaskPrediction(mask, Size, 100.0 * count / mask.Length, box, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    public void Dispose() => _session.Dispose();

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
