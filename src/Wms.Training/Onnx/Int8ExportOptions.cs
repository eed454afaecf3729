namespace Wms.Training.Onnx;

/// <summary>How an INT8 export calibrates and when it refuses.</summary>
/// <param name="CalibrationDirectory">Photos (or a data folder with <c>images/</c>) like those the model will see.</param>
public sealed record Int8ExportOptions(string CalibrationDirectory)
{
    /// <summary>Photos calibrated on (spread over the folder); more adds little and costs about 1 s each.</summary>
    public int MaxPhotos { get; init; } = 16;

    /// <summary>ONNX Runtime intra-op threads for calibration and the check; 0 = one per core.</summary>
    public int Threads { get; init; }

    /// <summary>
    /// The INT8 model's masks must agree with the FP32 model's at least this well (mean Dice over
    /// the calibration photos), or nothing is written.
    /// </summary>
    public double MinDice { get; init; } = 0.95;
}
