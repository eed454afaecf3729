using Wms.Core.Models;
using Wms.Training.Model;

namespace Wms.Training.Onnx;

/// <summary>The U-Net's topology (as <see cref="UNet"/>'s forward), built with any <see cref="IUNetLayers"/>.</summary>
internal static class UNetGraph
{
    /// <param name="depth">The U-Net's halvings, read from its weights (<see cref="UNet.DepthOf"/>).</param>
    public static void Build(IUNetLayers layers, int depth)
    {
        var skips = new List<string>();
        var x = layers.Input(ModelContract.InputName);
        var encoders = UNet.EncoderBlocks(depth);
        for (var i = 0; i < encoders.Count; i++)
        {
            x = layers.DoubleConv(encoders[i], x);
            skips.Add(x);
            x = layers.MaxPool($"pool{i + 1}", x);
        }
        x = layers.DoubleConv("bottleneck", x);
        var decoders = UNet.DecoderBlocks(depth);
        for (var i = 0; i < decoders.Count; i++)
            x = layers.UpAndDoubleConv(decoders[i], x, skips[^(i + 1)]);
        layers.Final(ModelContract.OutputName, x);
    }
}
