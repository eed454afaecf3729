namespace Wms.Serving;

/// <summary>Every log line of the server, source-generated and structured.</summary>
internal static partial class ServingLog
{
    [LoggerMessage(1, LogLevel.Information, "Serving model {ModelVersion} (run {RunId}, {Alias}) from {Source}, loaded and warmed up in {Seconds:F2} s")]
    public static partial void ModelLoaded(ILogger logger, string modelVersion, string runId, string alias, string source, double seconds);

    [LoggerMessage(2, LogLevel.Error, "Refused model {ModelVersion} from {Source}; still serving {CurrentVersion}: {Reason}")]
    public static partial void ModelRefused(ILogger logger, string modelVersion, string source, string currentVersion, string reason);

    [LoggerMessage(3, LogLevel.Warning, "No model from {Source} ({Reason}); not ready, trying again in {RetrySeconds:F0} s")]
    public static partial void ModelUnavailable(ILogger logger, string source, string reason, double retrySeconds);

    [LoggerMessage(4, LogLevel.Warning, "Could not ask {Source} for a newer model; still serving {CurrentVersion}: {Reason}")]
    public static partial void ModelPollFailed(ILogger logger, string source, string currentVersion, string reason);

    [LoggerMessage(5, LogLevel.Information, "Retired model {ModelVersion} after its last request")]
    public static partial void ModelRetired(ILogger logger, string modelVersion);

    [LoggerMessage(6, LogLevel.Debug, "Prediction refused ({Reason}, HTTP {Status}): {Detail}")]
    public static partial void PredictionRefused(ILogger logger, string reason, int status, string detail);

    [LoggerMessage(7, LogLevel.Error, "Inference failed for {ImageName} on model {ModelVersion}")]
    public static partial void InferenceFailed(ILogger logger, Exception exception, string imageName, string modelVersion);

    [LoggerMessage(8, LogLevel.Warning, "Inference queue full ({Capacity} waiting); answering 503")]
    public static partial void QueueFull(ILogger logger, int capacity);

    [LoggerMessage(9, LogLevel.Information, "Shutting down: readiness fails now, requests still served for {DelaySeconds:F1} s, then drained")]
    public static partial void Draining(ILogger logger, double delaySeconds);

    [LoggerMessage(10, LogLevel.Information, "Model source: {Source}; {Threads} ONNX Runtime threads per inference, polled every {PollSeconds:F0} s")]
    public static partial void ModelSource(ILogger logger, string source, int threads, double pollSeconds);

    [LoggerMessage(11, LogLevel.Information, "Inference: {Workers} workers, {Inferences} inference(s) at a time, up to {Capacity} photos waiting")]
    public static partial void QueueStarted(ILogger logger, int workers, int inferences, int capacity);
}
