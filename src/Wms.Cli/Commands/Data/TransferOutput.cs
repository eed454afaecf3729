using Wms.Core.Dvc;

namespace Wms.Cli.Commands.Data;

/// <summary>`wms data push|pull` result.</summary>
internal sealed record TransferOutput(string Operation, string Remote, TransferResult Result);
