using Wms.Serving.Uploads;

namespace Wms.Serving.Inference;

/// <summary>A photo waiting in the queue, and the task its request awaits.</summary>
internal sealed class InferenceJob(UploadedImage image, CancellationToken cancellationToken)
{
    // Continuations run on the thread pool, never on the inference worker that completes the job.
    private readonly TaskCompletionSource<PredictionResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public UploadedImage Image { get; } = image;

    /// <summary>The request's: a job whose client left or timed out is skipped.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    public Task<PredictionResult> Completion => _completion.Task;

    public void Succeed(PredictionResult result) => _completion.TrySetResult(result);

    public void Fail(Exception error) => _completion.TrySetException(error);

    public void Cancel() => _completion.TrySetCanceled(CancellationToken);
}
