using Wms.Cli.Commands.Registry;
using Wms.Core.Registry.Promotion;

namespace Wms.Cli.Pipeline.Steps;

/// <summary>
/// Registers the candidate's model and makes it Production (<see cref="ModelPromoter"/>, as
/// `wms promote`; repeating it changes nothing), then writes the production records when asked.
/// </summary>
public static class PromoteStep
{
    public static async Task<PromoteStepResult> RunAsync(RegistryServices services, PipelineRequest request, string pipelineId,
        TrainStepResult train, GateStepResult gate, CancellationToken cancellationToken)
    {
        var outcome = await services.Promoter().PromoteRunAsync(train.RunId, services.Actor(),
            $"pipeline {pipelineId}: {gate.Reason}", cancellationToken);
        if (request.RecordDirectory is not null)
            await ProductionRecords.WriteAsync(request.RecordDirectory, outcome, cancellationToken);
        return new PromoteStepResult(outcome.Version.Version, outcome.Previous?.Version, outcome.Message);
    }
}
