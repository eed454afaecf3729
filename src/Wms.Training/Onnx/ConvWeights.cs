namespace Wms.Training.Onnx;

/// <summary>One convolution's float weights [out, in, kh, kw] and bias [out], BatchNorm already folded in.</summary>
internal sealed record ConvWeights(long[] Shape, float[] Weight, float[] Bias)
{
    public int OutputChannels => (int)Shape[0];

    /// <summary>Conv's attributes: the kernel of <see cref="Shape"/>, stride 1, the same padding on every side.</summary>
    public OnnxAttribute[] Attributes(int pads) =>
    [
        OnnxAttribute.Ints("kernel_shape", Shape[2], Shape[3]),
        OnnxAttribute.Ints("pads", pads, pads, pads, pads),
        OnnxAttribute.Ints("strides", 1, 1),
        OnnxAttribute.Ints("dilations", 1, 1),
        OnnxAttribute.Int("group", 1),
    ];
}
