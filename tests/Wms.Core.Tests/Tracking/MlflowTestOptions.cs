using Wms.Core.Tracking;

namespace Wms.Core.Tests.Tracking;

/// <summary>Options for a test client: quick retries so fault tests take milliseconds.</summary>
internal static class MlflowTestOptions
{
    public static TrackingOptions For(Uri server, int maxRetries = 3) => new()
    {
        MlflowTrackingUri = server.AbsoluteUri,
        MaxRetries = maxRetries,
        BackoffFactorSeconds = 0.01,
        BackoffJitterSeconds = 0,
        TimeoutSeconds = 10,
    };
}
