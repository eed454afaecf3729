namespace Wms.Training.Data;

/// <summary>
/// One training sample after augmentation: the preprocessed photo as CHW bytes, the 0/1 mask, and
/// the brightness factor still to apply to the photo's float values (1 when none was drawn).
/// </summary>
public sealed record AugmentedSample(byte[] Chw, byte[] Mask, float Brightness);
