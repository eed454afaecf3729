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

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var e1 = enc1.call(x);
        var e2 = enc2.call(pool1.call(e1));
        var e3 = enc3.call(pool2.call(e2));
        var e4 = enc4.call(pool3.call(e3));
        var d = bottleneck.call(pool4.call(e4));
        d = Up(dec4, d, e4);
        d = Up(dec3, d, e3);
        d = Up(dec2, d, e2);
        d = Up(dec1, d, e1);
        return final.call(d).MoveToOuterDisposeScope();
    }

    private static Tensor Up(Sequential block, Tensor x, Tensor skip)
    {
        var up = functional.interpolate(x, size: [skip.shape[2], skip.shape[3]], mode: InterpolationMode.Bilinear, align_corners: false);
        return block.call(cat([up, skip], dim: 1));
    }
}
