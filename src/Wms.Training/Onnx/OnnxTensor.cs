using System.Runtime.InteropServices;

namespace Wms.Training.Onnx;

/// <summary>A constant (initializer): name, type, shape and little-endian raw bytes.</summary>
internal sealed record OnnxTensor(string Name, OnnxDataType DataType, long[] Dims, byte[] RawData)
{
    // raw_data must be little-endian; so is every machine .NET runs this on (checked once, loudly).
    static OnnxTensor()
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("ONNX raw_data export needs a little-endian machine");
    }

    public static OnnxTensor Float(string name, long[] dims, ReadOnlySpan<float> values) =>
        new(name, OnnxDataType.Float, dims, MemoryMarshal.AsBytes(values).ToArray());

    public static OnnxTensor Int32(string name, long[] dims, ReadOnlySpan<int> values) =>
        new(name, OnnxDataType.Int32, dims, MemoryMarshal.AsBytes(values).ToArray());

    public static OnnxTensor Int8(string name, long[] dims, ReadOnlySpan<sbyte> values) =>
        new(name, OnnxDataType.Int8, dims, MemoryMarshal.AsBytes(values).ToArray());

    public static OnnxTensor UInt8(string name, long[] dims, ReadOnlySpan<byte> values) =>
        new(name, OnnxDataType.UInt8, dims, values.ToArray());

    public static OnnxTensor Int64(string name, long[] dims, ReadOnlySpan<long> values) =>
        new(name, OnnxDataType.Int64, dims, MemoryMarshal.AsBytes(values).ToArray());
}
