using System.CommandLine;
using Spectre.Console;
using Wms.Cli.Output;
using Wms.Core;
using Wms.Core.DataSets;

namespace Wms.Cli.Commands.Data;

/// <summary>`wms data merge --new DIR --into DATASET`: add new pairs, all or nothing, after validating the merged set.</summary>
internal sealed class MergeCommand : BaseCommand
{
    private readonly Workspace _workspace;

    private static readonly Option<string> New = new("--new")
    {
        Description = "Folder with the new images/ and masks/",
        Required = true,
    };

    private static readonly Option<string> Into = new("--into")
    {
        Description = "The data set to merge into (images/ and masks/; created if absent)",
        Required = true,
    };

    private static readonly Option<string?> Report = new("--report")
    {
        Description = "Write the merged set's validation report to this file (JSON, or Markdown for a .md name)",
    };

    private static readonly Option<bool> Replace = new("--replace")
    {
        Description = "Overwrite files whose name exists with other content (otherwise they are conflicts)",
    };

    public MergeCommand(IConsoleUi ui, Workspace workspace)
        : base("merge", "Copy new photo/mask pairs into a data set: identical files skipped, conflicts refused, merged set validated first", ui)
    {
        _workspace = workspace;
        Options.Add(New);
        Options.Add(Into);
        Options.Add(Replace);
        Options.Add(Report);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var from = _workspace.Resolve(parseResult.GetValue(New)!);
        var into = _workspace.Resolve(parseResult.GetValue(Into)!);
        var json = parseResult.IsJson();
        var result = await ProgressBridge.RunAsync(Ui, json, "Validating the merged data set",
            progress => DataSetMerger.Merge(from, into, parseResult.GetValue(Replace), null, progress, cancellationToken));
        if (parseResult.GetValue(Report) is { } reportPath && result.Report is { } report)
        {
            ReportFile.Write(_workspace.Resolve(reportPath), into, report);
            Ui.Info($"validation report written to {_workspace.Resolve(reportPath)}");
        }
        if (json) Ui.WriteJson(result, DataJsonContext.Relaxed.MergeResult);
        else Render(result, into);
        return result.Outcome switch
        {
            MergeOutcome.Conflicts => ExitCodes.Conflict,
            MergeOutcome.ValidationFailed => ExitCodes.DataValidationFailed,
            _ => ExitCodes.Success,
        };
    }

    private void Render(MergeResult r, string into)
    {
        switch (r.Outcome)
        {
            case MergeOutcome.Conflicts:
                Ui.Error($"{r.Conflicts.Count} file(s) conflict with the data set; nothing was changed (pass --replace to overwrite them on purpose):");
                foreach (var c in r.Conflicts) Ui.Info("  " + c);
                break;
            case MergeOutcome.ValidationFailed:
                Ui.Error($"the merged data set would fail validation ({r.Report!.Errors.Count} error(s)); nothing was changed:");
                foreach (var e in r.Report.Errors) Ui.Info("  " + e);
                break;
            case MergeOutcome.NothingToDo:
                Ui.Info($"nothing to merge: all {r.FilesIdentical} file(s) are already in {into}");
                break;
            default:
                foreach (var w in r.Report?.Warnings ?? []) Ui.Warn(w);
                Ui.Success($"merged into {into}: {r.FilesAdded} file(s) added, {r.FilesReplaced} replaced, {r.FilesIdentical} identical skipped");
                break;
        }
        Ui.Out.MarkupLineInterpolated($"existing pairs: {r.ExistingPairs}, new pairs: {r.NewPairs}, replaced pairs: {r.ReplacedPairs}, total pairs: {r.TotalPairs}");
    }
}
