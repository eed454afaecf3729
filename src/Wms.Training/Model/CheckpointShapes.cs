using System.Text;
using static TorchSharp.torch;

namespace Wms.Training.Model;

/// <summary>
/// The shape of every tensor in a file of TorchSharp's native format, read without building a model
/// or the tensors, so <see cref="Checkpoints.Open"/> can build the U-Net the file holds (its depth and
/// width) and load the file once, instead of trying one architecture after another.
/// </summary>
internal static class CheckpointShapes
{
    /// <summary>More dimensions than any weight has: a file claiming them is not weights (and must not make us allocate).</summary>
    private const int MaxRank = 8;

    /// <summary>
    /// The names and shapes in TorchSharp's native format (<c>Module.save</c>): a LEB128 count, then
    /// per tensor its name (a .NET length-prefixed string), LEB128 dtype, rank and dimensions, and
    /// the raw elements, which are skipped.
    /// </summary>
    public static Dictionary<string, long[]> ReadNative(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        var count = Leb128(reader);
        var result = new Dictionary<string, long[]>(StringComparer.Ordinal);
        for (long i = 0; i < count; i++)
        {
            var name = reader.ReadString();
            var type = (ScalarType)Leb128(reader);
            var rank = Leb128(reader);
            if (rank is < 0 or > MaxRank)
                throw new InvalidDataException($"tensor '{name}' has {rank} dimensions");
            var shape = new long[rank];
            for (var d = 0; d < shape.Length; d++) shape[d] = Leb128(reader);
            if (shape.Any(dim => dim < 0))
                throw new InvalidDataException($"tensor '{name}' has a negative dimension");
            var bytes = checked(shape.Aggregate(1L, (n, dim) => n * dim) * ElementSize(type));
            if (stream.Position + bytes > stream.Length)
                throw new InvalidDataException($"tensor '{name}' runs past the end of the file");
            stream.Seek(bytes, SeekOrigin.Current);
            result[name] = shape;
        }
        return result;
    }

    private static long Leb128(BinaryReader reader)
    {
        long value = 0;
        for (var shift = 0; shift < 63; shift += 7)
        {
            var b = reader.ReadByte();
            value |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
        throw new InvalidDataException("a length runs past 64 bits");
    }

    private static long ElementSize(ScalarType type) => type switch
    {
        ScalarType.Byte or ScalarType.Int8 or ScalarType.Bool => 1,
        ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
        ScalarType.Int32 or ScalarType.Float32 => 4,
        ScalarType.Int64 or ScalarType.Float64 or ScalarType.ComplexFloat32 => 8,
        ScalarType.ComplexFloat64 => 16,
        _ => throw new InvalidDataException($"unknown tensor type {(int)type}"),
    };
}
