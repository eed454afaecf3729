using Microsoft.Extensions.Options;
using Wms.Core;
using Wms.Core.Evaluation;
using Wms.Core.Inference;
using Wms.Core.Models;
using Wms.Core.Registry;
using Wms.Core.Tracking;

namespace Wms.Cli.Gate;

/// <summary>
/// The quality gate (<c>wms gate</c>, and the pipeline's gate step). The candidate is the run
/// named; the baseline is the Production model (alias <c>production</c>, else stage Production).
/// Both models are evaluated now, through ONNX, on the candidate's test photos at the same mask
/// size, and those numbers decide (<see cref="GateRule"/>); the stored <c>final_test_*</c> are
/// reported next to them. No baseline passes as the first model; a baseline that cannot be read
/// or evaluated is <see cref="GateDecision.BaselineError"/>, never a baseline of 0. Problems with
/// the candidate (unknown run, not FINISHED, no model, no data) are thrown as <see cref="WmsException"/>.
/// </summary>
public sealed class QualityGate(ITrackingStore tracking, IModelRegistry registry, IOptions<TrackingOptions> options)
{
    /// <summary>Runs the gate. <paramref name="status"/> hears what it is doing (for a progress line).</summary>
    public async Task<GateResult> EvaluateAsync(GateRequest request, Action<string>? status = null, CancellationToken cancellationToken = default)
    {
        if (request.MinDelta < 0 || double.IsNaN(request.MinDelta))
            throw new WmsException($"--min-delta must be 0 or more, not {request.MinDelta}");
        var run = await tracking.GetRunAsync(request.RunId, cancellationToken);
        var runId = run.Info.RunId;
        if (run.Info.Status != RunStatus.Finished)
            throw new WmsException($"run {runId} is {run.Info.Status.ToString().ToUpperInvariant()}: only a FINISHED run can be gated");
        var storedDice = run.GetMetric(ModelMetrics.Dice) ?? throw new WmsException($"run {runId} has no {ModelMetrics.Dice} metric: it did not finish testing");
        var storedIou = run.GetMetric(ModelMetrics.Iou) ?? throw new WmsException($"run {runId} has no {ModelMetrics.Iou} metric: it did not finish testing");

        var testSet = await RunTestSet.ResolveAsync(tracking, run, request.DataDirectory, cancellationToken);
        if (testSet.Pairs.Count == 0) throw new WmsException($"run {runId} has no test photos to evaluate on ({testSet.Source})", WmsErrorKind.DataInvalid);
        var evaluation = new EvaluationOptions { MaskSize = request.MaskSize };

        status?.Invoke($"evaluating the candidate (run {runId}) on {testSet.Pairs.Count} test photos");
        if ((await tracking.ListArtifactsAsync(runId, RegistryNames.ModelArtifactPath, cancellationToken)).Count == 0)
            throw WmsException.NotFound($"run {runId} has no model artifact (no '{RegistryNames.ModelArtifactPath}' folder; {tracking.Location})");
        var (candidateEval, candidateSize) = await WithTempFolderAsync(async folder =>
        {
            var path = await tracking.DownloadArtifactsAsync(runId, RegistryNames.ModelArtifactPath, folder, cancellationToken);
            return Evaluate(path, testSet, evaluation, cancellationToken);
        });
        var candidate = new GateModel(runId, null, candidateSize, Scores(storedDice, storedIou, candidateEval));

        GateResult Result(GateDecision decision, string reason, GateModel? baseline, WmsErrorKind? kind = null) =>
            new(decision, reason, candidate, baseline, request.MinDelta, testSet.DataDirectory, testSet.Pairs.Count, request.MaskSize, kind);

        ModelVersion? production;
        try
        {
            production = await registry.FindProductionVersionAsync(options.Value.ModelName, cancellationToken);
        }
        catch (WmsException e)
        {
            return Result(GateDecision.BaselineError, $"cannot read the Production model of '{options.Value.ModelName}': {e.Message}", null, e.Kind);
        }
        if (production is null)
            return Result(GateDecision.FirstModel, $"first model: '{options.Value.ModelName}' has no Production model yet ({registry.Location})", null);

        status?.Invoke($"evaluating the baseline (Production version {production.Version}) on the same photos");
        var baselineStored = await StoredMetricsAsync(production.RunId, cancellationToken);
        try
        {
            var (baselineEval, baselineSize) = await WithTempFolderAsync(async folder =>
            {
                var path = await registry.DownloadModelVersionAsync(options.Value.ModelName, production.Version, folder, cancellationToken);
                return Evaluate(path, testSet, evaluation, cancellationToken);
            });
            var baseline = new GateModel(production.RunId, production.Version, baselineSize, Scores(baselineStored.Dice, baselineStored.Iou, baselineEval));
            var (improved, reason) = GateRule.Compare(candidateEval.Summary.Dice, candidateEval.Summary.Iou,
                baselineEval.Summary.Dice, baselineEval.Summary.Iou, request.MinDelta);
            return Result(improved ? GateDecision.Improved : GateDecision.NotImproved, reason, baseline);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var baseline = new GateModel(production.RunId, production.Version, null,
                new GateScores(baselineStored.Dice, baselineStored.Iou, null, null, null, null));
            var kind = e is WmsException w ? w.Kind : WmsErrorKind.InvalidInput;
            return Result(GateDecision.BaselineError, $"cannot evaluate the Production model (version {production.Version}): {e.Message.Split('\n')[0]}", baseline, kind);
        }
    }

    private static (ModelEvaluation Evaluation, int ImageSize) Evaluate(string modelPath, RunTestSet testSet, EvaluationOptions options, CancellationToken cancellationToken)
    {
        using var engine = SegmentationEngine.Load(ModelPackage.Open(modelPath), new InferenceOptions { WarmUp = false });
        return (new ModelEvaluator(engine, options).Evaluate(testSet.Pairs, cancellationToken: cancellationToken), engine.ImageSize);
    }

    private static GateScores Scores(double? storedDice, double? storedIou, ModelEvaluation evaluation) =>
        new(storedDice, storedIou, evaluation.Summary.Dice, evaluation.Summary.Iou, evaluation.Summary.Hausdorff, evaluation.Summary.PixelAccuracy);

    /// <summary>The baseline run's logged numbers, for the report only; a missing run is not an error (versions outlive runs).</summary>
    private async Task<(double? Dice, double? Iou)> StoredMetricsAsync(string? runId, CancellationToken cancellationToken)
    {
        if (runId is null) return (null, null);
        try
        {
            var run = await tracking.GetRunAsync(runId, cancellationToken);
            return (run.GetMetric(ModelMetrics.Dice), run.GetMetric(ModelMetrics.Iou));
        }
        catch (WmsException)
        {
            return (null, null);
        }
    }

    private static async Task<T> WithTempFolderAsync<T>(Func<string, Task<T>> work)
    {
        var folder = Directory.CreateTempSubdirectory("wms-gate-").FullName;
        try
        {
            return await Task.Run(() => work(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
