using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wms.Core.Registry;
using Wms.Core.Tracking.Embedded;
using Wms.Core.Tracking.Mlflow;

namespace Wms.Core.Tracking;

/// <summary>Registers the tracking backend chosen by configuration.</summary>
public static class TrackingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="TrackingOptions"/> (MLFLOW_* keys, WMS_HOME and the <c>Tracking</c>
    /// section), and one backend as both <see cref="ITrackingStore"/> and <see cref="IModelRegistry"/>:
    /// <see cref="MlflowTrackingStore"/> when MLFLOW_TRACKING_URI is set, else
    /// <see cref="SqliteTrackingStore"/> under the workspace. Idempotent; creating the backend does no I/O.
    /// </summary>
    public static IServiceCollection AddWmsTracking(this IServiceCollection services)
    {
        // Every property names its full key (MLFLOW_TRACKING_URI, Tracking:Root), so binding the root
        // reads nothing else: an unrelated variable such as HOME never lands in an option.
        services.AddOptions<TrackingOptions>().Configure<IConfiguration>((options, configuration) => configuration.Bind(options));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITrackingStore>(CreateBackend);
        services.TryAddSingleton(sp => (IModelRegistry)sp.GetRequiredService<ITrackingStore>());
        return services;
    }

    private static ITrackingStore CreateBackend(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<TrackingOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        if (options.UsesMlflow)
            return new MlflowTrackingStore(options, time, services.GetService<ILogger<MlflowTrackingStore>>());
        var workspace = services.GetService<Workspace>() ?? Workspace.Current();
        return new SqliteTrackingStore(options.EmbeddedRoot(workspace), time);
    }
}
