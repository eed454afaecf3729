namespace Wms.Training.Data;

/// <summary>A model-ready sample: the preprocessed photo as CHW bytes (the tensor is these / 255) and the 0/1 mask.</summary>
public sealed record PreparedSample(string Stem, byte[] Chw, byte[] Mask, int Size);
