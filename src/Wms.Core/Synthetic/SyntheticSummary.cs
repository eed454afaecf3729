namespace Wms.Core.Synthetic;

/// <summary>What <see cref="SyntheticMeters.Generate"/> wrote.</summary>
/// <param name="Directory">The data folder (holds <c>images/</c> and <c>masks/</c>).</param>
/// <param name="Count">Pairs written.</param>
/// <param name="Seed">The seed; the same seed and options give the same files.</param>
/// <param name="MinSide">Smallest photo side written, in pixels.</param>
/// <param name="MaxSide">Largest photo side written, in pixels.</param>
/// <param name="MeanCoveragePercent">Mean share of mask pixels that are foreground, in %.</param>
/// <param name="Mislabeled">How many masks were put in the wrong place on purpose.</param>
public sealed record SyntheticSummary(string Directory, int Count, int Seed, int MinSide, int MaxSide, double MeanCoveragePercent, int Mislabeled)
{
    /// <summary>The photos folder.</summary>
    public string ImagesDirectory => Path.Combine(Directory, "images");

    /// <summary>The masks folder.</summary>
    public string MasksDirectory => Path.Combine(Directory, "masks");
}
