namespace Wms.Serving.Inference;

/// <summary>
/// Every way a prediction can be refused or fail: its HTTP status, its ProblemDetails title and
/// its <c>reason</c> (the label of <c>wms_predict_errors_total</c> and a field of the problem).
/// </summary>
public sealed record PredictionError(string Reason, int StatusCode, string Title)
{
    public static readonly PredictionError NotAnImage = new("not_an_image", 400, "Not a readable JPEG or PNG image");
    public static readonly PredictionError MalformedRequest = new("malformed_request", 400, "Malformed request body");
    public static readonly PredictionError Unauthorized = new("unauthorized", 401, "Missing or wrong API key");
    public static readonly PredictionError TooLarge = new("too_large", 413, "Request body too large");
    public static readonly PredictionError TooManyPixels = new("too_many_pixels", 413, "Image has too many pixels");
    public static readonly PredictionError TooManyFiles = new("too_many_files", 413, "Too many photos in one batch");
    public static readonly PredictionError UnsupportedMediaType = new("unsupported_media_type", 415, "Unsupported media type");
    public static readonly PredictionError UploadTimeout = new("upload_timeout", 408, "Request body too slow");
    public static readonly PredictionError MissingFile = new("missing_file", 422, "No photo in the request");
    public static readonly PredictionError ModelError = new("model_error", 500, "Inference failed");
    public static readonly PredictionError OutOfMemory = new("out_of_memory", 503, "Server out of memory");
    public static readonly PredictionError NoModel = new("no_model", 503, "No model loaded");
    public static readonly PredictionError QueueFull = new("queue_full", 503, "Server busy");
    public static readonly PredictionError Timeout = new("timeout", 503, "Prediction timed out");
    public static readonly PredictionError Cancelled = new("cancelled", 499, "Client closed the request");

    public static readonly IReadOnlyList<PredictionError> All =
        [NotAnImage, MalformedRequest, Unauthorized, TooLarge, TooManyPixels, TooManyFiles, UnsupportedMediaType, UploadTimeout, MissingFile, ModelError,
            OutOfMemory, NoModel, QueueFull, Timeout, Cancelled];

    /// <summary>503s say when to come back.</summary>
    public bool IsRetryable => StatusCode == 503;
}
