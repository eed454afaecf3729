using System.Text.Json;
using System.Text.Json.Nodes;
using Wms.Core.Models;
using Wms.Core.Registry;
using Wms.Core.Tracking;
using Wms.Core.Tracking.Embedded;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Cli.Tests.Gate;

/// <summary>
/// A workspace with stripe photos (<see cref="StripePhotos"/>) and an embedded store seeded as
/// training and promotion leave it: runs with a model folder of a tiny colour-rule ONNX model,
/// final_test_* metrics and a metrics.json listing their test photos.
/// </summary>
public sealed class GateWorkspace : IDisposable
{
    public const int Size = 64;
    private readonly TempDirectory _temp = new("wms-gate");

    public GateWorkspace()
    {
        Store = new SqliteTrackingStore(Path.Combine(_temp.Path, ".wms"));
        // Six photos in the folder, of which the runs list four as their test split.
        Data = StripePhotos.WriteDataset(_temp.Path, Enumerable.Range(0, 6).Select(i => $"meter_{i}"), Size);
        Settings = new Dictionary<string, string?>
        {
            ["GITHUB_OUTPUT"] = Path.Combine(_temp.Path, "github_output"),
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(_temp.Path, "step_summary.md"),
        };
    }

    public static readonly string[] TestStems = ["meter_1", "meter_2", "meter_4", "meter_5"];

    public SqliteTrackingStore Store { get; }
    public string Root => _temp.Path;
    public string Data { get; }
    public Dictionary<string, string?> Settings { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A FINISHED run with the model, the stored metrics given and its metrics.json.</summary>
    public async Task<string> RunAsync(byte[] onnx, double storedDice, double storedIou, RunStatus status = RunStatus.Finished, bool withMetricsFile = true)
    {
        var experiment = await Store.GetOrCreateExperimentAsync(RegistryNames.ModelName, Ct);
        var run = await Store.CreateRunAsync(experiment.ExperimentId, "training", cancellationToken: Ct);
        var now = DateTimeOffset.UtcNow;
        await Store.LogBatchAsync(run.RunId, [new Metric(ModelMetrics.Dice, storedDice, 0, now), new Metric(ModelMetrics.Iou, storedIou, 0, now)],
            new Dictionary<string, string> { ["seed"] = "42" }, cancellationToken: Ct);
        using var folder = new TempDirectory("wms-gate-model");
        ModelFolderWriter.Write(folder.Combine("model"), new ModelFolderContent { Onnx = onnx, ImageSize = Size, RunId = run.RunId });
        await Store.LogArtifactsAsync(run.RunId, folder.Combine("model"), RegistryNames.ModelArtifactPath, Ct);
        var metrics = new JsonObject
        {
            ["status"] = "completed",
            ["data_directory"] = Data,
            ["split"] = new JsonObject { ["train"] = new JsonArray("meter_0"), ["val"] = new JsonArray("meter_3"), ["test"] = new JsonArray([.. TestStems.Select(s => JsonValue.Create(s))]) },
        };
        var file = folder.Combine("metrics.json");
        await File.WriteAllTextAsync(file, metrics.ToJsonString(), Ct);
        if (withMetricsFile) await Store.LogArtifactAsync(run.RunId, file, cancellationToken: Ct);
        await Store.EndRunAsync(run.RunId, status, Ct);
        return run.RunId;
    }

    /// <summary>A run registered and made Production; returns its version.</summary>
    public async Task<int> ProductionAsync(byte[] onnx, double storedDice = 0.9, double storedIou = 0.85)
    {
        var runId = await RunAsync(onnx, storedDice, storedIou);
        var version = await Store.CreateModelVersionAsync(RegistryNames.ModelName, runId, RegistryNames.ModelArtifactPath, cancellationToken: Ct);
        await Store.PromoteAsync(RegistryNames.ModelName, version.Version, cancellationToken: Ct);
        return version.Version;
    }

    public Task<CliResult> GateAsync(params string[] args) => CliRunner.RunAsync(Root, ["gate", .. args], Settings, cancellationToken: Ct);

    public async Task<JsonElement> GateJsonAsync(int expectedExit, params string[] args)
    {
        var result = await GateAsync([.. args, "--format", "json"]);
        Assert.True(result.ExitCode == expectedExit, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    /// <summary>The key=value lines written to $GITHUB_OUTPUT.</summary>
    public Dictionary<string, string> Outputs() => File.ReadAllLines(Settings["GITHUB_OUTPUT"]!)
        .Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

    public string Summary() => File.ReadAllText(Settings["GITHUB_STEP_SUMMARY"]!);

    public void Dispose()
    {
        Store.Dispose();
        _temp.Dispose();
    }
}
