using YamlDotNet.RepresentationModel;

namespace Wms.Training.Configuration;

/// <summary>A single value, applied by a function.</summary>
internal sealed record ConfigLeaf(Func<TrainingOptions, ConfigValue, YamlNode, TrainingOptions> Set) : ConfigNode
{
    public override TrainingOptions Apply(TrainingOptions options, YamlNode node, ConfigValue value) => Set(options, value, node);
}
