namespace Wms.Training.Onnx;

/// <summary>
/// Serializes an <see cref="OnnxModel"/> as onnx.proto's <c>ModelProto</c>. The field numbers are
/// onnx.proto's (stable by protobuf's rules); only the messages this export needs are written.
/// </summary>
internal static class OnnxProtoWriter
{
    public static byte[] Write(OnnxModel model, string producerVersion)
    {
        var proto = new ProtoWriter()
            .Int64(1, OnnxModel.IrVersion)
            .String(2, "wms")
            .String(3, producerVersion)
            .String(6, model.DocString)
            .Message(7, Graph(model))
            .Message(8, new ProtoWriter().String(1, "").Int64(2, OnnxModel.OpsetVersion));
        foreach (var (key, value) in model.Metadata)
            proto.Message(14, new ProtoWriter().String(1, key).String(2, value));
        return proto.ToArray();
    }

    private static ProtoWriter Graph(OnnxModel model)
    {
        var graph = new ProtoWriter();
        foreach (var node in model.Nodes) graph.Message(1, Node(node));
        graph.String(2, model.GraphName);
        foreach (var tensor in model.Initializers) graph.Message(5, Tensor(tensor));
        foreach (var input in model.Inputs) graph.Message(11, ValueInfo(input));
        foreach (var output in model.Outputs) graph.Message(12, ValueInfo(output));
        return graph;
    }

    private static ProtoWriter Node(OnnxNode node)
    {
        var proto = new ProtoWriter();
        foreach (var input in node.Inputs) proto.String(1, input);
        foreach (var output in node.Outputs) proto.String(2, output);
        proto.String(3, node.Name).String(4, node.OpType);
        foreach (var attribute in node.Attributes) proto.Message(5, Attribute(attribute));
        return proto;
    }

    private static ProtoWriter Attribute(OnnxAttribute attribute)
    {
        var proto = new ProtoWriter().String(1, attribute.Name);
        switch (attribute.Type)
        {
            case OnnxAttributeType.Float: proto.Float(2, attribute.FloatValue); break;
            case OnnxAttributeType.Int: proto.Int64(3, attribute.IntValue); break;
            case OnnxAttributeType.String: proto.Bytes(4, System.Text.Encoding.UTF8.GetBytes(attribute.StringValue!)); break;
            case OnnxAttributeType.Ints:
                // proto2 'repeated int64' without [packed]: one tag per element, as onnx's own writer does.
                foreach (var value in attribute.IntValues!) proto.Int64(8, value);
                break;
            default: throw new ArgumentOutOfRangeException(nameof(attribute), attribute.Type, "attribute type not written by this exporter");
        }
        return proto.Int64(20, (long)attribute.Type);
    }

    private static ProtoWriter Tensor(OnnxTensor tensor)
    {
        var proto = new ProtoWriter();
        foreach (var dim in tensor.Dims) proto.Int64(1, dim);
        return proto.Int64(2, (long)tensor.DataType).String(8, tensor.Name).Bytes(9, tensor.RawData);
    }

    private static ProtoWriter ValueInfo(OnnxValueInfo value)
    {
        var shape = new ProtoWriter();
        foreach (var dim in value.Shape)
        {
            var proto = new ProtoWriter();
            if (dim.Value is { } fixedSize) proto.Int64(1, fixedSize);
            else proto.String(2, dim.Param);
            shape.Message(1, proto);
        }
        var tensorType = new ProtoWriter().Int64(1, (long)value.ElementType).Message(2, shape);
        return new ProtoWriter().String(1, value.Name).Message(2, new ProtoWriter().Message(1, tensorType));
    }
}
