using Wms.Training.Data;
using static TorchSharp.torch;

namespace Wms.Training.Model;

/// <summary>Turns float batches into model tensors, and model logits back into masks.</summary>
public static class BatchTensors
{
    /// <summary>Photos <c>[N, 3, S, S]</c> and masks <c>[N, 1, S, S]</c>, NCHW: the U-Net picks its own memory order (<see cref="UNet.ChannelsLast"/>).</summary>
    public static (Tensor Photos, Tensor Masks) Create(SampleBatch batch) =>
        (tensor(batch.Photos, [batch.Count, 3, batch.Size, batch.Size]), tensor(batch.Masks, [batch.Count, 1, batch.Size, batch.Size]));

    /// <summary>
    /// The same NCHW tensor with NHWC strides (PyTorch's channels_last, which TorchSharp has no
    /// API for); oneDNN then runs the whole network in that layout.
    /// </summary>
    public static Tensor ChannelsLast(Tensor nchw) => nchw.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);

    /// <summary>The predicted masks, 1 where sigmoid(logit) > 0.5 (the original's rule), as N x S x S bytes.</summary>
    public static byte[] Masks(Tensor logits)
    {
        using var scope = NewDisposeScope();
        var predicted = sigmoid(logits.to(ScalarType.Float32)).gt(KeptScalars.Half).to(ScalarType.Byte).contiguous();
        return predicted.data<byte>().ToArray();
    }

    /// <summary>Each sample's loss (<see cref="SegmentationLoss"/>), as doubles.</summary>
    public static double[] LossPerSample(Tensor logits, Tensor masks, LossKind kind = LossKind.Bce)
    {
        using var scope = NewDisposeScope();
        var perSample = SegmentationLoss.PerSample(logits, masks, kind).to(ScalarType.Float64).contiguous();
        return perSample.data<double>().ToArray();
    }

    /// <summary>
    /// The predicted masks at <paramref name="size"/> x <paramref name="size"/> (N x size x size bytes):
    /// the probabilities resized bilinearly (half-pixel centres, as PyTorch's
    /// <c>interpolate(align_corners=False)</c> and <c>wms eval</c> do), then &gt; 0.5. So a model
    /// trained at 256 is scored on 512x512 masks as the original scored its 512 model.
    /// </summary>
    public static byte[] MasksAt(Tensor logits, int size)
    {
        using var scope = NewDisposeScope();
        var probabilities = sigmoid(logits.to(ScalarType.Float32));
        var resized = nn.functional.interpolate(probabilities, size: [size, size], mode: InterpolationMode.Bilinear, align_corners: false);
        return resized.gt(KeptScalars.Half).to(ScalarType.Byte).contiguous().data<byte>().ToArray();
    }
}
