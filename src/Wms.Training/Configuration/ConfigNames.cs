using Wms.Core.Inference;

namespace Wms.Training.Configuration;

/// <summary>The config file's spellings of enum values (snake_case, as the rest of the file).</summary>
public static class ConfigNames
{
    /// <summary>The <c>evaluation.mask_size</c> value meaning "the model's input size".</summary>
    public const string InputSize = "input_size";

    /// <summary>The value of <c>training.time_limit_minutes</c>, <c>training.weight_average</c> and <c>augmentation.crop_size</c> meaning "not used".</summary>
    public const string None = "none";

    /// <summary>The value of <c>compute.bf16</c> meaning "where the CPU has bfloat16 in hardware".</summary>
    public const string Auto = "auto";

    internal static readonly IReadOnlyDictionary<string, LossKind> Losses = new Dictionary<string, LossKind>
    {
        ["bce"] = LossKind.Bce,
        ["bce_dice"] = LossKind.BceDice,
        ["bce_tversky"] = LossKind.BceTversky,
    };

    internal static readonly IReadOnlyDictionary<string, LearningRateSchedule> Schedules = new Dictionary<string, LearningRateSchedule>
    {
        ["plateau"] = LearningRateSchedule.Plateau,
        ["cosine"] = LearningRateSchedule.Cosine,
    };

    internal static readonly IReadOnlyDictionary<string, MaskPostprocess> Postprocesses =
        MaskPostprocessNames.All.ToDictionary(name => name, name => MaskPostprocessNames.Parse(name)!.Value);

    public static string Of(LossKind loss) => Losses.First(p => p.Value == loss).Key;

    public static string Of(LearningRateSchedule schedule) => Schedules.First(p => p.Value == schedule).Key;
}
