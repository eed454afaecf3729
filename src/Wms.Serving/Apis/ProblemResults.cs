using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Wms.Serving.Inference;
using Wms.Serving.Observability;

namespace Wms.Serving.Apis;

/// <summary>Turns a <see cref="PredictionFailure"/> into its ProblemDetails (with <c>reason</c>), counts it and logs it.</summary>
internal sealed class ProblemResults(ServingMetrics metrics, IOptions<InferenceQueueOptions> inference, ILogger<ProblemResults> logger)
{
    public ProblemHttpResult From(HttpContext http, PredictionFailure failure)
    {
        var error = failure.Error;
        metrics.CountError(error);
        ServingLog.PredictionRefused(logger, error.Reason, error.StatusCode, failure.Message);
        if (error.IsRetryable)
            http.Response.Headers.RetryAfter = inference.Value.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(failure.Message, statusCode: error.StatusCode, title: error.Title,
            extensions: new Dictionary<string, object?> { ["reason"] = error.Reason });
    }
}
