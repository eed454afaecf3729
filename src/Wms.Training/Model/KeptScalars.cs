using TorchSharp;
using static TorchSharp.torch;

namespace Wms.Training.Model;

/// <summary>
/// Numbers for tensor methods that outlive every call they are passed to.
/// </summary>
/// <remarks>
/// TorchSharp wraps each number given to a tensor method in a native scalar owned by a finalizable
/// object, and nothing references that object once its handle is read. A collection started by
/// another thread (the batch producer, a parallel test) can then free the scalar while libtorch is
/// still reading it: training steps failed with "Expected false to be true" from
/// <c>c10::Scalar::toFloat</c>. So training's tensor code passes numbers through these fields, or
/// through a scalar it holds in a <c>using</c>, never through an implicit conversion. <c>a + b</c>
/// on tensors is one too: it adds with a hidden alpha of 1, hence <see cref="Plus(Tensor, Tensor)"/>.
/// </remarks>
internal static class KeptScalars
{
    public static readonly Scalar One = 1.0.ToScalar();
    public static readonly Scalar Two = 2.0.ToScalar();
    public static readonly Scalar Half = 0.5.ToScalar();

    /// <summary>An integral 1, for counters: an integral tensor refuses a floating-point alpha.</summary>
    public static readonly Scalar OneBatch = 1L.ToScalar();

    /// <summary><paramref name="left"/> + <paramref name="right"/>, with a kept alpha.</summary>
    public static Tensor Plus(this Tensor left, Tensor right) => left.add(right, One);

    /// <summary><paramref name="left"/> + <paramref name="right"/>, with a kept alpha.</summary>
    public static Tensor Plus(this Tensor left, Scalar right) => left.add(right, One);
}
