namespace Wms.Cli.Pipeline.Steps;

/// <summary>The data version recorded: the <c>.dvc</c> files written (with their md5 ids) and what was pushed where.</summary>
public sealed record DataVersionStepResult(IReadOnlyList<DataVersionFile> DvcFiles, string? Remote, int ObjectsPushed, int ObjectsAlreadyThere, string? Note);
