using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Wms.Serving.Contracts;
using Wms.Serving.Inference;
using Wms.Serving.Observability;
using Wms.Serving.Uploads;

namespace Wms.Serving.Apis;

/// <summary>
/// <c>POST /predict/batch</c>. A batch keeps at most one photo per worker in the queue, so it
/// cannot crowd out single requests; each photo succeeds or fails on its own.
/// </summary>
internal static class BatchPredictionEndpoint
{
    public static async Task<Results<Ok<BatchPredictionResponse>, ProblemHttpResult, EmptyHttpResult>> PredictBatchAsync(
        HttpContext http, PredictionService service, ProblemResults problems, ServingMetrics metrics)
    {
        var start = Stopwatch.GetTimestamp();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        budget.CancelAfter(service.Limits.RequestTimeout);
        IReadOnlyList<UploadedImage> images;
        try
        {
            service.EnsureModel();
            images = await UploadReader.ReadAsync(http.Request, service.Limits.MaxBatchRequestBytes, service.Limits.MaxBatchFiles, budget.Token);
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

        var results = new BatchItem[images.Count];
        using var slots = new SemaphoreSlim(service.Workers);
        await Task.WhenAll(images.Select(async (image, index) =>
        {
            try
            {
                await slots.WaitAsync(budget.Token);
                try
                {
                    var result = await service.PredictAsync(image, waitForRoom: true, budget.Token);
                    service.Succeeded(start);
                    results[index] = new BatchItem(index, image.Name, "success", Convert.ToBase64String(result.MaskPng), PredictionResponse.MetadataOf(result), null);
                }
                finally
                {
                    slots.Release();
                }
            }
            catch (PredictionFailure failure)
            {
                results[index] = Failed(index, image, failure, metrics);
            }
            catch (OperationCanceledException) when (budget.IsCancellationRequested)
            {
                results[index] = Failed(index, image, service.Cancelled(http), metrics);
            }
        }));

        var succeeded = results.Count(r => r.Error is null);
        var status = succeeded == results.Length ? "success" : succeeded == 0 ? "failed" : "partial";
        return TypedResults.Ok(new BatchPredictionResponse(status, results.Length, succeeded, results.Length - succeeded, results));
    }

    private static BatchItem Failed(int index, UploadedImage image, PredictionFailure failure, ServingMetrics metrics)
    {
        metrics.CountError(failure.Error);
        var e = failure.Error;
        return new BatchItem(index, image.Name, "error", null, null, new BatchItemError(e.StatusCode, e.Reason, e.Title, failure.Message));
    }
}
