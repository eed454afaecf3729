namespace Wms.Training.Onnx;

/// <summary>A node attribute: one int, one float, one string, or a list of ints.</summary>
internal sealed record OnnxAttribute(string Name, OnnxAttributeType Type, long IntValue = 0, float FloatValue = 0,
    string? StringValue = null, IReadOnlyList<long>? IntValues = null)
{
    public static OnnxAttribute Int(string name, long value) => new(name, OnnxAttributeType.Int, IntValue: value);

    public static OnnxAttribute Float(string name, float value) => new(name, OnnxAttributeType.Float, FloatValue: value);

    public static OnnxAttribute Text(string name, string value) => new(name, OnnxAttributeType.String, StringValue: value);

    public static OnnxAttribute Ints(string name, params long[] values) => new(name, OnnxAttributeType.Ints, IntValues: values);
}

/// <summary><c>AttributeProto.AttributeType</c> values of onnx.proto.</summary>
internal enum OnnxAttributeType
{
    Float = 1,
    Int = 2,
    String = 3,
    Ints = 7,
}
