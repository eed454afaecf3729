using System.CommandLine;
using Wms.Cli.Commands.Registry.Views;
using Wms.Cli.Output;
using Wms.Core.Registry.Promotion;

namespace Wms.Cli.Commands.Registry;

/// <summary>The options and output every promotion-like command shares.</summary>
internal static class PromotionOutput
{
    public static Option<string?> ReasonOption() => new("--reason")
    {
        Description = "Why (stored as the version tag wms.promotion_reason / wms.archive_reason and in the history file)",
    };

    public static Option<string?> RecordDirOption() => new("--record-dir")
    {
        Description = "Folder for production_current.json and production_history.jsonl (kept in git); written atomically",
    };

    /// <summary>Checks --record-dir before anything is promoted (see <see cref="ProductionRecords.CheckWritable"/>).</summary>
    public static void CheckRecordDir(RegistryServices services, string? recordDirectory)
    {
        if (recordDirectory is not null) ProductionRecords.CheckWritable(services.Workspace.Resolve(recordDirectory));
    }

    /// <summary>Records the outcome when asked, then prints it: one JSON document, or a table plus a message on stderr.</summary>
    public static async Task<int> WriteAsync(IConsoleUi ui, ParseResult parseResult, RegistryServices services, PromotionOutcome outcome,
        string? recordDirectory, CancellationToken cancellationToken)
    {
        if (recordDirectory is not null)
            await ProductionRecords.WriteAsync(services.Workspace.Resolve(recordDirectory), outcome, cancellationToken);
        var view = RegistryViews.Promotion(outcome);
        if (parseResult.IsJson())
        {
            ui.WriteJson(view, RegistryJson.Info<PromotionView>());
            return ExitCodes.Success;
        }
        ui.Out.Write(Format.Fields(
            ("Model", view.Model),
            ("Version", view.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Run", view.RunId),
            ("Stage", view.Stage),
            ("Aliases", Format.List(view.Aliases)),
            ("Previous", view.PreviousVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Dice", Format.Score(view.Dice)),
            ("IoU", Format.Score(view.Iou)),
            ("By", view.PromotedBy),
            ("At", view.PromotedAt),
            ("Reason", view.Reason)));
        if (outcome.Changed) ui.Success(outcome.Message);
        else ui.Info(outcome.Message);
        return ExitCodes.Success;
    }
}
