using System.Globalization;
using Wms.Training.Configuration;

namespace Wms.Training;

/// <summary>A run's parameters as name/value strings, by the original's MLflow names first.</summary>
internal static class TrainingParameters
{
    public static IReadOnlyList<KeyValuePair<string, string>> Of(TrainingOptions o) =>
    [
        // The original's 13 (REFERENCE.md §2), in its order.
        new("seed", I(o.Seed)),
        new("epochs", I(o.Epochs)),
        new("batch_size", I(o.BatchSize)),
        new("learning_rate", F(o.LearningRate)),
        new("weight_decay", F(o.WeightDecay)),
        new("early_stopping_patience", I(o.EarlyStoppingPatience)),
        new("scheduler_factor", F(o.SchedulerFactor)),
        new("scheduler_patience", I(o.SchedulerPatience)),
        new("hflip", F(o.Augmentation.HorizontalFlip)),
        new("vflip", F(o.Augmentation.VerticalFlip)),
        new("rotation_degrees", F(o.Augmentation.RotationDegrees)),
        new("rotation_prob", F(o.Augmentation.RotationProbability)),
        new("quarter_turn_prob", F(o.Augmentation.QuarterTurnProbability)),
        new("color_jitter_prob", F(o.Augmentation.ColorJitterProbability)),
        // What the original ignored or did not record.
        new("min_lr", F(o.MinLearningRate)),
        new("image_size", I(o.ImageSize)),
        new("depth", I(o.Depth)),
        new("base_filters", I(o.BaseFilters)),
        new("train_split", F(o.Split.Train)),
        new("val_split", F(o.Split.Validation)),
        new("test_split", F(o.Split.Test)),
        new("threads", I(o.Threads)),
        new("channels_last", o.Compute.ChannelsLast ? "true" : "false"),
        new("bf16", o.Compute.BFloat16 ? "true" : "false"),
        new("loss", ConfigNames.Of(o.Loss)),
        new("scheduler", ConfigNames.Of(o.Schedule)),
        new("warmup_epochs", I(o.WarmupEpochs)),
        new("time_limit_minutes", o.TimeLimitMinutes is { } m ? F(m) : ConfigNames.None),
        new("validate_every", I(o.ValidateEvery)),
        new("validate_each_epoch_from", o.ValidateEachEpochFrom is { } from ? I(from) : ConfigNames.None),
        new("eval_mask_size", I(o.TestMaskSize)),
        new("postprocess", Core.Inference.MaskPostprocessNames.Of(o.Postprocess)),
        new("crop_size", o.Augmentation.CropSize is { } crop ? I(crop) : ConfigNames.None),
        new("crop_counter_prob", F(o.Augmentation.CropOnCounterProbability)),
        new("crop_fit_counter", o.Augmentation.CropFitsCounter ? "true" : "false"),
        new("scale_prob", F(o.Augmentation.ScaleProbability)),
        new("scale_limit", F(o.Augmentation.ScaleLimit)),
        new("weight_average", o.WeightAverageDecay is { } decay ? F(decay) : ConfigNames.None),
        // The file name only: a path says where a machine kept it, not what it was.
        new("init_weights", o.InitialWeights is { } w ? Path.GetFileName(w) : "none"),
    ];

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
