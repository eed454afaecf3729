using Wms.Tests.Shared;
using Xunit;

namespace Wms.Deploy.Tests.Monitoring;

/// <summary>One Prometheus (no targets) for a test class; tests skip when it is not installed.</summary>
public sealed class PrometheusFixture : IAsyncLifetime
{
    private PrometheusServer? _server;

    public PrometheusServer Server => _server ?? throw new InvalidOperationException("call Require() first");

    public async ValueTask InitializeAsync()
    {
        if (PrometheusServer.FindTool() is not null)
            _server = await PrometheusServer.StartAsync();
    }

    /// <summary>The running server; skips the test when prometheus is not installed.</summary>
    public PrometheusServer Require()
    {
        PrometheusServer.RequireTool();
        return Server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
