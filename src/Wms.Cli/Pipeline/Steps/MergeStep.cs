using Wms.Core;
using Wms.Core.DataQuality;
using Wms.Core.DataSets;

namespace Wms.Cli.Pipeline.Steps;

/// <summary>
/// The new pairs into the data set with <see cref="DataSetMerger"/>: all or nothing, identical files
/// skipped, a file with an existing name and other content refused (nothing is replaced, so
/// nothing is lost). The pair count before the merge is recorded first, so counts stay right when
/// a killed attempt had already committed the merge.
/// </summary>
public static class MergeStep
{
    public static async Task<MergeStepResult> RunAsync(PipelineSteps steps, PipelineRequest request, CancellationToken cancellationToken)
    {
        if (steps.State.MergeBaseline is null)
            steps.Save(steps.State with { MergeBaseline = CountPairs(request.DataDirectory) });
        var result = await Task.Run(() => DataSetMerger.Merge(request.NewDirectory, request.DataDirectory, replace: false,
            cancellationToken: cancellationToken), cancellationToken);
        switch (result.Outcome)
        {
            case MergeOutcome.Conflicts:
                throw new WmsException($"{request.DataDirectory}: {result.Conflicts.Count} new file(s) have the name of an existing file but other content; "
                    + $"nothing was merged (rename them, or merge on purpose with 'wms data merge --replace'): {string.Join("; ", result.Conflicts.Take(3))}",
                    WmsErrorKind.Conflict);
            case MergeOutcome.ValidationFailed:
                var errors = result.Report!.Errors;
                throw new WmsException($"{request.NewDirectory}: the merged data set would fail validation ({errors.Count} error(s)); nothing was merged: "
                    + string.Join("; ", errors.Take(3)), WmsErrorKind.DataInvalid);
        }
        var baseline = steps.State.MergeBaseline!.Value;
        return new MergeStepResult(result.Outcome == MergeOutcome.Merged ? "merged" : "nothing_to_do",
            baseline, result.TotalPairs - baseline, result.TotalPairs, result.FilesAdded, result.FilesIdentical);
    }

    private static int CountPairs(string directory)
    {
        var layout = DataSetLayout.Scan(directory);
        var masks = layout.Masks.Select(m => m.Stem).ToHashSet(StringComparer.Ordinal);
        return layout.Images.Select(i => i.Stem).Distinct(StringComparer.Ordinal).Count(masks.Contains);
    }
}
