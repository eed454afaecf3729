using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wms.Serving.Contracts;
using Wms.Serving.Inference;
using Wms.Serving.Uploads;

namespace Wms.Serving.Apis;

/// <summary><c>POST /predict</c> and <c>POST /predict/batch</c>, behind the optional API key.</summary>
internal static class PredictionApi
{
    public static IEndpointRouteBuilder MapPredictionApi(this IEndpointRouteBuilder app)
    {
        // The workers start with the app, not with the first request.
        app.ServiceProvider.GetRequiredService<InferenceQueue>();
        // An empty prefix, so the routes (and http_route labels) read /predict, not /predict/.
        var group = app.MapGroup("").WithTags("Predictions").AddEndpointFilter<ApiKeyFilter>();

        group.MapPost("/predict", PredictAsync)
            .WithName("Predict")
            .WithSummary("Segments the counter in one photo: multipart field 'image' (or 'file'), or a raw image/jpeg or image/png body. JSON, or the mask PNG with Accept: image/png.");
        group.MapPost("/predict/batch", BatchPredictionEndpoint.PredictBatchAsync)
            .WithName("PredictBatch")
            .WithSummary("Segments several photos (multipart, one file part each); per-photo results and errors.");
        return app;
    }

    public static async Task<Results<Ok<PredictionResponse>, FileContentHttpResult, ProblemHttpResult, EmptyHttpResult>> PredictAsync(
        HttpContext http, PredictionService service, ProblemResults problems)
    {
        var start = Stopwatch.GetTimestamp();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        budget.CancelAfter(service.Limits.RequestTimeout);
        try
        {
            service.EnsureModel();
            var images = await UploadReader.ReadAsync(http.Request, service.Limits.MaxRequestBytes, 1, budget.Token);
            var result = await service.PredictAsync(images[0], waitForRoom: false, budget.Token);
            service.Succeeded(start);
            return WantsPng(http.Request) ? Png(http, result) : TypedResults.Ok(PredictionResponse.From(result));
        }
        catch (PredictionFailure failure)
        {
            return problems.From(http, failure);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            var failure = service.Cancelled(http);
            var problem = problems.From(http, failure);
            return failure.Error == PredictionError.Cancelled ? TypedResults.Empty : problem;
        }
    }

    /// <summary>The mask PNG itself when the client prefers image/png to JSON (the metadata goes in headers).</summary>
    private static bool WantsPng(HttpRequest request)
    {
        double png = 0, json = 0;
        foreach (var accept in request.GetTypedHeaders().Accept)
        {
            var quality = accept.Quality ?? 1;
            var type = accept.MediaType.Value?.ToLowerInvariant();
            if (type is "image/png" or "image/*") png = Math.Max(png, quality);
            if (type is "application/json" or "application/*" or "*/*") json = Math.Max(json, quality);
        }
        return png > json;
    }

    private static FileContentHttpResult Png(HttpContext http, PredictionResult result)
    {
        var headers = http.Response.Headers;
        headers["X-Model-Version"] = result.Model.Version;
        headers["X-Model-Run-Id"] = result.Model.RunId;
        headers["X-Input-Size"] = $"{result.InputWidth},{result.InputHeight}";
        headers["X-Latency-Seconds"] = result.LatencySeconds.ToString("0.####", CultureInfo.InvariantCulture);
        headers["X-Coverage-Percent"] = result.CoveragePercent.ToString("0.###", CultureInfo.InvariantCulture);
        return TypedResults.File(result.MaskPng, "image/png");
    }
}
