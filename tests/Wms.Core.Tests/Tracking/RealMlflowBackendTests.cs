using Wms.Core.Tests.Tracking.Contract;
using Wms.Core.Tracking;
using Wms.Core.Tracking.Mlflow;
using Xunit;

namespace Wms.Core.Tests.Tracking;

/// <summary>
/// The contract on a real MLflow 2.x server, when WMS_TEST_MLFLOW_URI names one (with
/// --serve-artifacts; MLFLOW_TRACKING_USERNAME/PASSWORD/TOKEN are honoured). Every test uses
/// fresh experiment and model names, so it can share a server; skipped otherwise.
/// </summary>
public sealed class RealMlflowBackendTests : TrackingBackendContract
{
    private const string Variable = "WMS_TEST_MLFLOW_URI";
    private readonly string _uri;

    public RealMlflowBackendTests()
    {
        _uri = Environment.GetEnvironmentVariable(Variable) ?? "";
        if (_uri.Length == 0) Assert.Skip($"set {Variable} to the URL of a real MLflow 2.x server to run the tracking contract against it");
    }

    protected override Task<ITrackingStore> ConnectAsync()
    {
        var options = MlflowTestOptions.For(new Uri(_uri));
        options.MlflowUsername = Environment.GetEnvironmentVariable("MLFLOW_TRACKING_USERNAME");
        options.MlflowPassword = Environment.GetEnvironmentVariable("MLFLOW_TRACKING_PASSWORD");
        options.MlflowToken = Environment.GetEnvironmentVariable("MLFLOW_TRACKING_TOKEN");
        options.BackoffFactorSeconds = 0.5;
        return Task.FromResult<ITrackingStore>(new MlflowTrackingStore(options));
    }
}
