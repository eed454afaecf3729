using Microsoft.Extensions.Options;
using Wms.Serving.Inference;
using Wms.Serving.Models;
using Wms.Serving.Observability;
using Wms.Serving.Uploads;

namespace Wms.Serving.Apis;

/// <summary>What both prediction endpoints do with a photo: check it, queue it, await its mask.</summary>
internal sealed class PredictionService(InferenceQueue queue, CurrentModel model, ServingMetrics metrics, IOptions<ServingOptions> options)
{
    public ServingOptions Limits => options.Value;

    public int Workers => queue.Workers;

    /// <summary>Refuses at once when no model is loaded (before the body is read).</summary>
    public void EnsureModel()
    {
        if (!model.IsLoaded)
            throw new PredictionFailure(PredictionError.NoModel, "no model is loaded yet; see /ready");
    }

    /// <param name="image">The photo as uploaded.</param>
    /// <param name="waitForRoom">False: a full queue fails at once (503). True: wait for room (a batch's later photos).</param>
    /// <param name="cancellationToken">The request's budget (timeout and client abort).</param>
    public async Task<PredictionResult> PredictAsync(UploadedImage image, bool waitForRoom, CancellationToken cancellationToken)
    {
        metrics.RequestImageBytes.Observe(image.Bytes.Length);
        ImageInspector.Inspect(image, options.Value.MaxImagePixels);
        var job = new InferenceJob(image, cancellationToken);
        if (waitForRoom)
            await queue.EnqueueAsync(job, cancellationToken);
        else if (!queue.TryEnqueue(job))
            throw new PredictionFailure(PredictionError.QueueFull, $"all {queue.Workers} inference workers are busy and {queue.Capacity} photos are waiting; retry shortly");
        return await job.Completion.WaitAsync(cancellationToken);
    }

    public void Succeeded(long startTimestamp)
    {
        metrics.Predictions.Inc();
        metrics.Latency.Observe(System.Diagnostics.Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds);
    }

    /// <summary>Maps a cancellation to the reason: the client left, or the request ran out of time.</summary>
    public PredictionFailure Cancelled(HttpContext http) => http.RequestAborted.IsCancellationRequested
        ? new PredictionFailure(PredictionError.Cancelled, "the client closed the request")
        : new PredictionFailure(PredictionError.Timeout, $"no mask within the request timeout of {options.Value.RequestTimeout.TotalSeconds:0.###} s");
}
