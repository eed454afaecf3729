using Wms.Cli.Output;
using Wms.Core;
using Wms.Core.Dvc;

namespace Wms.Cli.Commands.Data;

/// <summary>Prints a push or pull result and picks its exit code.</summary>
internal static class TransferView
{
    public static int Finish(IConsoleUi ui, bool json, string operation, string remote, TransferResult result)
    {
        if (json)
        {
            ui.WriteJson(new TransferOutput(operation, remote, result), DataJsonContext.Relaxed.TransferOutput);
        }
        else
        {
            foreach (var failure in result.Failures)
                ui.Error($"{failure.Output}: {(failure.Key.Length > 0 ? failure.Key + ": " : "")}{failure.Reason}");
            foreach (var conflict in result.Conflicts)
            {
                ui.Error($"{conflict.Output}: local changes would be lost, not checked out "
                    + $"({conflict.Modified.Count} modified, {conflict.New.Count} not tracked); record them with 'wms data add' or pass --force");
                foreach (var file in conflict.Modified) ui.Info($"  modified: {file}");
                foreach (var file in conflict.New) ui.Info($"  untracked: {file}");
            }
            var verb = operation == "push" ? "uploaded" : "downloaded";
            var summary = $"{operation} '{remote}': {result.Transferred} object(s) {verb}, {result.AlreadyPresent} already there";
            if (operation == "pull") summary += $", {result.CheckedOut} workspace file(s) written, {result.Removed} removed";
            if (result.Succeeded) ui.Success(summary);
            else ui.Warn(summary + $"; {result.Failures.Count} failure(s), {result.Conflicts.Count} conflict(s)");
        }
        return ExitCode(result);
    }

    /// <summary>
    /// Conflicts first; then a single kind of failure with nothing moved keeps its own code
    /// (unreachable remote 5, missing object 6); a mix is a partial failure (7).
    /// </summary>
    private static int ExitCode(TransferResult result)
    {
        if (result.Conflicts.Count > 0) return ExitCodes.Conflict;
        if (result.Failures.Count == 0) return ExitCodes.Success;
        var kinds = result.Failures.Select(f => f.Kind).Distinct().ToList();
        return result.Transferred == 0 && kinds.Count == 1 ? ExitCodes.For(kinds[0]) : ExitCodes.PartialFailure;
    }
}
