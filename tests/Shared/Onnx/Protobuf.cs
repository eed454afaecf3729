using System.Text;

namespace Wms.Tests.Shared.Onnx;

/// <summary>Just enough of the protobuf wire format to write an ONNX ModelProto by hand.</summary>
public sealed class Protobuf
{
    private readonly MemoryStream _bytes = new();

    public byte[] ToArray() => _bytes.ToArray();

    public Protobuf Varint(int field, long value)
    {
        Tag(field, 0);
        WriteVarint((ulong)value);
        return this;
    }

    public Protobuf String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public Protobuf Message(int field, Protobuf message) => Bytes(field, message.ToArray());

    public Protobuf Bytes(int field, byte[] value)
    {
        Tag(field, 2);
        WriteVarint((ulong)value.Length);
        _bytes.Write(value);
        return this;
    }

    public Protobuf PackedInt64(int field, IEnumerable<long> values)
    {
        var packed = new Protobuf();
        foreach (var v in values) packed.WriteVarint((ulong)v);
        return Bytes(field, packed.ToArray());
    }

    private void Tag(int field, int wireType) => WriteVarint((ulong)((field << 3) | wireType));

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _bytes.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        _bytes.WriteByte((byte)value);
    }
}
