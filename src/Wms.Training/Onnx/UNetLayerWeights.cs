using Wms.Core;
using Wms.Training.Model;

namespace Wms.Training.Onnx;

/// <summary>The U-Net's convolutions from its state_dict (keys as PyTorch's), BatchNorm folded into those it follows.</summary>
internal sealed class UNetLayerWeights(IReadOnlyDictionary<string, WeightTensor> weights)
{
    /// <summary>How many times the U-Net halves its input, from which encoder blocks the weights have.</summary>
    public int Depth { get; } = UNet.DepthOf(weights.Keys) switch
    {
        { } depth when UNet.DepthProblem(depth) is { } problem => throw new WmsException($"state_dict has encoder blocks enc1 to enc{depth}: not this U-Net's weights (the depth {problem})"),
        { } depth => depth,
        null => throw new WmsException("state_dict has no 'enc1.0.weight': not this U-Net's weights"),
    };

    /// <summary>The DoubleConv Sequential's indices: conv 0 with BN 1, conv 3 with BN 4.</summary>
    public ConvWeights DoubleConv(string block, int conv) => conv == 1 ? ConvBn($"{block}.0", $"{block}.1") : ConvBn($"{block}.3", $"{block}.4");

    /// <summary>The final 1x1 convolution, no BatchNorm.</summary>
    public ConvWeights Final()
    {
        var weight = Get("final.weight");
        return new ConvWeights(weight.Shape, weight.Values, Get("final.bias").Values);
    }

    private ConvWeights ConvBn(string convKey, string bnKey)
    {
        var weight = Get($"{convKey}.weight");
        var (folded, bias) = BatchNormFolding.Fold(weight, Get($"{convKey}.bias"),
            Get($"{bnKey}.weight"), Get($"{bnKey}.bias"), Get($"{bnKey}.running_mean"), Get($"{bnKey}.running_var"));
        return new ConvWeights(weight.Shape, folded, bias);
    }

    private WeightTensor Get(string key) => weights.TryGetValue(key, out var value)
        ? value
        : throw new WmsException($"state_dict has no '{key}': not this U-Net's weights");
}
