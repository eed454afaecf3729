using Wms.Core.Models;
using Wms.Core.Registry;
using Wms.Core.Tracking;
using Wms.Core.Tracking.Embedded;
using Wms.Tests.Shared;

namespace Wms.Serving.Tests.Fixtures;

/// <summary>
/// A real embedded registry (SQLite + artifact folder) in a temp folder, as `wms train` and
/// `wms promote` leave it: a run with a model folder (MLmodel, model.onnx, wms-model.json hashes),
/// registered and promoted to Production.
/// </summary>
public sealed class EmbeddedRegistry : IDisposable
{
    private readonly TempDirectory _directory = new("wms-registry");
    private int _uploads;

    public EmbeddedRegistry() => Store = new SqliteTrackingStore(Root);

    public SqliteTrackingStore Store { get; }

    public string Root => _directory.Combine(".wms");

    public string CacheDirectory => _directory.Combine("cache");

    /// <summary>Settings that make the app serve <paramref name="reference"/> from this registry, polling every 50 ms.</summary>
    public Dictionary<string, string?> Settings(string reference = "production") => ServedModel.Settings(null,
        ("Serving:Model:Version", reference), ("Tracking:Root", Root), ("Serving:Model:CacheDirectory", CacheDirectory),
        ("Serving:Model:PollInterval", "00:00:00.050"), ("Serving:Inference:Concurrency", "2"));

    /// <summary>Logs a run whose artifact folder <c>model</c> holds <paramref name="onnx"/>, registers it and returns the version.</summary>
    public async Task<ModelVersion> RegisterAsync(byte[] onnx, CancellationToken cancellationToken)
    {
        var experiment = await Store.GetOrCreateExperimentAsync(RegistryNames.ModelName, cancellationToken);
        var run = await Store.CreateRunAsync(experiment.ExperimentId, $"run-{++_uploads}", cancellationToken: cancellationToken);
        var folder = _directory.Combine($"upload-{_uploads}");
        ModelFolderWriter.Write(folder, new ModelFolderContent { Onnx = onnx, RunId = run.RunId });
        await Store.LogArtifactsAsync(run.RunId, folder, RegistryNames.ModelArtifactPath, cancellationToken);
        await Store.EndRunAsync(run.RunId, RunStatus.Finished, cancellationToken);
        return await Store.CreateModelVersionAsync(RegistryNames.ModelName, run.RunId, RegistryNames.ModelArtifactPath, cancellationToken: cancellationToken);
    }

    /// <summary>Registers and promotes to Production (alias production + stage Production).</summary>
    public async Task<ModelVersion> PublishAsync(byte[] onnx, CancellationToken cancellationToken)
    {
        var version = await RegisterAsync(onnx, cancellationToken);
        await Store.PromoteAsync(RegistryNames.ModelName, version.Version, cancellationToken: cancellationToken);
        return version;
    }

    /// <summary>The stored copy of a version's ONNX file (to tamper with it, as a bad upload or a bit flip would).</summary>
    public string StoredOnnx(ModelVersion version) => Directory
        .GetFiles(Store.ArtifactRoot, ModelContract.OnnxFileName, SearchOption.AllDirectories)
        .Single(f => f.Contains(version.RunId!, StringComparison.Ordinal));

    public void Dispose()
    {
        Store.Dispose();
        _directory.Dispose();
    }
}
