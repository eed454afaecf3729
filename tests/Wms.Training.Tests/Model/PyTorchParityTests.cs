using System.Text.Json;
using Wms.Core.Imaging;
using Wms.Training.Model;
using Wms.Tests.Shared;
using Xunit;
using static TorchSharp.torch;

namespace Wms.Training.Tests.Model;

/// <summary>
/// The same weights and photo through the original (PyTorch, torch_reference.py) and through us
/// give the same probabilities, and a .pth we write is one PyTorch loads.
/// </summary>
public sealed class PyTorchParityTests
{
    private const double Tolerance = 1e-3;

    [Fact]
    public void Random_weights_from_PyTorch_give_the_same_probabilities_on_the_unlabeled_photos()
    {
        var script = TestEnvironment.RequireTorchReference();
        var photos = Directory.GetFiles(Path.Combine(TestEnvironment.RequireWaterMeters(), "unlabeled")).Order().ToList();
        Assert.Equal(10, photos.Count);
        using var temp = new TempDirectory();
        var weights = temp.Combine("w.pth");
        Python(script, "save-weights", "--out", weights, "--seed", "0");

        using var model = new UNet();
        Checkpoints.Load(model, weights);
        AssertSameProbabilities(script, model, weights, photos, temp);
    }

    [Fact]
    public void A_pth_written_here_loads_in_PyTorch_and_predicts_the_same()
    {
        var script = TestEnvironment.RequireTorchReference();
        var photo = Directory.GetFiles(Path.Combine(TestEnvironment.RequireWaterMeters(), "unlabeled")).Order().First();
        using var temp = new TempDirectory();
        manual_seed(7);
        using var model = new UNet();
        var weights = temp.Combine("ours.pth");
        Checkpoints.Save(model, weights);
        AssertSameProbabilities(script, model, weights, [photo], temp);
    }

    private static void AssertSameProbabilities(string script, UNet model, string weights, IReadOnlyList<string> photos, TempDirectory temp)
    {
        TorchRuntime.Configure(2);
        model.eval();
        foreach (var photo in photos)
        {
            var probFile = temp.Combine(Path.GetFileNameWithoutExtension(photo) + ".f32");
            Python(script, "predict", "--weights", weights, "--image", photo, "--out-prob", probFile);
            var expected = ReadFloats(probFile);

            var input = Preprocessing.ToTensor(Preprocessing.Prepare(ImageDecoder.DecodeRgb(photo)));
            using var _ = no_grad();
            using var x = tensor(input, [1, 3, Preprocessing.DefaultSize, Preprocessing.DefaultSize]);
            using var logits = model.call(x);
            using var probs = sigmoid(logits).flatten();
            var actual = probs.data<float>().ToArray();

            Assert.Equal(expected.Length, actual.Length);
            var maxDiff = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
            Assert.True(maxDiff <= Tolerance, $"{Path.GetFileName(photo)}: max |p_torch - p_ours| = {maxDiff:E2} > {Tolerance}");
        }
    }

    private static float[] ReadFloats(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var floats = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, floats, 0, bytes.Length);
        return floats;
    }

    private static JsonElement Python(string script, params string[] args)
    {
        var (code, stdout, stderr) = TestEnvironment.Run(TestEnvironment.DebianPython, [script, .. args, "--threads", "2"], TimeSpan.FromMinutes(3));
        Assert.True(code == 0, $"torch_reference.py {string.Join(' ', args)} failed: {stderr}");
        return JsonDocument.Parse(stdout.Trim().Split('\n')[^1]).RootElement;
    }
}
