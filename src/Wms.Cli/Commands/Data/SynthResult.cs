using Wms.Core.Synthetic;

namespace Wms.Cli.Commands.Data;

/// <summary>The `wms data synth --format json` document.</summary>
public sealed record SynthResult(
    string Directory, string Images, string Masks, int Count, int Seed, int MinSide, int MaxSide,
    double NoiseLevel, double MislabeledFraction, int Mislabeled, double MeanCoveragePercent, double Seconds)
{
    public static SynthResult From(SyntheticSummary summary, SyntheticOptions options, double seconds) => new(
        summary.Directory, summary.ImagesDirectory, summary.MasksDirectory, summary.Count, summary.Seed,
        summary.MinSide, summary.MaxSide, options.NoiseLevel, options.MislabeledFraction, summary.Mislabeled,
        Math.Round(summary.MeanCoveragePercent, 4), Math.Round(seconds, 3));
}
