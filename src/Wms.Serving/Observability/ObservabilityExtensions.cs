using Prometheus;
using Wms.Serving.Apis;

namespace Wms.Serving.Observability;

/// <summary>Metrics and health checks, wired once (STYLE.md guideline 8).</summary>
public static class ObservabilityExtensions
{
    public static WebApplicationBuilder AddWmsObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        // One registry per app (not prometheus-net's static default), with the process series (RSS, CPU, GC).
        builder.Services.AddSingleton(_ =>
        {
            var registry = Metrics.NewCustomRegistry();
            DotNetStats.Register(registry);
            return registry;
        });
        builder.Services.AddSingleton<ServingMetrics>();
        builder.Services.AddSingleton<HttpServerMetrics>();
        builder.Services.AddHealthChecks().AddCheck<ModelReadyHealthCheck>("model", tags: [ModelReadyHealthCheck.Tag]);
        // "Not ready" is a state, not an error (the reloader logs why); the health service would log it as one.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Critical);
        // ASP.NET Core's per-request lines (6-12 per request, every probe and scrape included) drown the
        // model's own log; /metrics counts requests. Logging:LogLevel:Microsoft.AspNetCore brings them back.
        if (builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] is null)
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        return builder;
    }

    /// <summary><c>GET /metrics</c> in the Prometheus text format. NOTE: open, like /health, for the scraper; keep the port internal.</summary>
    public static IEndpointRouteBuilder MapWmsMetrics(this IEndpointRouteBuilder app)
    {
        // Created now so the listener sees the first request.
        app.ServiceProvider.GetRequiredService<HttpServerMetrics>();
        app.MapMetrics("/metrics", app.ServiceProvider.GetRequiredService<CollectorRegistry>()).WithName("Metrics");
        return app;
    }
}
