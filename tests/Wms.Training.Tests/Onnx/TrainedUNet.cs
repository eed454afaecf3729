using TorchSharp;
using Wms.Training.Model;
using static TorchSharp.torch;

namespace Wms.Training.Tests.Onnx;

/// <summary>
/// A U-Net whose BatchNorm statistics are far from their defaults (a few real training steps,
/// then random running statistics and affine parameters), so folding them is really tested.
/// </summary>
internal static class TrainedUNet
{
    public static UNet Create(int seed, int depth = UNet.OriginalDepth)
    {
        manual_seed(seed);
        var model = new UNet(depth: depth);
        model.train();
        using var optimizer = new KeptScalarsAdam(model.parameters(), 1e-3, weightDecay: 0);
        for (var step = 0; step < 3; step++)
        {
            using var scope = NewDisposeScope();
            var x = rand(2, 3, 48, 48);
            var target = rand(2, 1, 48, 48).gt(KeptScalars.Half).to_type(ScalarType.Float32);
            optimizer.zero_grad();
            nn.functional.binary_cross_entropy_with_logits(model.call(x), target).backward();
            optimizer.step();
        }
        // Numbers held for the whole loop, not implicit scalars a collection could free mid-call (KeptScalars).
        using (no_grad())
        using (var scope = NewDisposeScope())
        using (Scalar meanSpread = 0.2.ToScalar(), varSpread = 1.5.ToScalar(), varFloor = 0.3.ToScalar(), biasSpread = 0.1.ToScalar())
        {
            foreach (var (key, tensor) in model.state_dict())
            {
                if (key.EndsWith("running_mean", StringComparison.Ordinal)) tensor.copy_(randn_like(tensor).mul_(meanSpread));
                else if (key.EndsWith("running_var", StringComparison.Ordinal)) tensor.copy_(rand_like(tensor).mul_(varSpread).add_(varFloor, KeptScalars.One));
                else if (key.Contains(".1.", StringComparison.Ordinal) || key.Contains(".4.", StringComparison.Ordinal))
                {
                    if (key.EndsWith(".weight", StringComparison.Ordinal)) tensor.copy_(rand_like(tensor).add_(KeptScalars.Half, KeptScalars.One));
                    else if (key.EndsWith(".bias", StringComparison.Ordinal)) tensor.copy_(randn_like(tensor).mul_(biasSpread));
                }
            }
        }
        model.eval();
        Spread(model);
        return model;
    }

    /// <summary>
    /// Scales the final 1x1 convolution so the logits span a few units around 0 (untrained ones
    /// sit in a narrow band on one side), so a sigmoid &gt; 0.5 mask has both classes.
    /// </summary>
    private static void Spread(UNet model)
    {
        const float Scale = 40f;
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var mean = model.call(rand(1, 3, 64, 64)).mean().item<float>();
        var state = model.state_dict();
        state["final.weight"].mul_(Scale);
        state["final.bias"].sub_(mean).mul_(Scale);
    }

    /// <summary>TorchSharp's eval-mode logits for a [N, 3, H, W] input.</summary>
    public static float[] Logits(UNet model, float[] input, long[] shape)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        model.eval();
        return model.call(tensor(input, shape)).data<float>().ToArray();
    }
}
