namespace Wms.Training.Demo;

/// <summary>
/// What <c>wms demo</c> does by default: a small synthetic set and a short run at a small input
/// size, chosen to finish in a few minutes on 2 CPU cores and still segment well (test Dice &gt;= 0.8).
/// </summary>
public sealed record DemoSettings
{
    /// <summary>Synthetic photo/mask pairs to render.</summary>
    public int Pairs { get; init; } = 200;

    /// <summary>Seeds the synthetic data, the split, the shuffling and the weights.</summary>
    public int Seed { get; init; } = 42;

    public int ImageSize { get; init; } = 128;
    public int Epochs { get; init; } = 10;
    public int BatchSize { get; init; } = 4;

    /// <summary>Test photos whose predicted masks and overlays are written through the exported ONNX model.</summary>
    public int PredictedPhotos { get; init; } = 4;

    /// <summary>libtorch threads; 0 = all cores.</summary>
    public int Threads { get; init; }

    /// <summary>
    /// The training options: the recipe's loss and schedule (BCE + Dice, warm-up then cosine) at a
    /// higher rate than the original's 1e-4, which would need many more epochs to converge.
    /// </summary>
    public TrainingOptions ToTrainingOptions() => new()
    {
        ImageSize = ImageSize,
        Epochs = Epochs,
        BatchSize = BatchSize,
        LearningRate = 1e-3,
        MinLearningRate = 1e-5,
        Loss = LossKind.BceDice,
        Schedule = LearningRateSchedule.Cosine,
        WarmupEpochs = Epochs > 2 ? 1 : 0,
        EarlyStoppingPatience = Epochs,
        Split = new SplitRatios(0.7, 0.15, 0.15),
        Seed = Seed,
        Threads = Threads,
    };
}
