namespace Wms.Cli.Pipeline.Steps;

/// <summary>The registered version now in Production, and the one it replaced.</summary>
public sealed record PromoteStepResult(int Version, int? PreviousVersion, string Message);
