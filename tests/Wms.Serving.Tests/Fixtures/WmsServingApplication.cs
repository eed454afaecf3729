using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Wms.Serving.Tests.Fixtures;

/// <summary>
/// The real app (every middleware, limit and filter on) in a test host. Configuration comes only
/// from <paramref name="settings"/> (keys as in appsettings, e.g. <c>Serving:Model:Path</c>).
/// </summary>
public sealed class WmsServingApplication(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Warnings and errors only: request logs would bury the test output.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureServices(services);
    }
}
