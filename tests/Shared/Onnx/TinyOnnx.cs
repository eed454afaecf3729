namespace Wms.Tests.Shared.Onnx;

/// <summary>
/// Small real ONNX models with the U-Net's contract (input "input" float [N,3,512,512], output
/// "logits" float [N,1,512,512]), written by hand in the protobuf format (IR 8, opset 17).
/// </summary>
public static class TinyOnnx
{
    private const int Float = 1;

    /// <summary>One 1x1 convolution: logit = r*R + g*G + b*B + bias (channels 0..1), so the mask depends on colour.</summary>
    public static byte[] ColourRule(float r, float g, float b, float bias = 0, int size = 512)
    {
        var graph = new Protobuf()
            .Message(1, Node("Conv", ["input", "w", "b"], "logits"))
            .String(2, "colour-rule")
            .Message(5, Tensor("w", [1, 3, 1, 1], [r, g, b]))
            .Message(5, Tensor("b", [1], [bias]))
            .Message(11, Value("input", 3, size))
            .Message(12, Value("logits", 1, size));
        return Model(graph);
    }

    /// <summary>
    /// A chain of 3x3 convolutions at full resolution: real work, so a prediction takes a while
    /// (the queue, timeout and shutdown tests need requests that stay in flight).
    /// </summary>
    public static byte[] Slow(int channels = 24, int layers = 3, int size = 512)
    {
        var random = new Random(7);
        var graph = new Protobuf().String(2, "slow");
        var previous = "input";
        var inChannels = 3;
        for (var i = 0; i < layers; i++)
        {
            var output = $"h{i}";
            graph.Message(1, Node("Conv", [previous, $"w{i}"], output, pads: [1, 1, 1, 1]))
                .Message(5, Tensor($"w{i}", [channels, inChannels, 3, 3], RandomWeights(random, channels * inChannels * 9, 0.05f)));
            previous = output;
            inChannels = channels;
        }
        graph.Message(1, Node("Conv", [previous, "wf"], "logits"))
            .Message(5, Tensor("wf", [1, inChannels, 1, 1], RandomWeights(random, inChannels, 0.1f)))
            .Message(11, Value("input", 3, size))
            .Message(12, Value("logits", 1, size));
        return Model(graph);
    }

    /// <summary>A valid ONNX model with the wrong contract (one input channel): loads, but must be refused.</summary>
    public static byte[] WrongContract()
    {
        var graph = new Protobuf()
            .Message(1, Node("Conv", ["input", "w"], "logits"))
            .String(2, "wrong")
            .Message(5, Tensor("w", [1, 1, 1, 1], [1f]))
            .Message(11, Value("input", 1, 512))
            .Message(12, Value("logits", 1, 512));
        return Model(graph);
    }

    private static byte[] Model(Protobuf graph) => new Protobuf()
        .Varint(1, 8)                                              // ir_version
        .String(2, "wms-tests")                                    // producer_name
        .Message(7, graph)
        .Message(8, new Protobuf().String(1, "").Varint(2, 17))    // opset_import: default domain, 17
        .ToArray();

    private static Protobuf Node(string op, string[] inputs, string output, long[]? pads = null)
    {
        var node = new Protobuf();
        foreach (var input in inputs) node.String(1, input);
        node.String(2, output).String(3, output).String(4, op);
        if (pads is not null)
            node.Message(5, new Protobuf().String(1, "pads").Varint(20, 7).PackedInt64(8, pads)); // AttributeProto INTS
        return node;
    }

    private static Protobuf Tensor(string name, long[] dims, float[] values)
    {
        var raw = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
        return new Protobuf().PackedInt64(1, dims).Varint(2, Float).String(8, name).Bytes(9, raw);
    }

    private static Protobuf Value(string name, int channels, int size)
    {
        var shape = new Protobuf()
            .Message(1, new Protobuf().String(2, "N"))
            .Message(1, new Protobuf().Varint(1, channels))
            .Message(1, new Protobuf().Varint(1, size))
            .Message(1, new Protobuf().Varint(1, size));
        var tensorType = new Protobuf().Varint(1, Float).Message(2, shape);
        return new Protobuf().String(1, name).Message(2, new Protobuf().Message(1, tensorType));
    }

    private static float[] RandomWeights(Random random, int count, float scale) =>
        [.. Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1) * scale)];
}
