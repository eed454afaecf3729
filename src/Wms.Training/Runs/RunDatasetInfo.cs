namespace Wms.Training.Runs;

/// <summary>How many pairs the data folder had and how they were split.</summary>
public sealed record RunDatasetInfo(int Pairs, int Train, int Val, int Test, int ImageSize);
