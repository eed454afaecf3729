using System.Globalization;
using System.Text.Json;
using Wms.Cli.Commands.Registry;
using Wms.Cli.Gate;
using Wms.Cli.Pipeline.Steps;
using Wms.Core;
using Wms.Core.Dvc.Storage;
using Wms.Training;
using J = Wms.Cli.Pipeline.PipelineJsonContext;

namespace Wms.Cli.Pipeline;

/// <summary>
/// `wms pipeline run`: merge the new data -> validate -> train -> gate against Production -> if
/// better: promote, record the data version, export; else keep Production and say why. Each step
/// is recorded in the pipeline run's state file with the hash of its inputs (data content, config,
/// run), so running the same command again after a failure or a kill skips what is finished.
/// </summary>
public sealed class PipelineRunner(TrainStep train, QualityGate gate, RegistryServices registry, IObjectStoreFactory stores, TimeProvider time)
{
    public const string SummaryJsonFile = "summary.json";
    public const string SummaryMarkdownFile = "summary.md";

    public async Task<PipelineSummary> RunAsync(PipelineRequest request, IPipelineObserver observer, ITrainingObserver? progress,
        CancellationToken cancellationToken)
    {
        if (!Directory.Exists(request.NewDirectory))
            throw WmsException.NotFound($"{request.NewDirectory}: new data folder not found");
        if (request.RecordDirectory is not null) Wms.Core.Registry.Promotion.ProductionRecords.CheckWritable(request.RecordDirectory);
        // A mistyped --data must not become a data set of the new photos alone, trained on and promoted.
        if (!Directory.Exists(request.DataDirectory))
            throw WmsException.NotFound($"{request.DataDirectory}: data folder not found (to start a new data set, create it first: mkdir -p {request.DataDirectory})");
        using var exclusive = PipelineLock.Acquire(request.StateRoot);
        var newHash = await Task.Run(() => PipelineHashes.Data(request.NewDirectory, cancellationToken), cancellationToken);
        var configHash = PipelineHashes.Config(request.Options);
        var id = PipelineHashes.Of(newHash, Path.GetFullPath(request.DataDirectory), configHash, Number(request.MinDelta))[..12];
        var folder = Path.Combine(request.StateRoot, id);
        var statePath = Path.Combine(folder, PipelineStateFile.FileName);
        var state = PipelineStateFile.Load(statePath);
        var steps = new PipelineSteps(statePath, state ?? NewState(id, request, newHash, configHash), observer, time);
        if (state is null) steps.Save(steps.State);

        var merge = await steps.RunAsync(PipelineStepNames.Merge, newHash, J.Default.MergeStepResult,
            $"merging {request.NewDirectory} into {request.DataDirectory}",
            () => MergeStep.RunAsync(steps, request, cancellationToken),
            r => $"{r.NewPairs} new pair(s): {r.ExistingPairs} existing -> {r.TotalPairs} in {request.DataDirectory}");
        var dataHash = await Task.Run(() => PipelineHashes.Data(request.DataDirectory, cancellationToken), cancellationToken);
        var checkedData = await steps.RunAsync(PipelineStepNames.Validate, dataHash, J.Default.ValidateStepResult, $"checking {request.DataDirectory}",
            () => ValidateStep.RunAsync(request, dataHash, cancellationToken),
            r => $"{r.Status}: {r.ValidPairs} valid pairs, {r.Warnings.Count} warning(s)");
        var trained = await steps.RunAsync(PipelineStepNames.Train, PipelineHashes.Of(dataHash, configHash), J.Default.TrainStepResult,
            $"training on {checkedData.ValidPairs} pairs ({request.Options.Epochs} epoch(s) at {request.Options.ImageSize} px)",
            () => train.RunAsync(request, id, progress, cancellationToken),
            r => $"run {r.RunId} in {r.RunDirectory}: final_test_dice {F(r.FinalTestDice)}, final_test_iou {F(r.FinalTestIou)}");
        var verdict = await steps.RunAsync(PipelineStepNames.Gate, PipelineHashes.Of(trained.RunId, Number(request.MinDelta)), J.Default.GateStepResult,
            $"gating run {trained.RunId} against Production",
            () => GateStep.RunAsync(gate, request, trained, cancellationToken),
            r => $"{r.Decision}: {r.Reason}");

        var counts = new PipelineDataCounts(merge.ExistingPairs, merge.NewPairs, merge.TotalPairs, dataHash);
        var metrics = new PipelineMetrics(verdict.TestPhotos, verdict.CandidateDice, verdict.CandidateIou, verdict.BaselineDice, verdict.BaselineIou,
            verdict.BaselineVersion, trained.FinalTestDice, trained.FinalTestIou);
        PipelineSummary Summary(string decision, string reason) => new(id, decision, reason, counts, metrics, trained.RunId, trained.RunDirectory,
            null, null, null, [], null, null, [], statePath, registry.Tracking.Location);

        PipelineSummary summary;
        if (!verdict.Passed)
        {
            summary = Summary(PipelineSummary.KeptProduction, $"Production (version {verdict.BaselineVersion}) kept: the new model is {verdict.Reason}. "
                + $"The new data stays merged in {request.DataDirectory}; no data version was recorded and nothing was exported.");
        }
        else
        {
            var promoted = await steps.RunAsync(PipelineStepNames.Promote, trained.RunId, J.Default.PromoteStepResult,
                $"promoting run {trained.RunId}",
                () => PromoteStep.RunAsync(registry, request, id, trained, verdict, cancellationToken),
                r => r.Message);
            var data = await steps.RunAsync(PipelineStepNames.DataVersion, dataHash, J.Default.DataVersionStepResult,
                "recording the data version",
                () => DataVersionStep.RunAsync(request, stores, cancellationToken),
                r => r.Note ?? $"{string.Join(", ", r.DvcFiles.Select(f => f.Path))}{(r.Remote is { } remote ? $" pushed to '{remote}' ({r.ObjectsPushed} new object(s))" : "")}");
            var exported = await steps.RunAsync(PipelineStepNames.Export, PipelineHashes.Of(trained.RunId, Number(promoted.Version)), J.Default.ExportStepResult,
                $"exporting model version {promoted.Version} to {request.ExportDirectory}",
                () => ExportStep.RunAsync(registry.Registry, registry.ModelName, request, promoted, cancellationToken),
                r => $"{r.Directory} (model.onnx {r.OnnxSha256[..12]})");
            summary = Summary(PipelineSummary.Promoted, $"Promoted: {verdict.Reason}") with
            {
                ModelVersion = promoted.Version,
                PreviousVersion = promoted.PreviousVersion,
                ExportDirectory = exported.Directory,
                DataVersion = data.DvcFiles,
                DataRemote = data.Remote,
                DataNote = data.Note,
            };
        }
        summary = summary with { Steps = StepStatuses(steps) };
        AtomicFile.WriteAllText(Path.Combine(folder, SummaryJsonFile), JsonSerializer.Serialize(summary, J.Default.PipelineSummary));
        AtomicFile.WriteAllText(Path.Combine(folder, SummaryMarkdownFile), PipelineMarkdown.Render(summary));
        return summary;
    }

    private PipelineState NewState(string id, PipelineRequest request, string newHash, string configHash) =>
        new(id, Path.GetFullPath(request.NewDirectory), Path.GetFullPath(request.DataDirectory), newHash, configHash, time.GetUtcNow(), null, []);

    /// <summary>Every step in order; those this run did not reach because the gate said no are "not needed".</summary>
    private static List<PipelineStepStatus> StepStatuses(PipelineSteps steps) =>
        [.. PipelineStepNames.All.Select(name => steps.Statuses.FirstOrDefault(s => s.Step == name)
            ?? new PipelineStepStatus(name, PipelineStepStatus.NotNeeded, null, null))];

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string F(double? value) => value?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "-";
}
