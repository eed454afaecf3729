using Wms.Training.Model;
using static TorchSharp.torch;

namespace Wms.Training.Onnx;

/// <summary>Copies a U-Net's state_dict out of libtorch into plain arrays, keyed as in PyTorch.</summary>
public static class UNetWeights
{
    public static IReadOnlyDictionary<string, WeightTensor> From(UNet model)
    {
        using var scope = NewDisposeScope();
        var result = new Dictionary<string, WeightTensor>(StringComparer.Ordinal);
        foreach (var (key, tensor) in model.state_dict())
        {
            if (tensor.dtype is not (ScalarType.Float32 or ScalarType.Float64 or ScalarType.Float16 or ScalarType.BFloat16))
                continue; // num_batches_tracked: a training counter, not a weight
            var values = tensor.detach().cpu().to_type(ScalarType.Float32).contiguous();
            result[key] = new WeightTensor(values.shape, values.data<float>().ToArray());
        }
        return result;
    }
}
