namespace Wms.Training;

/// <summary>
/// How the U-Net's arithmetic is carried out. Neither setting changes the model or its weights
/// (they stay float32 and load/save as before); they trade a little precision for speed.
/// </summary>
/// <param name="ChannelsLast">Keep activations and convolution weights in NHWC memory order, which
/// oneDNN's CPU kernels prefer.</param>
/// <param name="BFloat16">Run convolutions in bfloat16 (float32 master weights, float32 loss), as
/// PyTorch's CPU autocast does; fast on CPUs with AVX-512 BF16 or AMX.</param>
public sealed record ComputeOptions(bool ChannelsLast, bool BFloat16)
{
    /// <summary>Plain float32, NCHW: the reference arithmetic.</summary>
    public static readonly ComputeOptions Reference = new(false, false);

    /// <summary>
    /// What training uses unless told otherwise: channels-last float32, measured about 20 % less
    /// CPU per training step and 40 % less per forward pass than NCHW here. bfloat16 is off: on a
    /// CPU without AMX (AVX-512 BF16 only) it measured no faster, with or without channels-last.
    /// </summary>
    public static readonly ComputeOptions Default = new(ChannelsLast: true, BFloat16: false);

    public override string ToString() => (ChannelsLast ? "channels-last" : "nchw") + (BFloat16 ? " bf16" : " fp32");
}
