using System.CommandLine;
using Wms.Cli.Output;
using Wms.Core;
using Wms.Core.DataQuality;

namespace Wms.Cli.Commands.Data;

/// <summary>`wms data validate DIR`: the data-quality checks; exit 0 on PASS, <see cref="ExitCodes.DataValidationFailed"/> on FAIL.</summary>
internal sealed class ValidateCommand : BaseCommand
{
    private readonly Workspace _workspace;

    private static readonly Argument<string> Directory = new("dir")
    {
        Description = "The data set: a folder with images/ and masks/ (pairs share a file stem)",
        DefaultValueFactory = _ => ".",
    };

    private static readonly Option<string?> Report = new("--report")
    {
        Description = "Also write the report to this file: JSON (the original's data-qa --output), or Markdown for a .md name",
    };

    public ValidateCommand(IConsoleUi ui, Workspace workspace)
        : base("validate", "Check photos and masks: pairing, readability, sizes after EXIF orientation, mask sanity, duplicates, outliers", ui)
    {
        _workspace = workspace;
        Arguments.Add(Directory);
        Options.Add(Report);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var directory = _workspace.Resolve(parseResult.GetValue(Directory)!);
        var json = parseResult.IsJson();
        var report = await ProgressBridge.RunAsync(Ui, json, "Checking photos and masks",
            progress => DataValidator.Validate(directory, null, progress, cancellationToken));

        if (parseResult.GetValue(Report) is { } reportPath)
        {
            var path = _workspace.Resolve(reportPath);
            ReportFile.Write(path, directory, report);
            Ui.Info($"report written to {path}");
        }
        if (json) Ui.WriteJson(report, DataJsonContext.Relaxed.DataQualityReport);
        else ValidationReportView.Render(Ui, directory, report);
        return report.Passed ? ExitCodes.Success : ExitCodes.DataValidationFailed;
    }
}
