namespace Wms.Cli.Pipeline.Steps;

/// <summary>The merged data set's checks; <see cref="DataHash"/> is the content hash training starts from.</summary>
public sealed record ValidateStepResult(string Status, int ValidPairs, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, string DataHash);
