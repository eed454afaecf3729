using Wms.Core.Tests.Tracking.Contract;
using Wms.Core.Tests.Tracking.FakeMlflow;
using Wms.Core.Tracking;
using Wms.Core.Tracking.Mlflow;

namespace Wms.Core.Tests.Tracking;

/// <summary>The contract on the MLflow backend against the in-test server that answers as MLflow 2.17 did.</summary>
public sealed class FakeMlflowBackendTests : TrackingBackendContract
{
    private FakeMlflowServer? _server;

    public override async ValueTask InitializeAsync()
    {
        _server = await FakeMlflowServer.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
    }

    protected override Task<ITrackingStore> ConnectAsync() =>
        Task.FromResult<ITrackingStore>(new MlflowTrackingStore(MlflowTestOptions.For(_server!.BaseUri)));
}
