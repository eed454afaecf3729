namespace Wms.Training.Data;

/// <summary>A photo and its mask, paired by file stem.</summary>
public sealed record SamplePair(string Stem, string PhotoPath, string MaskPath);
