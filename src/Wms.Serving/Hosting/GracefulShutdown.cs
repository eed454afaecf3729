using Microsoft.Extensions.Options;

namespace Wms.Serving.Hosting;

/// <summary>
/// SIGTERM: readiness fails first, requests are still served for <see cref="ServingOptions.ShutdownDelay"/>
/// (so the load balancer stops sending), then Kestrel stops listening and drains requests in flight
/// for up to <see cref="ServingOptions.DrainTimeout"/>. Runs before any service stops.
/// </summary>
internal sealed class GracefulShutdown(ShutdownState state, IOptions<ServingOptions> options, TimeProvider time, ILogger<GracefulShutdown> logger)
    : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        state.BeginDraining();
        var delay = options.Value.ShutdownDelay;
        ServingLog.Draining(logger, delay.TotalSeconds);
        if (delay > TimeSpan.Zero)
            await Task.Delay(delay, time, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
