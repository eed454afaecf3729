using System.Diagnostics;
using Microsoft.Extensions.Options;
using Wms.Core;
using Wms.Core.Inference;
using Wms.Core.Models;

namespace Wms.Serving.Models;

/// <summary>
/// Turns a local model into a <see cref="LoadedModel"/> with the shared engine: the package is
/// opened and verified (MLmodel, <c>wms-model.json</c> hashes, the hash the source promised), the
/// session created and warmed up. Anything wrong is a <see cref="WmsException"/>, and the model in
/// service is untouched.
/// </summary>
internal sealed class ModelLoader(IOptions<ModelOptions> options, IOptions<ServingOptions> serving, ILogger<ModelLoader> logger)
{
    public int Threads => options.Value.Threads > 0 ? options.Value.Threads : Environment.ProcessorCount;

    public async Task<(LoadedModel Model, double Seconds)> LoadAsync(LocalModel local, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var engineOptions = new InferenceOptions
        {
            IntraOpThreads = Threads,
            AllowSpinning = options.Value.AllowSpinning,
            MaxPixels = serving.Value.MaxImagePixels,
            UseMemoryArena = false,
            WarmUp = true,
        };
        var expected = local.Descriptor.Sha256.Length > 0 ? local.Descriptor.Sha256 : null;
        // Hashing, loading and the warm-up inference are CPU work: off the caller's thread.
        var engine = await Task.Run(() => SegmentationEngine.Load(ModelPackage.Open(local.Path, expected), engineOptions), cancellationToken);

        var package = engine.Package;
        var d = local.Descriptor;
        var descriptor = d with
        {
            Version = d.Version.Length > 0 ? d.Version : "sha256:" + package.OnnxSha256[..12],
            RunId = d.RunId.Length > 0 ? d.RunId : package.RunId ?? "",
            Sha256 = package.OnnxSha256,
        };
        return (new LoadedModel(engine, descriptor, m => ServingLog.ModelRetired(logger, m.Version)), Stopwatch.GetElapsedTime(start).TotalSeconds);
    }
}
