namespace Wms.Core.Predictions;

/// <summary>What <see cref="PhotoInputs.Collect"/> found: photos to predict and entries it left out.</summary>
public sealed record PhotoSelection(IReadOnlyList<InputPhoto> Photos, IReadOnlyList<SkippedFile> Skipped);
