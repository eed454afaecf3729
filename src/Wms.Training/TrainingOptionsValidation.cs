using System.Globalization;
using Wms.Training.Model;

namespace Wms.Training;

/// <summary>What makes a <see cref="TrainingOptions"/> impossible, named by the config key concerned.</summary>
internal static class TrainingOptionsValidation
{
    public static (string Key, string Problem)? FindProblem(TrainingOptions o)
    {
        var a = o.Augmentation;
        var s = o.Split;
        (string, string)? problem =
            !string.Equals(o.Architecture, "unet", StringComparison.OrdinalIgnoreCase) ? ("model.architecture", $"only \"unet\" is supported, not \"{o.Architecture}\"") :
            o.InputChannels != 3 ? ("model.input_channels", $"must be 3 (RGB photos), not {o.InputChannels}") :
            o.OutputChannels != 1 ? ("model.output_channels", $"must be 1 (one binary mask), not {o.OutputChannels}") :
            UNet.DepthProblem(o.Depth) is { } depthProblem ? ("model.depth", depthProblem) :
            UNet.BaseFiltersProblem(o.BaseFilters) is { } widthProblem ? ("model.base_filters", widthProblem) :
            UNet.InputSizeProblem(o.ImageSize, o.Depth) is { } sizeProblem ? ("model.input_size", sizeProblem) :
            o.Epochs < 1 ? ("training.epochs", $"must be at least 1, not {o.Epochs}") :
            o.BatchSize < 1 ? ("training.batch_size", $"must be at least 1, not {o.BatchSize}") :
            !(o.LearningRate > 0 && double.IsFinite(o.LearningRate)) ? ("training.learning_rate", $"must be greater than 0, not {F(o.LearningRate)}") :
            !(o.WeightDecay >= 0 && double.IsFinite(o.WeightDecay)) ? ("training.weight_decay", $"must be 0 or more, not {F(o.WeightDecay)}") :
            o.EarlyStoppingPatience < 1 ? ("training.early_stopping_patience", $"must be at least 1, not {o.EarlyStoppingPatience}") :
            !(o.SchedulerFactor is > 0 and < 1) ? ("training.scheduler.factor", $"must be between 0 and 1 (exclusive), not {F(o.SchedulerFactor)}") :
            o.SchedulerPatience < 0 ? ("training.scheduler.patience", $"must be 0 or more, not {o.SchedulerPatience}") :
            !(o.MinLearningRate >= 0 && o.MinLearningRate <= o.LearningRate) ? ("training.scheduler.min_lr", $"must be between 0 and the learning rate {F(o.LearningRate)}, not {F(o.MinLearningRate)}") :
            o.WarmupEpochs < 0 || o.WarmupEpochs >= o.Epochs ? ("training.scheduler.warmup_epochs", $"must be 0 or more and less than training.epochs ({o.Epochs}), not {o.WarmupEpochs}") :
            o.WarmupEpochs > 0 && o.Schedule != LearningRateSchedule.Cosine ? ("training.scheduler.warmup_epochs", "needs training.scheduler.type: cosine") :
            o.TimeLimitMinutes is { } limit && !(limit > 0 && double.IsFinite(limit)) ? ("training.time_limit_minutes", $"must be greater than 0, not {F(limit)}") :
            o.ValidateEvery < 1 ? ("training.validate_every", $"must be at least 1 (validate after every epoch), not {o.ValidateEvery}") :
            o.ValidateEachEpochFrom is < 1 ? ("training.validate_each_epoch_from", $"must be an epoch (1 or more), or none, not {o.ValidateEachEpochFrom}") :
            o.WeightAverageDecay is { } decay && !(decay is > 0 and < 1) ? ("training.weight_average", $"must be a decay between 0 and 1 (exclusive), or none, not {F(decay)}") :
            o.EvaluationMaskSize is < 32 or > 2048 ? ("evaluation.mask_size", $"must be between 32 and 2048, not {o.EvaluationMaskSize}") :
            !(s.Train > 0 && s.Train < 1) ? ("data.train_split", $"must be between 0 and 1 (exclusive), not {F(s.Train)}") :
            !(s.Validation > 0 && s.Validation < 1) ? ("data.val_split", $"must be between 0 and 1 (exclusive), not {F(s.Validation)}") :
            !(s.Test > 0 && s.Test < 1) ? ("data.test_split", $"must be between 0 and 1 (exclusive), not {F(s.Test)}") :
            Math.Abs(s.Train + s.Validation + s.Test - 1) > 1e-6 ? ("data", $"train_split + val_split + test_split must be 1, not {F(s.Train + s.Validation + s.Test)}") :
            !IsProbability(a.HorizontalFlip) ? ("augmentation.horizontal_flip", $"must be a probability in [0, 1], not {F(a.HorizontalFlip)}") :
            !IsProbability(a.VerticalFlip) ? ("augmentation.vertical_flip", $"must be a probability in [0, 1], not {F(a.VerticalFlip)}") :
            !(a.RotationDegrees is >= 0 and <= 180) ? ("augmentation.rotation_degrees", $"must be between 0 and 180, not {F(a.RotationDegrees)}") :
            !IsProbability(a.RotationProbability) ? ("augmentation.rotation_prob", $"must be a probability in [0, 1], not {F(a.RotationProbability)}") :
            !IsProbability(a.QuarterTurnProbability) ? ("augmentation.quarter_turn_prob", $"must be a probability in [0, 1], not {F(a.QuarterTurnProbability)}") :
            !IsProbability(a.ScaleProbability) ? ("augmentation.scale_prob", $"must be a probability in [0, 1], not {F(a.ScaleProbability)}") :
            !(a.ScaleLimit is >= 0 and < 1) ? ("augmentation.scale_limit", $"must be 0 or more and less than 1 (the zoom is 1 +- this), not {F(a.ScaleLimit)}") :
            !IsProbability(a.ColorJitterProbability) ? ("augmentation.color_jitter_prob", $"must be a probability in [0, 1], not {F(a.ColorJitterProbability)}") :
            a.CropSize is { } crop && (!UNet.IsInputSize(crop, o.Depth) || crop > o.ImageSize)
                ? ("augmentation.crop_size", $"must be between {UNet.MinInputSize} and model.input_size ({o.ImageSize}) and divisible by {UNet.InputSizeMultiple(o.Depth)}, not {crop}") :
            !IsProbability(a.CropOnCounterProbability) ? ("augmentation.crop_counter_prob", $"must be a probability in [0, 1], not {F(a.CropOnCounterProbability)}") :
            Core.ThreadLimits.Problem(o.Threads) is { } threads ? ("threads", threads) :
            null;
        return problem;
    }

    private static bool IsProbability(double p) => p is >= 0 and <= 1;

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
