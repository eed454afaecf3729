namespace Wms.Training.Onnx;

/// <summary>Collects nodes and constants in topological order; each node's one output is named as the node.</summary>
internal sealed class OnnxGraphBuilder
{
    private readonly List<OnnxNode> _nodes = [];
    private readonly List<OnnxTensor> _initializers = [];

    public IReadOnlyList<OnnxNode> Nodes => _nodes;

    public IReadOnlyList<OnnxTensor> Initializers => _initializers;

    /// <returns>The output's name (= <paramref name="name"/>), to feed the next node.</returns>
    public string Node(string opType, string name, IReadOnlyList<string> inputs, params OnnxAttribute[] attributes)
    {
        _nodes.Add(new OnnxNode(opType, name, inputs, [name], attributes));
        return name;
    }

    public string Constant(OnnxTensor tensor)
    {
        _initializers.Add(tensor);
        return tensor.Name;
    }
}
