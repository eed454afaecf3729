using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Wms.Training.Model;

/// <summary>
/// The original U-Net (REFERENCE.md §2): 3 -> 1 channels, base 16 filters, bilinear upsampling,
/// logits out, 1,965,569 parameters. Field names are the PyTorch state_dict keys
/// (<c>enc1.0.weight</c>, ..., <c>final.bias</c>), so a user's <c>best.pth</c> loads as is.
/// </summary>
public sealed class UNet : Module<Tensor, Tensor>
{
    public const int ParameterCount = 1_965_569;

    /// <summary>Input sizes the model takes: the U-Net halves the size four times, so a multiple of 16, within reason.</summary>
    public const int MinInputSize = 32, MaxInputSize = 2048, InputSizeMultiple = 16;

    public static bool IsInputSize(int size) => size is >= MinInputSize and <= MaxInputSize && size % InputSizeMultiple == 0;

    // Names matter: they become the checkpoint keys.
#pragma warning disable IDE1006
    private readonly Sequential enc1, enc2, enc3, enc4, bottleneck, dec4, dec3, dec2, dec1;
    private readonly MaxPool2d pool1, pool2, pool3, pool4;
    private readonly Conv2d final;
#pragma warning restore IDE1006

    public UNet(int inputChannels = 3, int baseFilters = 16, int outputChannels = 1) : base(nameof(UNet))
    {
        var f = baseFilters;
        enc1 = DoubleConv(inputChannels, f);
        enc2 = DoubleConv(f, 2 * f);
        enc3 = DoubleConv(2 * f, 4 * f);
        enc4 = DoubleConv(4 * f, 8 * f);
        bottleneck = DoubleConv(8 * f, 16 * f);
        dec4 = DoubleConv(16 * f + 8 * f, 8 * f);
        dec3 = DoubleConv(8 * f + 4 * f, 4 * f);
        dec2 = DoubleConv(4 * f + 2 * f, 2 * f);
        dec1 = DoubleConv(2 * f + f, f);
        pool1 = MaxPool2d(2, 2);
        pool2 = MaxPool2d(2, 2);
        pool3 = MaxPool2d(2, 2);
        pool4 = MaxPool2d(2, 2);
        final = Conv2d(f, outputChannels, 1);
        RegisterComponents();
    }

    /// <summary>The blocks in forward order, for code that walks the architecture (the ONNX writer).</summary>
    public static readonly IReadOnlyList<string> EncoderBlocks = ["enc1", "enc2", "enc3", "enc4"];
    public static readonly IReadOnlyList<string> DecoderBlocks = ["dec4", "dec3", "dec2", "dec1"];

    private static Sequential DoubleConv(int inputs, int outputs) => Sequential(
        Conv2d(inputs, outputs, 3, padding: 1), BatchNorm2d(outputs), ReLU(inplace: true),
        Conv2d(outputs, outputs, 3, padding: 1), BatchNorm2d(outputs), ReLU(inplace: true));

    /// <summary>
    /// Run the convolutions in bfloat16 from the float32 weights, keeping batch-norm parameters and
    /// the output in float32: what <c>torch.autocast("cpu")</c> does, which TorchSharp lacks.
    /// Gradients flow back to the float32 weights through the casts. Off: the reference float32 path.
    /// </summary>
    public bool BFloat16 { get; set; }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var h = BFloat16 ? x.to(ScalarType.BFloat16) : x;
        var e1 = Block(enc1, h);
        var e2 = Block(enc2, pool1.call(e1));
        var e3 = Block(enc3, pool2.call(e2));
        var e4 = Block(enc4, pool3.call(e3));
        var d = Block(bottleneck, pool4.call(e4));
        d = Up(dec4, d, e4);
        d = Up(dec3, d, e3);
        d = Up(dec2, d, e2);
        d = Up(dec1, d, e1);
        var logits = BFloat16 ? MixedConv(final, d, 0).to(ScalarType.Float32) : final.call(d);
        return logits.MoveToOuterDisposeScope();
    }

    private Tensor Up(Sequential block, Tensor x, Tensor skip)
    {
        var up = functional.interpolate(x, size: [skip.shape[2], skip.shape[3]], mode: InterpolationMode.Bilinear, align_corners: false);
        return Block(block, cat([up, skip], dim: 1));
    }

    private Tensor Block(Sequential block, Tensor x)
    {
        foreach (var layer in block.children().Cast<Module<Tensor, Tensor>>())
        {
            x = layer switch
            {
                Conv2d conv when BFloat16 => MixedConv(conv, x, 1),
                // Under bfloat16, batch norm takes bfloat16 input with float32 parameters and statistics, as under autocast.
                BatchNorm2d norm => Normalize(norm, x),
                TorchSharp.Modules.ReLU when BFloat16 => functional.relu(x),
                _ => layer.call(x),
            };
        }
        return x;
    }

    /// <summary>
    /// <see cref="BatchNorm2d"/>'s own forward, but counting batches with a kept integral scalar.
    /// </summary>
    /// <remarks>
    /// TorchSharp's counts with <c>num_batches_tracked.add_(1)</c>, an implicit scalar a collection on
    /// another thread can free mid-call (<see cref="KeptScalars"/>): a CI run failed with "For integral
    /// input tensors, argument alpha must not be a floating point number".
    /// </remarks>
    private static Tensor Normalize(BatchNorm2d norm, Tensor x)
    {
        if (norm.training) norm.num_batches_tracked?.add_(KeptScalars.OneBatch, KeptScalars.OneBatch);
        // Every norm here has the default momentum; torch's null (a cumulative average) is never used.
        return functional.batch_norm(x, norm.running_mean, norm.running_var, norm.weight, norm.bias, norm.training, norm.momentum ?? 0.1, norm.eps);
    }

    private static Tensor MixedConv(Conv2d conv, Tensor x, long padding) =>
        functional.conv2d(x, conv.weight!.to(ScalarType.BFloat16), conv.bias?.to(ScalarType.BFloat16), padding: [padding, padding]);
}
