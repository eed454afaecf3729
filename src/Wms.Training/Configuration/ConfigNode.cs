using YamlDotNet.RepresentationModel;

namespace Wms.Training.Configuration;

/// <summary>A key's place in the config schema: a section of keys or a single value.</summary>
internal abstract record ConfigNode
{
    public abstract TrainingOptions Apply(TrainingOptions options, YamlNode node, ConfigValue value);
}
