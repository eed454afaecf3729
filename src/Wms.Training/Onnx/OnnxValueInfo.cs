namespace Wms.Training.Onnx;

/// <summary>A typed graph input or output; each dimension is a number or a symbolic name.</summary>
internal sealed record OnnxValueInfo(string Name, OnnxDataType ElementType, IReadOnlyList<OnnxDimension> Shape);

/// <summary>One tensor dimension: <see cref="Value"/> when fixed, <see cref="Param"/> (e.g. "batch") when dynamic.</summary>
internal sealed record OnnxDimension(long? Value, string? Param)
{
    public static OnnxDimension Fixed(long value) => new(value, null);

    public static OnnxDimension Dynamic(string name) => new(null, name);
}
