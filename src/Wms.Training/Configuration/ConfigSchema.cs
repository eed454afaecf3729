using YamlDotNet.RepresentationModel;

namespace Wms.Training.Configuration;

/// <summary>The config file's keys and how each one sets a <see cref="TrainingOptions"/> field.</summary>
internal static class ConfigSchema
{
    public static readonly ConfigSection Root = new(
    [
        new("model", new ConfigSection(
        [
            new("architecture", Leaf((o, v, n) => o with { Architecture = v.String(n) })),
            new("input_channels", Leaf((o, v, n) => o with { InputChannels = v.Int(n) })),
            new("output_channels", Leaf((o, v, n) => o with { OutputChannels = v.Int(n) })),
            new("input_size", Leaf((o, v, n) => o with { ImageSize = InputSize(v, n) })),
            // Ours: a fifth halving, for more context per pixel (Model.UNet).
            new("depth", Leaf((o, v, n) => o with { Depth = v.Int(n) })),
            // Ours: a wider U-Net, for more capacity per pixel (Model.UNet).
            new("base_filters", Leaf((o, v, n) => o with { BaseFilters = v.Int(n) })),
            // Ours, not the original's: what is done to the thresholded mask (Core.Inference.MaskPostprocess).
            new("postprocess", Leaf((o, v, n) => o with { Postprocess = v.Choice(n, ConfigNames.Postprocesses) })),
        ])),
        new("training", new ConfigSection(
        [
            new("epochs", Leaf((o, v, n) => o with { Epochs = v.Int(n) })),
            new("batch_size", Leaf((o, v, n) => o with { BatchSize = v.Int(n) })),
            new("learning_rate", Leaf((o, v, n) => o with { LearningRate = v.Double(n) })),
            new("weight_decay", Leaf((o, v, n) => o with { WeightDecay = v.Double(n) })),
            new("early_stopping_patience", Leaf((o, v, n) => o with { EarlyStoppingPatience = v.Int(n) })),
            new("time_limit_minutes", Leaf((o, v, n) => o with { TimeLimitMinutes = IsNone(n) ? null : v.Double(n) })),
            // Ours: validate less often while the best weights are still far off (TrainingOptions.ValidateEvery).
            new("validate_every", Leaf((o, v, n) => o with { ValidateEvery = v.Int(n) })),
            new("validate_each_epoch_from", Leaf((o, v, n) => o with { ValidateEachEpochFrom = IsNone(n) ? null : v.Int(n) })),
            new("loss", Leaf((o, v, n) => o with { Loss = v.Choice(n, ConfigNames.Losses) })),
            new("weight_average", Leaf((o, v, n) => o with { WeightAverageDecay = IsNone(n) ? null : v.Double(n) })),
            new("scheduler", new ConfigSection(
            [
                new("factor", Leaf((o, v, n) => o with { SchedulerFactor = v.Double(n) })),
                new("patience", Leaf((o, v, n) => o with { SchedulerPatience = v.Int(n) })),
                new("min_lr", Leaf((o, v, n) => o with { MinLearningRate = v.Double(n) })),
                new("type", Leaf((o, v, n) => o with { Schedule = v.Choice(n, ConfigNames.Schedules) })),
                new("warmup_epochs", Leaf((o, v, n) => o with { WarmupEpochs = v.Int(n) })),
            ])),
        ])),
        new("data", new ConfigSection(
        [
            new("train_split", Leaf((o, v, n) => o with { Split = o.Split with { Train = v.Double(n) } })),
            new("val_split", Leaf((o, v, n) => o with { Split = o.Split with { Validation = v.Double(n) } })),
            new("test_split", Leaf((o, v, n) => o with { Split = o.Split with { Test = v.Double(n) } })),
        ])),
        new("augmentation", new ConfigSection(
        [
            new("horizontal_flip", Leaf((o, v, n) => o with { Augmentation = o.Augmentation with { HorizontalFlip = v.Double(n) } })),
            new("vertical_flip", Leaf((o, v, n) => o with { Augmentation = o.Augmentation with { VerticalFlip = v.Double(n) } })),
            new("rotation_degrees", Leaf((o, v, n) => o with { Augmentation = o.Augmentation with { RotationDegrees = v.Double(n) } })),
            new("rotation_prob", Leaf((o, v, n) => o with { Augmentation = o.Augmentation with { RotationProbability = v.Double(n) } })),
            new("quarter_turn_prob", Leaf((o, v, n) => o with { Augmentation = o.Augmentation with { QuarterTurnProbability = v.Double(n) } })),
            new("scale_prob", Leaf((o, v, n) => o with { Augmentation = o.Augmentation with { ScaleProbability = v.Double(n) } })),
            new("scale_limit", Leaf((o, v, n) => o with { Augmentation = o.Augmentation with { ScaleLimit = v.Double(n) } })),
            new("color_jitter_prob", Leaf((o, v, n) => o with { Augmentation = o.Augmentation with { ColorJitterProbability = v.Double(n) } })),
            new("crop_size", Leaf((o, v, n) => o with { Augmentation = o.Augmentation with { CropSize = CropSize(v, n) } })),
            new("crop_counter_prob", Leaf((o, v, n) => o with { Augmentation = o.Augmentation with { CropOnCounterProbability = v.Double(n) } })),
            new("crop_fit_counter", Leaf((o, v, n) => o with { Augmentation = o.Augmentation with { CropFitsCounter = v.Bool(n) } })),
        ])),
        // Ours, not the original's: what the final test metrics compare with.
        new("evaluation", new ConfigSection(
        [
            new("mask_size", Leaf((o, v, n) => o with { EvaluationMaskSize = MaskSize(v, n) })),
        ])),
        // Ours, not the original's: how the arithmetic runs.
        new("compute", new ConfigSection(
        [
            new("channels_last", Leaf((o, v, n) => o with { Compute = o.Compute with { ChannelsLast = v.Bool(n) } })),
            new("bf16", Leaf((o, v, n) => o with { Compute = o.Compute with { BFloat16 = BFloat16(v, n) } })),
        ])),
    ]);

