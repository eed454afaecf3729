using Wms.Core.Native;
using Wms.Serving.Apis;
using Wms.Serving.Hosting;
using Wms.Serving.Inference;
using Wms.Serving.Models;
using Wms.Serving.Observability;

namespace Wms.Serving;

/// <summary>
/// The server's table of contents, shared by its own executable (Program.cs) and `wms serve`, so
/// both start exactly the same app.
/// </summary>
public static class ServingApplication
{
    public static WebApplicationBuilder AddWmsServing(this WebApplicationBuilder builder)
    {
        // Native memory: one malloc arena per core, not glibc's eight (GlibcMalloc.LimitArenas).
        GlibcMalloc.LimitArenas(Environment.ProcessorCount);
        // Limits, API key and timeouts, validated at start; the original's MODEL_PATH/MODEL_VERSION still work.
        builder.AddServingOptions();
        // Errors are ProblemDetails JSON with a reason, never an HTML page or a bare 500.
        builder.AddServingErrors();
        // The model: from MODEL_PATH or the registry, loaded beside the old one, hot-reloaded.
        builder.AddModelHosting();
        // Inference on dedicated threads behind a bounded queue: a full queue answers 503 at once.
        builder.AddInferenceQueue();
        // Prometheus metrics and the live/ready health checks, in one place.
        builder.AddWmsObservability();
        // SIGTERM: readiness fails first, then requests in flight drain.
        builder.AddGracefulShutdown();
        return builder;
    }

    public static WebApplication MapWmsServing(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Open: probes, the scraper and people (the upload page sends the API key itself).
        app.MapHealthApi();
        app.MapWmsMetrics();
        app.MapUploadPage();
        // Behind the optional API key.
        app.MapPredictionApi();
        return app;
    }
}
