using Wms.Core.Models;
using Wms.Training.Model;

namespace Wms.Training.Onnx;

/// <summary>The U-Net's topology (as <see cref="UNet"/>'s forward), built with any <see cref="IUNetLayers"/>.</summary>
internal static class UNetGraph
{
    public static void Build(IUNetLayers layers)
    {
        var skips = new List<string>();
        var x = layers.Input(ModelContract.InputName);
        for (var i = 0; i < UNet.EncoderBlocks.Count; i++)
        {
            x = layers.DoubleConv(UNet.EncoderBlocks[i], x);
            skips.Add(x);
            x = layers.MaxPool($"pool{i + 1}", x);
        }
        x = layers.DoubleConv("bottleneck", x);
        for (var i = 0; i < UNet.DecoderBlocks.Count; i++)
            x = layers.UpAndDoubleConv(UNet.DecoderBlocks[i], x, skips[^(i + 1)]);
        layers.Final(ModelContract.OutputName, x);
    }
}
