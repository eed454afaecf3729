using System.Text.Json;
using Wms.Cli.Gate;
using Wms.Core;

namespace Wms.Cli.Pipeline.Steps;

/// <summary>
/// The quality gate (<see cref="QualityGate"/>, as `wms gate`): the run just trained against the
/// Production model, both re-evaluated on the run's test photos. A baseline that cannot be read is
/// an error (the step is not recorded, so a re-run retries it), never a baseline of 0.
/// </summary>
public static class GateStep
{
    public static async Task<GateStepResult> RunAsync(QualityGate gate, PipelineRequest request, TrainStepResult train, CancellationToken cancellationToken)
    {
        var result = await gate.EvaluateAsync(new GateRequest(train.RunId, request.MinDelta, request.DataDirectory), cancellationToken: cancellationToken);
        if (result.Decision == GateDecision.BaselineError)
            throw new WmsException($"quality gate: {result.Reason}; Production kept, nothing promoted (run the pipeline again to retry the gate)",
                result.ErrorKind ?? WmsErrorKind.DependencyUnavailable);
        return new GateStepResult(
            JsonNamingPolicy.SnakeCaseLower.ConvertName(result.Decision.ToString()),
            result.Passed,
            result.Reason,
            result.TestPhotos,
            result.Candidate.Scores.Dice,
            result.Candidate.Scores.Iou,
            result.Baseline?.Version,
            result.Baseline?.RunId,
            result.Baseline?.Scores.Dice,
            result.Baseline?.Scores.Iou);
    }
}
