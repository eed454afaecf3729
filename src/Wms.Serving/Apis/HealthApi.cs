using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wms.Serving.Contracts;
using Wms.Serving.Models;

namespace Wms.Serving.Apis;

/// <summary>
/// <c>GET /health</c> is liveness: 200 while the process serves HTTP, in the original's JSON shape
/// with <c>model_loaded</c>. Unlike the original it does not answer 503 without a model: a missing
/// model is not cured by a restart, and a liveness probe failing on it would restart-loop the pod.
/// <c>GET /ready</c> is readiness: 503 until a model is loaded and warmed up, and again once
/// shutdown begins.
/// </summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            Predicate = check => !check.Tags.Contains(ModelReadyHealthCheck.Tag),
            ResponseWriter = WriteHealthAsync,
        }).WithName("Health");
        app.MapHealthChecks("/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ModelReadyHealthCheck.Tag),
            ResponseWriter = WriteReadyAsync,
        }).WithName("Ready");
        return app;
    }

    private static Task WriteHealthAsync(HttpContext http, HealthReport report)
    {
        var loaded = http.RequestServices.GetRequiredService<CurrentModel>().IsLoaded;
        var body = new HealthResponse(loaded ? "healthy" : "no_model", loaded, PredictionResponse.Device);
        return WriteAsync(http, body, ServingJsonContext.Default.HealthResponse);
    }

    private static Task WriteReadyAsync(HttpContext http, HealthReport report)
    {
        var model = http.RequestServices.GetRequiredService<CurrentModel>().Descriptor;
        var body = report.Status == HealthStatus.Healthy && model is not null
            ? new ReadyResponse("ready", model.Version, model.RunId, null)
            : new ReadyResponse("not_ready", null, null, string.Join("; ", report.Entries.Values.Select(e => e.Description).OfType<string>()));
        return WriteAsync(http, body, ServingJsonContext.Default.ReadyResponse);
    }

    private static Task WriteAsync<T>(HttpContext http, T body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        http.Response.ContentType = "application/json";
        http.Response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(http.Response.Body, body, type, http.RequestAborted);
    }
}
