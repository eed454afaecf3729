using Wms.Core.Imaging;
using Wms.Training.Model;
using static TorchSharp.torch;

namespace Wms.Cli.Tests.Predict;

/// <summary>The training side's mask of a photo: the same preprocessing, the TorchSharp forward pass, sigmoid &gt; 0.5.</summary>
internal static class TorchSharpMask
{
    public static (byte[] Mask, float[] Logits) Predict(UNet model, RgbImage photo, int size)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        model.eval();
        var logits = model.call(tensor(Preprocessing.ToTensor(Preprocessing.Prepare(photo, size)), [1, 3, size, size]));
        var mask = (sigmoid(logits) > 0.5f).to_type(ScalarType.Byte).mul(255).flatten();
        return (mask.data<byte>().ToArray(), logits.flatten().data<float>().ToArray());
    }
}
