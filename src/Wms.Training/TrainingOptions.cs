namespace Wms.Training;

/// <summary>
/// Everything one training run is parameterised by, immutable. Defaults are the original system's
/// (REFERENCE.md §2); a config file (<see cref="Configuration.TrainingConfigFile"/>) and CLI options
/// override them. The trainer reads nothing else: no statics, no environment.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>Only the original U-Net exists; the key is kept because users' config files have it.</summary>
    public string Architecture { get; init; } = "unet";
    public int InputChannels { get; init; } = 3;
    public int OutputChannels { get; init; } = 1;

    /// <summary>Photos and masks are resized to this square size (<c>model.input_size</c>).</summary>
    public int ImageSize { get; init; } = 512;

    /// <summary><c>model.depth</c>: how many times the U-Net halves its input (4, the original's, or 5).</summary>
    public int Depth { get; init; } = Model.UNet.OriginalDepth;

    /// <summary><c>model.base_filters</c>: the U-Net's channels at the first level (16, the original's), doubled at each halving.</summary>
    public int BaseFilters { get; init; } = Model.UNet.OriginalBaseFilters;

    public int Epochs { get; init; } = 50;
    public int BatchSize { get; init; } = 4;
    public double LearningRate { get; init; } = 1e-4;
    public double WeightDecay { get; init; } = 1e-4;

    /// <summary>Stop after this many epochs without a strictly lower validation loss.</summary>
    public int EarlyStoppingPatience { get; init; } = 5;

    /// <summary>ReduceLROnPlateau on the validation loss: multiply the rate by this...</summary>
    public double SchedulerFactor { get; init; } = 0.5;

    /// <summary>...after this many epochs without improvement...</summary>
    public int SchedulerPatience { get; init; } = 3;

    /// <summary>...but never below this (also where <see cref="LearningRateSchedule.Cosine"/> ends).</summary>
    public double MinLearningRate { get; init; } = 1e-6;

    /// <summary><c>training.scheduler.type</c>: the original's plateau rule, or cosine decay per batch.</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Plateau;

    /// <summary><c>training.scheduler.warmup_epochs</c>: linear warm-up before the cosine decay.</summary>
    public int WarmupEpochs { get; init; }

    /// <summary>
    /// <c>training.time_limit_minutes</c>: training (not data loading or the test) stops after the
    /// epoch that would let the next one pass this, and the cosine schedule reaches its end by
    /// this time even when the epochs are slower than planned (a busy machine); null = no limit.
    /// </summary>
    public double? TimeLimitMinutes { get; init; }

    /// <summary>
    /// <c>training.validate_every</c>: validate after every this many epochs, and always after the
    /// last; 1 = every epoch, as the original. Validating whole photos costs about a fifth of a
    /// cropped epoch, time a long run can spend on training while its best weights are still far off.
    /// </summary>
    public int ValidateEvery { get; init; } = 1;

    /// <summary>
    /// <c>training.validate_each_epoch_from</c>: from this epoch on, validate after every epoch
    /// again, where a cosine run's best weights are chosen; null = only <see cref="ValidateEvery"/>.
    /// </summary>
    public int? ValidateEachEpochFrom { get; init; }

    /// <summary>Whether the run validates (and may save its best weights) after <paramref name="epoch"/>.</summary>
    public bool ValidatesAfter(int epoch) => epoch == Epochs || epoch % ValidateEvery == 0 || epoch >= ValidateEachEpochFrom;

    /// <summary>
    /// <c>training.weight_average</c>: validation, checkpoints and the test use an exponential
    /// moving average of the weights (and batch-norm statistics), updated after each step with
    /// this decay; null = the weights as trained.
    /// </summary>
    public double? WeightAverageDecay { get; init; }

    /// <summary><c>training.loss</c>: BCE (the original's), BCE plus soft Dice, or BCE plus soft Tversky.</summary>
    public LossKind Loss { get; init; } = LossKind.Bce;

    /// <summary>
    /// <c>evaluation.mask_size</c>: the size of the true masks the final test metrics compare with
    /// (the prediction is resized to it); null = the input size.
    /// </summary>
    public int? EvaluationMaskSize { get; init; }

    /// <summary>
    /// <c>model.postprocess</c>: what is done to each thresholded mask in validation, the test
    /// metrics and, recorded in the exported model, everywhere the model predicts.
    /// </summary>
    public Core.Inference.MaskPostprocess Postprocess { get; init; }

    /// <summary>The mask size the test metrics are measured at.</summary>
    public int TestMaskSize => EvaluationMaskSize ?? ImageSize;

    public SplitRatios Split { get; init; } = SplitRatios.Default;

    public AugmentationOptions Augmentation { get; init; } = new();

    /// <summary>
    /// Weights to start from instead of a seeded random initialisation (<c>wms train --init</c>): a
    /// <c>.pth</c> state_dict (the Python system's <c>best.pth</c>) or a native <c>.dat</c>; null =
    /// from scratch. Fine-tuning at a larger input size starts here.
    /// </summary>
    public string? InitialWeights { get; init; }

    /// <summary>Seeds the split, the shuffling, the augmentation and the weight initialisation.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>libtorch intra-op threads; 0 = all cores.</summary>
    public int Threads { get; init; }

    /// <summary>How the arithmetic runs (memory format, bfloat16); does not change what is trained.</summary>
    public ComputeOptions Compute { get; init; } = ComputeOptions.Default;

    /// <summary>A new U-Net of these options' depth, width and arithmetic, its weights drawn from libtorch's generator: what a run trains and the epoch benchmark times.</summary>
    public Model.UNet CreateModel() => new(baseFilters: BaseFilters, depth: Depth) { BFloat16 = Compute.BFloat16, ChannelsLast = Compute.ChannelsLast };

    /// <summary>The first problem, as the config key it concerns and what is wrong; null when valid.</summary>
    public (string Key, string Problem)? FindProblem() => TrainingOptionsValidation.FindProblem(this);

    /// <summary>
    /// The run's parameters by the original's MLflow names (its 13, then ours), for trackers and
    /// <c>metrics.json</c>. Values are invariant-culture strings.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToParameters() => TrainingParameters.Of(this);
}
