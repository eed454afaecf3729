using Wms.Core.Registry;
using Wms.Core.Registry.Promotion;
using Wms.Core.Tracking;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Core.Tests.Tracking.Contract;

/// <summary>
/// The behaviour every tracking backend must show. Each backend runs the same tests through a
/// subclass (embedded SQLite, the in-test MLflow server, a real MLflow server when
/// WMS_TEST_MLFLOW_URI is set), so the backends stay interchangeable. Names are unique per test,
/// so a shared real server can run them.
/// </summary>
public abstract partial class TrackingBackendContract : IAsyncLifetime
{
    private readonly List<IDisposable> _backends = [];

    protected TempDirectory Temp { get; } = new("wms-tracking");
    protected string ExperimentName { get; } = "wms-test-" + Guid.NewGuid().ToString("N")[..10];
    protected string ModelName { get; } = "wms-test-model-" + Guid.NewGuid().ToString("N")[..10];
    protected ITrackingStore Store { get; private set; } = null!;
    protected IModelRegistry Registry { get; private set; } = null!;
    protected static PromotionActor Actor { get; } = new("tester", "test-host");
    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A new client of the same backend (another process would have its own).</summary>
    protected abstract Task<ITrackingStore> ConnectAsync();

    public virtual async ValueTask InitializeAsync()
    {
        Store = await NewClientAsync();
        Registry = (IModelRegistry)Store;
    }

    public virtual ValueTask DisposeAsync()
    {
        foreach (var backend in _backends) backend.Dispose();
        Temp.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected async Task<ITrackingStore> NewClientAsync()
    {
        var store = await ConnectAsync();
        if (store is IDisposable disposable) _backends.Add(disposable);
        return store;
    }

    protected ModelPromoter Promoter(ITrackingStore? store = null) =>
        new(store ?? Store, (IModelRegistry)(store ?? Store), TimeProvider.System, ModelName);

    protected Task<RunInfo> SeedRunAsync(double dice = 0.8, double iou = 0.7, bool withModel = true, RunStatus status = RunStatus.Finished) =>
        TrackingSeed.RunWithModelAsync(Store, ExperimentName, dice, iou, withModel: withModel, status: status);

    protected async Task<string> NewRunAsync()
    {
        var experiment = await Store.GetOrCreateExperimentAsync(ExperimentName, Cancel);
        return (await Store.CreateRunAsync(experiment.ExperimentId, "contract", cancellationToken: Cancel)).RunId;
    }

    protected static async Task<WmsException> ThrowsWms(WmsErrorKind kind, Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<WmsException>(action);
        Assert.Equal(kind, error.Kind);
        return error;
    }

    protected async Task<IReadOnlyList<ModelVersion>> VersionsAsync() => await Registry.ListModelVersionsAsync(ModelName, Cancel);
}
