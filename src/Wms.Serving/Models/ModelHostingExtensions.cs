using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Wms.Core;
using Wms.Core.Tracking;

namespace Wms.Serving.Models;

/// <summary>The model's source, its loader, the current model and the hot-reload loop.</summary>
public static class ModelHostingExtensions
{
    public static WebApplicationBuilder AddModelHosting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ModelOptions>().BindConfiguration(ModelOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        // The registry (embedded store under the content root's .wms/, or MLflow) for MODEL_VERSION.
        builder.Services.TryAddSingleton(new Workspace(builder.Environment.ContentRootPath));
        builder.Services.AddWmsTracking();
        builder.Services.TryAddSingleton<IModelSource>(services => CreateSource(services));
        builder.Services.AddSingleton<ModelLoader>();
        builder.Services.AddSingleton<CurrentModel>();
        builder.Services.AddHostedService<ModelReloader>();
        return builder;
    }

    /// <summary>MODEL_PATH when set, else the registry (embedded store, or MLflow with MLFLOW_TRACKING_URI).</summary>
    private static IModelSource CreateSource(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ModelOptions>>().Value;
        var root = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        if (!string.IsNullOrWhiteSpace(options.Path))
            return new FileModelSource(Path.GetFullPath(options.Path, root));
        return ActivatorUtilities.CreateInstance<RegistryModelSource>(services);
    }
}
