using System.Diagnostics;
using Microsoft.Extensions.Options;
using Wms.Core;
using Wms.Serving.Inference;

namespace Wms.Serving.Models;

/// <summary>
/// Turns a local model into a <see cref="LoadedModel"/>: checks the hash the source promised,
/// loads the session and runs a warm-up inference. Anything wrong is a <see cref="WmsException"/>,
/// and the model in service is untouched.
/// </summary>
internal sealed class ModelLoader(IOptions<ModelOptions> options, ILogger<ModelLoader> logger)
{
    public int Threads => options.Value.Threads > 0 ? options.Value.Threads : Environment.ProcessorCount;

    public async Task<(LoadedModel Model, double Seconds)> LoadAsync(LocalModel local, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        if (!File.Exists(local.OnnxPath))
            throw WmsException.NotFound($"{local.OnnxPath}: model file not found");
        var actual = await FileHash.Sha256Async(local.OnnxPath, cancellationToken);
        var expected = local.Descriptor.Sha256;
        if (expected.Length > 0 && !string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase))
            throw new WmsException($"{local.OnnxPath}: SHA-256 {actual} does not match the expected {expected} (corrupt or partial download)");

        var descriptor = local.Descriptor with { Sha256 = actual };
        if (descriptor.Version.Length == 0) descriptor = descriptor with { Version = "sha256:" + actual[..12] };

        // Loading and the warm-up inference are CPU work: keep them off the caller's thread.
        var engine = await Task.Run(() =>
        {
            var model = MaskModel.Load(local.OnnxPath, Threads);
            try
            {
                model.WarmUp();
                return model;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                model.Dispose();
                throw new WmsException($"{local.OnnxPath}: warm-up inference failed ({e.Message})", WmsErrorKind.InvalidInput, e);
            }
        }, cancellationToken);
        return (new LoadedModel(engine, descriptor, d => ServingLog.ModelRetired(logger, d.Version)), Stopwatch.GetElapsedTime(start).TotalSeconds);
    }
}