    private static ConfigLeaf Leaf(Func<TrainingOptions, ConfigValue, YamlNode, TrainingOptions> apply) => new(apply);

    /// <summary>An integer, or <c>none</c> (the default: no crop).</summary>
    private static int? CropSize(ConfigValue value, YamlNode node) =>
        node is YamlScalarNode { Value: ConfigNames.None } ? null : value.Int(node);

    /// <summary>An integer, or <c>input_size</c> (the default: the model's input size).</summary>
    private static int? MaskSize(ConfigValue value, YamlNode node) =>
        node is YamlScalarNode { Value: ConfigNames.InputSize } ? null : value.Int(node);

    /// <summary>
    /// true, false, or <c>auto</c>: bfloat16 where this CPU has it in hardware (<see cref="Model.CpuBFloat16"/>).
    /// The run's config.yaml then records what was chosen, true or false.
    /// </summary>
    private static bool BFloat16(ConfigValue value, YamlNode node) => node is YamlScalarNode { Value: { } text } && text.Equals(ConfigNames.Auto, StringComparison.OrdinalIgnoreCase)
        ? Model.CpuBFloat16.IsNative
        : value.Bool(node, ConfigNames.Auto);

    private static bool IsNone(YamlNode node) => node is YamlScalarNode { Value: ConfigNames.None };

    /// <summary>An integer, or [height, width] with both equal: users' files may have either.</summary>
    private static int InputSize(ConfigValue value, YamlNode node)
    {
        if (node is not YamlSequenceNode list) return value.Int(node);
        if (list.Children.Count != 2)
            throw value.Fail(node, $"expected a size or [height, width], got a list of {list.Children.Count}");
        var (height, width) = (value.Int(list.Children[0]), value.Int(list.Children[1]));
        return height == width
            ? height
            : throw value.Fail(node, $"only square input sizes are supported, not [{height}, {width}]");
    }
}
