using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Wms.Core;

namespace Wms.Training.Configuration;

/// <summary>
/// The original's YAML training config (REFERENCE.md §2): <c>model</c>, <c>training</c> (with
/// <c>scheduler</c>), <c>data</c>, <c>augmentation</c>, plus our optional <c>evaluation</c> and <c>compute</c> sections and
/// <c>training.loss</c>, <c>training.time_limit_minutes</c>, <c>training.weight_average</c>, <c>training.scheduler.type</c> and <c>training.scheduler.warmup_epochs</c>.
/// Every key is honoured; keys left out keep their defaults. An unknown key, a wrong type or an
/// impossible value is a <see cref="WmsException"/> naming the file, the key and the line.
/// </summary>
public static class TrainingConfigFile
{
    public static TrainingOptions Load(string path, TrainingOptions? defaults = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new WmsException($"{path}: config file not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WmsException($"{path}: cannot read config file ({e.Message})");
        }
        return Parse(text, path, defaults);
    }

    /// <summary>Reads config text; <paramref name="name"/> is what error messages call it (the file path).</summary>
    public static TrainingOptions Parse(string yaml, string name, TrainingOptions? defaults = null)
    {
        var options = defaults ?? new TrainingOptions();
        var root = ReadRoot(yaml, name);
        if (root is not null)
            options = ConfigSchema.Root.Apply(options, root, new ConfigValue(name, ""));
        if (options.FindProblem() is var (key, problem))
            throw new WmsException($"{name}: {key}: {problem}");
        return options;
    }

    private static YamlMappingNode? ReadRoot(string yaml, string name)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new WmsException($"{name}: not valid YAML at line {e.Start.Line}: {OneLine(e.InnerException?.Message ?? e.Message)}");
        }
        if (stream.Documents.Count == 0) return null;
        if (stream.Documents.Count > 1)
            throw new WmsException($"{name}: expected one YAML document, found {stream.Documents.Count}");
        return stream.Documents[0].RootNode switch
        {
            YamlMappingNode mapping => mapping,
            YamlScalarNode { Value: null or "" or "~" or "null" } => null,
            var other => throw new WmsException($"{name}: expected a mapping of sections (model, training, data, augmentation) at line {other.Start.Line}"),
        };
    }

    /// <summary>
    /// <c>base_filters</c> only when it is not the original's, so the text (and the pipeline's hash
    /// of it) of every config written before the key existed stays the same.
    /// </summary>
    private static string BaseFiltersLine(TrainingOptions o) =>
        o.BaseFilters == Model.UNet.OriginalBaseFilters ? "" : $"\n  base_filters: {o.BaseFilters}";

    /// <summary><c>crop_fit_counter</c> only when on, for the same reason as <see cref="BaseFiltersLine"/>.</summary>
    private static string CropFitsCounterLine(AugmentationOptions a) => a.CropFitsCounter ? "\n  crop_fit_counter: true" : "";

    /// <summary>The validation cadence only when it is not every epoch, for the same reason as <see cref="BaseFiltersLine"/>.</summary>
    private static string ValidationLines(TrainingOptions o) =>
        (o.ValidateEvery == 1 ? "" : $"\n  validate_every: {o.ValidateEvery}") +
        (o.ValidateEachEpochFrom is { } from ? $"\n  validate_each_epoch_from: {from}" : "");

    /// <summary>The options as a config file that <see cref="Parse"/> reads back to the same options.</summary>
    public static string Write(TrainingOptions o)
    {
        static string F(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        static string B(bool v) => v ? "true" : "false";
        var a = o.Augmentation;
        return $"""
            model:
              architecture: {o.Architecture}
              input_channels: {o.InputChannels}
              output_channels: {o.OutputChannels}
              input_size: {o.ImageSize}
              depth: {o.Depth}{BaseFiltersLine(o)}
              postprocess: {Core.Inference.MaskPostprocessNames.Of(o.Postprocess)}
            training:
              epochs: {o.Epochs}
              batch_size: {o.BatchSize}
              learning_rate: {F(o.LearningRate)}
              weight_decay: {F(o.WeightDecay)}
              early_stopping_patience: {o.EarlyStoppingPatience}
              time_limit_minutes: {(o.TimeLimitMinutes is { } limit ? F(limit) : ConfigNames.None)}{ValidationLines(o)}
              loss: {ConfigNames.Of(o.Loss)}
              weight_average: {(o.WeightAverageDecay is { } decay ? F(decay) : ConfigNames.None)}
              scheduler:
                type: {ConfigNames.Of(o.Schedule)}
                factor: {F(o.SchedulerFactor)}
                patience: {o.SchedulerPatience}
                min_lr: {F(o.MinLearningRate)}
                warmup_epochs: {o.WarmupEpochs}
            data:
              train_split: {F(o.Split.Train)}
              val_split: {F(o.Split.Validation)}
              test_split: {F(o.Split.Test)}
            augmentation:
              horizontal_flip: {F(a.HorizontalFlip)}
              vertical_flip: {F(a.VerticalFlip)}
              rotation_degrees: {F(a.RotationDegrees)}
              rotation_prob: {F(a.RotationProbability)}
              quarter_turn_prob: {F(a.QuarterTurnProbability)}
              scale_prob: {F(a.ScaleProbability)}
              scale_limit: {F(a.ScaleLimit)}
              color_jitter_prob: {F(a.ColorJitterProbability)}
              crop_size: {(a.CropSize is { } crop ? crop.ToString(System.Globalization.CultureInfo.InvariantCulture) : ConfigNames.None)}
              crop_counter_prob: {F(a.CropOnCounterProbability)}{CropFitsCounterLine(a)}
            evaluation:
              mask_size: {(o.EvaluationMaskSize is { } m ? m.ToString(System.Globalization.CultureInfo.InvariantCulture) : ConfigNames.InputSize)}
            compute:
              channels_last: {B(o.Compute.ChannelsLast)}
              bf16: {B(o.Compute.BFloat16)}

            """;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
