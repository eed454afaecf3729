using Microsoft.ML.OnnxRuntime;
using Wms.Core.Models;
using Wms.Training.Model;
using static TorchSharp.torch;

namespace Wms.Training.Onnx;

/// <summary>Runs an exported graph on ONNX Runtime and the U-Net on TorchSharp with the same input and compares.</summary>
public static class OnnxVerification
{
    /// <summary>Largest |logit difference| on a fixed pseudo-random input of <paramref name="batch"/> x 3 x size x size.</summary>
    public static float MaxDifference(UNet model, byte[] onnx, int height = 64, int width = 80, int batch = 1)
    {
        var shape = new long[] { batch, ModelContract.InputChannels, height, width };
        var random = new Random(20240601);
        var input = new float[batch * 3 * height * width];
        for (var i = 0; i < input.Length; i++) input[i] = random.Next(256) / 255f;

        float[] expected;
        using (var scope = NewDisposeScope())
        using (no_grad())
        {
            var wasTraining = model.training;
            model.eval();
            expected = model.call(tensor(input, shape)).data<float>().ToArray();
            if (wasTraining) model.train();
        }

        using var options = new SessionOptions();
        using var session = new InferenceSession(onnx, options);
        using var runOptions = new RunOptions();
        using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var outputs = session.Run(runOptions, [ModelContract.InputName], [value], [ModelContract.OutputName]);
        var actual = outputs[0].GetTensorDataAsSpan<float>();

        var max = 0f;
        for (var i = 0; i < expected.Length; i++) max = Math.Max(max, Math.Abs(expected[i] - actual[i]));
        return max;
    }
}
