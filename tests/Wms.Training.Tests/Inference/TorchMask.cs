using Wms.Core.Imaging;
using Wms.Training.Model;
using static TorchSharp.torch;

namespace Wms.Training.Tests.Inference;

/// <summary>The training side's prediction of a photo: same preprocessing, TorchSharp forward, sigmoid &gt; 0.5.</summary>
internal static class TorchMask
{
    public static (byte[] Mask, float[] Logits) Predict(UNet model, RgbImage photo, int size = Preprocessing.DefaultSize)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        model.eval();
        var input = tensor(Preprocessing.ToTensor(Preprocessing.Prepare(photo, size)), [1, 3, size, size]);
        var logits = model.call(input);
        var mask = (sigmoid(logits) > 0.5f).to_type(ScalarType.Byte).mul(255).flatten();
        return (mask.data<byte>().ToArray(), logits.flatten().data<float>().ToArray());
    }
}
