using Wms.Core.Dvc;

namespace Wms.Cli.Commands.Data;

/// <summary>`wms data status` result.</summary>
internal sealed record StatusOutput(string? Remote, IReadOnlyList<OutputStatus> Outputs);
