using Wms.Core;
using Wms.Core.DataQuality;

namespace Wms.Cli.Pipeline.Steps;

/// <summary>The data-quality checks on the whole merged data set; a FAIL stops the pipeline before training.</summary>
public static class ValidateStep
{
    public static async Task<ValidateStepResult> RunAsync(PipelineRequest request, string dataHash, CancellationToken cancellationToken)
    {
        var report = await Task.Run(() => DataValidator.Validate(request.DataDirectory, cancellationToken: cancellationToken), cancellationToken);
        if (!report.Passed)
            throw new WmsException($"{request.DataDirectory}: data validation failed ({report.Errors.Count} error(s)): {string.Join("; ", report.Errors.Take(3))}",
                WmsErrorKind.DataInvalid);
        return new ValidateStepResult(report.Status, report.ValidPairs, report.Errors, report.Warnings, dataHash);
    }
}
