using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wms.Serving.Hosting;
using Wms.Serving.Models;

namespace Wms.Serving.Apis;

/// <summary>Ready = a model is loaded and warmed up, and the server is not shutting down.</summary>
internal sealed class ModelReadyHealthCheck(CurrentModel model, ShutdownState shutdown) : IHealthCheck
{
    public const string Tag = "ready";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(shutdown.IsDraining ? HealthCheckResult.Unhealthy("shutting down")
            : model.Descriptor is null ? HealthCheckResult.Unhealthy("no model loaded yet")
            : HealthCheckResult.Healthy());
}
