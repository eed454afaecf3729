using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Wms.Serving.Contracts;

namespace Wms.Serving.Hosting;

/// <summary>Server-wide concerns: options, listening address, JSON, errors, shutdown.</summary>
public static class HostingExtensions
{
    /// <summary>The original listened on port 8000 on every interface (container port 8000).</summary>
    public const string DefaultUrl = "http://0.0.0.0:8000";

    public static WebApplicationBuilder AddServingOptions(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddLegacyEnvironmentNames();
        builder.Services.AddOptions<ServingOptions>().BindConfiguration(ServingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrEmpty(builder.Configuration["HTTP_PORTS"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_HTTP_PORTS"]))
            builder.WebHost.UseUrls(DefaultUrl);
        return builder;
    }

    /// <summary>Every error body is ProblemDetails JSON; a Kestrel-level refusal keeps its status (e.g. 413), not 500.</summary>
    public static WebApplicationBuilder AddServingErrors(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ServingJsonContext.Default));
        builder.Services.Configure<ExceptionHandlerOptions>(o => o.StatusCodeSelector = e =>
            e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
        return builder;
    }

    public static WebApplicationBuilder AddGracefulShutdown(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ShutdownState>();
        builder.Services.AddHostedService<GracefulShutdown>();
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<ServingOptions>>((host, serving) =>
            host.ShutdownTimeout = serving.Value.ShutdownDelay + serving.Value.DrainTimeout);
        return builder;
    }
}
