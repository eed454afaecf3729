namespace Wms.Cli.Pipeline;

/// <summary>One step in the summary: done now, skipped (finished by an earlier attempt with the same inputs), or not needed.</summary>
public sealed record PipelineStepStatus(string Step, string Status, string? InputHash, DateTimeOffset? FinishedAt)
{
    public const string Done = "done";
    public const string Skipped = "skipped";
    public const string NotNeeded = "not_needed";
}
