using Wms.Core;
using YamlDotNet.RepresentationModel;

namespace Wms.Training.Configuration;

/// <summary>A mapping whose keys must all be known.</summary>
internal sealed record ConfigSection(IReadOnlyList<KeyValuePair<string, ConfigNode>> Keys) : ConfigNode
{
    public override TrainingOptions Apply(TrainingOptions options, YamlNode node, ConfigValue value)
    {
        if (node is YamlScalarNode { Value: null or "" or "~" or "null" }) return options; // an empty section
        if (node is not YamlMappingNode mapping)
            throw value.Fail(node, $"expected a section with keys {Known}");
        foreach (var (keyNode, child) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var match = Keys.FirstOrDefault(k => k.Key == key);
            if (match.Value is null)
            {
                var where = value.Key.Length == 0 ? "" : " in " + value.Key;
                throw new WmsException($"{value.File}: unknown key \"{key}\"{where} (line {keyNode.Start.Line}); known keys: {Known}");
            }
            options = match.Value.Apply(options, child, value.Child(key));
        }
        return options;
    }

    private string Known => string.Join(", ", Keys.Select(k => k.Key));
}
